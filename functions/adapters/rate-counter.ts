import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RateCounter } from '../../shared/kernel/ports';
import { rateWindowItem } from './entities/rate-window-item';
import { createUnitOfWork, isCancelledByCondition } from './unit-of-work';

/** Fixed-window counters in the table, so every Lambda container and the local server count together. */
export function createRateCounter(db: DynamoDBDocumentClient, tableName: string): RateCounter {
  const unitOfWork = createUnitOfWork(db, tableName);
  return {
    async attempt(rule, subject, now) {
      const window = rateWindowItem.windowOf(rule, subject, now);
      try {
        await unitOfWork.commit([rateWindowItem.count(rule, window)]);
        return { allowed: true };
      } catch (error) {
        if (!isCancelledByCondition(error, 0)) throw error;
        return { allowed: false, retryAfterSeconds: window.retryAfterSeconds };
      }
    },
  };
}
