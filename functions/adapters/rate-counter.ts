import { createHash } from 'node:crypto';
import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RateCounter } from '../../shared/kernel/ports';
import { isConditionalCheckFailed } from './dynamodb-errors';
import { rateWindowItem } from './entities/rate-window-item';

/** Keeps an item past its window a little, so a clock slightly behind never finds it gone early. */
const EXPIRY_MARGIN_SECONDS = 60;

/**
 * Fixed-window counters in the table, shared by every Lambda container and the local server.
 * One conditional `ADD` per attempt: it counts and checks the limit in the same write, so two
 * containers racing cannot both take the last place.
 */
export function createRateCounter(db: DynamoDBDocumentClient, tableName: string): RateCounter {
  return {
    async attempt(rule, subject, now) {
      const seconds = Math.floor(now.getTime() / 1000);
      const windowStart = seconds - (seconds % rule.windowSeconds);
      const windowEnd = windowStart + rule.windowSeconds;
      const subjectHash = createHash('sha256').update(subject).digest('base64url');
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: rateWindowItem.key(rule.name, subjectHash, windowStart),
            UpdateExpression: 'ADD hits :one SET expiresAt = :expiresAt, entity = :entity',
            ConditionExpression: 'attribute_not_exists(hits) OR hits < :limit',
            ExpressionAttributeValues: { ':one': 1, ':limit': rule.limit, ':expiresAt': windowEnd + EXPIRY_MARGIN_SECONDS, ':entity': 'rate-window' },
          }),
        );
        return { allowed: true };
      } catch (error) {
        if (!isConditionalCheckFailed(error)) throw error;
        return { allowed: false, retryAfterSeconds: Math.max(1, windowEnd - seconds) };
      }
    },
  };
}
