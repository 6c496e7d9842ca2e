/**
 * Publishing a year's allocation against the real DynamoDB Local, on a table of this file's own
 * (allocation versions are national data, one partition per year, which other files would share).
 */
import { ulid } from 'ulid';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAdapters } from '../../functions/composition/adapters';
import { queryAll } from '../../functions/adapters/query-all';
import { outboxMessageItem } from '../../functions/adapters/entities/outbox-message-item';
import { ruleSetFor } from '../../shared/rules/rule-set-for';
import { kroner } from '../../shared/kernel/money';
import type { Tenant, TenantId } from '../../shared/kernel/tenants';
import { keyFileOf, matchToRegister, proposalFromReport } from '../../shared/national/managing-municipalities';
import { publishAllocation, type PublishAllocationDeps } from '../../shared/national/use-cases/publish-allocation';
import { assignmentLetterEmail } from '../../web/emails/assignment-letter';
import { freshTenantId, ownTableConfig } from '../support/test-environment';

let adapters: ReturnType<typeof createAdapters>;
let tableName: string;
const imdi = { userId: 'imdi-admin', tenantId: 'imdi' as TenantId };
const rules = ruleSetFor(2027);

/** Three fresh managing municipalities of `year`, two with a contact address. */
async function municipalities(year: number) {
  const tenants: Tenant[] = [
    { tenantId: freshTenantId('pa'), kind: 'municipality', name: 'Eidsvoll', kommunenummer: '3240', kommunenummerValidFrom: 2024, managingYears: [year], contactEmail: 'tilskudd@eidsvoll.example' },
    { tenantId: freshTenantId('pb'), kind: 'municipality', name: 'Lørenskog', kommunenummer: '3222', kommunenummerValidFrom: 2024, managingYears: [year], contactEmail: 'tilskudd@lorenskog.example' },
    { tenantId: freshTenantId('pc'), kind: 'municipality', name: 'Bergen', kommunenummer: '4601', kommunenummerValidFrom: 2024, managingYears: [year] },
  ];
  for (const tenant of tenants) await adapters.tenants.put(tenant);
  return tenants;
}

function proposal(year: number, nationalFrame: number, keys = [{ kommunenummer: '3240', key: 3 }, { kommunenummer: '3222', key: 7 }, { kommunenummer: '4601', key: 10 }]) {
  return adapters.tenants.list().then((tenants) => proposalFromReport(matchToRegister(keyFileOf(keys), tenants, year), kroner(nationalFrame), rules));
}

function deps(overrides: Partial<PublishAllocationDeps> = {}): PublishAllocationDeps {
  return {
    allocations: adapters.allocations, budget: adapters.budget, tenants: adapters.tenants,
    clock: () => new Date('2027-01-20T09:00:00.000Z'), newId: ulid,
    composeLetter: (version, frame, previousFrame) => assignmentLetterEmail({ grantYear: version.grantYear, version: version.version, frame, previousFrame, reason: version.reason, rules }),
    ...overrides,
  };
}

/** The assignment letters IMDi's outbox holds for `tenant` in `year`. */
async function letters(tenant: Tenant, year: number) {
  const sent = await queryAll(adapters.db, { TableName: tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': outboxMessageItem.key(imdi.tenantId, 'x').PK } });
  return sent.filter((letter) => String(letter.relatedKey).startsWith(`ALLOCATION#${year}#`) && String(letter.text).startsWith(`Til ${tenant.name}\n`));
}

beforeAll(async () => {
  const config = await ownTableConfig();
  tableName = config.TABLE_NAME;
  adapters = createAdapters(config);
});

describe('publishing an allocation', () => {
  it('gives every managing municipality its frame and cap, and sends an assignment letter to each contact address', async () => {
    // Prepare
    const [eidsvoll, lorenskog, bergen] = await municipalities(3001);

    // Act
    const published = await publishAllocation(deps(), { proposal: await proposal(3001, 10_000_000), publisher: imdi });

    // Assess
    expect(published.version).toMatchObject({ version: 1, status: 'published', framesTotal: 7_000_000 });
    expect((await adapters.allocations.latest(3001))?.status).toBe('published');
    expect(await adapters.budget.get(eidsvoll!.tenantId, 3001)).toMatchObject({ frame: 1_050_000, adminCap: 52_500, allocationVersion: 1, awarded: 0 });
    expect(await adapters.budget.get(bergen!.tenantId, 3001)).toMatchObject({ frame: 3_500_000, allocationVersion: 1 });
    const [letter] = await letters(lorenskog!, 3001);
    expect(letter).toMatchObject({ kind: 'assignment-letter', to: 'tilskudd@lorenskog.example' });
    expect(String(letter!.text)).toContain('Kommunens ramme for 3001: 2\u00a0450\u00a0000\u00a0kr');
    expect(await letters(bergen!, 3001)).toHaveLength(0);
  });

  it('lets exactly one of two administrators publishing at once write the version; the other is told', async () => {
    // Prepare
    await municipalities(3002);
    const next = await proposal(3002, 10_000_000);

    // Act
    const results = await Promise.allSettled([
      publishAllocation(deps(), { proposal: next, publisher: imdi }),
      publishAllocation(deps(), { proposal: next, publisher: { ...imdi, userId: 'imdi-admin-2' } }),
    ]);

    // Assess
    expect(await adapters.allocations.list(3002)).toHaveLength(1);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((result) => result.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: 'allocation.published_meanwhile' });
  });

  it('refuses a correction that takes a municipality below what it has committed, naming it, and writes nothing', async () => {
    // Prepare: Eidsvoll awards 1 000 000 of its 1 050 000
    const [eidsvoll] = await municipalities(3003);
    await publishAllocation(deps(), { proposal: await proposal(3003, 10_000_000), publisher: imdi });
    await adapters.budget.change(eidsvoll!.tenantId, 3003, 'award', kroner(1_000_000), 'officer-1');

    // Act: a revised frame of 9 000 000 would give Eidsvoll 945 000
    const attempt = publishAllocation(deps(), { proposal: await proposal(3003, 9_000_000), publisher: imdi, reason: 'Revidert budsjett' });

    // Assess
    await expect(attempt).rejects.toMatchObject({ code: 'allocation.frame_below_committed', details: { municipality: 'Eidsvoll' } });
    await expect(attempt).rejects.toThrow(/Eidsvoll/);
    expect(await adapters.allocations.list(3003)).toHaveLength(1);
    expect(await adapters.budget.get(eidsvoll!.tenantId, 3003)).toMatchObject({ frame: 1_050_000, allocationVersion: 1 });
  });

  it('finishes a publish that stopped half-way when it is run again, without applying a frame or sending a letter twice', async () => {
    // Prepare: the process dies after the first municipality's position was written
    const [eidsvoll, lorenskog] = await municipalities(3004);
    let writes = 0;
    const dying = deps({
      budget: { get: adapters.budget.get, setFrame: async (...args) => {
        if (++writes > 1) throw new Error('the process stopped');
        return adapters.budget.setFrame(...args);
      } },
    });
    const next = await proposal(3004, 10_000_000);
    await expect(publishAllocation(dying, { proposal: next, publisher: imdi })).rejects.toThrow('the process stopped');
    expect((await adapters.allocations.latest(3004))?.status).toBe('applying');

    // Act
    const retried = await publishAllocation(deps(), { proposal: next, publisher: imdi });

    // Assess
    expect(retried.version).toMatchObject({ version: 1, status: 'published' });
    expect(await adapters.allocations.list(3004)).toHaveLength(1);
    for (const tenant of [eidsvoll!, lorenskog!]) {
      expect(await adapters.budget.get(tenant.tenantId, 3004)).toMatchObject({ allocationVersion: 1, version: 1 });
      expect(await letters(tenant, 3004)).toHaveLength(1);
    }
  });

  it('changes each frame by the difference in a correction and tells the municipality what it was', async () => {
    // Prepare
    const [eidsvoll] = await municipalities(3005);
    await publishAllocation(deps(), { proposal: await proposal(3005, 10_000_000), publisher: imdi });

    // Act
    const corrected = await publishAllocation(deps(), { proposal: await proposal(3005, 11_000_000), publisher: imdi, reason: 'Revidert budsjett' });

    // Assess
    expect(corrected.version).toMatchObject({ version: 2, reason: 'Revidert budsjett' });
    expect(corrected.changes.find((change) => change.name === 'Eidsvoll')).toMatchObject({ before: 1_050_000, after: 1_155_000, change: 105_000 });
    expect(await adapters.budget.get(eidsvoll!.tenantId, 3005)).toMatchObject({ frame: 1_155_000, allocationVersion: 2 });
    const texts = (await letters(eidsvoll!, 3005)).map((letter) => String(letter.text));
    expect(texts.some((text) => text.includes('Rammen var 1\u00a0050\u00a0000\u00a0kr i forrige versjon.'))).toBe(true);
  });
});
