import {
  QueryCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import {
  outgoingMessageSchema,
  type OutboxMessageRef,
  type OutboxRepository,
  type OutgoingMessage,
  type PendingMessage,
  type SendFailure,
} from '../../shared/outbox/outbox';
import { indexNames, keys } from '../../shared/table';
import { isConditionalCheckFailed } from './dynamodb-errors';

/** One entry of `TransactItems` for `TransactWriteCommand` from @aws-sdk/lib-dynamodb. */
export type TransactWriteItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** An outbox `Put`, typed narrowly so callers can read back what they wrote. */
export interface OutboxPut {
  Put: { TableName: string; Item: Record<string, unknown>; ConditionExpression: string };
}

/** A dead message keeps its content this long for an operator, then DynamoDB's TTL erases it. */
const DEAD_MESSAGE_RETENTION_DAYS = 30;

/** Instants are compared as strings in conditions and sort keys, so they must all have one form. */
function normalise(instant: string): string {
  return new Date(instant).toISOString();
}

/**
 * The outbox item for `message`, to include in the `TransactWriteItems` of the change it reports,
 * so the email exists exactly when the change does. The condition makes a retried transaction
 * with the same message id fail instead of queueing the email twice.
 *
 * ```ts
 * await db.send(new TransactWriteCommand({ TransactItems: [applicationPut, auditPut, outboxPut(table, receipt)] }));
 * ```
 */
export function outboxPut(tableName: string, message: OutgoingMessage): OutboxPut & TransactWriteItem {
  const valid = outgoingMessageSchema.parse(message);
  const createdAt = normalise(valid.createdAt);
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...keys.outboxMessage(valid.tenantId, valid.messageId),
        GSI1PK: keys.outboxPendingList,
        GSI1SK: keys.outboxPendingSortKey(createdAt, valid.messageId),
        entity: 'outbox-message',
        ...valid,
        createdAt,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: createdAt,
      },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
}

function toPending(item: Record<string, unknown>): PendingMessage {
  return {
    ...outgoingMessageSchema.parse(item),
    attempts: Number(item.attempts ?? 0),
    nextAttemptAt: String(item.nextAttemptAt),
  };
}

/**
 * The outbox in the single table. Pending messages carry the `byList` keys of one national
 * partition sorted by next attempt, so the sender finds due work with one query; a claim moves the
 * next attempt to the end of the lease, which hides the message from other senders and brings it
 * back by itself if the claimant dies.
 */
export function createOutboxRepository(db: DynamoDBDocumentClient, tableName: string): OutboxRepository {
  async function update(ref: OutboxMessageRef, input: Omit<ConstructorParameters<typeof UpdateCommand>[0], 'TableName' | 'Key'>) {
    return db.send(new UpdateCommand({ TableName: tableName, Key: keys.outboxMessage(ref.tenantId, ref.messageId), ...input }));
  }

  return {
    async listPending(now, limit) {
      const result = await db.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: indexNames.byList,
          // `~` sorts after every ULID character, so this includes every message due at `now`.
          KeyConditionExpression: 'GSI1PK = :list AND GSI1SK <= :upTo',
          ExpressionAttributeValues: { ':list': keys.outboxPendingList, ':upTo': `${normalise(now)}#~` },
          Limit: limit,
        }),
      );
      // The index lags the table a little in AWS: a message sent a moment ago may still be listed
      // without its address. Claiming re-checks the status, so such entries are simply left out.
      return (result.Items ?? []).filter((item) => item.status === 'pending' && outgoingMessageSchema.safeParse(item).success).map(toPending);
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
            ':sortKey': keys.outboxPendingSortKey(leaseEnds, ref.messageId),
          },
          ReturnValues: 'ALL_NEW',
        });
        return result.Attributes ? toPending(result.Attributes) : undefined;
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
            ':sortKey': keys.outboxPendingSortKey(nextAttemptAt, ref.messageId),
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
            ':deadList': keys.outboxDeadList,
            ':deadSortKey': `${now}#${ref.messageId}`,
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
