import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { ConcurrentChangeError } from '../../shared/applications/errors';
import type { TenantId } from '../../shared/kernel/tenants';
import { emptyPosition, type StoredBudgetPosition } from '../../shared/national/budget-position';
import type { YearCloseOrder, YearCloseRepository } from '../../shared/national/year-close';
import { closePosition, YearClosedError } from '../../shared/rules/budget-close';
import { budgetAuditChange } from './budget-audit';
import { budgetPositionItem } from './entities/budget-position-item';
import { concurrencyGuard, createUnitOfWork, type Change } from './unit-of-work';

/** How often a close is tried on a fresh reading before contention is reported. */
const ATTEMPTS = 8;

/**
 * The year's position closed: its unspent money moved out (`returnedToImdi` or `carriedForward`)
 * and the closing recorded, only if it is still open and unchanged since it was read, so an award
 * that landed in between makes the close read again rather than lose or double count a krone.
 */
function closeChange(read: StoredBudgetPosition, order: YearCloseOrder, outcome: string, amount: number): Change {
  const counter = outcome === 'carried_over' ? 'carriedForward' : 'returnedToImdi';
  return {
    type: 'update',
    key: budgetPositionItem.key(read.tenantId, read.grantYear),
    expression: 'SET closedAt = :at, closedBy = :by, closeOutcome = :outcome, closeAmount = :amount ADD #counter :amount, #version :one',
    names: { '#counter': counter, '#version': 'version' },
    values: { ':at': order.at, ':by': order.actor, ':outcome': outcome, ':amount': amount, ':one': 1 },
    condition: {
      expression: '#version = :read AND attribute_not_exists(closedAt)',
      values: { ':read': read.version },
      guard: concurrencyGuard,
    },
  };
}

/**
 * Next year's position credited with the carried-over money: created with a zero frame if absent
 * (the frame comes with next year's allocation), else only if unchanged since read and still open.
 */
function creditChange(read: StoredBudgetPosition | undefined, tenantId: TenantId, grantYear: number, amount: number): Change {
  const key = budgetPositionItem.key(tenantId, grantYear);
  if (!read) {
    return {
      type: 'update',
      key,
      ...budgetPositionItem.creation(tenantId, grantYear, {}, { carriedOver: amount }),
      condition: { expression: 'attribute_not_exists(PK)', guard: concurrencyGuard },
    };
  }
  return {
    type: 'update',
    key,
    expression: 'ADD carriedOver :amount, #version :one',
    names: { '#version': 'version' },
    values: { ':amount': amount, ':one': 1, ':read': read.version },
    condition: { expression: '#version = :read AND attribute_not_exists(closedAt)', guard: concurrencyGuard },
  };
}

/** Year closes in the single table: one transaction per municipality. */
export function createYearCloseRepository(
  db: DynamoDBDocumentClient,
  tableName: string,
  options: { readonly newId?: () => string } = {},
): YearCloseRepository {
  const unitOfWork = createUnitOfWork(db, tableName);
  const newId = options.newId ?? ulid;
  const get = async (tenantId: TenantId, grantYear: number) => {
    const result = await db.send(new GetCommand({ TableName: tableName, Key: budgetPositionItem.key(tenantId, grantYear), ConsistentRead: true }));
    return result.Item ? budgetPositionItem.fromItem(result.Item) : undefined;
  };

  return {
    async close(order) {
      const { tenantId, grantYear } = order;
      for (let attempt = 1; ; attempt++) {
        const [current, next] = await Promise.all([get(tenantId, grantYear), get(tenantId, grantYear + 1)]);
        if (!current) return 'none';
        if (current.closed) return 'already_closed';
        if (next?.closed) throw new YearClosedError(grantYear + 1);
        const result = closePosition(current, next ?? emptyPosition(tenantId, grantYear + 1), order.policy);
        const closed = { ...result.closed, version: current.version + 1, closed: { at: order.at, by: order.actor, outcome: result.outcome, amount: result.amount } };
        const stamp = { actor: order.actor, at: order.at };
        const changes: Change[] = [
          closeChange(current, order, result.outcome, result.amount),
          budgetAuditChange(current, closed, 'close', result.amount, { ...stamp, eventId: newId() }),
        ];
        if (result.outcome === 'carried_over' && result.amount > 0) {
          const before = next ?? emptyPosition(tenantId, grantYear + 1);
          changes.push(
            creditChange(next, tenantId, grantYear + 1, result.amount),
            budgetAuditChange(before, { ...result.next, version: before.version + 1 }, 'carry_over', result.amount, { ...stamp, eventId: newId() }),
          );
        }
        try {
          await unitOfWork.commit(changes);
          return 'closed';
        } catch (error) {
          // Someone changed a position after it was read (an award, a correction, another close).
          if (!(error instanceof ConcurrentChangeError) || attempt >= ATTEMPTS) throw error;
          await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 15 * attempt)));
        }
      }
    },
  };
}
