import type { TenantId } from '../../../shared/kernel/tenants';
import type { StaffMember } from '../../../shared/officers/staff';
import { tenantPrefix } from '../../../shared/table';
import { withoutPlacement, type Item, type ItemKey } from './item';

/**
 * One person of a tenant's staff directory, in the tenant's own `T#<t>#STAFF` partition, one item
 * per user id. `lastSeenDay` (the Oslo date of `lastSeenAt`) lets the write happen once a day.
 */
export const staffMemberItem = {
  partitionOf: (tenantId: TenantId) => `${tenantPrefix(tenantId)}STAFF`,
  key: (tenantId: TenantId, userId: string): ItemKey => ({ PK: staffMemberItem.partitionOf(tenantId), SK: `USER#${userId}` }),
  fromItem(item: Item): StaffMember {
    const { lastSeenDay: _day, tenantId: _tenant, ...member } = withoutPlacement(item) as Record<string, unknown>;
    return member as unknown as StaffMember;
  },
};
