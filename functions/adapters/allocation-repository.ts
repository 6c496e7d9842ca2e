import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConcurrentChangeError } from '../../shared/applications/errors';
import { AllocationPublishedMeanwhileError } from '../../shared/national/allocation-errors';
import type { AllocationRepository } from '../../shared/national/ports';
import { allocationVersionItem } from './entities/allocation-version-item';
import { auditEventItem } from './entities/audit-event-item';
import { queryPartition } from './query-all';
import { concurrencyGuard, createUnitOfWork } from './unit-of-work';

/**
 * Allocation versions in the single table. A version is written only if its number is free, so of
 * two administrators publishing at once exactly one gets the number and the other is told.
 */
export function createAllocationRepository(db: DynamoDBDocumentClient, tableName: string): AllocationRepository {
  const unitOfWork = createUnitOfWork(db, tableName);
  return {
    async list(grantYear) {
      return (await queryPartition(db, tableName, allocationVersionItem.partitionOf(grantYear))).map(allocationVersionItem.fromItem);
    },

    async latest(grantYear) {
      const result = await db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': allocationVersionItem.partitionOf(grantYear) },
          ScanIndexForward: false,
          Limit: 1,
          ConsistentRead: true,
        }),
      );
      const item = result.Items?.[0];
      return item ? allocationVersionItem.fromItem(item) : undefined;
    },

    async create(version, audit) {
      const item = allocationVersionItem.toItem(version, 'applying');
      try {
        await unitOfWork.commit([
          { type: 'put', item, condition: { expression: 'attribute_not_exists(PK)', guard: concurrencyGuard } },
          {
            type: 'put',
            item: auditEventItem.toItem({
              tenantId: audit.tenantId,
              entityKey: `${item.PK}#${item.SK}`,
              eventId: audit.eventId,
              at: version.publishedAt,
              actor: version.publishedBy,
              machine: 'allocation',
              action: 'publish',
              version: version.version,
              ids: { grantYear: String(version.grantYear), framesTotal: String(version.framesTotal), nationalFrame: String(version.split.frame) },
            }),
          },
        ]);
      } catch (error) {
        if (error instanceof ConcurrentChangeError) throw new AllocationPublishedMeanwhileError(version.grantYear, version.version);
        throw error;
      }
      return allocationVersionItem.fromItem(item);
    },

    async markPublished(grantYear, version) {
      await unitOfWork.commit([
        {
          type: 'update',
          key: allocationVersionItem.key(grantYear, version),
          expression: 'SET #status = :published',
          names: { '#status': 'status' },
          values: { ':published': 'published' },
          condition: { expression: 'attribute_exists(PK)' },
        },
      ]);
    },
  };
}
