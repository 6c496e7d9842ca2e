/**
 * The organisation appeals the decision on its application, on the status page or the applicant
 * API (the magic-link session). The appeal, its audit event and the receipt email are one
 * transaction.
 *
 * Alternatives: no decision yet (`appeal.no_decision`); this decision already appealed
 * (`appeal.already_lodged`, also for the loser of two submits at once); after the deadline the
 * appeal is taken as late, with the lateness reason the form then requires.
 */
import type { Application } from '../../applications/application';
import { ConcurrentChangeError } from '../../applications/errors';
import type { AppealInput } from '../appeal';
import { AppealAlreadyLodgedError } from '../errors';
import { appealOfCurrentDecision, lodgeAppeal as appealOf, type ComposeAppealReceipt } from '../lodging';
import type { AppealRepository } from '../ports';

/** What lodging needs from the outside world. */
export interface LodgeAppealDeps {
  readonly appeals: Pick<AppealRepository, 'get' | 'record'>;
  readonly clock: () => Date;
  readonly newId: () => string;
  readonly composeReceipt: ComposeAppealReceipt;
}

/** Lodges the appeal; resolves to the application as stored. */
export async function lodgeAppeal(deps: LodgeAppealDeps, request: { readonly application: Application; readonly input: AppealInput }): Promise<Application> {
  const commitment = appealOf({ application: request.application, input: request.input, now: deps.clock(), newId: deps.newId, compose: deps.composeReceipt });
  try {
    await deps.appeals.record(commitment);
  } catch (error) {
    if (!(error instanceof ConcurrentChangeError)) throw error;
    // Two submits at once (a double click, two tabs): the one that lost hears that the appeal is in.
    const current = await deps.appeals.get(request.application.tenantId, request.application.applicationId);
    const won = current ? appealOfCurrentDecision(current) : undefined;
    if (won) throw new AppealAlreadyLodgedError(won.lodgedAt);
    throw error;
  }
  return commitment.next;
}
