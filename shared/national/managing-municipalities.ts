/**
 * Who takes part in a year's allocation: the municipalities the tenant register lists as managing
 * the scheme that year, and the proposal their keys give. Both the key import and the publish use
 * them, so an allocation is always computed from the register, never from a caller's list.
 */
import type { Kroner } from '../kernel/money.js';
import type { Kommunenummer } from '../kernel/kommunenummer.js';
import { managesIn, type Tenant } from '../kernel/tenants.js';
import type { RuleSet } from '../rules/rule-set.js';
import { IncompleteKeyError } from './allocation-errors.js';
import { proposeAllocation, type AllocationProposal } from './allocation-version.js';
import type { KeyFile } from './distribution-key.js';
import { matchKeyFile, type KeyImportReport, type ManagingMunicipality } from './key-matching.js';

/**
 * The managing municipalities of `grantYear`, from the register. A number stored without the year
 * it is valid from is read as valid in the grant year itself.
 */
export function managingMunicipalitiesOf(tenants: readonly Tenant[], grantYear: number): ManagingMunicipality[] {
  return tenants
    .filter((tenant) => tenant.kind === 'municipality' && tenant.kommunenummer && managesIn(tenant, grantYear))
    .map((tenant) => ({
      tenantId: tenant.tenantId,
      name: tenant.name,
      kommunenummer: { kommunenummer: tenant.kommunenummer as Kommunenummer, validFrom: tenant.kommunenummerValidFrom ?? grantYear },
    }));
}

/** A key given as numbers (as the publish request carries it), read like a plain key file. */
export function keyFileOf(keys: readonly { readonly kommunenummer: string; readonly key: number }[], statisticsYear?: number): KeyFile {
  return {
    layout: 'plain',
    ...(statisticsYear === undefined ? {} : { statisticsYear }),
    rows: keys.map((entry, index) => ({ line: index + 1, kommunenummer: entry.kommunenummer as Kommunenummer, count: entry.key })),
    ignored: [],
  };
}

/**
 * The proposal a matched key gives, or {@link IncompleteKeyError} naming the managing municipalities
 * the key has no figure for: dividing without them would give every other municipality too much.
 */
export function proposalFromReport(
  report: KeyImportReport,
  nationalFrame: Kroner,
  rules: Pick<RuleSet, 'municipalShare' | 'splitRounding' | 'adminCostCap'>,
): AllocationProposal {
  if (report.missing.length > 0) throw new IncompleteKeyError(report.grantYear, report.missing.map((m) => m.name));
  return proposeAllocation(report.grantYear, nationalFrame, rules, report.matched);
}

/** Matches a key to the year's managing municipalities in the register. */
export function matchToRegister(file: KeyFile, tenants: readonly Tenant[], grantYear: number): KeyImportReport {
  return matchKeyFile(file, managingMunicipalitiesOf(tenants, grantYear), grantYear);
}
