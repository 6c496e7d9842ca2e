import type { TenantId } from '../../../shared/kernel/tenants';
import type { PaymentExport } from '../../../shared/payments/payment-file';
import { tenantPrefix } from '../../../shared/table';
import { withoutPlacement, type Item, type ItemKey } from './item';

/**
 * A payment file as it went out: the payments it holds (as they were recorded), so it can be
 * fetched again byte for byte. Listed newest first in `byList` under the tenant's `PAYMENT_EXPORTS`.
 */
export const paymentExportItem = {
  key: (tenantId: TenantId, exportId: string): ItemKey => ({ PK: `${tenantPrefix(tenantId)}PAYMENT_EXPORT#${exportId}`, SK: 'EXPORT' }),
  list: (tenantId: TenantId) => `${tenantPrefix(tenantId)}PAYMENT_EXPORTS`,
  toItem: (file: PaymentExport): Item => ({
    ...paymentExportItem.key(file.tenantId as TenantId, file.exportId),
    GSI1PK: paymentExportItem.list(file.tenantId as TenantId),
    GSI1SK: `${file.createdAt}#${file.exportId}`,
    entity: 'payment-export',
    ...file,
    count: file.payments.length,
  }),
  fromItem: (item: Item): PaymentExport => {
    const { count: _count, ...file } = withoutPlacement(item);
    return file as unknown as PaymentExport;
  },
};
