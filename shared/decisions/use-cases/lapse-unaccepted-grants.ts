/**
 * The nightly job lapses every grant not accepted or declined by its deadline: the status, its
 * audit event, the notice to the organisation, the counters and the money going back to the
 * municipality's budget in one transaction per grant. It finds them in the index of grants awaiting
 * an answer (no Scan), and is idempotent: a grant answered meanwhile, or lapsed by an earlier run,
 * is left alone, and a last-second answer and the lapse never both stand.
 */
import { DomainError } from '../../kernel/errors';
import { ConcurrentChangeError } from '../../applications/errors';
import type { Clock, IdGenerator } from '../../kernel/ports';
import { answerGrant, type ComposeGrantAnswerMessage } from '../acceptance';
import type { LapseRepository } from '../ports';

export interface LapseUnacceptedGrantsDeps {
  readonly grants: LapseRepository;
  readonly clock: Clock;
  readonly newId: IdGenerator;
  readonly composeGrantAnswer: ComposeGrantAnswerMessage;
}

/** What one run did, in counts. */
export interface LapseRunResult {
  readonly found: number;
  readonly lapsed: number;
  /** Answered meanwhile, already lapsed, or not due yet by the application itself. */
  readonly skipped: number;
}

export const LAPSE_ACTOR = 'system:lapse-unaccepted-grants';

/** Lapses the grants whose deadline has passed; one grant's refusal never stops the others. */
export async function lapseUnacceptedGrants(deps: LapseUnacceptedGrantsDeps): Promise<LapseRunResult> {
  const now = deps.clock();
  const due = await deps.grants.listAwaitingAnswerBefore(now.toISOString());
  let lapsed = 0;
  let skipped = 0;
  for (const { tenantId, applicationId } of due) {
    const application = await deps.grants.get(tenantId, applicationId);
    if (!application) {
      skipped++;
      continue;
    }
    try {
      const commitment = answerGrant({ application, outcome: 'lapsed', actor: LAPSE_ACTOR, now, newId: deps.newId, compose: deps.composeGrantAnswer });
      await deps.grants.answer(commitment);
      lapsed++;
    } catch (error) {
      // Answered meanwhile (or by an earlier run): the answer that got there first stands.
      if (error instanceof ConcurrentChangeError || error instanceof DomainError) {
        skipped++;
        continue;
      }
      throw error;
    }
  }
  return { found: due.length, lapsed, skipped };
}
