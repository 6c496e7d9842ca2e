import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConcurrentChangeError } from '../../shared/applications/errors';
import type { TenantId } from '../../shared/kernel/tenants';
import { YearReportChangedError, type YearReportReader, type YearReportRepository } from '../../shared/year-reports/year-report';
import { batchGetAll } from './batch-get';
import { auditEventItem } from './entities/audit-event-item';
import { yearReportItem } from './entities/year-report-item';
import { concurrencyGuard, createUnitOfWork, putNew, TransactionConflictError } from './unit-of-work';

/**
 * The municipality's year reports. A save is one transaction: the report, guarded by the version
 * it was read at and by still being a draft (absent for the first save), and its audit event in
 * the tenant's audit partition. The guard on the status is what makes submission happen once,
 * also when two admins submit at the same moment.
 */
export function createYearReportRepository(db: DynamoDBDocumentClient, tableName: string): YearReportRepository & YearReportReader {
  const unitOfWork = createUnitOfWork(db, tableName);
  return {
    async get(tenantId, grantYear) {
      const result = await db.send(new GetCommand({ TableName: tableName, Key: yearReportItem.key(tenantId, grantYear), ConsistentRead: true }));
      return result.Item ? yearReportItem.fromItem(result.Item) : undefined;
    },

    async save(next, audit) {
      const previous = next.version - 1;
      const condition =
        previous === 0
          ? { expression: 'attribute_not_exists(PK)', guard: concurrencyGuard }
          : {
              expression: '#version = :expected AND #status = :draft',
              names: { '#version': 'version', '#status': 'status' },
              values: { ':expected': previous, ':draft': 'draft' },
              guard: concurrencyGuard,
            };
      try {
        await unitOfWork.commit([
          { type: 'put', item: yearReportItem.toItem(next), condition },
          putNew(
            auditEventItem.toItem({
              tenantId: next.tenantId,
              entityKey: yearReportItem.key(next.tenantId, next.grantYear).PK,
              eventId: audit.eventId,
              at: audit.at,
              actor: audit.actor,
              machine: 'year-report',
              action: audit.action,
              from: previous === 0 ? 'none' : 'draft',
              to: next.status,
              version: next.version,
              grantYear: next.grantYear,
            }),
          ),
        ]);
      } catch (error) {
        if (error instanceof ConcurrentChangeError || error instanceof TransactionConflictError) throw new YearReportChangedError();
        throw error;
      }
    },

    async getMany(tenantIds, grantYear) {
      const items = await batchGetAll(db, tableName, tenantIds.map((tenantId: TenantId) => yearReportItem.key(tenantId, grantYear)));
      return items.map((item) => yearReportItem.fromItem(item));
    },
  };
}
