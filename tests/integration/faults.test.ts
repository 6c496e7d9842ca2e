/**
 * Bad days: the services Fordel depends on fail while people use it. Against a DynamoDB Local and
 * an SES stand-in of this file's own (tests/support/fault-stand-ins.ts), so stopping them never
 * disturbs another file; the registry and the file store are the run's shared stand-ins.
 */
import { createServer, type Server } from 'node:http';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { aggregateItem } from '../../functions/adapters/entities/aggregate-item';
import { createCompositionRoot, applicantApp } from '../../functions/composition';
import { createLogger } from '../../functions/common/logger';
import { freePort } from '../../infra/local/ports';
import { sendPendingMail } from '../../shared/outbox/use-cases/send-pending-mail';
import { ApplicantClient, flushOutbox } from '../support/applicant-client';
import { eidsvollOrganisation, filledSections, fillEverything } from '../support/application-form';
import { openCall } from '../support/calls';
import { FaultyStandIns, hiddenFields } from '../support/fault-stand-ins';
import { freshRecipient } from '../support/mail-inbox';
import { freshTenantId } from '../support/test-environment';

const deadline = '2027-03-01T11:00:00.000Z';
const now = () => new Date('2027-01-15T10:00:00.000Z');

let standIns: FaultyStandIns;

beforeAll(async () => {
  standIns = await FaultyStandIns.start();
}, 120_000);

afterAll(async () => {
  await standIns?.stop();
});

// A failed test must not leave the next one without its services.
afterEach(async () => {
  await standIns.ensureRunning();
});

function harness(config = standIns.config()) {
  const root = createCompositionRoot(config, { clock: now, logger: createLogger('error') });
  return { app: applicantApp(root, config.MAGIC_LINK_SECRET!), adapters: root.adapters, config };
}

async function startedApplication(app: ReturnType<typeof harness>['app'], tenantId: string) {
  const email = freshRecipient('bursdag');
  const client = new ApplicantClient(app);
  const started = await client.post(`/calls/${tenantId}/2027-1/apply`, { orgnr: eidsvollOrganisation, email }, { guards: false });
  expect(started.status).toBe(303);
  const applicationPath = started.headers.get('location')!.replace(/\/contact$/, '');
  await fillEverything(client, applicationPath, email);
  return { client, applicationPath, email, applicationId: applicationPath.split('/').at(-1)! };
}

describe('DynamoDB stopped and started again in the middle of a burst of submits', () => {
  it('answers 503 with Retry-After and what was typed, stores nothing halfway, and loses or doubles no receipt', { timeout: 180_000 }, async () => {
    // Prepare: six filled applications of one municipality
    const { app, adapters, config } = harness();
    const tenantId = freshTenantId('fault');
    await adapters.calls.create(openCall(tenantId, { deadline, opensAt: '2026-11-01T00:00:00.000Z' }));
    const applicants: Awaited<ReturnType<typeof startedApplication>>[] = [];
    for (let i = 0; i < 6; i++) applicants.push(await startedApplication(app, tenantId));
    const typing = await startedApplication(app, tenantId);
    const typed = { ...filledSections.project, title: 'Tittel <b>med</b> "sitat" & mer', intent: 'save' };
    const submit = (each: (typeof applicants)[number]) => each.client.post(`${each.applicationPath}/submit`, {});

    // Act: half submit while the database goes down, the other half (and a section) after it is down
    await typing.client.get(`${typing.applicationPath}/project`);
    const firstHalf = Promise.all(applicants.slice(0, 3).map(submit));
    await standIns.stopDynamoDb();
    const firstResponses = await firstHalf;
    const secondResponses = await Promise.all(applicants.slice(3).map(submit));
    const section = await typing.client.post(`${typing.applicationPath}/project`, typed);
    const sectionPage = await section.text();
    const apiAnswer = await app.request('http://localhost:3000/api/calls', { headers: { accept: 'application/json' } });

    // Assess while down: retryable answers, in the user's language, with the typed fields offered back
    const responses = [...firstResponses, ...secondResponses];
    for (const response of responses) expect([303, 503]).toContain(response.status);
    for (const response of secondResponses) {
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
    }
    expect(section.status).toBe(503);
    expect(section.headers.get('retry-after')).toMatch(/^\d+$/);
    // The form itself comes back when the page can still be drawn (the draft this container just
    // read is kept); otherwise the error page carries what was typed in a form to send again.
    const formItself = !sectionPage.includes('Tjenesten er midlertidig utilgjengelig');
    expect(sectionPage).toContain('value="Tittel &lt;b&gt;med&lt;/b&gt; &quot;sitat&quot; &amp; mer"');
    if (formItself) {
      expect(sectionPage).toContain('Vi får ikke lagret akkurat nå');
    } else {
      expect(sectionPage).toContain(`action="${typing.applicationPath}/project"`);
      expect(hiddenFields(sectionPage)).toMatchObject({ title: [typed.title], csrf: [expect.any(String)], version: [expect.any(String)] });
    }
    expect(sectionPage).not.toContain('<b>med</b>');
    if (apiAnswer.status !== 404) {
      expect(apiAnswer.status).toBe(503);
      expect(apiAnswer.headers.get('content-type')).toContain('application/problem+json');
    }

    // Act: the database returns; each refused person presses "send again" on the page they got
    await standIns.startDynamoDb();
    const storedBefore = await Promise.all(applicants.map((each) => adapters.applications.get(tenantId, each.applicationId)));
    const counterBefore = await counter(adapters, config.TABLE_NAME, tenantId);
    const retried = await Promise.all(
      applicants.map(async (each, i) => (responses[i]!.status === 503 ? each.client.post(`${each.applicationPath}/submit`, {}) : responses[i]!)),
    );
    const resent = formItself
      ? await typing.client.post(`${typing.applicationPath}/project`, typed)
      : await typing.client.post(`${typing.applicationPath}/project`, hiddenFields(sectionPage), { guards: false });
    await flushOutbox(adapters, now);

    // Assess: nothing halfway before the retries (counted = submitted), all in after, one receipt each
    const submittedBefore = storedBefore.filter((each) => each?.submittedAt).length;
    expect(counterBefore).toBe(submittedBefore);
    for (const each of storedBefore) expect(each?.status === 'submitted' ? Boolean(each.submittedAt) : !each?.submittedAt).toBe(true);
    for (const [i, response] of retried.entries()) expect(response.headers.get('location'), `applicant ${i}`).toBe(`${applicants[i]!.applicationPath}/receipt`);
    expect(await counter(adapters, config.TABLE_NAME, tenantId)).toBe(applicants.length);
    expect(resent.status).toBe(303);
    expect((await adapters.applications.get(tenantId, typing.applicationId))?.project?.title).toBe(typed.title);
    for (const each of applicants) {
      const receipts = (await standIns.emailsTo(each.email)).filter((email) => email.subject.startsWith('Kvittering'));
      expect(receipts, each.email).toHaveLength(1);
    }
  });
});

async function counter(adapters: ReturnType<typeof harness>['adapters'], tableName: string, tenantId: string): Promise<number> {
  const result = await adapters.db.send(new GetCommand({ TableName: tableName, Key: aggregateItem.key(tenantId as never, 2027), ConsistentRead: true }));
  return Number(result.Item?.applicationsSubmitted ?? 0);
}

describe('the SES stand-in down', () => {
  it('keeps the emails waiting in the outbox and sends each once when it returns', { timeout: 60_000 }, async () => {
    // Prepare: a submitted application whose link and receipt emails are queued
    const { app, adapters } = harness();
    const tenantId = freshTenantId('sesned');
    await adapters.calls.create(openCall(tenantId, { deadline, opensAt: '2026-11-01T00:00:00.000Z' }));
    const applicant = await startedApplication(app, tenantId);
    expect((await applicant.client.post(`${applicant.applicationPath}/submit`, {})).status).toBe(303);

    // Act: the sender runs while SES is down, then again after it is back and the retry is due
    await standIns.stopMail();
    const whileDown = await flushOutbox(adapters, now);
    await standIns.startMail();
    const tooEarly = await sendPendingMail({ outbox: adapters.outbox, mailer: adapters.mailer, clock: now });
    const later = () => new Date(now().getTime() + 10 * 60_000);
    const afterReturn = await sendPendingMail({ outbox: adapters.outbox, mailer: adapters.mailer, clock: later });
    const again = await sendPendingMail({ outbox: adapters.outbox, mailer: adapters.mailer, clock: later });

    // Assess
    expect(whileDown.sent).toBe(0);
    expect(whileDown.failed).toBeGreaterThanOrEqual(2);
    expect(whileDown.dead).toBe(0);
    expect(tooEarly.sent).toBe(0);
    expect(afterReturn.sent).toBe(whileDown.failed);
    expect(again.sent).toBe(0);
    const emails = await standIns.emailsTo(applicant.email);
    expect(emails.filter((email) => email.subject.startsWith('Kvittering'))).toHaveLength(1);
    expect(emails.filter((email) => email.subject.includes('Lenke til søknaden din'))).toHaveLength(1);
  });
});

describe('the registry timing out', () => {
  let hanging: Server;
  let port: number;
  beforeAll(async () => {
    port = await freePort();
    // Accepts the connection and never answers.
    hanging = createServer(() => undefined);
    await new Promise<void>((resolve) => hanging.listen(port, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => { hanging.closeAllConnections(); hanging.close(() => resolve()); }));

  it('still starts and saves the draft, and says the organisation will be checked again', { timeout: 60_000 }, async () => {
    // Prepare
    const { app, adapters } = harness({ ...standIns.config(), REGISTRY_BASE_URL: `http://127.0.0.1:${port}`, REGISTRY_TIMEOUT_MS: 300 });
    const tenantId = freshTenantId('regto');
    await adapters.calls.create(openCall(tenantId, { deadline, opensAt: '2026-11-01T00:00:00.000Z' }));
    const client = new ApplicantClient(app);

    // Act
    const started = await client.post(`/calls/${tenantId}/2027-1/apply`, { orgnr: eidsvollOrganisation, email: freshRecipient() }, { guards: false });
    const contact = await client.get(started.headers.get('location')!);
    const project = await client.get(started.headers.get('location')!.replace(/contact$/, 'project'));
    const saved = await client.post(started.headers.get('location')!.replace(/contact$/, 'project'), { ...filledSections.project, title: 'Lagret uten register', intent: 'save' });

    // Assess
    expect(started.status).toBe(303);
    expect(await contact.text()).toContain('vi sjekker organisasjonen på nytt');
    expect(project.status).toBe(200);
    expect(saved.status).toBe(303);
    const applicationId = started.headers.get('location')!.split('/').at(-2)!;
    const stored = await adapters.applications.get(tenantId, applicationId);
    expect(stored?.registryCheck?.status).toBe('not_verified');
    expect(stored?.project?.title).toBe('Lagret uten register');
  });
});
