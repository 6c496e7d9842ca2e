import { GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { TenantRepository } from '../../shared/ports';
import { keys } from '../../shared/table';
import { tenantSchema, type TenantId } from '../../shared/tenants';

/** The tenant register is national data: one partition, one item per tenant. */
export function createTenantRepository(db: DynamoDBDocumentClient, tableName: string): TenantRepository {
  const registerKey = keys.tenant('x').PK;
  return {
    async list() {
      const result = await db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': registerKey },
        }),
      );
      return (result.Items ?? []).map((item) => tenantSchema.parse(item));
    },

    async get(tenantId: TenantId) {
      const result = await db.send(new GetCommand({ TableName: tableName, Key: keys.tenant(tenantId) }));
      return result.Item ? tenantSchema.parse(result.Item) : undefined;
    },

    async put(tenant) {
      const valid = tenantSchema.parse(tenant);
      await db.send(new PutCommand({ TableName: tableName, Item: { ...keys.tenant(valid.tenantId), entity: 'tenant', ...valid } }));
    },
  };
}
