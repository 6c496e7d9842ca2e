import type { RuleSets } from '../../rules/ports.js';
import { roundSettingsOf, type Call } from '../call.js';
import type { CallRepository } from '../ports.js';
import { assertRoundSettings, validateRoundSettings, type RuleViolation } from '../round-settings.js';
import { rulesOfRound } from '../round-rules.js';

export { rulesOfRound };

/** What {@link createRound} needs. */
export interface CreateRoundDeps {
  readonly calls: Pick<CallRepository, 'create'>;
  readonly ruleSets: Pick<RuleSets, 'current'>;
}

/**
 * An administrator creates a round under the year's current national rules.
 *
 * Primary course: the year's current rule-set version is read; the round's settings are checked
 * against it (a round may narrow the rules, never break them); the round is stored naming that
 * version, and the version is locked in the same transaction, so IMDi's later changes become a
 * new version that this round never sees.
 *
 * Alternatives:
 * - The settings break a national rule: `RoundSettingsRejectedError` with every violation.
 * - The year has no rules: `UnknownGrantYearError`.
 */
export async function createRound(deps: CreateRoundDeps, call: Omit<Call, 'ruleSetVersion'>): Promise<Call> {
  const rules = await deps.ruleSets.current(call.grantYear);
  const round: Call = { ...call, ruleSetVersion: rules.version };
  assertRoundSettings(rules.ruleSet, roundSettingsOf(round));
  await deps.calls.create(round, rules);
  return round;
}

/**
 * Checks a round's (possibly changed) settings against the version of the rules the round uses —
 * not the year's current one, which may be newer than the round.
 */
export async function checkRoundSettings(ruleSets: Pick<RuleSets, 'version'>, call: Call): Promise<readonly RuleViolation[]> {
  const rules = await rulesOfRound(ruleSets, call);
  const result = validateRoundSettings(rules.ruleSet, roundSettingsOf(call));
  return result.ok ? [] : result.error;
}
