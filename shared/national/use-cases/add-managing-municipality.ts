import { parseKommunenummerIn } from '../../kernel/kommunenummer-validity.js';
import { sameKommune, type Kommunenummer } from '../../kernel/kommunenummer.js';
import type { Clock, IdGenerator } from '../../kernel/ports.js';
import { managingPeriodsOf, municipalTenantId, tenantIdSchema, type Tenant } from '../../kernel/tenants.js';
import type { TenantRepository } from '../ports.js';
import { KommunenummerNotValidInYearError } from '../register-errors.js';
import { periodsAfterAdding } from '../register.js';

/** What {@link addManagingMunicipality} needs. */
export interface AddManagingMunicipalityDeps {
  readonly tenants: Pick<TenantRepository, 'list' | 'read' | 'record'>;
  readonly clock: Clock;
  readonly newId: IdGenerator;
}

/** The municipality to add and from which grant year on. */
export interface AddManagingMunicipalityInput {
  readonly kommunenummer: string;
  readonly name: string;
  /** A role address; the assignment letter goes here. */
  readonly contactEmail: string;
  readonly fromYear: number;
  /** The token's subject. */
  readonly actor: string;
}

/**
 * IMDi adds a municipality to the register: it manages the scheme from `fromYear` on.
 *
 * Primary course: the kommunenummer is read as one valid in `fromYear`; a municipality new to the
 * register gets the tenant id `k<number>` and an open period from `fromYear`; the entry, its profile
 * and the audit event are written in one transaction.
 *
 * Alternatives:
 * - The number was not in use in `fromYear` (renumbered before or after, unknown county, bad
 *   format): `KommunenummerNotValidInYearError`, naming that year's number where it is known.
 * - The municipality is in the register (by the same municipality's number in any year) and
 *   retired: a new period is added to its entry; its name, number and contact become the given ones.
 * - It manages the scheme in `fromYear` or later already: `AlreadyManagingError`.
 * - Someone changed the entry (or added it) meanwhile: `ConcurrentChangeError`, nothing written.
 */
export async function addManagingMunicipality(deps: AddManagingMunicipalityDeps, input: AddManagingMunicipalityInput): Promise<Tenant> {
  const parsed = parseKommunenummerIn(input.kommunenummer, input.fromYear);
  if (!parsed.ok) throw new KommunenummerNotValidInYearError(input.kommunenummer, input.fromYear, parsed.error);
  const ref = { kommunenummer: parsed.value, validFrom: input.fromYear };
  const listed = (await deps.tenants.list()).find((tenant) =>
    tenant.kind === 'municipality' && tenant.kommunenummer
      && sameKommune(ref, { kommunenummer: tenant.kommunenummer as Kommunenummer, validFrom: tenant.kommunenummerValidFrom ?? input.fromYear }));
  const tenantId = listed?.tenantId ?? await freeTenantId(deps, parsed.value, input.fromYear);
  const read = listed ? await deps.tenants.read(listed.tenantId) : undefined;
  const current: Tenant = read?.tenant ?? { tenantId, kind: 'municipality', name: input.name, managingYears: [] };
  const after = periodsAfterAdding(current, input.fromYear);
  const tenant: Tenant = {
    ...current,
    name: input.name,
    kommunenummer: parsed.value,
    kommunenummerValidFrom: input.fromYear,
    contactEmail: input.contactEmail,
    managingYears: [],
    managingPeriods: after,
  };
  await deps.tenants.record({
    tenant,
    expectedVersion: read?.version,
    event: {
      eventId: deps.newId(), at: deps.clock().toISOString(), actor: input.actor, action: 'add',
      tenantId, kommunenummer: parsed.value, year: input.fromYear, before: read ? managingPeriodsOf(read.tenant) : [], after,
    },
  });
  return tenant;
}

/** The id of a municipality new to the register; one taken by another municipality (a reused number) gets the year. */
async function freeTenantId(deps: AddManagingMunicipalityDeps, kommunenummer: Kommunenummer, year: number) {
  const plain = municipalTenantId(kommunenummer);
  return (await deps.tenants.read(plain)) ? tenantIdSchema.parse(`${plain}-${year}`) : plain;
}
