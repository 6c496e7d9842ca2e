import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AllocationDraftRepository } from '../../shared/national/allocation-draft';
import { allocationDraftItem } from './entities/allocation-draft-item';

/** Imported keys under review, in the single table. */
export function createAllocationDraftRepository(db: DynamoDBDocumentClient, tableName: string): AllocationDraftRepository {
  return {
    async put(draft) {
      await db.send(new PutCommand({ TableName: tableName, Item: allocationDraftItem.toItem(draft) }));
    },
    async get(grantYear, draftId) {
      const result = await db.send(new GetCommand({ TableName: tableName, Key: allocationDraftItem.key(grantYear, draftId), ConsistentRead: true }));
      return result.Item ? allocationDraftItem.fromItem(result.Item) : undefined;
    },
  };
}
