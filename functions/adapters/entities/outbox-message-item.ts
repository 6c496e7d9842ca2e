import { outgoingMessageSchema, type OutgoingMessage, type PendingMessage } from '../../../shared/outbox/outbox';
import type { TenantId } from '../../../shared/kernel/tenants';
import { tenantPrefix } from '../../../shared/table';
import type { Item, ItemKey } from './item';

/** Instants are compared as strings in conditions and sort keys, so they must all have one form. */
export function normaliseInstant(instant: string): string {
  return new Date(instant).toISOString();
}

/**
 * One outgoing email in its tenant's outbox; the message id (a ULID) keeps them in order of
 * creation. While pending it sits in one national `byList` partition sorted by when it may next be
 * tried, so the sender reads what is due with one query; once given up on, in the dead list.
 */
export const outboxMessageItem = {
  key: (tenantId: TenantId, messageId: string): ItemKey => ({ PK: `${tenantPrefix(tenantId)}OUTBOX`, SK: `MSG#${messageId}` }),
  pendingList: 'OUTBOX#PENDING',
  /** The next attempt first, so `<=` now finds what is due. */
  pendingSortKey: (nextAttemptAt: string, messageId: string) => `${nextAttemptAt}#${messageId}`,
  /** `~` sorts after every ULID character, so this bound includes every message due at `now`. */
  dueBy: (now: string) => `${normaliseInstant(now)}#~`,
  /** Emails given up on, for an operator; sorted by when, emptied by TTL. */
  deadList: 'OUTBOX#DEAD',
  deadSortKey: (deadAt: string, messageId: string) => `${deadAt}#${messageId}`,
  /** A new message: pending, never tried, due at once. */
  toItem(message: OutgoingMessage): Item {
    const valid = outgoingMessageSchema.parse(message);
    const createdAt = normaliseInstant(valid.createdAt);
    return {
      ...outboxMessageItem.key(valid.tenantId, valid.messageId),
      GSI1PK: outboxMessageItem.pendingList,
      GSI1SK: outboxMessageItem.pendingSortKey(createdAt, valid.messageId),
      entity: 'outbox-message',
      ...valid,
      createdAt,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: createdAt,
    };
  },
  fromItem: (item: Item): PendingMessage => ({
    ...outgoingMessageSchema.parse(item),
    attempts: Number(item.attempts ?? 0),
    nextAttemptAt: String(item.nextAttemptAt),
  }),
  /** Whether an item read from the pending list is still a complete, pending message. */
  isPending: (item: Item) => item.status === 'pending' && outgoingMessageSchema.safeParse(item).success,
};
