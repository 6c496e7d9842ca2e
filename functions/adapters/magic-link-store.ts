import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { MagicLinkStore } from '../../shared/applications/ports';
import { isConditionalCheckFailed } from './dynamodb-errors';
import { magicLinkItem } from './entities/magic-link-item';
import { queueMessage } from './outbox-repository';
import { createUnitOfWork, putNew } from './unit-of-work';

/** Single-use magic-link records. */
export function createMagicLinkStore(db: DynamoDBDocumentClient, tableName: string): MagicLinkStore {
  const unitOfWork = createUnitOfWork(db, tableName);
  return {
    async issue({ message, link }) {
      await unitOfWork.commit([putNew(magicLinkItem.toItem(link)), queueMessage(message)]);
    },

    async consume(tenantId, tokenId, now) {
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: magicLinkItem.key(tenantId, tokenId),
            UpdateExpression: 'SET usedAt = :now',
            ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(usedAt) AND expiresAtIso > :now',
            ExpressionAttributeValues: { ':now': now.toISOString() },
          }),
        );
        return 'consumed';
      } catch (error) {
        if (!isConditionalCheckFailed(error)) throw error;
        const existing = await db.send(new GetCommand({ TableName: tableName, Key: magicLinkItem.key(tenantId, tokenId), ConsistentRead: true }));
        if (!existing.Item) return 'unknown';
        return existing.Item.usedAt ? 'already_used' : 'expired';
      }
    },
  };
}
