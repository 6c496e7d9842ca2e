import { TransactWriteCommand, type DynamoDBDocumentClient, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { ConcurrentChangeError } from '../../shared/applications/errors';
import type { BudgetError } from '../../shared/rules/budget';
import type { Item, ItemKey } from './entities/item';

/**
 * What a failed condition of one change means. `concurrency`: a status or version guard, so someone
 * else changed the item first. `budget`: a budget bound, so the award would overspend; the caller
 * knows the amounts and says which refusal to report.
 */
export type Guard = { readonly kind: 'concurrency' } | { readonly kind: 'budget'; readonly refusal: () => BudgetError };

/** A condition on the item as stored, with the names and values its expression uses. */
export interface Condition {
  readonly expression: string;
  readonly names?: Record<string, string>;
  readonly values?: Record<string, unknown>;
  /** Without a guard a failed condition is reported as DynamoDB reported it. */
  readonly guard?: Guard;
}

/** One write of a transaction. */
export type Change =
  | { readonly type: 'put'; readonly item: Item; readonly condition?: Condition }
  | {
      readonly type: 'update';
      readonly key: ItemKey;
      readonly expression: string;
      readonly names?: Record<string, string>;
      readonly values?: Record<string, unknown>;
      readonly condition?: Condition;
    }
  | {
      /** Adds to counters, creating the item if need be; `set` holds what every write sets. */
      readonly type: 'add';
      readonly key: ItemKey;
      readonly counters: Readonly<Record<string, number>>;
      readonly set?: Readonly<Record<string, unknown>>;
      readonly condition?: Condition;
    }
  | { readonly type: 'delete'; readonly key: ItemKey; readonly condition?: Condition };

/**
 * Another transaction touched one of the same items at the same moment, and retrying did not get
 * through. Nothing was written; the whole change may be tried again.
 */
export class TransactionConflictError extends Error {
  readonly retryable = true;
  constructor(options?: { cause?: unknown }) {
    super('The transaction collided with another one on the same items', options);
    this.name = 'TransactionConflictError';
  }
}

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

function nonEmpty<T extends object>(record: T | undefined): T | undefined {
  return record && Object.keys(record).length > 0 ? record : undefined;
}

function withCondition(tableName: string, condition: Condition | undefined, names?: Record<string, string>, values?: Record<string, unknown>) {
  return {
    TableName: tableName,
    ConditionExpression: condition?.expression,
    ExpressionAttributeNames: nonEmpty({ ...names, ...condition?.names }),
    ExpressionAttributeValues: nonEmpty({ ...values, ...condition?.values }),
  };
}

/** Every attribute goes through `ExpressionAttributeNames`, so any name (a reserved word too) can be set or counted. */
function addExpression(change: Extract<Change, { type: 'add' }>) {
  const set = Object.entries(change.set ?? {}).map(([name, value], i) => ({ name, value, ref: `s${i}` }));
  const counters = Object.entries(change.counters).map(([name, value], i) => ({ name, value, ref: `c${i}` }));
  const all = [...set, ...counters];
  const setPart = set.length ? `SET ${set.map(({ ref }) => `#${ref} = :${ref}`).join(', ')} ` : '';
  return {
    expression: `${setPart}ADD ${counters.map(({ ref }) => `#${ref} :${ref}`).join(', ')}`,
    names: Object.fromEntries(all.map(({ name, ref }) => [`#${ref}`, name])),
    values: Object.fromEntries(all.map(({ value, ref }) => [`:${ref}`, value])),
  };
}

/** The `TransactItems` entry of one change. */
export function toTransactItem(tableName: string, change: Change): TransactItem {
  switch (change.type) {
    case 'put':
      return { Put: { Item: change.item, ...withCondition(tableName, change.condition) } };
    case 'update':
      return {
        Update: { Key: change.key, UpdateExpression: change.expression, ...withCondition(tableName, change.condition, change.names, change.values) },
      };
    case 'add': {
      const { expression, names, values } = addExpression(change);
      return { Update: { Key: change.key, UpdateExpression: expression, ...withCondition(tableName, change.condition, names, values) } };
    }
    case 'delete':
      return { Delete: { Key: change.key, ...withCondition(tableName, change.condition) } };
  }
}

/**
 * The error a cancelled transaction stands for: the guard of the first change whose condition
 * failed, {@link TransactionConflictError} for a collision, or `undefined` when the cancellation
 * is not one a caller can act on (the original error is then rethrown).
 */
export function cancellationError(changes: readonly Change[], error: unknown): Error | undefined {
  const cancelled = error as { name?: string; CancellationReasons?: { Code?: string }[] } | undefined;
  if (cancelled?.name !== 'TransactionCanceledException') return undefined;
  const codes = (cancelled.CancellationReasons ?? []).map((reason) => reason.Code ?? 'None');
  const failed = codes.findIndex((code) => code === 'ConditionalCheckFailed');
  const guard = failed >= 0 ? changes[failed]?.condition?.guard : undefined;
  if (guard?.kind === 'concurrency') return new ConcurrentChangeError();
  if (guard?.kind === 'budget') return guard.refusal();
  if (failed < 0 && codes.includes('TransactionConflict')) return new TransactionConflictError({ cause: error });
  return undefined;
}

/** Whether a transaction was cancelled because the condition of its change at `index` failed. */
export function isCancelledByCondition(error: unknown, index: number): boolean {
  const cancelled = error as { name?: string; CancellationReasons?: { Code?: string }[] } | undefined;
  return cancelled?.name === 'TransactionCanceledException' && cancelled.CancellationReasons?.[index]?.Code === 'ConditionalCheckFailed';
}

/**
 * How often a colliding transaction is tried in all, and how long to wait before the next try.
 * On deadline day every submission of a municipality adds to its one tenant-year counter item,
 * and DynamoDB refuses a transaction on an item another one holds (`TransactionConflict`). Each
 * holds it for milliseconds, so the colliders get through one after another if they spread out:
 * a random wait up to a bound that doubles with each try ("full jitter"), capped, about 2 s in
 * all before the caller is told. A retry is safe: a cancelled transaction wrote nothing, and the
 * guards (the application's status and version, `attribute_not_exists` on the audit event and the
 * email) refuse a change that did get through, so nothing is counted or sent twice.
 * See docs/decisions.md, "Counter contention on deadline day".
 */
export const CONFLICT_ATTEMPTS = 10;
const conflictBackoffMs = (attempt: number) => Math.floor(Math.random() * Math.min(400, 10 * 2 ** attempt));

/** Writes changes together or not at all. */
export interface UnitOfWork {
  /**
   * Writes every change in one `TransactWriteItems`. A collision with another transaction is
   * retried a few times (once the other has committed, a retry sees its result); a failed guard
   * throws its domain error; anything else is rethrown as DynamoDB reported it.
   */
  commit(changes: readonly Change[]): Promise<void>;
}

/** The unit of work over one table. */
export function createUnitOfWork(db: DynamoDBDocumentClient, tableName: string): UnitOfWork {
  return {
    async commit(changes) {
      const command = new TransactWriteCommand({ TransactItems: changes.map((change) => toTransactItem(tableName, change)) });
      for (let attempt = 1; ; attempt++) {
        try {
          await db.send(command);
          return;
        } catch (error) {
          const mapped = cancellationError(changes, error);
          if (mapped instanceof TransactionConflictError && attempt < CONFLICT_ATTEMPTS) {
            await new Promise((resolve) => setTimeout(resolve, conflictBackoffMs(attempt)));
            continue;
          }
          throw mapped ?? error;
        }
      }
    },
  };
}

/** The guard of a status or version condition. */
export const concurrencyGuard: Guard = { kind: 'concurrency' };

/** A new item: a retried write with the same id fails instead of writing it twice. */
export function putNew(item: Item): Change {
  return { type: 'put', item, condition: { expression: 'attribute_not_exists(PK)' } };
}
