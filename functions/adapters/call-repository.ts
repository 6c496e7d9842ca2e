import { GetCommand, PutCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { callSchema, type Call } from '../../shared/rounds/call';
import type { CallRepository, RoundClosing, VersionedCall } from '../../shared/rounds/ports';
import { indexNames, keys } from '../../shared/table';
import type { TenantId } from '../../shared/kernel/tenants';
import { auditEventPut } from './audit-event';
import { cancellationCodes } from './dynamodb-errors';
import { queryAll } from './query-all';

/**
 * Calls live in the round item of their tenant. An open call also carries the `byList` index
 * keys of the national list, sorted by deadline, so the public page reads one index partition
 * and never scans.
 */
export function createCallRepository(db: DynamoDBDocumentClient, tableName: string): CallRepository {
  return {
    async listOpen() {
      const items = await queryAll(db, {
        TableName: tableName,
        IndexName: indexNames.byList,
        KeyConditionExpression: 'GSI1PK = :list',
        ExpressionAttributeValues: { ':list': keys.openCallsList },
      });
      return items.map(toCall);
    },

    async get(tenantId: TenantId, roundId: string) {
      const result = await db.send(new GetCommand({ TableName: tableName, Key: keys.round(tenantId, roundId) }));
      return result.Item ? toCall(result.Item) : undefined;
    },

    async listByTenant(tenantId: TenantId) {
      const items = await queryAll(db, {
        TableName: tableName,
        KeyConditionExpression: 'PK = :rounds AND begins_with(SK, :round)',
        ExpressionAttributeValues: { ':rounds': keys.roundsOfTenant(tenantId), ':round': 'ROUND#' },
        ScanIndexForward: false,
      });
      return items.map(toCall);
    },

    async create(call: Call) {
      const valid = callSchema.parse(call);
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            ...keys.round(valid.tenantId, valid.roundId),
            ...(valid.status === 'open'
              ? { GSI1PK: keys.openCallsList, GSI1SK: `${valid.deadline}#${valid.tenantId}#${valid.roundId}` }
              : {}),
            entity: 'round',
            version: 1,
            ...valid,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
    },

    async listOpenWithDeadlineBefore(now: string) {
      // The list's sort key starts with the deadline, so "deadline before now" is a key condition.
      const items = await queryAll(db, {
        TableName: tableName,
        IndexName: indexNames.byList,
        KeyConditionExpression: 'GSI1PK = :list AND GSI1SK < :now',
        ExpressionAttributeValues: { ':list': keys.openCallsList, ':now': now },
      });
      return items.map((item): VersionedCall => ({ ...toCall(item), version: versionOf(item) }));
    },

    async close(closing: RoundClosing) {
      const roundKey = keys.round(closing.tenantId, closing.roundId);
      const command = new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: tableName,
              Key: roundKey,
              // Removing the index keys takes the call off the public list of open calls.
              UpdateExpression: 'SET #status = :closed, #version = :next, updatedAt = :at REMOVE GSI1PK, GSI1SK',
              ConditionExpression: '#status = :open AND #version = :expected',
              ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
              ExpressionAttributeValues: {
                ':open': 'open',
                ':closed': 'closed',
                ':expected': closing.expectedVersion,
                ':next': closing.expectedVersion + 1,
                ':at': closing.at,
              },
            },
          },
          auditEventPut(tableName, {
            tenantId: closing.tenantId,
            entityKey: roundKey.SK,
            eventId: closing.eventId,
            at: closing.at,
            actor: closing.actor,
            machine: 'round',
            action: 'close',
            from: 'open',
            to: 'closed',
            version: closing.expectedVersion + 1,
            ids: { roundId: closing.roundId },
          }),
        ],
      });
      // A transaction that collides with another one on the same round is cancelled as a conflict,
      // not a failed condition; once the other has committed, a retry sees its result.
      for (let attempt = 1; ; attempt++) {
        try {
          await db.send(command);
          return 'closed';
        } catch (error) {
          const codes = cancellationCodes(error);
          if (codes?.[0] === 'ConditionalCheckFailed') return 'stale';
          if (codes?.includes('TransactionConflict') && attempt < 4) {
            await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.floor(Math.random() * 30)));
            continue;
          }
          throw error;
        }
      }
    },
  };
}

function versionOf(item: Record<string, unknown>): number {
  const version = item.version;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    throw new Error(`Round item ${String(item.PK)} ${String(item.SK)} has no integer version`);
  }
  return version;
}

function toCall(item: Record<string, unknown>): Call {
  return callSchema.parse(item);
}
