import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { ConcurrentChangeError } from '../../shared/applications/errors';
import type { Kroner } from '../../shared/kernel/money';
import type { TenantId } from '../../shared/kernel/tenants';
import { BudgetNotOpenError, correctFrame, type StoredBudgetPosition } from '../../shared/national/budget-position';
import type { BudgetRepository, FrameSetting } from '../../shared/national/ports';
import { BudgetError } from '../../shared/rules/budget';
import { YearClosedError } from '../../shared/rules/budget-close';
import {
  adminReleaseGuard, adminReservationGuard, applyGuard, awardGuard, carryOverGuard, returnGuard, returnToImdiGuard,
  type BudgetGuard, type BudgetOperation,
} from '../../shared/rules/budget-guards';
import type { Result } from '../../shared/kernel/result';
import { budgetAuditChange } from './budget-audit';
import { batchGetAll } from './batch-get';
import { budgetPositionItem } from './entities/budget-position-item';
import { frameHistoryItem } from './entities/frame-history-item';
import { queueMessage } from './outbox-repository';
import { queryAll } from './query-all';
import { concurrencyGuard, createUnitOfWork, TransactionConflictError, type Change } from './unit-of-work';

/** How often a change is tried on a fresh reading before contention is reported. */
const ATTEMPTS = 8;

const guardOf: Record<BudgetOperation, (p: StoredBudgetPosition, amount: Kroner) => Result<BudgetGuard, BudgetError>> = {
  award: awardGuard,
  reserve_admin: adminReservationGuard,
  release_admin: adminReleaseGuard,
  return_funds: returnGuard,
  return_to_imdi: returnToImdiGuard,
  carry_over: carryOverGuard,
};

/**
 * A guard computed from a reading that no longer holds: the position changed between read and
 * write. The repository reads again, and the rules then either let the change through or name the
 * refusal with the amounts as they stand; only persistent contention reaches the caller.
 */
export class BudgetChangedMeanwhileError extends BudgetError {
  constructor() {
    super('budget.changed_meanwhile', {
      nb: 'Budsjettet ble endret samtidig av noen andre. Prøv igjen.',
      nn: 'Budsjettet vart endra samstundes av nokon andre. Prøv igjen.',
      en: 'The budget was changed by someone else at the same moment. Try again.',
    });
  }
}

/** A short, jittered pause before reading the budget again, so writers that collided do not collide again. */
const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 15 * attempt)));

/**
 * Commits the changes built from a fresh reading of a budget position (`read`, when given),
 * reading it again when the position moved between read and write; anything else that moved is
 * reported as `ConcurrentChangeError` once retrying did not get through. Used by every repository
 * that writes a case step and its budget movement in one transaction (decisions, answers, payments).
 */
export async function commitOnFreshBudget(
  unitOfWork: { commit(changes: Change[]): Promise<void> },
  read: (() => Promise<StoredBudgetPosition | undefined>) | undefined,
  changesOf: (position: StoredBudgetPosition | undefined) => Change[],
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const changes = changesOf(read ? await read() : undefined);
    try {
      await unitOfWork.commit(changes);
      return;
    } catch (error) {
      const retry = (error instanceof BudgetChangedMeanwhileError || error instanceof TransactionConflictError) && attempt < ATTEMPTS;
      if (retry) {
        await pause(attempt);
        continue;
      }
      if (error instanceof TransactionConflictError) throw new ConcurrentChangeError();
      throw error;
    }
  }
}

/**
 * The update that makes a guarded change: `ADD` to the counter only while every bound holds, the
 * position still holds the frame the guard was computed from (a correction raises the allocation
 * version) and its year is not closed, so no interleaving of writers can carry the position past a
 * rule. With `pinVersion` it also requires the position unchanged since it was read, so that an
 * audit event written beside it can state the figures before and after exactly. Other repositories
 * put it in their own transaction, e.g. an award beside its decision (with its audit event).
 */
export function guardedBudgetChange(
  read: StoredBudgetPosition,
  guard: BudgetGuard,
  refusal: () => BudgetError,
  options: { readonly pinVersion?: boolean } = {},
): Change {
  const bounds = [
    ...Object.entries(guard.atMost).map(([counter, bound], i) => ({ counter, bound, op: '<=', ref: `max${i}` })),
    ...Object.entries(guard.atLeast).map(([counter, bound], i) => ({ counter, bound, op: '>=', ref: `min${i}` })),
  ];
  return {
    type: 'update',
    key: budgetPositionItem.key(read.tenantId, read.grantYear),
    expression: 'ADD #counter :change, #version :one',
    names: { '#counter': guard.counter, '#version': 'version' },
    values: { ':change': guard.change, ':one': 1 },
    condition: {
      expression: [
        '#allocationVersion = :allocationVersion',
        'attribute_not_exists(closedAt)',
        ...(options.pinVersion ? ['#version = :readVersion'] : []),
        ...bounds.map(({ op, ref }) => `#${ref} ${op} :${ref}`),
      ].join(' AND '),
      names: { '#allocationVersion': 'allocationVersion', ...Object.fromEntries(bounds.map(({ counter, ref }) => [`#${ref}`, counter])) },
      values: {
        ':allocationVersion': read.allocationVersion,
        ...(options.pinVersion ? { ':readVersion': read.version } : {}),
        ...Object.fromEntries(bounds.map(({ bound, ref }) => [`:${ref}`, bound])),
      },
      guard: { kind: 'budget', refusal },
    },
  };
}

/** The write of a frame: a new position, or the stored one unchanged since it was read. */
function frameChange(read: StoredBudgetPosition | undefined, setting: FrameSetting): Change {
  const key = budgetPositionItem.key(setting.tenantId, setting.grantYear);
  const frame = { ':frame': setting.frame, ':adminCap': setting.adminCap, ':allocationVersion': setting.allocationVersion };
  if (!read) {
    return {
      type: 'update',
      key,
      ...budgetPositionItem.creation(setting.tenantId, setting.grantYear, { frame: setting.frame, adminCap: setting.adminCap, allocationVersion: setting.allocationVersion }),
      condition: { expression: 'attribute_not_exists(PK)', guard: concurrencyGuard },
    };
  }
  return {
    type: 'update',
    key,
    expression: 'SET frame = :frame, adminCap = :adminCap, allocationVersion = :allocationVersion ADD #version :one',
    names: { '#version': 'version' },
    values: { ...frame, ':one': 1 },
    // Pinning the version pins every counter as read, so what was checked is what is written over.
    condition: { expression: '#version = :read', values: { ':read': read.version }, guard: concurrencyGuard },
  };
}

/** Where a repository's audit events get their time and ids; tests may fix them. */
export interface BudgetRepositoryOptions {
  readonly clock?: () => Date;
  readonly newId?: () => string;
}

/** Budget positions in the single table, one item per municipality-year. */
export function createBudgetRepository(db: DynamoDBDocumentClient, tableName: string, options: BudgetRepositoryOptions = {}): BudgetRepository {
  const unitOfWork = createUnitOfWork(db, tableName);
  const clock = options.clock ?? (() => new Date());
  const newId = options.newId ?? ulid;

  async function get(tenantId: TenantId, grantYear: number) {
    const result = await db.send(new GetCommand({ TableName: tableName, Key: budgetPositionItem.key(tenantId, grantYear), ConsistentRead: true }));
    return result.Item ? budgetPositionItem.fromItem(result.Item) : undefined;
  }

  return {
    get,

    async getMany(tenantIds, grantYear) {
      const items = await batchGetAll(db, tableName, tenantIds.map((tenantId) => budgetPositionItem.key(tenantId, grantYear)));
      return items.map((item) => budgetPositionItem.fromItem(item));
    },

    async change(tenantId, grantYear, operation, amount, actor) {
      for (let attempt = 1; ; attempt++) {
        const read = await get(tenantId, grantYear);
        if (read?.closed) throw new YearClosedError(grantYear);
        if (!read || read.allocationVersion === 0) throw new BudgetNotOpenError(grantYear);
        const guard = guardOf[operation](read, amount);
        if (!guard.ok) throw guard.error;
        // Pinned to the version read, so the position after is exactly the guard applied to it.
        const after: StoredBudgetPosition = { ...read, ...applyGuard(read, guard.value)!, version: read.version + 1 };
        try {
          await unitOfWork.commit([
            guardedBudgetChange(read, guard.value, () => new BudgetChangedMeanwhileError(), { pinVersion: true }),
            budgetAuditChange(read, after, operation, amount, { actor, at: clock().toISOString(), eventId: newId() }),
          ]);
          return after;
        } catch (error) {
          if (!(error instanceof BudgetChangedMeanwhileError) || attempt >= ATTEMPTS) throw error;
          await pause(attempt);
        }
      }
    },

    async setFrame(setting, letter) {
      for (let attempt = 1; ; attempt++) {
        const read = await get(setting.tenantId, setting.grantYear);
        if (read && read.allocationVersion >= setting.allocationVersion) return 'already_applied';
        if (read?.closed) throw new YearClosedError(setting.grantYear);
        if (read) {
          const corrected = correctFrame(read, { municipality: setting.name, frame: setting.frame, adminCap: setting.adminCap });
          if (!corrected.ok) throw corrected.error;
        }
        try {
          await unitOfWork.commit([
            frameChange(read, setting),
            { type: 'put', item: frameHistoryItem.toItem(setting.tenantId, setting.grantYear, {
              allocationVersion: setting.allocationVersion, publishedAt: setting.publishedAt ?? new Date().toISOString(),
              frame: setting.frame, adminCap: setting.adminCap, previousFrame: read?.frame ?? (0 as Kroner),
            }) },
            ...(letter ? [queueMessage(letter)] : []),
          ]);
          return 'applied';
        } catch (error) {
          // Someone changed the position after it was read: read again and check again.
          if (!(error instanceof ConcurrentChangeError) || attempt >= ATTEMPTS) throw error;
        }
      }
    },

    async frameHistory(tenantId, grantYear) {
      const items = await queryAll(db, {
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': frameHistoryItem.partitionOf(tenantId), ':prefix': frameHistoryItem.sortKeyPrefix(grantYear) },
        ConsistentRead: true,
      });
      return items.map(frameHistoryItem.fromItem);
    },
  };
}
