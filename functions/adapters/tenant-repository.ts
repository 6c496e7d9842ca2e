import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { TenantRepository } from '../../shared/national/ports';
import { tenantSchema, type TenantId } from '../../shared/kernel/tenants';
import { tenantItem, tenantProfileItem } from './entities/tenant-item';
import { queryAll } from './query-all';
import { createUnitOfWork } from './unit-of-work';

/**
 * The tenant register is national data: one partition, one item per tenant. Each tenant's profile
 * is written in the same transaction, so the register and the tenant's own copy never disagree.
 */
export function createTenantRepository(db: DynamoDBDocumentClient, tableName: string): TenantRepository {
  const unitOfWork = createUnitOfWork(db, tableName);
  return {
    async list() {
      const items = await queryAll(db, {
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': tenantItem.registerPartition },
      });
      return items.map(tenantItem.fromItem);
    },

    async get(tenantId: TenantId) {
      const result = await db.send(new GetCommand({ TableName: tableName, Key: tenantItem.key(tenantId) }));
      return result.Item ? tenantItem.fromItem(result.Item) : undefined;
    },

    async put(tenant) {
      const valid = tenantSchema.parse(tenant);
      await unitOfWork.commit([
        { type: 'put', item: tenantItem.toItem(valid) },
        { type: 'put', item: tenantProfileItem.toItem(valid) },
      ]);
    },

    async getProfile(tenantId: TenantId) {
      const result = await db.send(new GetCommand({ TableName: tableName, Key: tenantProfileItem.key(tenantId) }));
      return result.Item ? tenantProfileItem.fromItem(result.Item) : undefined;
    },
  };
}
