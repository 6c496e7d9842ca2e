import { GetCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { TenantProfile, TenantRepository } from '../../shared/national/ports';
import { keys } from '../../shared/table';
import { queryAll } from './query-all';
import { tenantSchema, type TenantId } from '../../shared/kernel/tenants';

/**
 * The tenant register is national data: one partition, one item per tenant. Each tenant also gets
 * a profile item in its own partition, written in the same transaction, because the officer role
 * may read only `T#<tenantId>#…` keys and still has to show which municipality it works for.
 */
export function createTenantRepository(db: DynamoDBDocumentClient, tableName: string): TenantRepository {
  const registerKey = keys.tenant('x').PK;
  return {
    async list() {
      const items = await queryAll(db, {
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': registerKey },
      });
      return items.map((item) => tenantSchema.parse(item));
    },

    async get(tenantId: TenantId) {
      const result = await db.send(new GetCommand({ TableName: tableName, Key: keys.tenant(tenantId) }));
      return result.Item ? tenantSchema.parse(result.Item) : undefined;
    },

    async put(tenant) {
      const valid = tenantSchema.parse(tenant);
      const profile: TenantProfile = { tenantId: valid.tenantId, kind: valid.kind, name: valid.name, kommunenummer: valid.kommunenummer };
      await db.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: tableName, Item: { ...keys.tenant(valid.tenantId), entity: 'tenant', ...valid } } },
            { Put: { TableName: tableName, Item: { ...keys.tenantProfile(valid.tenantId), entity: 'tenant-profile', ...profile } } },
          ],
        }),
      );
    },

    async getProfile(tenantId: TenantId) {
      const result = await db.send(new GetCommand({ TableName: tableName, Key: keys.tenantProfile(tenantId) }));
      if (!result.Item) return undefined;
      const { tenantId: id, kind, name, kommunenummer } = tenantSchema.parse({ managingYears: [], ...result.Item });
      return { tenantId: id, kind, name, kommunenummer };
    },
  };
}
