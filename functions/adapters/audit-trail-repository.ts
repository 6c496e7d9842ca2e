import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry, AuditTrailRepository } from '../../shared/national/audit-trail';
import { auditEventItem } from './entities/audit-event-item';
import { queryAll } from './query-all';

const known = new Set(['PK', 'SK', 'entity', 'entityKey', 'tenantId', 'at', 'eventId', 'actor', 'machine', 'action', 'grantYear', 'amount', 'before', 'after', 'from', 'to', 'version']);

function numbers(value: unknown): Record<string, number> | undefined {
  if (!value || typeof value !== 'object') return undefined;
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, number] => typeof entry[1] === 'number'));
}

/** An audit event item as an entry; events of any machine are read, ids kept as details. */
export function auditEntryOf(item: Record<string, unknown>): AuditEntry {
  const text = (name: string) => (typeof item[name] === 'string' ? (item[name] as string) : undefined);
  const grantYear = Number(item.grantYear);
  const details = Object.fromEntries(
    Object.entries(item)
      .filter(([name, value]) => !known.has(name) && (typeof value === 'string' || typeof value === 'number'))
      .map(([name, value]) => [name, String(value)]),
  );
  if (typeof item.version === 'number') details.version = String(item.version);
  const before = numbers(item.before);
  const after = numbers(item.after);
  return {
    tenantId: text('tenantId') ?? '',
    at: text('at') ?? '',
    eventId: text('eventId') ?? '',
    actor: text('actor') ?? '',
    kind: text('machine') ?? '',
    action: text('action') ?? '',
    ...(Number.isInteger(grantYear) ? { grantYear } : {}),
    ...(typeof item.amount === 'number' ? { amount: item.amount } : {}),
    ...(before ? { before } : {}),
    ...(after ? { after } : {}),
    ...(text('from') ? { from: text('from') } : {}),
    ...(text('to') ? { to: text('to') } : {}),
    details,
  };
}

/**
 * Tenants' audit partitions, read by time: the sort key starts with the instant, so a range is a
 * key condition (`SK` from `from` up to, not including, `to`), one query per partition.
 */
export function createAuditTrailRepository(db: DynamoDBDocumentClient, tableName: string): AuditTrailRepository {
  return {
    async list(tenantId, range) {
      const items = await queryAll(db, {
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
        // `<to>` sorts before every `<to>#<eventId>`, so an event at `to` itself is left out.
        ExpressionAttributeValues: { ':pk': auditEventItem.partitionOf(tenantId), ':from': range.from, ':to': range.to },
      });
      return items.map(auditEntryOf);
    },
  };
}
