/**
 * The scheduled jobs as middy handlers, end to end against DynamoDB Local and the SES stand-in:
 * first built from injected dependencies, then through their Lambda entry points.
 *
 * The jobs work across tenants, and the entry points read the real clock, so this file gets a
 * table of its own in the shared DynamoDB Local: other files' rounds and mail stay out of reach,
 * and theirs cannot take this file's.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { beforeAll, describe, expect, it } from 'vitest';
import { outboxPut } from '../../functions/adapters/outbox-repository';
import { createLogger } from '../../functions/common/logger';
import { createCloseRoundsHandler } from '../../functions/jobs/close-rounds/handler';
import { createSendOutboxHandler } from '../../functions/jobs/send-outbox/handler';
import { ensureTable } from '../../infra/local/create-table';
import type { OutgoingMessage } from '../../shared/outbox/outbox';
import { lambdaContext } from '../support/api-gateway-event';
import { ApplicantClient, linkIn, testApplicantApp } from '../support/applicant-client';
import { openCall } from '../support/calls';
import { emailsTo, freshRecipient } from '../support/mail-inbox';
import { freshTenantId, testAdapters, testConfig } from '../support/test-environment';

const ownTable = `fordel-jobs-${ulid().toLowerCase()}`;
const config = testConfig({ TABLE_NAME: ownTable });
const adapters = testAdapters(config);
const tenantId = freshTenantId('jobs');

beforeAll(async () => {
  const admin = new DynamoDBClient({
    endpoint: config.DYNAMODB_ENDPOINT,
    region: config.AWS_REGION,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await ensureTable(admin, ownTable);
  admin.destroy();
  // What the Lambda entry points read at import.
  Object.assign(process.env, {
    TABLE_NAME: ownTable,
    DYNAMODB_ENDPOINT: config.DYNAMODB_ENDPOINT,
    SES_ENDPOINT: config.SES_ENDPOINT,
    AWS_REGION: config.AWS_REGION,
    LOG_LEVEL: 'error',
    // send-outbox signs the links of link requests with the applicant app's keys.
    MAGIC_LINK_SECRET: config.MAGIC_LINK_SECRET,
    APP_BASE_URL: config.APP_BASE_URL,
  });
});

function receipt(to: string, createdAt: string): OutgoingMessage {
  return {
    messageId: ulid(),
    tenantId,
    kind: 'application-receipt',
    to,
    subject: 'Kvittering',
    text: 'Vi har mottatt søknaden.',
    createdAt,
  };
}

function capturingLogger() {
  const lines: string[] = [];
  return { lines, logger: createLogger('debug', {}, (line) => lines.push(line)) };
}

describe('the job handlers', () => {
  it('send the outbox through the middy handler and log the run without personal data', async () => {
    // Prepare
    const to = freshRecipient('jobb');
    const message = receipt(to, '1989-05-01T09:00:00.000Z');
    await adapters.db.send(new TransactWriteCommand({ TransactItems: [outboxPut(config.TABLE_NAME, message)] }));
    const { lines, logger } = capturingLogger();
    const handler = createSendOutboxHandler({
      outbox: adapters.outbox,
      mailer: adapters.mailer,
      clock: () => new Date('1989-05-01T09:00:03.000Z'),
      logger,
    });

    // Act
    const summary = await handler({}, lambdaContext);

    // Assess
    expect(summary).toEqual({ sent: 1, failed: 0, dead: 0, skipped: 0 });
    expect(await emailsTo(to)).toHaveLength(1);
    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged).toContainEqual(expect.objectContaining({ message: 'mail sent', messageId: message.messageId, tenantId, kind: 'application-receipt' }));
    expect(logged).toContainEqual(expect.objectContaining({ message: 'job finished', job: 'send-outbox', requestId: lambdaContext.awsRequestId }));
    expect(lines.join('\n')).not.toContain(to);
    expect(lines.join('\n')).not.toContain(message.text);
  });

  it('sends the queued mail even when resolving link requests fails, then fails the run', async () => {
    // Prepare
    const to = freshRecipient('uansett');
    const message = receipt(to, '1989-05-02T09:00:00.000Z');
    await adapters.db.send(new TransactWriteCommand({ TransactItems: [outboxPut(config.TABLE_NAME, message)] }));
    const unreadableSecret = Object.assign(new Error('secret unreadable'), { name: 'AccessDeniedException' });
    const { lines, logger } = capturingLogger();
    const handler = createSendOutboxHandler({
      outbox: adapters.outbox,
      mailer: adapters.mailer,
      clock: () => new Date('1989-05-02T09:00:03.000Z'),
      logger,
      linkRequests: {
        linkRequests: { record: async () => undefined, listWaiting: async () => Promise.reject(unreadableSecret), take: async () => false },
        applications: adapters.applications,
        calls: adapters.calls,
        magicLinks: adapters.magicLinks,
        linkEmail: async () => Promise.reject(unreadableSecret),
      },
    });

    // Act
    const run = handler({}, lambdaContext);

    // Assess
    await expect(run).rejects.toThrow('secret unreadable');
    expect(await emailsTo(to)).toHaveLength(1);
    expect(lines.map((line) => JSON.parse(line))).toContainEqual(expect.objectContaining({ message: 'job failed', errorName: 'AccessDeniedException' }));
  });

  it('close rounds through the middy handler and log each closed round', async () => {
    // Prepare
    await adapters.calls.create(openCall(tenantId, { roundId: 'handler', opensAt: '1989-01-01T00:00:00.000Z', deadline: '1989-03-01T11:00:00.000Z' }));
    const { lines, logger } = capturingLogger();
    const handler = createCloseRoundsHandler({ calls: adapters.calls, clock: () => new Date('1989-03-02T00:00:00.000Z'), newId: ulid, logger });

    // Act
    const summary = await handler({}, lambdaContext);

    // Assess
    expect(summary).toEqual({ opened: 0, closed: 1, skipped: 0 });
    expect((await adapters.calls.get(tenantId, 'handler'))?.status).toBe('closed');
    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged).toContainEqual(expect.objectContaining({ message: 'round closed', tenantId, roundId: 'handler', job: 'close-rounds' }));
  });

  it('log a failed run by error name and fail it, so the run can go to the dead-letter queue', async () => {
    // Prepare
    const { lines, logger } = capturingLogger();
    const failing = Object.assign(new Error('refused for ola.nordmann@example.org'), { name: 'ProvisionedThroughputExceededException' });
    const handler = createCloseRoundsHandler({
      calls: { ...adapters.calls, listOpenWithDeadlineBefore: () => Promise.reject(failing) },
      clock: () => new Date('1989-03-02T00:00:00.000Z'),
      newId: ulid,
      logger,
    });

    // Act
    const run = handler({}, lambdaContext);

    // Assess
    await expect(run).rejects.toBe(failing);
    expect(lines.map((line) => JSON.parse(line))).toContainEqual(
      expect.objectContaining({ level: 'error', message: 'job failed', errorName: 'ProvisionedThroughputExceededException' }),
    );
    expect(lines.join('\n')).not.toContain('ola.nordmann');
  });
});

describe('the job Lambda entry points', () => {
  it('send a due message with the configuration from the environment', async () => {
    // Prepare
    const to = freshRecipient('lambda');
    const message = receipt(to, new Date(Date.now() - 1_000).toISOString());
    await adapters.db.send(new TransactWriteCommand({ TransactItems: [outboxPut(ownTable, message)] }));
    const { handler } = await import('../../functions/jobs/send-outbox/lambda');

    // Act
    const summary = await handler({}, lambdaContext);

    // Assess
    expect(summary).toEqual({ sent: 1, failed: 0, dead: 0, skipped: 0, linkRequests: 0, linksIssued: 0 });
    expect(await emailsTo(to)).toHaveLength(1);
  });

  it('resolve a link request into a link that opens in the applicant app, signed with the keys from the environment', async () => {
    // Prepare: an application, and a request for its links on the resume page
    const email = freshRecipient('lenkje');
    const applicantTenant = freshTenantId('jobslink');
    const harness = testApplicantApp(config);
    await harness.adapters.calls.create(openCall(applicantTenant, { opensAt: '2026-11-01T00:00:00.000Z' }));
    const client = new ApplicantClient(harness.app);
    expect((await client.post(`/calls/${applicantTenant}/2027-1/apply`, { orgnr: '311100386', email }, { guards: false })).status).toBe(303);
    const { handler } = await import('../../functions/jobs/send-outbox/lambda');
    await handler({}, lambdaContext);
    expect((await new ApplicantClient(harness.app).post('/resume', { orgnr: '311100386', email }, { guards: false })).status).toBe(200);

    // Act
    const summary = await handler({}, lambdaContext);

    // Assess
    expect(summary).toMatchObject({ sent: 1, linkRequests: 1, linksIssued: 1 });
    const link = new URL(linkIn((await emailsTo(email)).at(-1)!));
    const opened = await new ApplicantClient(harness.app).post(link.pathname, {}, { guards: false });
    expect(opened.status).toBe(303);
    expect(opened.headers.get('location')).toMatch(/^\/applications\//);
  });

  it('close a round whose deadline passed an hour ago', async () => {
    // Prepare
    const deadline = new Date(Date.now() - 3_600_000).toISOString();
    await adapters.calls.create(openCall(tenantId, { roundId: 'lambda', opensAt: '2020-01-01T00:00:00.000Z', deadline }));
    const { handler } = await import('../../functions/jobs/close-rounds/lambda');

    // Act
    const summary = await handler({}, lambdaContext);

    // Assess
    expect(summary).toEqual({ opened: 0, closed: 1, skipped: 0 });
    expect((await adapters.calls.get(tenantId, 'lambda'))?.status).toBe('closed');
  });
});
