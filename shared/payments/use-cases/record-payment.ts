/**
 * A caseworker records that an instalment of an accepted grant is to be paid.
 *
 * Primary course: Enhetsregisteret is asked again; the payment, the application's payout (status
 * `paid` after the last instalment of an accepted grant), its audit event, the tenant-year counters
 * and the budget position's `paid` are written in one transaction. The payment then waits for the
 * next payment file.
 *
 * Alternatives: recused (`application.actor_recused`), the case changed since it was read or the
 * same instalment was recorded by someone else at the same moment (`application.concurrent_change`
 * / `payment.already_paid`), not accepted (`payment.not_accepted`, also once declined or lapsed),
 * no such instalment, held by its condition (`payment.held_report_approved`, `payment.held_conditions_confirmed`),
 * no account number, the registry's finding (`payment.registry_removed`, `…_bankrupt`,
 * `…_winding_up`, `…_not_found`) or silence (`payment.registry_unavailable`), a closed year.
 */
import type { Application } from '../../applications/application';
import { ConcurrentChangeError } from '../../applications/errors';
import type { OrganisationRegistry } from '../../applications/ports';
import { YearClosedError } from '../../rules/budget-close';
import { InstalmentAlreadyPaidError } from '../errors';
import { preparePayment } from '../payment';
import type { PaymentRepository } from '../ports';

/** What {@link recordPayment} needs. */
export interface RecordPaymentDeps {
  readonly payments: Pick<PaymentRepository, 'get' | 'budget' | 'record'>;
  readonly registry: OrganisationRegistry;
  readonly clock: () => Date;
  readonly newId: () => string;
}

/** Records one instalment; resolves to the application as stored. */
export async function recordPayment(
  deps: RecordPaymentDeps,
  input: { readonly application: Application; readonly instalment: number; readonly expectedVersion: number; readonly actor: string; readonly conditionsNote?: string },
): Promise<Application> {
  const { application } = input;
  const position = await deps.payments.budget(application.tenantId, application.grantYear);
  if (position?.closed) throw new YearClosedError(application.grantYear);
  const registry = await deps.registry.lookup(application.orgnr);
  const commitment = preparePayment({ ...input, registry, now: deps.clock(), newId: deps.newId });
  try {
    await deps.payments.record(commitment);
  } catch (error) {
    if (!(error instanceof ConcurrentChangeError)) throw error;
    // Two caseworkers on the same instalment: the loser hears that it is paid, not a vague conflict.
    const current = await deps.payments.get(application.tenantId, application.applicationId);
    if (current?.payout?.paidInstalments.includes(input.instalment)) throw new InstalmentAlreadyPaidError(input.instalment);
    throw error;
  }
  return commitment.next;
}
