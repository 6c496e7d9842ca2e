import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { aggregateItemSchema, counterNames, type AggregateRepository } from '../../shared/national/aggregates';
import { keys } from '../../shared/table';
import type { TenantId } from '../../shared/kernel/tenants';
import { isConditionalCheckFailed } from './dynamodb-errors';

/**
 * Tenant-year aggregates in the single table. The application repository adds to them inside each
 * change's transaction; this adapter reads them and, for the reconcile job, overwrites them only
 * while they still hold what was read.
 */
export function createAggregateRepository(db: DynamoDBDocumentClient, tableName: string): AggregateRepository {
  return {
    async get(tenantId: TenantId, grantYear: number) {
      const result = await db.send(new GetCommand({ TableName: tableName, Key: keys.aggregate(tenantId, grantYear), ConsistentRead: true }));
      return result.Item ? aggregateItemSchema.parse(result.Item) : undefined;
    },

    async reset(tenantId, grantYear, counters, expected) {
      const names = Object.fromEntries(counterNames.map((name) => [`#${name}`, name]));
      // A counter no ADD has reached yet is absent, which is what 0 means.
      const condition = counterNames
        .map((name) => (expected[name] === 0 ? `(attribute_not_exists(#${name}) OR #${name} = :was_${name})` : `#${name} = :was_${name}`))
        .join(' AND ');
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.aggregate(tenantId, grantYear),
            // The index keys as the application repository sets them, so a created item is in `byYear`.
            UpdateExpression: `SET GSI3PK = :year, GSI3SK = :tenant, tenantId = :tenant, grantYear = :grantYear, ${counterNames
              .map((name) => `#${name} = :${name}`)
              .join(', ')}`,
            ConditionExpression: condition,
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: {
              ':year': keys.aggregatesOfYear(grantYear),
              ':tenant': tenantId,
              ':grantYear': grantYear,
              ...Object.fromEntries(counterNames.map((name) => [`:${name}`, counters[name]])),
              ...Object.fromEntries(counterNames.map((name) => [`:was_${name}`, expected[name]])),
            },
          }),
        );
        return 'reset';
      } catch (error) {
        if (isConditionalCheckFailed(error)) return 'changed';
        throw error;
      }
    },
  };
}
