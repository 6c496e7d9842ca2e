import type { TenantId } from '../../kernel/tenants.js';
import type { LocalizedText } from '../../kernel/i18n.js';
import type { RuleSets } from '../../rules/ports.js';
import { roundSettingsOf, type Call } from '../call.js';
import { DeadlineNotLaterError, RoundChangedMeanwhileError, RoundNotCorrectableError } from '../errors.js';
import type { CallRepository, RoundAudit } from '../ports.js';
import { assertRoundSettings } from '../round-settings.js';
import { rulesOfRound } from '../round-rules.js';

/** What {@link correctRound} needs. */
export interface CorrectRoundDeps {
  readonly calls: Pick<CallRepository, 'getVersioned' | 'change'>;
  readonly ruleSets: Pick<RuleSets, 'version'>;
  readonly clock: () => Date;
}

/**
 * An administrator corrects a round that has opened: the text is added to the round's corrections,
 * which applicants see on the call page and in the application form; optionally the deadline moves
 * later (never earlier, never to a time already past), logged as a correction too.
 *
 * Primary course: the correction is appended (and the deadline moved), the round is checked against
 * its rule-set version, and stored with an audit event in one transaction guarded by its version.
 *
 * Alternatives:
 * - The round is not open or closed: `RoundNotCorrectableError`.
 * - A new deadline not after both the current deadline and now: `DeadlineNotLaterError`.
 * - Someone else changed the round (or the job closed it) since it was read: `RoundChangedMeanwhileError`.
 * - No such round: `undefined`.
 */
export async function correctRound(
  deps: CorrectRoundDeps,
  input: { tenantId: TenantId; roundId: string; expectedVersion?: number; text: LocalizedText; deadline?: string; audit: Omit<RoundAudit, 'action'> },
): Promise<Call | undefined> {
  const stored = await deps.calls.getVersioned(input.tenantId, input.roundId);
  if (!stored) return undefined;
  const { version, ...current } = stored;
  if (current.status !== 'open' && current.status !== 'closed') throw new RoundNotCorrectableError(current.status);
  if (input.expectedVersion !== undefined && input.expectedVersion !== version) throw new RoundChangedMeanwhileError();
  const now = deps.clock();
  let deadline = current.deadline;
  if (input.deadline !== undefined && input.deadline !== current.deadline) {
    // A closed round cannot be reopened by a correction; its deadline has passed.
    if (current.status !== 'open' || Date.parse(input.deadline) <= Date.parse(current.deadline) || Date.parse(input.deadline) <= now.getTime()) {
      throw new DeadlineNotLaterError();
    }
    deadline = input.deadline;
  }
  const round: Call = {
    ...current,
    deadline,
    corrections: [...(current.corrections ?? []), { at: input.audit.at, by: input.audit.actor, text: input.text }],
  };
  if (deadline !== current.deadline) {
    const rules = await rulesOfRound(deps.ruleSets, round);
    assertRoundSettings(rules.ruleSet, roundSettingsOf(round));
  }
  await deps.calls.change({
    call: round, expectedVersion: version, expectedStatus: current.status,
    audit: { ...input.audit, action: deadline === current.deadline ? 'correct' : 'move_deadline' },
  });
  return round;
}
