import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Application } from '../../shared/applications/application';
import { ConcurrentChangeError } from '../../shared/applications/errors';
import type { ApplicationChange, ApplicationRepository, AuditEntry } from '../../shared/applications/ports';
import type { Orgnr } from '../../shared/kernel/orgnr';
import type { TenantId } from '../../shared/kernel/tenants';
import { indexNames } from '../../shared/table';
import { aggregateItem } from './entities/aggregate-item';
import { applicationItem } from './entities/application-item';
import { auditEventItem } from './entities/audit-event-item';
import { fundingEntryItem } from './entities/funding-entry-item';
import { magicLinkItem } from './entities/magic-link-item';
import { queueMessage } from './outbox-repository';
import { queryAll } from './query-all';
import { concurrencyGuard, createUnitOfWork, putNew, TransactionConflictError, type Change } from './unit-of-work';

function audit(application: Application, entry: AuditEntry): Change {
  return putNew(
    auditEventItem.toItem({
      tenantId: application.tenantId,
      entityKey: applicationItem.key(application.tenantId, application.applicationId).PK,
      version: application.version,
      ids: { applicationId: application.applicationId, roundId: application.roundId },
      ...entry,
      machine: entry.machine ?? 'application',
    }),
  );
}

/** The counters a change adds to its tenant-year; none when it adds nothing. */
function countersOf(change: ApplicationChange): Change[] {
  const { next } = change;
  const counters = Object.fromEntries(Object.entries(change.aggregate ?? {}).filter(([, value]) => value !== 0));
  if (Object.keys(counters).length === 0) return [];
  return [{ type: 'add', key: aggregateItem.key(next.tenantId, next.grantYear), set: aggregateItem.identity(next.tenantId, next.grantYear), counters }];
}

/** A round's applications that were sent (every status but draft), by the round's list index: no Scan. */
export async function querySubmittedByRound(db: DynamoDBDocumentClient, tableName: string, tenantId: TenantId, roundId: string): Promise<Application[]> {
  const items = await queryAll(db, {
    TableName: tableName,
    IndexName: indexNames.byList,
    KeyConditionExpression: 'GSI1PK = :round',
    ExpressionAttributeValues: { ':round': applicationItem.roundList(tenantId, roundId) },
  });
  return items.map(applicationItem.fromItem).filter((application) => application.status !== 'draft');
}

/**
 * Applications in the single table. Every change is one transaction: the conditional write of the
 * application (status and version guard), its audit event, its emails and its counters.
 */
export function createApplicationRepository(db: DynamoDBDocumentClient, tableName: string): ApplicationRepository {
  const unitOfWork = createUnitOfWork(db, tableName);

  return {
    async create(application, entry, messages, links) {
      await unitOfWork.commit([
        putNew(applicationItem.toItem(application)),
        audit(application, entry),
        ...messages.map(queueMessage),
        ...links.map((link) => putNew(magicLinkItem.toItem(link))),
      ]);
    },

    async get(tenantId: TenantId, applicationId: string) {
      const result = await db.send(new GetCommand({ TableName: tableName, Key: applicationItem.key(tenantId, applicationId), ConsistentRead: true }));
      return result.Item ? applicationItem.fromItem(result.Item) : undefined;
    },

    async change(change: ApplicationChange) {
      const { next } = change;
      try {
        await unitOfWork.commit([
          {
            type: 'put',
            item: applicationItem.toItem(next),
            condition: {
              expression: '#status = :expectedStatus AND #version = :expectedVersion',
              names: { '#status': 'status', '#version': 'version' },
              values: { ':expectedStatus': change.expectedStatus, ':expectedVersion': next.version - 1 },
              guard: concurrencyGuard,
            },
          },
          audit(next, change.audit),
          ...(change.alsoAudit ?? []).map((entry) => audit(next, entry)),
          ...(change.funding ? [{ type: 'put', item: fundingEntryItem.toItem(change.funding) } satisfies Change] : []),
          ...(change.outbox ?? []).map(queueMessage),
          ...(change.links ?? []).map((link) => putNew(magicLinkItem.toItem(link))),
          ...countersOf(change),
        ]);
      } catch (error) {
        // The port promises one outcome for "someone else was there": a collision that outlasted
        // the retries is reported the same way as a failed guard.
        if (error instanceof TransactionConflictError) throw new ConcurrentChangeError();
        throw error;
      }
    },

    listSubmittedByRound: (tenantId, roundId) => querySubmittedByRound(db, tableName, tenantId, roundId),

    async listOrganisationsByRound(tenantId, roundId) {
      const items = await queryAll(db, {
        TableName: tableName,
        IndexName: indexNames.byList,
        KeyConditionExpression: 'GSI1PK = :round',
        ProjectionExpression: 'orgnr, #status',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':round': applicationItem.roundList(tenantId, roundId) },
      });
      return new Set(items.filter((item) => item.status !== 'draft').map((item) => item.orgnr as Orgnr));
    },

    async listByOrganisation(orgnr) {
      const items = await queryAll(db, {
        TableName: tableName,
        IndexName: indexNames.byOrganisation,
        KeyConditionExpression: 'GSI2PK = :org',
        ExpressionAttributeValues: { ':org': applicationItem.organisationList(orgnr) },
        ScanIndexForward: false,
      });
      return items.map(applicationItem.fromItem);
    },

    async listOfOrganisationInTenant(tenantId, orgnr) {
      const items = await queryAll(db, {
        TableName: tableName,
        IndexName: indexNames.byYear,
        KeyConditionExpression: 'GSI3PK = :org',
        ExpressionAttributeValues: { ':org': applicationItem.tenantOrganisationList(tenantId, orgnr) },
        ScanIndexForward: false,
      });
      return items.map(applicationItem.fromItem);
    },
  };
}
