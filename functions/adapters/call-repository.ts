import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConcurrentChangeError } from '../../shared/applications/errors';
import { callSchema, ruleSetVersionOf, type Call } from '../../shared/rounds/call';
import type { RuleSetVersion } from '../../shared/rules/rule-set-version';
import type { CallRepository, RoundClosing, VersionedCall } from '../../shared/rounds/ports';
import type { TenantId } from '../../shared/kernel/tenants';
import { indexNames } from '../../shared/table';
import { auditEventItem } from './entities/audit-event-item';
import { roundItem } from './entities/round-item';
import { ruleSetVersionItem } from './entities/rule-set-version-item';
import { queryAll } from './query-all';
import { concurrencyGuard, createUnitOfWork, putNew, type Change } from './unit-of-work';

/** The two writes that close a round: its guarded status change, and its audit event. */
function closingChanges(closing: RoundClosing): Change[] {
  const key = roundItem.key(closing.tenantId, closing.roundId);
  const version = closing.expectedVersion + 1;
  return [
    {
      type: 'update',
      key,
      // Moving the index keys takes the call off the public list of open calls and onto the list of
      // closed rounds (same sort key: the deadline), which the preliminary-reply job reads.
      expression: 'SET #status = :closed, #version = :next, updatedAt = :at, GSI1PK = :closedList',
      names: { '#status': 'status', '#version': 'version' },
      values: { ':closed': 'closed', ':next': version, ':at': closing.at, ':closedList': roundItem.closedRoundsList },
      condition: { expression: '#status = :open AND #version = :expected', values: { ':open': 'open', ':expected': closing.expectedVersion }, guard: concurrencyGuard },
    },
    putNew(
      auditEventItem.toItem({
        tenantId: closing.tenantId,
        entityKey: key.SK,
        eventId: closing.eventId,
        at: closing.at,
        actor: closing.actor,
        machine: 'round',
        action: 'close',
        from: 'open',
        to: 'closed',
        version,
        ids: { roundId: closing.roundId },
      }),
    ),
  ];
}

/**
 * Calls live in the round item of their tenant; an open call is also on the national list of open
 * calls (see {@link roundItem}), so the public page reads one index partition and never scans.
 */
export function createCallRepository(db: DynamoDBDocumentClient, tableName: string): CallRepository {
  const unitOfWork = createUnitOfWork(db, tableName);
  const openCalls = (keyCondition: string, values: Record<string, unknown>) =>
    queryAll(db, {
      TableName: tableName,
      IndexName: indexNames.byList,
      KeyConditionExpression: keyCondition,
      ExpressionAttributeValues: { ':list': roundItem.openCallsList, ...values },
    });

  return {
    async listOpen() {
      return (await openCalls('GSI1PK = :list', {})).map(roundItem.fromItem);
    },

    async get(tenantId: TenantId, roundId: string) {
      const result = await db.send(new GetCommand({ TableName: tableName, Key: roundItem.key(tenantId, roundId) }));
      return result.Item ? roundItem.fromItem(result.Item) : undefined;
    },

    async listByTenant(tenantId: TenantId) {
      const items = await queryAll(db, {
        TableName: tableName,
        KeyConditionExpression: 'PK = :rounds AND begins_with(SK, :round)',
        ExpressionAttributeValues: { ':rounds': roundItem.partitionOf(tenantId), ':round': roundItem.sortKeyPrefix },
        ScanIndexForward: false,
      });
      return items.map(roundItem.fromItem);
    },

    async create(call: Call, lock?: RuleSetVersion) {
      const item = roundItem.toItem(callSchema.parse(call));
      if (!lock) {
        await db.send(new PutCommand({ TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(PK)' }));
        return;
      }
      if (lock.grantYear !== call.grantYear || lock.version !== ruleSetVersionOf(call)) {
        throw new Error(`Round ${call.roundId} names rule set ${call.grantYear} v${ruleSetVersionOf(call)}, not the one to lock`);
      }
      // The round and the lock of its rule-set version commit together: no round uses an unlocked version.
      await unitOfWork.commit([putNew(item), { type: 'update', ...ruleSetVersionItem.ensure(lock, { lock: true }) }]);
    },

    async listOpenWithDeadlineBefore(now: string) {
      // The list's sort key starts with the deadline, so "deadline before now" is a key condition.
      const items = await openCalls('GSI1PK = :list AND GSI1SK < :now', { ':now': now });
      return items.map((item): VersionedCall => ({ ...roundItem.fromItem(item), version: roundItem.versionOf(item) }));
    },

    async close(closing: RoundClosing) {
      try {
        await unitOfWork.commit(closingChanges(closing));
        return 'closed';
      } catch (error) {
        // The round moved on (an officer changed it, or another run closed it first).
        if (error instanceof ConcurrentChangeError) return 'stale';
        throw error;
      }
    },
  };
}
