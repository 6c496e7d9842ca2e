import { DeleteCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { LinkRequestQueue } from '../../shared/applications/link-requests';
import { isConditionalCheckFailed } from './dynamodb-errors';
import { linkRequestItem } from './entities/link-request-item';

/** Link requests in the single table, one partition read oldest first. */
export function createLinkRequestQueue(db: DynamoDBDocumentClient, tableName: string): LinkRequestQueue {
  return {
    async record(request) {
      // One unconditional put: the same request whatever the address, so its time tells nothing.
      await db.send(new PutCommand({ TableName: tableName, Item: linkRequestItem.toItem(request) }));
    },

    async listWaiting(limit) {
      const result = await db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': linkRequestItem.partition },
          ConsistentRead: true,
          Limit: limit,
        }),
      );
      return (result.Items ?? []).map(linkRequestItem.fromItem);
    },

    async take(request) {
      try {
        await db.send(new DeleteCommand({ TableName: tableName, Key: linkRequestItem.key(request), ConditionExpression: 'attribute_exists(PK)' }));
        return true;
      } catch (error) {
        if (isConditionalCheckFailed(error)) return false;
        throw error;
      }
    },
  };
}
