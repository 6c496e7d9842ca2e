/**
 * The preliminary reply (foreløpig svar, fvl. § 11a): when an application cannot be decided within
 * about a month, the applicant is told why it takes time and when to expect the decision. A round
 * states within how many days after its deadline (default 30) and when it expects to decide.
 */
import type { Application } from '../applications/application';
import { addDays, osloDateOf, type LocalDate } from '../kernel/deadlines';
import type { Call } from '../rounds/call';

/** Days after the deadline within which applicants must hear from the round, when it says nothing. */
export const DEFAULT_PRELIMINARY_REPLY_DAYS = 30;

/**
 * Days after the reply is sent that the letter names as the expected date when the round has no
 * `decisionsExpectedBy`: the rest of the usual month for deciding, said plainly in the letter.
 */
export const FALLBACK_EXPECTED_DAYS = 30;

/** The Oslo date from which a round's undecided applications are owed a preliminary reply. */
export function preliminaryReplyDueOn(call: Pick<Call, 'deadline' | 'preliminaryReplyWithinDays'>): LocalDate {
  return addDays(osloDateOf(call.deadline), call.preliminaryReplyWithinDays ?? DEFAULT_PRELIMINARY_REPLY_DAYS);
}

/** Whether the round's replies are due on `now`. */
export function preliminaryRepliesDue(call: Pick<Call, 'deadline' | 'preliminaryReplyWithinDays'>, now: Date): boolean {
  return osloDateOf(now) >= preliminaryReplyDueOn(call);
}

/** The statuses of an application still waiting for its decision. */
export const awaitingStatuses = ['submitted', 'under_assessment', 'returned'] as const satisfies readonly Application['status'][];

/** Whether the application is owed a preliminary reply: undecided, waiting, and not replied to yet. */
export function owesPreliminaryReply(application: Application): boolean {
  return (
    application.decision === undefined &&
    application.preliminaryReplyAt === undefined &&
    (awaitingStatuses as readonly string[]).includes(application.status)
  );
}

/** When the decision is expected: the round's date, or the stated fallback from `now`. */
export function expectedDecisionDate(call: Pick<Call, 'decisionsExpectedBy'>, now: Date): { date: LocalDate; fromRound: boolean } {
  return call.decisionsExpectedBy
    ? { date: call.decisionsExpectedBy, fromRound: true }
    : { date: addDays(osloDateOf(now), FALLBACK_EXPECTED_DAYS), fromRound: false };
}
