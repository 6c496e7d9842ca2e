import type { StoredStandardTexts } from '../../../shared/decisions/standard-texts';
import type { TenantId } from '../../../shared/kernel/tenants';
import { tenantPrefix } from '../../../shared/table';
import { withoutPlacement, type Item, type ItemKey } from './item';

/**
 * The municipality's standard reason texts: one item in its own partition under the tenant's
 * prefix, holding the whole list and its version, so a save is one guarded put.
 */
export const standardTextsItem = {
  key: (tenantId: TenantId): ItemKey => ({ PK: `${tenantPrefix(tenantId)}STANDARD_TEXTS`, SK: 'TEXTS' }),
  toItem: (texts: StoredStandardTexts): Item => ({ ...standardTextsItem.key(texts.tenantId), entity: 'standard-texts', ...texts }),
  fromItem: (item: Item): StoredStandardTexts => withoutPlacement(item) as unknown as StoredStandardTexts,
};
