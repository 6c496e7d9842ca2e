import { z } from 'zod';
import { kronerSchema } from '../../../shared/kernel/money';
import type { TenantId } from '../../../shared/kernel/tenants';
import type { FrameHistoryEntry } from '../../../shared/national/ports';
import { tenantPrefix } from '../../../shared/table';
import { withoutPlacement, type Item, type ItemKey } from './item';

const storedSchema = z.object({
  allocationVersion: z.number().int().min(1),
  publishedAt: z.string(),
  frame: kronerSchema,
  adminCap: kronerSchema,
  previousFrame: kronerSchema,
});

/**
 * One allocation version's frame as it reached a municipality: an item beside the budget position
 * in the tenant's own `BUDGET` partition (the one tenant partition the national role may write,
 * and one the officer role reads under its own prefix), written in the same transaction as the
 * frame, so the history never disagrees with the position. The version is zero-padded so the
 * sort key orders the history.
 */
export const frameHistoryItem = {
  sortKeyPrefix: (grantYear: number) => `FRAME#${grantYear}#`,
  partitionOf: (tenantId: TenantId) => `${tenantPrefix(tenantId)}BUDGET`,
  key: (tenantId: TenantId, grantYear: number, allocationVersion: number): ItemKey => ({
    PK: frameHistoryItem.partitionOf(tenantId),
    SK: `${frameHistoryItem.sortKeyPrefix(grantYear)}${String(allocationVersion).padStart(6, '0')}`,
  }),
  toItem: (tenantId: TenantId, grantYear: number, entry: FrameHistoryEntry): Item => ({
    ...frameHistoryItem.key(tenantId, grantYear, entry.allocationVersion),
    entity: 'frame-history',
    tenantId,
    grantYear,
    ...entry,
  }),
  fromItem: (item: Item): FrameHistoryEntry => storedSchema.parse(withoutPlacement(item)) as FrameHistoryEntry,
};
