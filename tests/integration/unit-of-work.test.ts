/**
 * The unit of work against the real DynamoDB Local: a failed guard cancels the whole transaction
 * and comes back as the domain error of the change that failed.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { concurrencyGuard, createUnitOfWork, putNew, type Change } from '../../functions/adapters/unit-of-work';
import { ConcurrentChangeError } from '../../shared/applications/errors';
import { kroner } from '../../shared/kernel/money';
import { tenantPrefix } from '../../shared/table';
import { InsufficientFundsError } from '../../shared/rules/budget';
import { freshTenantId, testAdapters, testConfig } from '../support/test-environment';

const config = testConfig();
const adapters = testAdapters(config);
const unitOfWork = createUnitOfWork(adapters.db, config.TABLE_NAME);
const tenantId = freshTenantId('uow');

async function stored(key: { PK: string; SK: string }) {
  const result = await adapters.db.send(new GetCommand({ TableName: config.TABLE_NAME, Key: key, ConsistentRead: true }));
  return result.Item;
}

/** A record of the change, written only if the whole transaction is. */
function note(): { change: Change; key: { PK: string; SK: string } } {
  const key = { PK: `${tenantPrefix(tenantId)}NOTES`, SK: ulid() };
  return { change: putNew({ ...key, entity: 'note' }), key };
}

describe('unit of work', () => {
  it('refuses a change to an item that moved on, writes none of the changes, and says so as a concurrent change', async () => {
    // Prepare
    const key = { PK: `${tenantPrefix(tenantId)}ITEM#${ulid()}`, SK: 'ITEM' };
    await unitOfWork.commit([putNew({ ...key, status: 'draft', version: 2 })]);
    const record = note();

    // Act
    const commit = unitOfWork.commit([
      record.change,
      {
        type: 'put',
        item: { ...key, status: 'submitted', version: 2 },
        condition: { expression: '#version = :expected', names: { '#version': 'version' }, values: { ':expected': 1 }, guard: concurrencyGuard },
      },
    ]);

    // Assess
    await expect(commit).rejects.toBeInstanceOf(ConcurrentChangeError);
    expect(await stored(key)).toMatchObject({ status: 'draft', version: 2 });
    expect(await stored(record.key)).toBeUndefined();
  });

  it('refuses an award above the remaining frame with the budget error, and adds nothing', async () => {
    // Prepare
    const key = { PK: `${tenantPrefix(tenantId)}BUDGET`, SK: `YEAR#${ulid()}` };
    await unitOfWork.commit([{ type: 'add', key, counters: { awarded: 80_000 }, set: { frame: 100_000 } }]);
    const record = note();
    const award = (amount: number): Change => ({
      type: 'add',
      key,
      counters: { awarded: amount },
      condition: {
        expression: 'awarded <= :maxBefore',
        values: { ':maxBefore': 100_000 - amount },
        guard: { kind: 'budget', refusal: () => new InsufficientFundsError(kroner(amount), kroner(20_000)) },
      },
    });

    // Act
    const commit = unitOfWork.commit([record.change, award(30_000)]);

    // Assess
    await expect(commit).rejects.toBeInstanceOf(InsufficientFundsError);
    expect(await stored(key)).toMatchObject({ awarded: 80_000 });
    expect(await stored(record.key)).toBeUndefined();
    await unitOfWork.commit([award(20_000)]);
    expect(await stored(key)).toMatchObject({ awarded: 100_000 });
  });
});
