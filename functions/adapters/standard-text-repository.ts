import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConcurrentChangeError } from '../../shared/applications/errors';
import { StandardTextsChangedError, type StandardTextRepository } from '../../shared/decisions/standard-texts';
import { auditEventItem } from './entities/audit-event-item';
import { standardTextsItem } from './entities/standard-texts-item';
import { concurrencyGuard, createUnitOfWork, putNew, TransactionConflictError } from './unit-of-work';

/**
 * The municipality's standard reason texts. A save is one transaction: the list, guarded by the
 * version it was read at (absent for the first save), and its audit event.
 */
export function createStandardTextRepository(db: DynamoDBDocumentClient, tableName: string): StandardTextRepository {
  const unitOfWork = createUnitOfWork(db, tableName);
  return {
    async get(tenantId) {
      const result = await db.send(new GetCommand({ TableName: tableName, Key: standardTextsItem.key(tenantId), ConsistentRead: true }));
      return result.Item ? standardTextsItem.fromItem(result.Item) : undefined;
    },

    async save(next, audit) {
      const previous = next.version - 1;
      const condition =
        previous === 0
          ? { expression: 'attribute_not_exists(PK)', guard: concurrencyGuard }
          : { expression: '#version = :expected', names: { '#version': 'version' }, values: { ':expected': previous }, guard: concurrencyGuard };
      try {
        await unitOfWork.commit([
          { type: 'put', item: standardTextsItem.toItem(next), condition },
          putNew(
            auditEventItem.toItem({
              tenantId: next.tenantId,
              entityKey: standardTextsItem.key(next.tenantId).PK,
              eventId: audit.eventId,
              at: audit.at,
              actor: audit.actor,
              machine: 'standard-texts',
              action: 'save',
              version: next.version,
            }),
          ),
        ]);
      } catch (error) {
        if (error instanceof ConcurrentChangeError || error instanceof TransactionConflictError) throw new StandardTextsChangedError();
        throw error;
      }
    },
  };
}
