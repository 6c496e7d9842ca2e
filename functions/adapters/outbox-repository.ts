import { QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  type OutboxMessageRef,
  type OutboxRepository,
  type OutgoingMessage,
  type SendFailure,
} from '../../shared/outbox/outbox';
import { indexNames } from '../../shared/table';
import { isConditionalCheckFailed } from './dynamodb-errors';
import { normaliseInstant as normalise, outboxMessageItem } from './entities/outbox-message-item';
import { putNew, toTransactItem, type Change } from './unit-of-work';

/** A dead message keeps its content this long for an operator, then DynamoDB's TTL erases it. */
const DEAD_MESSAGE_RETENTION_DAYS = 30;

/**
 * The change that queues `message`, to commit with the change it reports, so the email exists
 * exactly when the change does. A retried transaction with the same message id fails instead of
 * queueing the email twice.
 */
export function queueMessage(message: OutgoingMessage): Change {
  return putNew(outboxMessageItem.toItem(message));
}

/** {@link queueMessage} as the `TransactItems` entry it becomes, for writers outside a unit of work. */
export function outboxPut(tableName: string, message: OutgoingMessage) {
  const item = toTransactItem(tableName, queueMessage(message));
  return item as typeof item & { Put: { TableName: string; Item: Record<string, unknown>; ConditionExpression: string } };
}

/**
 * The outbox in the single table. Pending messages carry the `byList` keys of one national
 * partition sorted by next attempt, so the sender finds due work with one query; a claim moves the
 * next attempt to the end of the lease, which hides the message from other senders and brings it
 * back by itself if the claimant dies.
 */
export function createOutboxRepository(db: DynamoDBDocumentClient, tableName: string): OutboxRepository {
  async function update(ref: OutboxMessageRef, input: Omit<ConstructorParameters<typeof UpdateCommand>[0], 'TableName' | 'Key'>) {
    return db.send(new UpdateCommand({ TableName: tableName, Key: outboxMessageItem.key(ref.tenantId, ref.messageId), ...input }));
  }

  return {
    async listPending(now, limit) {
      const result = await db.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: indexNames.byList,
                    KeyConditionExpression: 'GSI1PK = :list AND GSI1SK <= :upTo',
          ExpressionAttributeValues: { ':list': outboxMessageItem.pendingList, ':upTo': outboxMessageItem.dueBy(now) },
          Limit: limit,
        }),
      );
      // The index lags the table a little in AWS: a message sent a moment ago may still be listed
      // without its address. Claiming re-checks the status, so such entries are simply left out.
      return (result.Items ?? []).filter(outboxMessageItem.isPending).map(outboxMessageItem.fromItem);
    },

    async claim(ref, now, leaseSeconds) {
      const at = normalise(now);
      const leaseEnds = new Date(Date.parse(at) + leaseSeconds * 1000).toISOString();
      try {
        const result = await update(ref, {
          UpdateExpression: 'SET nextAttemptAt = :leaseEnds, GSI1SK = :sortKey, claimedAt = :now',
          ConditionExpression: '#status = :pending AND nextAttemptAt <= :now',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':pending': 'pending',
            ':now': at,
            ':leaseEnds': leaseEnds,
            ':sortKey': outboxMessageItem.pendingSortKey(leaseEnds, ref.messageId),
          },
          ReturnValues: 'ALL_NEW',
        });
        return result.Attributes ? outboxMessageItem.fromItem(result.Attributes) : undefined;
      } catch (error) {
        if (isConditionalCheckFailed(error)) return undefined;
        throw error;
      }
    },

    async markSent(ref, providerMessageId, now) {
      // Erasing the address and the bodies keeps personal data out of the table once it has done
      // its job; kind, status and times stay as evidence that the email went out.
      await update(ref, {
        UpdateExpression:
          'SET #status = :sent, sentAt = :now, updatedAt = :now, providerMessageId = :providerId ' +
          'REMOVE #to, #subject, #text, html, GSI1PK, GSI1SK, nextAttemptAt, claimedAt, lastError',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: { '#status': 'status', '#to': 'to', '#subject': 'subject', '#text': 'text' },
        ExpressionAttributeValues: { ':sent': 'sent', ':now': normalise(now), ':providerId': providerMessageId },
      });
    },

    async markFailed(ref, failure: SendFailure & { nextAttemptAt: string }) {
      const nextAttemptAt = normalise(failure.nextAttemptAt);
      try {
        await update(ref, {
          UpdateExpression:
            'SET attempts = :attempts, nextAttemptAt = :next, GSI1SK = :sortKey, lastError = :reason, lastAttemptAt = :now, updatedAt = :now REMOVE claimedAt',
          ConditionExpression: '#status = :pending',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':pending': 'pending',
            ':attempts': failure.attempts,
            ':next': nextAttemptAt,
            ':sortKey': outboxMessageItem.pendingSortKey(nextAttemptAt, ref.messageId),
            ':reason': failure.reason,
            ':now': normalise(failure.now),
          },
        });
        return true;
      } catch (error) {
        if (isConditionalCheckFailed(error)) return false;
        throw error;
      }
    },

    async markDead(ref, failure) {
      const now = normalise(failure.now);
      try {
        await update(ref, {
          // Off the pending list and onto the dead list, so an operator finds them without a scan.
          UpdateExpression:
            'SET #status = :dead, attempts = :attempts, lastError = :reason, lastAttemptAt = :now, updatedAt = :now, deadAt = :now, expiresAt = :expiresAt, ' +
            'GSI1PK = :deadList, GSI1SK = :deadSortKey REMOVE nextAttemptAt, claimedAt',
          ConditionExpression: '#status = :pending',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':pending': 'pending',
            ':dead': 'dead',
            ':attempts': failure.attempts,
            ':reason': failure.reason,
            ':now': now,
            ':expiresAt': Math.floor(Date.parse(now) / 1000) + DEAD_MESSAGE_RETENTION_DAYS * 86_400,
            ':deadList': outboxMessageItem.deadList,
            ':deadSortKey': outboxMessageItem.deadSortKey(now, ref.messageId),
          },
        });
        return true;
      } catch (error) {
        if (isConditionalCheckFailed(error)) return false;
        throw error;
      }
    },
  };
}
