import type { Kroner } from '../../kernel/money.js';
import type { RuleSet } from '../../rules/rule-set.js';
import type { AllocationProposal } from '../allocation-version.js';
import { decodeKeyFile, readKeyFile } from '../distribution-key.js';
import type { KeyImportReport } from '../key-matching.js';
import { matchToRegister, proposalFromReport } from '../managing-municipalities.js';
import type { TenantRepository } from '../ports.js';

/** What {@link importDistributionKey} needs: the register, for the year's managing municipalities. */
export interface ImportDistributionKeyDeps {
  readonly tenants: Pick<TenantRepository, 'list'>;
}

/** What an import gives: the report, and the proposal when the key covers every managing municipality. */
export interface KeyImport {
  readonly report: KeyImportReport;
  readonly proposal?: AllocationProposal;
}

/**
 * IMDi uploads the year's distribution key (SSB's CSV or a plain `kommunenummer;count` file).
 *
 * Primary course: the bytes are decoded (UTF-8 or Latin-1), read whole, matched to the year's
 * managing municipalities in the register, and the report comes back with the allocation of
 * `nationalFrame` the key gives, for IMDi to review before publishing. Nothing is stored.
 *
 * Alternatives:
 * - The file cannot be read (wrong delimiter, missing column, duplicate kommunenummer, a count that
 *   is negative, missing or not a number): its `KeyFileError`, naming the line.
 * - Managing municipalities are missing from the key: the report lists them and no proposal is made.
 * - No national frame is given: the report alone.
 */
export async function importDistributionKey(
  deps: ImportDistributionKeyDeps,
  input: {
    readonly grantYear: number;
    readonly bytes: Uint8Array;
    readonly rules: Pick<RuleSet, 'municipalShare' | 'splitRounding' | 'adminCostCap'>;
    readonly nationalFrame?: Kroner;
    /** The year column to read from an SSB file with several; the last column without it. */
    readonly statisticsYear?: number;
  },
): Promise<KeyImport> {
  const file = readKeyFile(decodeKeyFile(input.bytes), input.statisticsYear);
  if (!file.ok) throw file.error;
  const report = matchToRegister(file.value, await deps.tenants.list(), input.grantYear);
  if (report.missing.length > 0 || input.nationalFrame === undefined) return { report };
  return { report, proposal: proposalFromReport(report, input.nationalFrame, input.rules) };
}
