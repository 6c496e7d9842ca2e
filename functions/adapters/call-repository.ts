import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConcurrentChangeError } from '../../shared/applications/errors';
import { callSchema, ruleSetVersionOf, type Call } from '../../shared/rounds/call';
import type { RuleSetVersion } from '../../shared/rules/rule-set-version';
import { RoundChangedMeanwhileError, RoundIdTakenError } from '../../shared/rounds/errors';
import type { CallRepository, RoundAudit, RoundChange, RoundClosing, RoundOpening, VersionedCall } from '../../shared/rounds/ports';
import type { TenantId } from '../../shared/kernel/tenants';
import { indexNames } from '../../shared/table';
import { auditEventItem } from './entities/audit-event-item';
import { roundItem } from './entities/round-item';
import { ruleSetVersionItem } from './entities/rule-set-version-item';
import { queryAll } from './query-all';
import { concurrencyGuard, createUnitOfWork, isCancelledByCondition, putNew, type Change } from './unit-of-work';

/** The audit event of one change to a round. */
function roundEvent(call: Call, audit: RoundAudit, version: number, from?: string): Change {
  return putNew(
    auditEventItem.toItem({
      tenantId: call.tenantId,
      entityKey: roundItem.key(call.tenantId, call.roundId).SK,
      eventId: audit.eventId,
      at: audit.at,
      actor: audit.actor,
      machine: 'round',
      action: audit.action,
      ...(from === undefined ? {} : { from }),
      to: call.status,
      version,
      ids: { roundId: call.roundId },
    }),
  );
}

/** The two writes that open a published round: its guarded status change onto the open list, and its audit event. */
function openingChanges(opening: RoundOpening): Change[] {
  const key = roundItem.key(opening.tenantId, opening.roundId);
  const version = opening.expectedVersion + 1;
  // The listed version's deadline: the guard below refuses the write if the round changed since.
  const list = { GSI1PK: roundItem.openCallsList, GSI1SK: `${opening.deadline}#${opening.tenantId}#${opening.roundId}` };
  return [
    {
      type: 'update',
      key,
      expression: 'SET #status = :open, #version = :next, updatedAt = :at, GSI1PK = :pk, GSI1SK = :sk',
      names: { '#status': 'status', '#version': 'version' },
      values: { ':open': 'open', ':next': version, ':at': opening.at, ':pk': list.GSI1PK, ':sk': list.GSI1SK },
      condition: { expression: '#status = :published AND #version = :expected', values: { ':published': 'published', ':expected': opening.expectedVersion }, guard: concurrencyGuard },
    },
    putNew(
      auditEventItem.toItem({
        tenantId: opening.tenantId,
        entityKey: key.SK,
        eventId: opening.eventId,
        at: opening.at,
        actor: opening.actor,
        machine: 'round',
        action: 'open',
        from: 'published',
        to: 'open',
        version,
        ids: { roundId: opening.roundId },
      }),
    ),
  ];
}

/**
 * The lock of a round's rule-set version: `locked` set, the one attribute the officer's session
 * role may write in a national partition. A stored version must still be there. The code default,
 * not stored yet, gets a lock marker in its place (only the keys and `locked`): the officer may not
 * write national rules, so IMDi's first save stores the default's content under the marker,
 * keeping the lock (`ruleSetVersionItem.ensure`). Until then version 1 is read from the code.
 */
function lockChange(lock: RuleSetVersion): Change {
  return {
    type: 'update',
    key: ruleSetVersionItem.key(lock.grantYear, lock.version),
    expression: 'SET #locked = :locked',
    names: { '#locked': 'locked' },
    values: { ':locked': true },
    ...(lock.stored ? { condition: { expression: 'attribute_exists(PK)' } } : {}),
  };
}

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

    async create(call: Call, lock?: RuleSetVersion, audit?: RoundAudit) {
      const item = roundItem.toItem(callSchema.parse(call));
      if (!lock && !audit) {
        try {
          await db.send(new PutCommand({ TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(PK)' }));
        } catch (error) {
          if ((error as { name?: string }).name === 'ConditionalCheckFailedException') throw new RoundIdTakenError(call.roundId);
          throw error;
        }
        return;
      }
      if (lock && (lock.grantYear !== call.grantYear || lock.version !== ruleSetVersionOf(call))) {
        throw new Error(`Round ${call.roundId} names rule set ${call.grantYear} v${ruleSetVersionOf(call)}, not the one to lock`);
      }
      // The round, the lock of its rule-set version and its audit event commit together: no round
      // uses an unlocked version.
      const changes: Change[] = [putNew(item), ...(lock ? [lockChange(lock)] : []), ...(audit ? [roundEvent(call, audit, 1)] : [])];
      try {
        await unitOfWork.commit(changes);
      } catch (error) {
        if (isCancelledByCondition(error, 0)) throw new RoundIdTakenError(call.roundId);
        throw error;
      }
    },

    async getVersioned(tenantId: TenantId, roundId: string) {
      const result = await db.send(new GetCommand({ TableName: tableName, Key: roundItem.key(tenantId, roundId), ConsistentRead: true }));
      return result.Item ? { ...roundItem.fromItem(result.Item), version: roundItem.versionOf(result.Item) } : undefined;
    },

    async change({ call, expectedVersion, expectedStatus, audit }: RoundChange) {
      const version = expectedVersion + 1;
      const item = roundItem.toItemAt(callSchema.parse(call), version, audit.at);
      try {
        await unitOfWork.commit([
          {
            type: 'put',
            item,
            condition: {
              expression: '#status = :status AND #version = :expected',
              names: { '#status': 'status', '#version': 'version' },
              values: { ':status': expectedStatus, ':expected': expectedVersion },
              guard: concurrencyGuard,
            },
          },
          roundEvent(call, audit, version, expectedStatus),
        ]);
      } catch (error) {
        if (error instanceof ConcurrentChangeError) throw new RoundChangedMeanwhileError();
        throw error;
      }
    },

    async listPublishedWithOpeningBefore(now: string) {
      const items = await queryAll(db, {
        TableName: tableName,
        IndexName: indexNames.byList,
        KeyConditionExpression: 'GSI1PK = :list AND GSI1SK < :now',
        ExpressionAttributeValues: { ':list': roundItem.publishedCallsList, ':now': now },
      });
      return items.map((item): VersionedCall => ({ ...roundItem.fromItem(item), version: roundItem.versionOf(item) }));
    },

    async open(opening: RoundOpening) {
      try {
        await unitOfWork.commit(openingChanges(opening));
        return 'opened';
      } catch (error) {
        if (error instanceof ConcurrentChangeError) return 'stale';
        throw error;
      }
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
