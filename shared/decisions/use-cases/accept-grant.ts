/**
 * The organisation accepts its grant and the conditions the letter states, on the status page of
 * its application (the magic-link session). The answer, its audit event, the receipt email and the
 * tenant-year counter are one transaction.
 *
 * Alternatives: no grant to accept (`acceptance.not_granted`), already accepted, declined or lapsed
 * (`acceptance.already_answered`, also for the loser of two answers at once), after the deadline
 * (`acceptance.deadline_passed`).
 */
import type { Application } from '../../applications/application';
import { answerGrant, storeGrantAnswer, type AnswerGrantDeps } from '../acceptance';

/** Accepts the grant; resolves to the application as stored. */
export async function acceptGrant(deps: AnswerGrantDeps, input: { readonly application: Application }): Promise<Application> {
  const commitment = answerGrant({
    application: input.application, outcome: 'accepted', actor: `applicant:${input.application.applicationId}`,
    now: deps.clock(), newId: deps.newId, compose: deps.composeGrantAnswer,
  });
  await storeGrantAnswer(deps.grants, commitment);
  return commitment.next;
}
