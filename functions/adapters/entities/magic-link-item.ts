import type { MagicLinkRecord } from '../../../shared/applications/ports';
import type { TenantId } from '../../../shared/kernel/tenants';
import { tenantPrefix } from '../../../shared/table';
import type { Item, ItemKey } from './item';

/** The single-use record of an emailed link; it expires with the link through the table's TTL. */
export const magicLinkItem = {
  key: (tenantId: TenantId, tokenId: string): ItemKey => ({ PK: `${tenantPrefix(tenantId)}LINKS`, SK: `LINK#${tokenId}` }),
  /** `expiresAt` in epoch seconds is what TTL reads; the ISO copy is what conditions compare. */
  toItem: (record: MagicLinkRecord): Item => ({
    ...magicLinkItem.key(record.tenantId, record.tokenId),
    entity: 'magic-link',
    ...record,
    expiresAt: Math.floor(Date.parse(record.expiresAt) / 1000),
    expiresAtIso: record.expiresAt,
  }),
};
