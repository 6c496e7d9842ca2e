import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import type { TenantId } from '../../shared/kernel/tenants';
import { BudgetNotOpenError, type StoredBudgetPosition } from '../../shared/national/budget-position';
import { YearClosedError } from '../../shared/rules/budget-close';
import type { PaymentCommitment } from '../../shared/payments/payment';
import type { PaymentRepository } from '../../shared/payments/ports';
import { indexNames } from '../../shared/table';
import { applicationAudit, guardedApplication } from './application-changes';
import { budgetAuditChange } from './budget-audit';
import { BudgetChangedMeanwhileError, commitOnFreshBudget } from './budget-repository';
import { aggregateItem } from './entities/aggregate-item';
import { applicationItem } from './entities/application-item';
import { auditEventItem } from './entities/audit-event-item';
import { budgetPositionItem } from './entities/budget-position-item';
import { fundingEntryItem } from './entities/funding-entry-item';
import { paymentExportItem } from './entities/payment-export-item';
import { paymentItem } from './entities/payment-item';
import type { ItemKey } from './entities/item';
import { queryAll } from './query-all';
import { concurrencyGuard, createUnitOfWork, putNew, type Change } from './unit-of-work';

/** Where the repository gets its budget audit event ids; tests may fix them. */
export interface PaymentRepositoryOptions {
  readonly newId?: () => string;
}

/**
 * The budget position's `paid`, raised by the payment in its transaction, pinned to the position as
 * read so the audit event beside it states the figures before and after exactly. Paying moves no
 * money out of `available` (the award did), so no budget bound is checked, only that the year is open.
 */
function paidChanges(read: StoredBudgetPosition | undefined, commitment: PaymentCommitment, eventId: string): Change[] {
  const { payment, audit } = commitment;
  if (read?.closed) throw new YearClosedError(payment.grantYear);
  if (!read) throw new BudgetNotOpenError(payment.grantYear);
  const after: StoredBudgetPosition = { ...read, paid: (read.paid + payment.amount) as StoredBudgetPosition['paid'], version: read.version + 1 };
  return [
    {
      type: 'update',
      key: budgetPositionItem.key(read.tenantId, read.grantYear),
      expression: 'ADD #paid :amount, #version :one',
      names: { '#paid': 'paid', '#version': 'version' },
      values: { ':amount': payment.amount, ':one': 1 },
      condition: {
        expression: '#version = :readVersion AND attribute_not_exists(closedAt)',
        values: { ':readVersion': read.version },
        guard: { kind: 'budget', refusal: () => new BudgetChangedMeanwhileError() },
      },
    },
    budgetAuditChange(read, after, 'pay', payment.amount, { actor: audit.actor, at: audit.at, eventId }),
  ];
}

/**
 * Payments in the single table, beside their application (`PAYMENT#<nn>`), and the payment files
 * (`PAYMENT_EXPORT#<id>`). A payment is one transaction with its application, the budget position's
 * `paid` and the counters; an export is one transaction with every payment it marks.
 */
export function createPaymentRepository(db: DynamoDBDocumentClient, tableName: string, options: PaymentRepositoryOptions = {}): PaymentRepository {
  const unitOfWork = createUnitOfWork(db, tableName);
  const newId = options.newId ?? ulid;

  async function getItem(key: ItemKey) {
    const result = await db.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }));
    return result.Item;
  }

  async function budget(tenantId: TenantId, grantYear: number) {
    const item = await getItem(budgetPositionItem.key(tenantId, grantYear));
    return item ? budgetPositionItem.fromItem(item) : undefined;
  }

  return {
    async get(tenantId, applicationId) {
      const item = await getItem(applicationItem.key(tenantId, applicationId));
      return item ? applicationItem.fromItem(item) : undefined;
    },

    budget,

    async listOfApplication(tenantId, applicationId) {
      const items = await queryAll(db, {
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': applicationItem.key(tenantId, applicationId).PK, ':prefix': paymentItem.prefix },
        ConsistentRead: true,
      });
      return items.map(paymentItem.fromItem);
    },

    async record(commitment) {
      const { next, payment } = commitment;
      const eventId = newId();
      await commitOnFreshBudget(unitOfWork, () => budget(next.tenantId, next.grantYear), (read) => [
        // The application goes first: a case that moved on (or the same instalment recorded by
        // someone else, which raised the version) is what is reported.
        guardedApplication(next, commitment.expectedStatus),
        putNew(paymentItem.toItem(payment)),
        applicationAudit(next, commitment.audit, 'payment'),
        ...paidChanges(read, commitment, eventId),
        {
          type: 'add',
          key: aggregateItem.key(next.tenantId, next.grantYear),
          set: aggregateItem.identity(next.tenantId, next.grantYear),
          counters: { paymentsRecorded: 1, amountPaid: payment.amount },
        },
        ...(commitment.funding ? [{ type: 'put', item: fundingEntryItem.toItem(commitment.funding) } satisfies Change] : []),
      ]);
    },

    async listUnexported(tenantId) {
      const items = await queryAll(db, {
        TableName: tableName,
        IndexName: indexNames.byList,
        KeyConditionExpression: 'GSI1PK = :list',
        ExpressionAttributeValues: { ':list': paymentItem.unexportedList(tenantId) },
      });
      // The index lags the table a little: a payment another file took just now is left out here,
      // and the export's own guard refuses it if the index had not caught up.
      return items.map(paymentItem.fromItem).filter((payment) => !payment.exportedAt);
    },

    async saveExport({ export: file, audit }) {
      const tenantId = file.tenantId as TenantId;
      const exportKey = paymentExportItem.key(tenantId, file.exportId);
      await unitOfWork.commit([
        putNew(paymentExportItem.toItem(file)),
        ...file.payments.map((payment): Change => ({
          type: 'update',
          key: paymentItem.key(tenantId, payment.applicationId, payment.instalment),
          expression: 'SET exportedAt = :at, exportId = :exportId REMOVE GSI1PK, GSI1SK',
          values: { ':at': file.createdAt, ':exportId': file.exportId },
          // Each payment goes out once: a file that took it first makes this whole file fail.
          condition: { expression: 'attribute_exists(PK) AND attribute_not_exists(exportedAt)', guard: concurrencyGuard },
        })),
        putNew(auditEventItem.toItem({ tenantId, entityKey: exportKey.PK, machine: 'payment', ids: { exportId: file.exportId }, ...audit })),
      ]);
    },

    async listExports(tenantId) {
      const items = await queryAll(db, {
        TableName: tableName,
        IndexName: indexNames.byList,
        KeyConditionExpression: 'GSI1PK = :list',
        ExpressionAttributeValues: { ':list': paymentExportItem.list(tenantId) },
        ScanIndexForward: false,
      });
      return items.map((item) => {
        const { payments, ...summary } = paymentExportItem.fromItem(item);
        return { ...summary, count: payments.length };
      });
    },

    async getExport(tenantId, exportId) {
      const item = await getItem(paymentExportItem.key(tenantId, exportId));
      return item ? paymentExportItem.fromItem(item) : undefined;
    },
  };
}
