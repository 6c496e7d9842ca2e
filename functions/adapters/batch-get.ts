import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Item, ItemKey } from './entities/item';

/** BatchGetItem reads at most this many keys a call. */
const BATCH_GET_LIMIT = 100;

/**
 * The items under `keys` that exist, read consistently, in batches of 100. DynamoDB may leave keys
 * unprocessed under load; they are asked again until none is left. The order is DynamoDB's.
 */
export async function batchGetAll(db: DynamoDBDocumentClient, tableName: string, keys: readonly ItemKey[]): Promise<Item[]> {
  const items: Item[] = [];
  for (let start = 0; start < keys.length; start += BATCH_GET_LIMIT) {
    let batch: Record<string, unknown>[] = keys.slice(start, start + BATCH_GET_LIMIT).map((key) => ({ ...key }));
    while (batch.length > 0) {
      const result = await db.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: batch, ConsistentRead: true } } }));
      items.push(...((result.Responses?.[tableName] ?? []) as Item[]));
      batch = (result.UnprocessedKeys?.[tableName]?.Keys ?? []) as Record<string, unknown>[];
    }
  }
  return items;
}
