/**
 * The scheduled jobs as deployed: each minified bundle invoked with the event EventBridge sends.
 * The jobs work across tenants and read the real clock, so this file has a table of its own.
 */
import { TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxPut } from '../../functions/adapters/outbox-repository';
import type { Config } from '../../functions/composition/config';
import { aggregateItem } from '../../functions/adapters/entities/aggregate-item';
import { openCall } from '../support/calls';
import { recommendedApplication } from '../support/decisions';
import { emailsTo, freshRecipient } from '../support/mail-inbox';
import { freshTenantId, ownTableConfig, testAdapters } from '../support/test-environment';
import { BundledLambda, lambdaEnvironment, scheduledEvent } from './bundled-lambda';
import { signRecommendation } from '../../shared/decisions/signing';
import { kroner } from '../../shared/kernel/money';
import { codeDefaultVersion } from '../../shared/rules/rule-set-version';
import { decisionLetterEmail } from '../../web/emails/decision-letter';

const day = 86_400_000;

describe('the job bundles on their schedule', () => {
  const tenantId = freshTenantId('bjob');
  let config: Config;
  let adapters: ReturnType<typeof testAdapters>;
  const started: BundledLambda[] = [];

  beforeAll(async () => {
    config = await ownTableConfig();
    adapters = testAdapters(config);
  });

  afterAll(() => started.forEach((lambda) => lambda.stop()));

  /** Runs the job bundle `name` once, as its schedule does. */
  async function runScheduled(name: string) {
    const lambda = await BundledLambda.start(name, lambdaEnvironment(config));
    started.push(lambda);
    return lambda.invoke<Record<string, number>>(scheduledEvent(`fordel-${name}`));
  }

  it('closes a round whose deadline has passed', async () => {
    // Prepare
    const now = Date.now();
    await adapters.calls.create(openCall(tenantId, { roundId: 'past', opensAt: new Date(now - 60 * day).toISOString(), deadline: new Date(now - day).toISOString() }));

    // Act
    const summary = await runScheduled('close-rounds');

    // Assess
    expect(summary).toEqual({ opened: 0, closed: 1, skipped: 0 });
    expect((await adapters.calls.get(tenantId, 'past'))?.status).toBe('closed');
  });

  it('sends a queued email through SES', async () => {
    // Prepare
    const to = freshRecipient('bundle-outbox');
    const message = { messageId: ulid(), tenantId, kind: 'application-receipt', to, subject: 'Kvittering fra pakken', text: 'Vi har mottatt søknaden.', createdAt: new Date().toISOString() } as const;
    await adapters.db.send(new TransactWriteCommand({ TransactItems: [outboxPut(config.TABLE_NAME, message)] }));

    // Act
    const summary = await runScheduled('send-outbox');

    // Assess
    expect(summary).toMatchObject({ sent: 1, failed: 0 });
    const emails = await emailsTo(to);
    expect(emails.map((email) => email.subject)).toEqual(['Kvittering fra pakken']);
  });

  it('reports a tenant-year whose counters drift from its applications', async () => {
    // Prepare: a round this year, and an aggregate that counts an application that does not exist
    const grantYear = new Date().getUTCFullYear();
    await adapters.tenants.put({ tenantId, kind: 'municipality', name: `Pakkeby ${tenantId}`, kommunenummer: '3240', managingYears: [grantYear] });
    await adapters.calls.create(openCall(tenantId, { roundId: `${grantYear}-1`, grantYear }));
    await adapters.db.send(
      new UpdateCommand({
        TableName: config.TABLE_NAME,
        Key: aggregateItem.key(tenantId, grantYear),
        UpdateExpression: 'SET tenantId = :tenantId, grantYear = :grantYear ADD applicationsSubmitted :one',
        ExpressionAttributeValues: { ':tenantId': tenantId, ':grantYear': grantYear, ':one': 1 },
      }),
    );

    // Act
    const summary = await runScheduled('reconcile-aggregates');

    // Assess
    expect(summary).toMatchObject({ repair: 0, drifting: 1, repaired: 0 });
    expect(summary.checked).toBeGreaterThanOrEqual(1);
  });
  it('sends a preliminary reply once to an application a closed round has left undecided past its window', async () => {
    // Prepare: a round closed 40 days after its deadline, with one submitted application
    const now = Date.now();
    const call = { ...openCall(tenantId, { roundId: 'slow', opensAt: new Date(now - 90 * day).toISOString(), deadline: new Date(now - 40 * day).toISOString() }), status: 'closed' as const };
    await adapters.calls.create(call);
    const application = { ...recommendedApplication(call, { status: 'submitted', recommend: undefined }), email: freshRecipient('bundle-forelopig') };
    await adapters.applications.create(application, { eventId: ulid(), at: application.createdAt, actor: 'test', action: 'start' }, [], []);

    // Act
    const first = await runScheduled('preliminary-replies');
    const again = await runScheduled('preliminary-replies');

    // Assess
    expect(first).toMatchObject({ sent: 1 });
    expect(again).toMatchObject({ sent: 0 });
    const stored = await adapters.applications.get(tenantId, application.applicationId);
    expect(stored?.preliminaryReplyAt).toBeDefined();
    const pending = await adapters.outbox.listPending(new Date(now + day).toISOString(), 100);
    expect(pending.filter((message) => message.to === application.email).map((message) => message.kind)).toEqual(['preliminary-reply']);
  });

  it('lapses a grant not accepted by its deadline once, returning its money to the municipality', async () => {
    // Prepare: a grant decided 30 days ago under a three-week deadline, with its budget position
    const now = Date.now();
    const grantYear = 2027;
    const call = openCall(tenantId, { roundId: 'lapse', grantYear });
    await adapters.calls.create(call);
    await adapters.budget.setFrame({ tenantId, name: 'Pakkeby', grantYear, frame: kroner(500_000), adminCap: kroner(25_000), allocationVersion: 1 }, undefined);
    const application = { ...recommendedApplication(call, { applied: 100_000 }), email: freshRecipient('bundle-bortfall') };
    await adapters.applications.create(application, { eventId: ulid(), at: application.createdAt, actor: 'test', action: 'start' }, [], []);
    await adapters.decisions.commit(signRecommendation({
      application, call, rules: codeDefaultVersion(grantYear)!, signer: { userId: 'approver' }, now: new Date(now - 30 * day), newId: ulid, composeLetter: decisionLetterEmail,
    }));

    // Act
    const first = await runScheduled('lapse-unaccepted-grants');
    const again = await runScheduled('lapse-unaccepted-grants');

    // Assess
    expect(first).toMatchObject({ found: 1, lapsed: 1 });
    expect(again).toMatchObject({ found: 0, lapsed: 0 });
    expect((await adapters.applications.get(tenantId, application.applicationId))?.status).toBe('lapsed');
    expect(await adapters.budget.get(tenantId, grantYear)).toMatchObject({ awarded: 100_000, returned: 100_000 });
    const pending = await adapters.outbox.listPending(new Date(now + day).toISOString(), 100);
    expect(pending.filter((message) => message.to === application.email).map((message) => message.kind).sort()).toEqual(['decision-notice', 'grant-lapsed']);
  });
});
