import { aggregateItemSchema, type AggregateItem } from '../../../shared/national/aggregates';
import type { TenantId } from '../../../shared/kernel/tenants';
import { tenantPrefix } from '../../../shared/table';
import type { Item, ItemKey } from './item';

/**
 * A tenant's counters for one grant year. Each aggregate is also in `byYear`, one partition per
 * grant year, so the national roll-up reads about 41 items a year and never the applications.
 */
export const aggregateItem = {
  key: (tenantId: TenantId, grantYear: number): ItemKey => ({ PK: `${tenantPrefix(tenantId)}AGGREGATES`, SK: `YEAR#${grantYear}` }),
  /** The `byYear` partition of one grant year's aggregates. */
  yearList: (grantYear: number) => `AGG#${grantYear}`,
  /**
   * Everything but the counters, set by every write: counters only ever arrive by `ADD` or a
   * guarded reset, so the first write to a tenant-year creates an item that is already indexed.
   */
  identity: (tenantId: TenantId, grantYear: number) => ({ GSI3PK: aggregateItem.yearList(grantYear), GSI3SK: tenantId, tenantId, grantYear }),
  fromItem: (item: Item): AggregateItem => aggregateItemSchema.parse(item),
};
