import type { Clock, IdGenerator } from '../../kernel/ports.js';
import type { TenantId } from '../../kernel/tenants.js';
import type { RuleSetRepository } from '../ports.js';
import type { RuleSet } from '../rule-set.js';
import { nextRuleSetVersion, versionsWithDefault, type RuleSetVersion } from '../rule-set-version.js';

/** What {@link saveRuleSet} needs. */
export interface SaveRuleSetDeps {
  readonly ruleSets: Pick<RuleSetRepository, 'list' | 'create'>;
  readonly clock: Clock;
  readonly newId: IdGenerator;
  /** The code defaults; tests pass their own. */
  readonly defaults?: readonly RuleSet[];
}

/** A save of one year's rules by a user of IMDi's tenant. */
export interface RuleSetEdit {
  readonly grantYear: number;
  /** Already checked by `ruleSetSchema`. */
  readonly ruleSet: RuleSet;
  /** The version the user edited; 0 for a year that has no rules yet. */
  readonly basedOnVersion: number;
  readonly by: { readonly userId: string; readonly tenantId: TenantId };
}

/**
 * IMDi saves a year's rules.
 *
 * Primary course: the year's versions are read (the code default as version 1 while none is
 * stored); the edit must be based on the latest; version n + 1 is written with the fields it
 * changes and its audit event — and the code default as version 1 when that was never stored, so
 * the history shows what the first edit started from. Rounds created before keep the version they
 * locked; new rounds use the new one.
 *
 * Alternatives:
 * - The edit is based on an older version, or another save takes the number at the same moment:
 *   `RuleSetChangedMeanwhileError` (409), nothing is written.
 * - The rule set names another year: `RuleSetYearMismatchError`.
 */
export async function saveRuleSet(deps: SaveRuleSetDeps, edit: RuleSetEdit): Promise<RuleSetVersion> {
  const versions = versionsWithDefault(await deps.ruleSets.list(edit.grantYear), edit.grantYear, deps.defaults);
  const current = versions.at(-1);
  const next = nextRuleSetVersion(current, { ...edit, at: deps.clock().toISOString(), by: edit.by.userId });
  const seed = current && !current.stored ? current : undefined;
  return deps.ruleSets.create(next, { tenantId: edit.by.tenantId, eventId: deps.newId() }, seed);
}
