/**
 * Data safety: a municipality's full data exported as one versioned JSON document and imported
 * into an empty table comes back exactly, counters included.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createOperatorClient, exportTenant, importTenant, TenantImportRefused } from '../../functions/adapters/tenant-export';
import type { Config } from '../../functions/composition/config';
import type { Kroner } from '../../shared/kernel/money';
import { tenantPrefix } from '../../shared/table';
import { ApplicantClient, flushOutbox, testApplicantApp } from '../support/applicant-client';
import { eidsvollOrganisation, filledSections, fillEverything } from '../support/application-form';
import { openCall } from '../support/calls';
import { freshRecipient } from '../support/mail-inbox';
import { freshTenantId, ownTableConfig, testConfig } from '../support/test-environment';

const now = () => new Date('2027-01-15T10:00:00.000Z');

describe('exporting and importing a municipality', () => {
  const config = testConfig();
  const tenantId = freshTenantId('exp');
  const neighbour = freshTenantId('exp');
  const source = createOperatorClient(config);

  beforeAll(async () => {
    // A round, two submitted applications and a draft, the budget position and its frame history,
    // audit events, counters, links and mail: whatever a municipality's items are after use.
    const harness = testApplicantApp(config, now);
    for (const tenant of [tenantId, neighbour]) {
      await harness.adapters.calls.create(openCall(tenant, { deadline: '2027-03-01T11:00:00.000Z', opensAt: '2026-11-01T00:00:00.000Z' }));
    }
    await harness.adapters.budget.setFrame({ tenantId, name: 'Testby', grantYear: 2027, frame: 1_000_000 as Kroner, adminCap: 50_000 as Kroner, allocationVersion: 1 }, undefined);
    for (const submit of [true, true, false]) {
      const client = new ApplicantClient(harness.app);
      const email = freshRecipient('eksport');
      const started = await client.post(`/calls/${tenantId}/2027-1/apply`, { orgnr: eidsvollOrganisation, email: email }, { guards: false });
      const applicationPath = started.headers.get('location')!.replace(/\/contact$/, '');
      await fillEverything(client, applicationPath, email, { project: { ...filledSections.project, title: 'Tittel med "sitat", æøå og <tegn>' } });
      if (submit) expect((await client.post(`${applicationPath}/submit`, {})).status).toBe(303);
    }
    await flushOutbox(harness.adapters, now);
  }, 120_000);

  it('round-trips every item exactly into an empty table, counters included', async () => {
    // Prepare
    const exported = await exportTenant(source, config.TABLE_NAME, tenantId, now());
    const target: Config = await ownTableConfig();
    const targetDb = createOperatorClient(target);

    // Act: through JSON text, as the file on disk would be
    const { written } = await importTenant(targetDb, target.TABLE_NAME, JSON.parse(JSON.stringify(exported)));
    const again = await exportTenant(targetDb, target.TABLE_NAME, tenantId, now());

    // Assess
    expect(exported).toMatchObject({ format: 'fordel.tenant-export', version: 1, tenantId, itemCount: exported.items.length });
    expect(written).toBe(exported.items.length);
    expect(again.items).toEqual(exported.items);
    const partitions = new Set(exported.items.map((item) => (item.PK as { S: string }).S.slice(tenantPrefix(tenantId).length).split('#')[0]));
    expect([...partitions]).toEqual(expect.arrayContaining(['AGGREGATES', 'APP', 'AUDIT', 'BUDGET', 'ROUNDS']));
    const counters = exported.items.find((item) => (item.PK as { S: string }).S === `${tenantPrefix(tenantId)}AGGREGATES`);
    expect(counters?.applicationsSubmitted).toEqual({ N: '2' });
    for (const item of exported.items) expect((item.PK as { S: string }).S.startsWith(tenantPrefix(tenantId))).toBe(true);
    targetDb.destroy();
  });

  it('refuses, writing nothing, a table that already has the data, an item of another municipality, and a format it does not know', async () => {
    // Prepare
    const exported = await exportTenant(source, config.TABLE_NAME, tenantId, now());
    const other = await exportTenant(source, config.TABLE_NAME, neighbour, now());
    const target = await ownTableConfig();
    const targetDb = createOperatorClient(target);
    const smuggled = { ...exported, items: [...exported.items, other.items[0]!], itemCount: exported.items.length + 1 };

    // Act
    const refusal = (work: Promise<unknown>) => work.then(() => undefined, (error: unknown) => error);
    const intoSource = await refusal(importTenant(source, config.TABLE_NAME, exported));
    const foreign = await refusal(importTenant(targetDb, target.TABLE_NAME, smuggled));
    const future = await refusal(importTenant(targetDb, target.TABLE_NAME, { ...exported, version: 2 }));

    // Assess
    expect(intoSource).toBeInstanceOf(TenantImportRefused);
    expect(intoSource).toMatchObject({ reason: 'not_empty' });
    expect(foreign).toMatchObject({ reason: 'foreign_item' });
    expect(future).toMatchObject({ reason: 'invalid_document' });
    expect((await exportTenant(targetDb, target.TABLE_NAME, tenantId, now())).itemCount).toBe(0);
    targetDb.destroy();
  });
});
