import type { AllocationDraft } from '../../../shared/national/allocation-draft';
import { DRAFT_LIFETIME_SECONDS } from '../../../shared/national/allocation-draft';
import { withoutPlacement, type Item, type ItemKey } from './item';

/**
 * An imported key under review: national data, in a partition of its own per year (not the
 * versions' partition, which is listed whole), expiring by the table's TTL after a week.
 */
export const allocationDraftItem = {
  key: (grantYear: number, draftId: string): ItemKey => ({ PK: `NATIONAL#ALLOCATION-DRAFT#${grantYear}`, SK: `DRAFT#${draftId}` }),
  toItem: (draft: AllocationDraft): Item => ({
    ...allocationDraftItem.key(draft.grantYear, draft.draftId),
    entity: 'allocation-draft',
    ...draft,
    expiresAt: Math.floor(Date.parse(draft.createdAt) / 1000) + DRAFT_LIFETIME_SECONDS,
  }),
  // An expired draft DynamoDB has not deleted yet is still a valid key: it is read, never trusted
  // for more than the review, since the publish computes the frames again from the register.
  fromItem: (item: Item): AllocationDraft => {
    const { expiresAt: _expiresAt, ...draft } = withoutPlacement(item);
    return draft as unknown as AllocationDraft;
  },
};
