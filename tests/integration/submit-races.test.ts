import { beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../functions/composition/config';
import { queryPartition } from '../../functions/adapters/query-all';
import type { TenantId } from '../../shared/kernel/tenants';
import { ApplicantClient, flushOutbox, testApplicantApp } from '../support/applicant-client';
import { eidsvollOrganisation, fillEverything } from '../support/application-form';
import { openCall } from '../support/calls';
import { emailsTo, freshRecipient } from '../support/mail-inbox';
import { freshTenantId, ownTableConfig } from '../support/test-environment';

const deadline = '2027-03-01T11:00:00.000Z';

/**
 * Deadline day: many submits at the same moment, of one application and of many applications of
 * one municipality (which all add to the same counter item), and submits as the deadline passes.
 */
describe('submits racing each other and the deadline, against DynamoDB Local', () => {
  let config: Config;
  let now = () => new Date('2027-01-15T10:00:00.000Z');
  let harness: ReturnType<typeof testApplicantApp>;

  beforeAll(async () => {
    config = await ownTableConfig();
    harness = testApplicantApp(config, () => now());
  });

  async function municipality(): Promise<TenantId> {
    const tenantId = freshTenantId('race');
    await harness.adapters.calls.create(openCall(tenantId, { deadline, opensAt: '2026-11-01T00:00:00.000Z' }));
    return tenantId;
  }

  /** A complete draft, its review page open and ready to submit. */
  async function completeDraft(tenantId: TenantId) {
    const client = new ApplicantClient(harness.app);
    const email = freshRecipient('frist');
    await client.get(`/calls/${tenantId}/2027-1/apply`);
    const started = await client.post(`/calls/${tenantId}/2027-1/apply`, { orgnr: eidsvollOrganisation, email }, { guards: false });
    expect(started.status).toBe(303);
    const applicationPath = started.headers.get('location')!.replace(/\/contact$/, '');
    await fillEverything(client, applicationPath, email);
    return { client, applicationPath, email, applicationId: applicationPath.split('/').pop()! };
  }

  /** `count` complete drafts, made ten at a time. */
  async function completeDrafts(tenantId: TenantId, count: number) {
    const drafts: Awaited<ReturnType<typeof completeDraft>>[] = [];
    while (drafts.length < count) drafts.push(...(await Promise.all(Array.from({ length: Math.min(10, count - drafts.length) }, () => completeDraft(tenantId)))));
    return drafts;
  }

  /** What the table holds of a municipality: submitted applications, the counter, receipts queued. */
  async function stored(tenantId: TenantId) {
    const submitted = await harness.adapters.applications.listSubmittedByRound(tenantId, '2027-1');
    const aggregate = await harness.adapters.aggregates.get(tenantId, 2027);
    const outbox = await queryPartition(harness.adapters.db, config.TABLE_NAME, `T#${tenantId}#OUTBOX`);
    return {
      submitted,
      counted: aggregate?.applicationsSubmitted ?? 0,
      amountCounted: aggregate?.amountApplied ?? 0,
      receipts: outbox.filter((item) => item.kind === 'application-receipt'),
    };
  }

  it('turns 100 identical submits of one application at once into one submission, one receipt and one count', async () => {
    // Prepare
    const tenantId = await municipality();
    const { client, applicationPath, email, applicationId } = await completeDraft(tenantId);

    // Act: the same review page posted 100 times at once
    const answers = await Promise.all(Array.from({ length: 100 }, () => client.post(`${applicationPath}/submit`, {})));
    await flushOutbox(harness.adapters, () => now());

    // Assess: every post ends on the one receipt
    expect(answers.map((answer) => `${answer.status} ${answer.headers.get('location')}`)).toEqual(Array(100).fill(`303 ${applicationPath}/receipt`));
    const { submitted, counted, amountCounted, receipts } = await stored(tenantId);
    expect(submitted.map((application) => application.applicationId)).toEqual([applicationId]);
    expect(counted).toBe(1);
    expect(amountCounted).toBe(50_000);
    expect(receipts).toHaveLength(1);
    expect((await emailsTo(email)).filter((each) => each.subject.startsWith('Kvittering'))).toHaveLength(1);
  }, 120_000);

  it('accepts 50 different applications of one municipality submitted at once, and counts each exactly once', async () => {
    // Prepare: 50 complete drafts of one municipality, so every submit adds to the same counter item
    const tenantId = await municipality();
    const drafts = await completeDrafts(tenantId, 50);

    // Act
    const answers = await Promise.all(drafts.map(({ client, applicationPath }) => client.post(`${applicationPath}/submit`, {})));

    // Assess: none refused, each counted once
    expect(answers.map((answer) => answer.status)).toEqual(Array(50).fill(303));
    const { submitted, counted, amountCounted, receipts } = await stored(tenantId);
    expect(submitted).toHaveLength(50);
    expect(counted).toBe(50);
    expect(amountCounted).toBe(50 * 50_000);
    expect(new Set(receipts.map((item) => item.relatedKey))).toEqual(new Set(drafts.map((draft) => draft.applicationId)));
    expect(receipts).toHaveLength(50);
  }, 300_000);

  it('accepts a submit before the deadline and refuses one after it, never storing half of one', async () => {
    // Prepare: 30 complete drafts, then a clock that passes the deadline while they are submitted
    const tenantId = await municipality();
    now = () => new Date(Date.parse(deadline) - 3_600_000);
    const drafts = await completeDrafts(tenantId, 30);
    const before = await Promise.all(drafts.map(({ applicationId }) => harness.adapters.applications.get(tenantId, applicationId)));
    let ticks = 0;
    // Each reading of the clock is 40 ms later, starting 2 s before the deadline: some submits see it open, later ones closed.
    now = () => new Date(Date.parse(deadline) - 2_000 + 40 * ticks++);

    // Act
    const answers = await Promise.all(drafts.map(({ client, applicationPath }) => client.post(`${applicationPath}/submit`, {})));
    now = () => new Date('2027-01-15T10:00:00.000Z');

    // Assess: each one either wholly submitted (status, receipt, count) or wholly the draft it was
    const accepted = answers.filter((answer) => answer.status === 303).length;
    const refused = answers.filter((answer) => answer.status === 422).length;
    expect(accepted + refused).toBe(30);
    expect(accepted).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
    const { submitted, counted, receipts } = await stored(tenantId);
    expect(submitted).toHaveLength(accepted);
    expect(counted).toBe(accepted);
    expect(receipts).toHaveLength(accepted);
    for (const [index, { applicationId }] of drafts.entries()) {
      const after = await harness.adapters.applications.get(tenantId, applicationId);
      if (answers[index]!.status === 303) {
        expect(after?.status).toBe('submitted');
        expect(Date.parse(after!.submittedAt!)).toBeLessThanOrEqual(Date.parse(deadline) + 999);
        expect(receipts.some((item) => item.relatedKey === applicationId)).toBe(true);
      } else {
        expect(after).toEqual(before[index]);
        expect(receipts.some((item) => item.relatedKey === applicationId)).toBe(false);
      }
    }
  }, 300_000);
});
