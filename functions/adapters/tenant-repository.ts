import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { TenantRepository } from '../../shared/national/ports';
import { periodsText, type RegisterEvent } from '../../shared/national/register';
import { NATIONAL_TENANT_ID, tenantSchema, type TenantId } from '../../shared/kernel/tenants';
import { auditEventItem } from './entities/audit-event-item';
import { tenantItem, tenantProfileItem } from './entities/tenant-item';
import type { Item } from './entities/item';
import { queryAll } from './query-all';
import { concurrencyGuard, createUnitOfWork, putNew, type Condition } from './unit-of-work';

/** A register change's event in IMDi's audit trail: what was changed, from which year, the periods before and after. */
function registerAuditItem(event: RegisterEvent, entity: Item): Item {
  return auditEventItem.toItem({
    tenantId: NATIONAL_TENANT_ID,
    entityKey: `${entity.PK}#${entity.SK}`,
    eventId: event.eventId,
    at: event.at,
    actor: event.actor,
    machine: 'register',
    action: event.action,
    from: periodsText(event.before),
    to: periodsText(event.after),
    ids: { registerTenantId: event.tenantId, year: String(event.year), ...(event.kommunenummer ? { kommunenummer: event.kommunenummer } : {}) },
  });
}

/** The entry must still be as read: absent when new, else at the version read (0: no register change yet). */
function unchangedSince(expectedVersion: number | undefined): Condition {
  if (expectedVersion === undefined) return { expression: 'attribute_not_exists(PK)', guard: concurrencyGuard };
  return {
    expression: expectedVersion === 0
      ? 'attribute_exists(PK) AND (attribute_not_exists(registerVersion) OR registerVersion = :read)'
      : 'attribute_exists(PK) AND registerVersion = :read',
    values: { ':read': expectedVersion },
    guard: concurrencyGuard,
  };
}

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

    async read(tenantId: TenantId) {
      const result = await db.send(new GetCommand({ TableName: tableName, Key: tenantItem.key(tenantId), ConsistentRead: true }));
      return result.Item ? { tenant: tenantItem.fromItem(result.Item), version: tenantItem.versionOf(result.Item) } : undefined;
    },

    async record({ tenant, expectedVersion, event }) {
      const valid = tenantSchema.parse(tenant);
      const item = tenantItem.toItem(valid, (expectedVersion ?? 0) + 1);
      await unitOfWork.commit([
        { type: 'put', item, condition: unchangedSince(expectedVersion) },
        { type: 'put', item: tenantProfileItem.toItem(valid) },
        putNew(registerAuditItem(event, item)),
      ]);
    },

    async getProfile(tenantId: TenantId) {
      const result = await db.send(new GetCommand({ TableName: tableName, Key: tenantProfileItem.key(tenantId) }));
      return result.Item ? tenantProfileItem.fromItem(result.Item) : undefined;
    },
  };
}
