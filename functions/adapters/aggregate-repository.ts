import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConcurrentChangeError } from '../../shared/applications/errors';
import { counterNames, type AggregateItem, type AggregateRepository } from '../../shared/national/aggregates';
import type { TenantId } from '../../shared/kernel/tenants';
import { aggregateItem } from './entities/aggregate-item';
import { concurrencyGuard, createUnitOfWork } from './unit-of-work';

/**
 * Tenant-year aggregates in the single table. The application repository adds to them inside each
 * change's transaction; this adapter reads them and, for the reconcile job, overwrites them only
 * while they still hold what was read.
 */
export function createAggregateRepository(db: DynamoDBDocumentClient, tableName: string): AggregateRepository {
  const unitOfWork = createUnitOfWork(db, tableName);
  return {
    async get(tenantId: TenantId, grantYear: number) {
      const result = await db.send(new GetCommand({ TableName: tableName, Key: aggregateItem.key(tenantId, grantYear), ConsistentRead: true }));
      return result.Item ? aggregateItem.fromItem(result.Item) : undefined;
    },
    async listYear(grantYear) {
      const items: AggregateItem[] = [];
      let startKey: Record<string, unknown> | undefined;
      do {
        const result = await db.send(new QueryCommand({
          TableName: tableName, IndexName: 'byYear', KeyConditionExpression: 'GSI3PK = :year',
          ExpressionAttributeValues: { ':year': aggregateItem.yearList(grantYear) }, ExclusiveStartKey: startKey,
        }));
        items.push(...(result.Items ?? []).map((item) => aggregateItem.fromItem(item)));
        startKey = result.LastEvaluatedKey;
      } while (startKey);
      return items;
    },

    async reset(tenantId, grantYear, counters, expected) {
      const names = Object.fromEntries(counterNames.map((name) => [`#${name}`, name]));
      const identity = Object.entries(aggregateItem.identity(tenantId, grantYear));
      // A counter no ADD has reached yet is absent, which is what 0 means.
      const condition = counterNames
        .map((name) => (expected[name] === 0 ? `(attribute_not_exists(#${name}) OR #${name} = :was_${name})` : `#${name} = :was_${name}`))
        .join(' AND ');
      try {
        await unitOfWork.commit([
          {
            type: 'update',
            key: aggregateItem.key(tenantId, grantYear),
            // The identity as every write sets it, so a created item is in `byYear`.
            expression: `SET ${[...identity.map(([name]) => `#${name} = :${name}`), ...counterNames.map((name) => `#${name} = :${name}`)].join(', ')}`,
            names: { ...names, ...Object.fromEntries(identity.map(([name]) => [`#${name}`, name])) },
            values: {
              ...Object.fromEntries(identity.map(([name, value]) => [`:${name}`, value])),
              ...Object.fromEntries(counterNames.map((name) => [`:${name}`, counters[name]])),
            },
            condition: {
              expression: condition,
              values: Object.fromEntries(counterNames.map((name) => [`:was_${name}`, expected[name]])),
              guard: concurrencyGuard,
            },
          },
        ]);
        return 'reset';
      } catch (error) {
        if (error instanceof ConcurrentChangeError) return 'changed';
        throw error;
      }
    },
  };
}
