import { GetCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Application } from '../../shared/applications/application';
import { ConcurrentChangeError } from '../../shared/applications/errors';
import type { ApplicationChange, ApplicationRepository, AuditEntry, MagicLinkRecord, MagicLinkStore } from '../../shared/applications/ports';
import type { OutgoingMessage } from '../../shared/outbox/outbox';
import { indexNames, keys } from '../../shared/table';
import type { TenantId } from '../../shared/kernel/tenants';
import { auditEventPut } from './audit-event';
import { cancellationCodes, isConditionalCheckFailed } from './dynamodb-errors';
import { outboxPut } from './outbox-repository';
import { queryAll } from './query-all';

/** Attributes that hold personal data; the retention job removes exactly these. */
export const personalAttributes = ['email', 'contact'] as const;

function indexKeys(application: Application) {
  return {
    GSI1PK: keys.applicationsOfRound(application.tenantId, application.roundId),
    GSI1SK: `${application.status}#${application.applicationId}`,
    GSI2PK: keys.applicationsOfOrganisation(application.orgnr),
    GSI2SK: `${application.grantYear}#${application.tenantId}#${application.applicationId}`,
  };
}

function toItem(application: Application) {
  return { ...keys.application(application.tenantId, application.applicationId), ...indexKeys(application), entity: 'application', ...application };
}

function fromItem(item: Record<string, unknown>): Application {
  const { PK: _pk, SK: _sk, GSI1PK: _g1, GSI1SK: _g1s, GSI2PK: _g2, GSI2SK: _g2s, entity: _entity, ...application } = item;
  return application as unknown as Application;
}

function audit(tableName: string, application: Application, entry: AuditEntry) {
  return auditEventPut(tableName, {
    tenantId: application.tenantId,
    entityKey: keys.application(application.tenantId, application.applicationId).PK,
    machine: 'application',
    version: application.version,
    ids: { applicationId: application.applicationId, roundId: application.roundId },
    ...entry,
  });
}

/**
 * Applications in the single table. Every change is one transaction: the conditional write of the
 * application (status and version guard), its audit event, its emails and its counters.
 */
export function createApplicationRepository(db: DynamoDBDocumentClient, tableName: string): ApplicationRepository {
  const outbox = (messages: OutgoingMessage[] = []) => messages.map((message) => outboxPut(tableName, message));

  return {
    async create(application, entry, messages, links) {
      await db.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: tableName, Item: toItem(application), ConditionExpression: 'attribute_not_exists(PK)' } },
            audit(tableName, application, entry),
            ...outbox(messages),
            ...links.map((link) => magicLinkPut(tableName, link)),
          ],
        }),
      );
    },

    async get(tenantId: TenantId, applicationId: string) {
      const result = await db.send(new GetCommand({ TableName: tableName, Key: keys.application(tenantId, applicationId), ConsistentRead: true }));
      return result.Item ? fromItem(result.Item) : undefined;
    },

    async change(change: ApplicationChange) {
      const { next } = change;
      const counters = Object.entries(change.aggregate ?? {}).filter(([, value]) => value !== 0);
      const aggregateUpdate = counters.length
        ? [
            {
              Update: {
                TableName: tableName,
                Key: keys.aggregate(next.tenantId, next.grantYear),
                UpdateExpression: `SET GSI3PK = :year, GSI3SK = :tenant, tenantId = :tenant, grantYear = :grantYear ADD ${counters
                  .map(([name]) => `${name} :${name}`)
                  .join(', ')}`,
                ExpressionAttributeValues: {
                  ':year': keys.aggregatesOfYear(next.grantYear),
                  ':tenant': next.tenantId,
                  ':grantYear': next.grantYear,
                  ...Object.fromEntries(counters.map(([name, value]) => [`:${name}`, value])),
                },
              },
            },
          ]
        : [];
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: tableName,
                  Item: toItem(next),
                  ConditionExpression: '#status = :expectedStatus AND #version = :expectedVersion',
                  ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
                  ExpressionAttributeValues: { ':expectedStatus': change.expectedStatus, ':expectedVersion': next.version - 1 },
                },
              },
              audit(tableName, next, change.audit),
              ...outbox(change.outbox),
              ...aggregateUpdate,
            ],
          }),
        );
      } catch (error) {
        const codes = cancellationCodes(error);
        // A failed guard, or a transaction on the same item at the same moment: someone else won.
        if (codes && (codes[0] === 'ConditionalCheckFailed' || codes.includes('TransactionConflict'))) throw new ConcurrentChangeError();
        throw error;
      }
    },

    async listSubmittedByRound(tenantId, roundId) {
      const items = await queryAll(db, {
        TableName: tableName,
        IndexName: indexNames.byList,
        KeyConditionExpression: 'GSI1PK = :round',
        ExpressionAttributeValues: { ':round': keys.applicationsOfRound(tenantId, roundId) },
      });
      return items.map(fromItem).filter((application) => application.status !== 'draft');
    },

    async listByOrganisation(orgnr) {
      const items = await queryAll(db, {
        TableName: tableName,
        IndexName: indexNames.byOrganisation,
        KeyConditionExpression: 'GSI2PK = :org',
        ExpressionAttributeValues: { ':org': keys.applicationsOfOrganisation(orgnr) },
        ScanIndexForward: false,
      });
      return items.map(fromItem);
    },
  };
}

/** The `Put` of a new link record; `expiresAt` in epoch seconds lets DynamoDB's TTL remove it. */
function magicLinkPut(tableName: string, record: MagicLinkRecord) {
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...keys.magicLink(record.tenantId, record.tokenId),
        entity: 'magic-link',
        ...record,
        expiresAt: Math.floor(Date.parse(record.expiresAt) / 1000),
        expiresAtIso: record.expiresAt,
      },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
}

/** Single-use magic-link records. */
export function createMagicLinkStore(db: DynamoDBDocumentClient, tableName: string): MagicLinkStore {
  return {
    async issue({ message, link }) {
      await db.send(new TransactWriteCommand({ TransactItems: [magicLinkPut(tableName, link), outboxPut(tableName, message)] }));
    },

    async consume(tenantId, tokenId, now) {
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.magicLink(tenantId, tokenId),
            UpdateExpression: 'SET usedAt = :now',
            ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(usedAt) AND expiresAtIso > :now',
            ExpressionAttributeValues: { ':now': now.toISOString() },
          }),
        );
        return 'consumed';
      } catch (error) {
        if (!isConditionalCheckFailed(error)) throw error;
        const existing = await db.send(new GetCommand({ TableName: tableName, Key: keys.magicLink(tenantId, tokenId), ConsistentRead: true }));
        if (!existing.Item) return 'unknown';
        return existing.Item.usedAt ? 'already_used' : 'expired';
      }
    },
  };
}
