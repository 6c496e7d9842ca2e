import type { TenantProfile } from '../../../shared/national/ports';
import { tenantSchema, type Tenant, type TenantId } from '../../../shared/kernel/tenants';
import { tenantPrefix } from '../../../shared/table';
import type { Item, ItemKey } from './item';

/** The national tenant register: one partition, one item per tenant. */
const registerPartition = 'NATIONAL#TENANTS';

/** A tenant in the national register. */
export const tenantItem = {
  key: (tenantId: TenantId): ItemKey => ({ PK: registerPartition, SK: `TENANT#${tenantId}` }),
  registerPartition,
  toItem: (tenant: Tenant): Item => ({ ...tenantItem.key(tenant.tenantId), entity: 'tenant', ...tenant }),
  fromItem: (item: Item): Tenant => tenantSchema.parse(item),
};

/**
 * The tenant's own copy of its register entry, in its own partition, because the officer role may
 * read only `T#<tenantId>#…` keys and still has to show which municipality it works for.
 */
export const tenantProfileItem = {
  key: (tenantId: TenantId): ItemKey => ({ PK: `${tenantPrefix(tenantId)}PROFILE`, SK: 'PROFILE' }),
  profileOf: (tenant: Tenant): TenantProfile => ({ tenantId: tenant.tenantId, kind: tenant.kind, name: tenant.name, kommunenummer: tenant.kommunenummer }),
  toItem: (tenant: Tenant): Item => ({ ...tenantProfileItem.key(tenant.tenantId), entity: 'tenant-profile', ...tenantProfileItem.profileOf(tenant) }),
  fromItem: (item: Item): TenantProfile => tenantProfileItem.profileOf(tenantSchema.parse({ managingYears: [], ...item })),
};
