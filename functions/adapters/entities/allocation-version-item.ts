import type { AllocationVersion } from '../../../shared/national/allocation-version';
import type { StoredAllocationVersion } from '../../../shared/national/ports';
import { withoutPlacement, type Item, type ItemKey } from './item';

/**
 * A published allocation version: national data, one partition per grant year, one item per
 * version. The number is zero-padded so the sort key orders versions and the newest is one query.
 */
export const allocationVersionItem = {
  partitionOf: (grantYear: number) => `NATIONAL#ALLOCATION#${grantYear}`,
  key: (grantYear: number, version: number): ItemKey => ({
    PK: allocationVersionItem.partitionOf(grantYear),
    SK: `VERSION#${String(version).padStart(6, '0')}`,
  }),
  toItem: (version: AllocationVersion, status: StoredAllocationVersion['status']): Item => ({
    ...allocationVersionItem.key(version.grantYear, version.version),
    entity: 'allocation-version',
    ...version,
    status,
  }),
  fromItem: (item: Item): StoredAllocationVersion => withoutPlacement(item) as unknown as StoredAllocationVersion,
};
