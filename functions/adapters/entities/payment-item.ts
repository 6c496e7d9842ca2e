import type { TenantId } from '../../../shared/kernel/tenants';
import type { Payment } from '../../../shared/payments/payment';
import { tenantPrefix } from '../../../shared/table';
import { applicationItem } from './application-item';
import { withoutPlacement, type Item, type ItemKey } from './item';

/** Instalment numbers sort as text in the sort key: two digits, as a plan has at most a few. */
const instalmentKey = (instalment: number) => `PAYMENT#${String(instalment).padStart(2, '0')}`;

/**
 * A recorded payment: in its application's partition, one item per instalment, so the key itself
 * refuses a second record of the same instalment. Until it is in a payment file it is listed in
 * `byList` under the tenant's `PAYMENTS#UNEXPORTED`, oldest first; the export removes the entry in
 * the transaction that marks it, so the list holds exactly what the next file must take.
 */
export const paymentItem = {
  key: (tenantId: TenantId, applicationId: string, instalment: number): ItemKey => ({
    PK: applicationItem.key(tenantId, applicationId).PK,
    SK: instalmentKey(instalment),
  }),
  /** Sort-key prefix of an application's payments. */
  prefix: 'PAYMENT#',
  /** The `byList` partition of the tenant's payments not yet exported. */
  unexportedList: (tenantId: TenantId) => `${tenantPrefix(tenantId)}PAYMENTS#UNEXPORTED`,
  toItem: (payment: Payment): Item => ({
    ...paymentItem.key(payment.tenantId, payment.applicationId, payment.instalment),
    ...(payment.exportedAt ? {} : {
      GSI1PK: paymentItem.unexportedList(payment.tenantId),
      GSI1SK: `${payment.recordedAt}#${payment.applicationId}#${instalmentKey(payment.instalment)}`,
    }),
    entity: 'payment',
    ...payment,
  }),
  fromItem: (item: Item): Payment => withoutPlacement(item) as unknown as Payment,
};
