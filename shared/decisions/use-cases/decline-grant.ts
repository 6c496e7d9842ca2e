/**
 * The organisation declines its grant (after confirming that it means it). The answer, its audit
 * event, the receipt email, the tenant-year counters and the awarded money going back to the
 * municipality's available budget are one transaction, so the money is free for other applicants
 * at once and never counted twice.
 *
 * Alternatives: as for accepting (`acceptance.not_granted`, `acceptance.already_answered`,
 * `acceptance.deadline_passed`); a closed budget year refuses the return (`budget.year_closed`).
 */
import type { Application } from '../../applications/application';
import { answerGrant, storeGrantAnswer, type AnswerGrantDeps } from '../acceptance';

/** Declines the grant; resolves to the application as stored. */
export async function declineGrant(deps: AnswerGrantDeps, input: { readonly application: Application }): Promise<Application> {
  const commitment = answerGrant({
    application: input.application, outcome: 'declined', actor: `applicant:${input.application.applicationId}`,
    now: deps.clock(), newId: deps.newId, compose: deps.composeGrantAnswer,
  });
  await storeGrantAnswer(deps.grants, commitment);
  return commitment.next;
}
