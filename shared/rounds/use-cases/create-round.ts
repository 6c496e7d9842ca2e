import type { RuleSets } from '../../rules/ports.js';
import { roundSettingsOf, type Call } from '../call.js';
import { RoundIdTakenError } from '../errors.js';
import type { CallRepository, RoundAudit } from '../ports.js';
import { assertRoundSettings, validateRoundSettings, type RuleViolation } from '../round-settings.js';
import { rulesOfRound } from '../round-rules.js';

export { rulesOfRound };

/** What {@link createRound} needs. */
export interface CreateRoundDeps {
  readonly calls: Pick<CallRepository, 'create'> & Partial<Pick<CallRepository, 'listByTenant'>>;
  readonly ruleSets: Pick<RuleSets, 'current'>;
}

/** Who creates the round, for its audit event; the officer's creation always has one. */
export type CreateRoundAudit = Omit<RoundAudit, 'action'>;

/** How often a taken round number is followed by the next before giving up. */
const NUMBER_ATTEMPTS = 5;

/** The number after the highest `<year>-<n>` round id of the year. */
export function nextRoundNumber(rounds: readonly Pick<Call, 'roundId'>[], grantYear: number): number {
  const pattern = new RegExp(`^${grantYear}-(\\d+)$`);
  return rounds.reduce((highest, round) => Math.max(highest, Number(pattern.exec(round.roundId)?.[1] ?? 0)), 0) + 1;
}

/**
 * An administrator creates a round under the year's current national rules.
 *
 * Primary course: the year's current rule-set version is read; the round's settings are checked
 * against it (a round may narrow the rules, never break them); the round is stored naming that
 * version, and the version is locked in the same transaction (with the audit event, when an
 * officer creates it), so IMDi's later changes become a new version that this round never sees.
 * A round without an id gets the next readable one of its year, `<year>-<n>`.
 *
 * Alternatives:
 * - The settings break a national rule: `RoundSettingsRejectedError` with every violation.
 * - The year has no rules: `UnknownGrantYearError`.
 * - Another officer took the number a moment ago: the next number is tried (a few times).
 */
export async function createRound(
  deps: CreateRoundDeps,
  call: Omit<Call, 'ruleSetVersion' | 'roundId'> & { roundId?: string },
  audit?: CreateRoundAudit,
): Promise<Call> {
  const rules = await deps.ruleSets.current(call.grantYear);
  const withId = (roundId: string): Call => ({ ...call, roundId, ruleSetVersion: rules.version });
  assertRoundSettings(rules.ruleSet, roundSettingsOf(withId(call.roundId ?? `${call.grantYear}-1`)));
  const store = (round: Call) => deps.calls.create(round, rules, audit && { ...audit, action: 'create' });
  if (call.roundId !== undefined) {
    const round = withId(call.roundId);
    await store(round);
    return round;
  }
  if (!deps.calls.listByTenant) throw new Error('Numbering a round needs the list of the tenant’s rounds');
  let number = nextRoundNumber(await deps.calls.listByTenant(call.tenantId), call.grantYear);
  for (let attempt = 1; ; attempt++, number++) {
    const round = withId(`${call.grantYear}-${number}`);
    try {
      await store(round);
      return round;
    } catch (error) {
      if (!(error instanceof RoundIdTakenError) || attempt >= NUMBER_ATTEMPTS) throw error;
    }
  }
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
