import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AppealRepository } from '../../shared/appeals/ports';
import type { TenantId } from '../../shared/kernel/tenants';
import { indexNames } from '../../shared/table';
import { applicationAudit, guardedApplication } from './application-changes';
import { appealRegisterItem } from './entities/appeal-register-item';
import { applicationItem } from './entities/application-item';
import { awaitingAnswerItem } from './entities/awaiting-answer-item';
import { queueMessage } from './outbox-repository';
import { queryAll } from './query-all';
import { concurrencyGuard, createUnitOfWork, type Change } from './unit-of-work';

/**
 * Appeals in the single table. Lodging and every step are one transaction: the application with
 * its appeal (guarded by the status and version read), the audit event (machine `appeal`), the
 * message to the organisation and the register line. A lodged appeal's register line is new, so
 * two submits at once fail on it as well as on the version; a step's line must exist.
 */
export function createAppealRepository(db: DynamoDBDocumentClient, tableName: string): AppealRepository {
  const unitOfWork = createUnitOfWork(db, tableName);

  return {
    async get(tenantId, applicationId) {
      const result = await db.send(new GetCommand({ TableName: tableName, Key: applicationItem.key(tenantId, applicationId), ConsistentRead: true }));
      return result.Item ? applicationItem.fromItem(result.Item) : undefined;
    },

    async record(commitment) {
      const { next } = commitment;
      const lodging = next.appeal?.steps.length === 0;
      const changes: Change[] = [
        guardedApplication(next, commitment.expectedStatus),
        applicationAudit(next, commitment.audit, 'appeal'),
        {
          type: 'put',
          item: appealRegisterItem.toItem(next),
          condition: { expression: lodging ? 'attribute_not_exists(PK)' : 'attribute_exists(PK)', guard: concurrencyGuard },
        },
        ...(commitment.message ? [queueMessage(commitment.message)] : []),
        // A reversed grant no longer waits for its answer; the lapse job must not find it.
        ...(commitment.removesAwaitingAnswer ? [{ type: 'delete', key: awaitingAnswerItem.key(next.tenantId, next.applicationId) } satisfies Change] : []),
      ];
      await unitOfWork.commit(changes);
    },

    async listByTenant(tenantId: TenantId) {
      const items = await queryAll(db, {
        TableName: tableName,
        IndexName: indexNames.byList,
        KeyConditionExpression: 'GSI1PK = :list',
        ExpressionAttributeValues: { ':list': appealRegisterItem.list(tenantId) },
        ScanIndexForward: false,
      });
      return items.map(appealRegisterItem.fromItem);
    },
  };
}
