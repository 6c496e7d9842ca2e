import type { CallRepository } from '../ports.js';
import type { Clock, IdGenerator } from '../../kernel/ports.js';
import { IllegalTransitionError } from '../../kernel/state-machine.js';
import { transitionRound } from '../lifecycle.js';

/** What {@link openRoundsAtOpening} needs from the outside world. */
export interface OpenRoundsAtOpeningDeps {
  readonly calls: Pick<CallRepository, 'listPublishedWithOpeningBefore' | 'open'>;
  readonly clock: Clock;
  readonly newId: IdGenerator;
}

/** Counts of one run, and each round's outcome for the log. */
export interface OpenRoundsAtOpeningResult {
  readonly opened: number;
  readonly skipped: number;
  readonly outcomes: readonly { tenantId: string; roundId: string; outcome: 'opened' | 'skipped' }[];
}

/** Recorded as the actor of the audit events, since no person opens these rounds. */
export const OPEN_ROUNDS_ACTOR = 'system:open-rounds';

/**
 * Open published rounds at their opening time (the scheduler's job, run before closing).
 *
 * Primary course: lists the published rounds whose opening time lies before now, across tenants,
 * from an index; for each, checks the lifecycle's `open` transition against the clock and opens
 * the round in one transaction with its audit event, which puts it on the public list.
 *
 * Alternatives:
 * - The round changed since it was listed (edited, cancelled, opened by another run): skipped,
 *   without a second audit event.
 */
export async function openRoundsAtOpening(deps: OpenRoundsAtOpeningDeps): Promise<OpenRoundsAtOpeningResult> {
  const now = deps.clock();
  const at = now.toISOString();
  const outcomes: OpenRoundsAtOpeningResult['outcomes'][number][] = [];
  for (const round of await deps.calls.listPublishedWithOpeningBefore(at)) {
    const ids = { tenantId: round.tenantId, roundId: round.roundId };
    try {
      transitionRound(round.status, 'open', { now, opensAt: round.opensAt, deadline: round.deadline, settingsValid: true, undecidedApplications: 0, unsettledReports: 0 });
    } catch (error) {
      if (!(error instanceof IllegalTransitionError)) throw error;
      outcomes.push({ ...ids, outcome: 'skipped' });
      continue;
    }
    const result = await deps.calls.open({ ...ids, deadline: round.deadline, expectedVersion: round.version, at, eventId: deps.newId(), actor: OPEN_ROUNDS_ACTOR });
    outcomes.push({ ...ids, outcome: result === 'opened' ? 'opened' : 'skipped' });
  }
  return { opened: outcomes.filter((o) => o.outcome === 'opened').length, skipped: outcomes.filter((o) => o.outcome === 'skipped').length, outcomes };
}
