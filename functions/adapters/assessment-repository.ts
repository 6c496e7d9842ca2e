import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConcurrentChangeError } from '../../shared/applications/errors';
import type { Assessment } from '../../shared/assessments/assessment';
import type { AssessmentAuditEntry, AssessmentChange, AssessmentRepository } from '../../shared/assessments/ports';
import type { TenantId } from '../../shared/kernel/tenants';
import { applicationItem } from './entities/application-item';
import { assessmentItem } from './entities/assessment-item';
import { auditEventItem } from './entities/audit-event-item';
import { queryAll } from './query-all';
import { concurrencyGuard, createUnitOfWork, putNew, TransactionConflictError, type Change } from './unit-of-work';

function audit(assessment: Assessment, version: number, entry: AssessmentAuditEntry): Change {
  const tenantId = assessment.tenantId as TenantId;
  return putNew(
    auditEventItem.toItem({
      tenantId,
      entityKey: applicationItem.key(tenantId, assessment.applicationId).PK,
      version,
      ids: { applicationId: assessment.applicationId, roundId: assessment.roundId },
      ...entry,
    }),
  );
}

/** The assessment's own write: new (no item there yet) or over the version it was read at. */
function assessmentWrite(next: Assessment): Change {
  const item = assessmentItem.toItem(next);
  if (next.version === 1) return { type: 'put', item, condition: { expression: 'attribute_not_exists(PK)', guard: concurrencyGuard } };
  return {
    type: 'put',
    item,
    condition: {
      expression: '#version = :expectedVersion AND attribute_not_exists(#submittedAt)',
      names: { '#version': 'version', '#submittedAt': 'submittedAt' },
      values: { ':expectedVersion': next.version - 1 },
      guard: concurrencyGuard,
    },
  };
}

/**
 * Assessments beside their application in the single table. Every change is one transaction: the
 * assessment (new, or guarded by its version), the application item when the change touches it
 * (guarded by its status and version, so two assessors' changes never overwrite each other's
 * count), and the audit events on the application's timeline.
 */
export function createAssessmentRepository(db: DynamoDBDocumentClient, tableName: string): AssessmentRepository {
  const unitOfWork = createUnitOfWork(db, tableName);

  return {
    async get(tenantId, applicationId, userId) {
      const result = await db.send(new GetCommand({ TableName: tableName, Key: assessmentItem.key(tenantId, applicationId, userId), ConsistentRead: true }));
      return result.Item ? assessmentItem.fromItem(result.Item) : undefined;
    },

    async listByApplication(tenantId, applicationId) {
      const items = await queryAll(db, {
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': applicationItem.key(tenantId, applicationId).PK, ':prefix': assessmentItem.sortKeyPrefix },
        ConsistentRead: true,
      });
      return items.map(assessmentItem.fromItem);
    },

    async record(change: AssessmentChange) {
      const { next, application } = change;
      const changes: Change[] = [assessmentWrite(next)];
      if (application) {
        changes.push({
          type: 'put',
          item: applicationItem.toItem(application.next),
          condition: {
            expression: '#status = :expectedStatus AND #version = :expectedVersion',
            names: { '#status': 'status', '#version': 'version' },
            values: { ':expectedStatus': application.expectedStatus, ':expectedVersion': application.next.version - 1 },
            guard: concurrencyGuard,
          },
        });
      }
      const version = application?.next.version ?? next.version;
      changes.push(...change.audit.map((entry) => audit(next, version, entry)));
      try {
        await unitOfWork.commit(changes);
      } catch (error) {
        if (error instanceof TransactionConflictError) throw new ConcurrentChangeError();
        throw error;
      }
    },
  };
}
