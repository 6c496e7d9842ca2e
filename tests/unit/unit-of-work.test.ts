import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { concurrencyGuard, cancellationError, CONFLICT_ATTEMPTS, createUnitOfWork, putNew, toTransactItem, TransactionConflictError, type Change } from '../../functions/adapters/unit-of-work';
import { ConcurrentChangeError } from '../../shared/applications/errors';
import { kroner } from '../../shared/kernel/money';
import { InsufficientFundsError } from '../../shared/rules/budget';

const key = { PK: 'T#k3201#APP#1', SK: 'APP' };

function cancelled(...codes: string[]) {
  return Object.assign(new Error('Transaction cancelled'), {
    name: 'TransactionCanceledException',
    CancellationReasons: codes.map((Code) => ({ Code })),
  });
}

const changes: Change[] = [
  putNew({ ...key, entity: 'audit-event' }),
  { type: 'put', item: { ...key, version: 2 }, condition: { expression: '#version = :expected', names: { '#version': 'version' }, values: { ':expected': 1 }, guard: concurrencyGuard } },
  {
    type: 'add',
    key: { PK: 'T#k3201#BUDGET', SK: 'YEAR#2027' },
    counters: { awarded: 50_000 },
    condition: {
      expression: 'awarded <= :maxBefore',
      values: { ':maxBefore': 100_000 },
      guard: { kind: 'budget', refusal: () => new InsufficientFundsError(kroner(50_000), kroner(20_000)) },
    },
  },
];

describe('cancellationError', () => {
  it('reports a failed version guard as a concurrent change', () => {
    // Act
    const error = cancellationError(changes, cancelled('None', 'ConditionalCheckFailed', 'None'));

    // Assess
    expect(error).toBeInstanceOf(ConcurrentChangeError);
  });

  it('reports a failed budget guard with the refusal its change names', () => {
    // Act
    const error = cancellationError(changes, cancelled('None', 'None', 'ConditionalCheckFailed'));

    // Assess
    expect(error).toBeInstanceOf(InsufficientFundsError);
    expect(error).toMatchObject({ code: 'budget.insufficient_funds' });
  });

  it('reports a collision with another transaction as retryable', () => {
    // Act
    const error = cancellationError(changes, cancelled('None', 'TransactionConflict', 'None'));

    // Assess
    expect(error).toBeInstanceOf(TransactionConflictError);
    expect(error).toMatchObject({ retryable: true });
  });

  it('leaves a failed condition without a guard, and any other error, as DynamoDB reported it', () => {
    // Act / Assess
    expect(cancellationError(changes, cancelled('ConditionalCheckFailed', 'None', 'None'))).toBeUndefined();
    expect(cancellationError(changes, new Error('network'))).toBeUndefined();
  });
});

describe('toTransactItem', () => {
  it('adds counters by attribute-name references and sets what every write sets', () => {
    // Act
    const item = toTransactItem('fordel-test', { type: 'add', key, counters: { amountApplied: 5 }, set: { grantYear: 2027 } });

    // Assess
    expect(item.Update).toEqual({
      TableName: 'fordel-test',
      Key: key,
      UpdateExpression: 'SET #s0 = :s0 ADD #c0 :c0',
      ExpressionAttributeNames: { '#s0': 'grantYear', '#c0': 'amountApplied' },
      ExpressionAttributeValues: { ':s0': 2027, ':c0': 5 },
    });
  });

  it('merges the names and values of an update with those of its condition', () => {
    // Act
    const item = toTransactItem('fordel-test', {
      type: 'update',
      key,
      expression: 'SET #status = :closed',
      names: { '#status': 'status' },
      values: { ':closed': 'closed' },
      condition: { expression: '#status = :open', values: { ':open': 'open' } },
    });

    // Assess
    expect(item.Update).toMatchObject({
      ConditionExpression: '#status = :open',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':closed': 'closed', ':open': 'open' },
    });
  });
});

describe('createUnitOfWork', () => {
  it('tries a colliding transaction again and succeeds once the other has committed', async () => {
    // Prepare
    const outcomes = [cancelled('TransactionConflict'), undefined];
    const db = {
      send: async () => {
        const outcome = outcomes.shift();
        if (outcome) throw outcome;
      },
    } as unknown as DynamoDBDocumentClient;

    // Act
    await createUnitOfWork(db, 'fordel-test').commit([putNew(key)]);

    // Assess
    expect(outcomes).toEqual([]);
  });

  it('gives a collision up as retryable after its tries', async () => {
    // Prepare
    let sent = 0;
    const db = {
      send: async () => {
        sent++;
        throw cancelled('TransactionConflict');
      },
    } as unknown as DynamoDBDocumentClient;

    // Act / Assess
    await expect(createUnitOfWork(db, 'fordel-test').commit([putNew(key)])).rejects.toBeInstanceOf(TransactionConflictError);
    expect(sent).toBe(CONFLICT_ATTEMPTS);
  });
});
