import { GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { callSchema, type Call } from '../../shared/calls';
import type { CallRepository } from '../../shared/ports';
import { indexNames, keys } from '../../shared/table';
import type { TenantId } from '../../shared/tenants';

/**
 * Calls live in the round item of their tenant. An open call also carries the `byList` index
 * keys of the national list, sorted by deadline, so the public page reads one index partition
 * and never scans.
 */
export function createCallRepository(db: DynamoDBDocumentClient, tableName: string): CallRepository {
  return {
    async listOpen() {
      const calls: Call[] = [];
      let startKey: Record<string, unknown> | undefined;
      do {
        const page = await db.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: indexNames.byList,
            KeyConditionExpression: 'GSI1PK = :list',
            ExpressionAttributeValues: { ':list': keys.openCallsList },
            ExclusiveStartKey: startKey,
          }),
        );
        for (const item of page.Items ?? []) calls.push(toCall(item));
        startKey = page.LastEvaluatedKey;
      } while (startKey);
      return calls;
    },

    async get(tenantId: TenantId, roundId: string) {
      const result = await db.send(new GetCommand({ TableName: tableName, Key: keys.round(tenantId, roundId) }));
      return result.Item ? toCall(result.Item) : undefined;
    },

    async create(call: Call) {
      const valid = callSchema.parse(call);
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            ...keys.round(valid.tenantId, valid.roundId),
            ...(valid.status === 'open'
              ? { GSI1PK: keys.openCallsList, GSI1SK: `${valid.deadline}#${valid.tenantId}#${valid.roundId}` }
              : {}),
            entity: 'round',
            version: 1,
            ...valid,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
    },
  };
}

function toCall(item: Record<string, unknown>): Call {
  return callSchema.parse(item);
}
