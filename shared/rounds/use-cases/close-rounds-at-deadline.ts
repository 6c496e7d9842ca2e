import { IllegalTransitionError } from '../../kernel/state-machine.js';
import { transitionRound } from '../lifecycle.js';
import type { CallRepository } from '../ports.js';
import type { Clock, IdGenerator } from '../../kernel/ports.js';

/** What {@link closeRoundsAtDeadline} needs from the outside world. */
export interface CloseRoundsAtDeadlineDeps {
  readonly calls: CallRepository;
  readonly clock: Clock;
  /** Ids of the audit events. */
  readonly newId: IdGenerator;
}

/** One round the run looked at; ids only, so it can be logged. */
export interface RoundClosingOutcome {
  readonly tenantId: string;
  readonly roundId: string;
  readonly outcome: 'closed' | 'skipped';
  /** Why a round was skipped: its deadline has not passed to the second, or it changed meanwhile. */
  readonly reason?: 'deadline_not_passed' | 'changed';
}

/** Counts of one run, and each round's outcome for the log. */
export interface CloseRoundsAtDeadlineResult {
  readonly closed: number;
  readonly skipped: number;
  readonly outcomes: readonly RoundClosingOutcome[];
}

/** Recorded as the actor of the audit events, since no person closes these rounds. */
export const CLOSE_ROUNDS_ACTOR = 'system:close-rounds';

/**
 * Close rounds at their deadline (the scheduler's job).
 *
 * Primary course: lists the open rounds whose deadline lies before now, across tenants; for each,
 * checks the round lifecycle's `close` transition against the clock and closes the round: one
 * transaction sets it `closed` (taking it off the public list) and writes an audit event.
 *
 * Alternatives:
 * - The deadline has not passed to the whole second (an application at 12:00:00.9 is on time for
 *   a 12:00 deadline): skipped; a later run closes it.
 * - The round changed since it was listed — an officer moved the deadline, or a concurrent run
 *   closed it first: the conditional write refuses, the round is skipped, and no second audit
 *   event is written.
 * - The store fails: the error propagates and the run fails; rounds closed before it stay
 *   closed, and the next run continues with the rest.
 */
export async function closeRoundsAtDeadline(deps: CloseRoundsAtDeadlineDeps): Promise<CloseRoundsAtDeadlineResult> {
  const now = deps.clock();
  const at = now.toISOString();
  const due = await deps.calls.listOpenWithDeadlineBefore(at);
  const outcomes: RoundClosingOutcome[] = [];

  for (const round of due) {
    const ids = { tenantId: round.tenantId, roundId: round.roundId };
    try {
      // Only the deadline guard applies to closing; the other facts are for other transitions.
      transitionRound(round.status, 'close', {
        now,
        opensAt: round.opensAt,
        deadline: round.deadline,
        settingsValid: true,
        undecidedApplications: 0,
        unsettledReports: 0,
      });
    } catch (error) {
      if (!(error instanceof IllegalTransitionError)) throw error;
      outcomes.push({ ...ids, outcome: 'skipped', reason: round.status === 'open' ? 'deadline_not_passed' : 'changed' });
      continue;
    }
    const result = await deps.calls.close({ ...ids, expectedVersion: round.version, at, eventId: deps.newId(), actor: CLOSE_ROUNDS_ACTOR });
    outcomes.push(result === 'closed' ? { ...ids, outcome: 'closed' } : { ...ids, outcome: 'skipped', reason: 'changed' });
  }

  return {
    closed: outcomes.filter((o) => o.outcome === 'closed').length,
    skipped: outcomes.filter((o) => o.outcome === 'skipped').length,
    outcomes,
  };
}
