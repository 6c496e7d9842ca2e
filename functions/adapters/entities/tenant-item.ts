import type { TenantProfile } from '../../../shared/national/ports';
import { managingPeriodsOf, tenantSchema, type Tenant, type TenantId } from '../../../shared/kernel/tenants';
import { tenantPrefix } from '../../../shared/table';
import type { Item, ItemKey } from './item';

/** The national tenant register: one partition, one item per tenant. */
const registerPartition = 'NATIONAL#TENANTS';

/** A tenant in the national register; `registerVersion` counts the register changes written to it (none: 0). */
export const tenantItem = {
  key: (tenantId: TenantId): ItemKey => ({ PK: registerPartition, SK: `TENANT#${tenantId}` }),
  registerPartition,
  toItem: (tenant: Tenant, registerVersion?: number): Item => ({
    ...tenantItem.key(tenant.tenantId), entity: 'tenant', ...tenant, ...(registerVersion === undefined ? {} : { registerVersion }),
  }),
  fromItem: (item: Item): Tenant => tenantSchema.parse(item),
  versionOf: (item: Item): number => (typeof item.registerVersion === 'number' ? item.registerVersion : 0),
};

/**
 * The tenant's own copy of its register entry, in its own partition, because the officer role may
 * read only `T#<tenantId>#…` keys and still has to show which municipality it works for.
 */
export const tenantProfileItem = {
  key: (tenantId: TenantId): ItemKey => ({ PK: `${tenantPrefix(tenantId)}PROFILE`, SK: 'PROFILE' }),
  profileOf: (tenant: Tenant): TenantProfile => ({ tenantId: tenant.tenantId, kind: tenant.kind, name: tenant.name, kommunenummer: tenant.kommunenummer }),
  /** The profile carries the managing periods (single years joined in), so officers can be told when it manages. */
  toItem: (tenant: Tenant): Item => ({
    ...tenantProfileItem.key(tenant.tenantId), entity: 'tenant-profile', ...tenantProfileItem.profileOf(tenant), managingPeriods: managingPeriodsOf(tenant),
  }),
  /** A profile written before periods has none: unknown, not "never". */
  fromItem: (item: Item): TenantProfile => {
    const tenant = tenantSchema.parse({ managingYears: [], ...item });
    return { ...tenantProfileItem.profileOf(tenant), ...(tenant.managingPeriods ? { managingPeriods: tenant.managingPeriods } : {}) };
  },
};
