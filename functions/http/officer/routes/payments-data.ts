import type { Context } from 'hono';
import { ulid } from 'ulid';
import type { Application } from '../../../../shared/applications/application';
import type { Clock } from '../../../../shared/kernel/ports';
import { nameOf } from '../../../../shared/officers/staff';
import { instalmentStatesOf, type Payment } from '../../../../shared/payments/payment';
import { recordPayment } from '../../../../shared/payments/use-cases/record-payment';
import { exportPayments } from '../../../../shared/payments/use-cases/export-payments';
import type { PlanRow } from '../../../../web/pages/officer-case-payments-page';
import { principalOf } from '../../common/authentication';
import type { OfficerEnv } from '../officer-data';
import { caseEventIds } from './case-data';

/** An export id as the URL carries it (a ULID). */
export const exportIdPattern = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** The decision's plan with each instalment's state and who recorded it, for the page and the API. */
export async function planOf(c: Context<OfficerEnv>, application: Application): Promise<{ rows: PlanRow[]; payments: Payment[] }> {
  const { tenantId } = principalOf(c);
  const [payments, staff] = await Promise.all([
    c.var.data.payments.listOfApplication(tenantId, application.applicationId),
    c.var.data.staff.list(tenantId),
  ]);
  const rows = instalmentStatesOf(application, payments).map(({ instalment, state }) => ({
    instalment,
    state,
    ...(state.kind === 'paid' && state.payment ? { recordedByName: nameOf(state.payment.recordedBy, staff) } : {}),
  }));
  return { rows, payments };
}

/** Records one instalment for the signed-in officer (the page's form and the API alike). */
export function payInstalment(
  c: Context<OfficerEnv>,
  clock: Clock,
  input: { readonly application: Application; readonly instalment: number; readonly expectedVersion: number; readonly conditionsNote?: string },
): Promise<Application> {
  return recordPayment(
    { payments: c.var.data.payments, registry: c.var.data.registry, clock, newId: caseEventIds },
    { ...input, actor: principalOf(c).userId },
  );
}

/** Makes the next payment file of the signed-in officer's municipality. */
export function exportWaitingPayments(c: Context<OfficerEnv>, clock: Clock) {
  const { tenantId, userId } = principalOf(c);
  return exportPayments({ payments: c.var.data.payments, clock, newId: ulid }, { tenantId, actor: userId });
}

/** The file's name as the browser saves it: the municipality's files sort by when they were made. */
export function paymentFileName(createdAt: string): string {
  return `utbetalinger-${createdAt.slice(0, 19).replace(/[:T]/g, '-')}.csv`;
}
