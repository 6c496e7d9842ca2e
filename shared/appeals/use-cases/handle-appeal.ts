/**
 * An officer with `appeals.handle` takes a step on an appeal: reverse the decision (the case
 * reopens for a new decision), uphold and forward it to the appeal body, record the appeal body's
 * outcome, or dismiss a late appeal. One transaction writes the step, its audit event, the email to
 * the organisation and the register entry.
 *
 * Alternatives: no appeal (`appeal.not_found`), a recused officer (`application.actor_recused`,
 * 403), reasons missing, a step the appeal's state does not allow (`lifecycle.illegal_transition`),
 * another officer's step first (`appeal.changed_meanwhile`, 409).
 */
import type { Application } from '../../applications/application';
import type { AppealStepInput } from '../appeal';
import { storeAppealStep, takeAppealStep, type ComposeAppealUpdate } from '../handling';
import type { AppealAction } from '../lifecycle';
import type { AppealRepository } from '../ports';

/** What a step needs from the outside world. */
export interface HandleAppealDeps {
  readonly appeals: Pick<AppealRepository, 'record'>;
  readonly clock: () => Date;
  readonly newId: () => string;
  readonly composeUpdate: ComposeAppealUpdate;
}

/** Takes the step; resolves to the application as stored. */
export async function handleAppeal(
  deps: HandleAppealDeps,
  request: { readonly application: Application; readonly action: AppealAction; readonly input: AppealStepInput; readonly actor: string; readonly expectedVersion: number },
): Promise<Application> {
  const commitment = takeAppealStep({ ...request, now: deps.clock(), newId: deps.newId, compose: deps.composeUpdate });
  await storeAppealStep(deps.appeals, commitment);
  return commitment.next;
}
