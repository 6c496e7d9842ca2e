/**
 * Signing decisions over HTTP against DynamoDB Local, through the real sign-in: concurrent
 * approvers never award more than is left, one case is never decided twice, a batch racing a
 * single decision never awards twice, only approvers (not recused ones) may sign, another
 * municipality's case is not found, the letters reach the SES stand-in, and the preliminary
 * replies are sent once however many runs there are.
 */
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../functions/http/common/logger';
import { createSendOutboxHandler } from '../../functions/jobs/send-outbox/handler';
import { createDecisionRepository } from '../../functions/adapters/decision-repository';
import { demoUsersOf, type LocalUser } from '../../infra/local/identity-provider';
import type { Application } from '../../shared/applications/application';
import { sendPreliminaryReplies } from '../../shared/decisions/use-cases/send-preliminary-replies';
import { kroner } from '../../shared/kernel/money';
import type { Tenant, TenantId } from '../../shared/kernel/tenants';
import type { Call } from '../../shared/rounds/call';
import { adminCostCap } from '../../shared/rules/budget';
import { ruleSetFor } from '../../shared/rules/rule-set-for';
import { preliminaryReplyEmail } from '../../web/emails/preliminary-reply';
import { openCall } from '../support/calls';
import { recommendation, recommendedApplication } from '../support/decisions';
import { emailsTo, freshRecipient } from '../support/mail-inbox';
import { signIn, startSignInServer } from '../support/sign-in';
import { freshTenantId, ownTableConfig } from '../support/test-environment';

const YEAR = 2027;

describe('signing decisions', () => {
  const alfa = freshTenantId('da');
  const beta = freshTenantId('db');
  const tenants: Tenant[] = [
    { tenantId: alfa, kind: 'municipality', name: `Alfaby ${alfa}`, kommunenummer: '3201', managingYears: [2023, 2024, 2025, 2026, YEAR] },
    { tenantId: beta, kind: 'municipality', name: `Betaby ${beta}`, kommunenummer: '4601', managingYears: [YEAR] },
  ];
  const users = demoUsersOf(tenants);
  const userOf = (sub: string) => users.find((user) => user.sub === sub) as LocalUser;
  let server: Awaited<ReturnType<typeof startSignInServer>>;
  let approver: string;
  let caseworker: string;
  let betaApprover: string;
  let roundNo = 0;

  beforeAll(async () => {
    const own = await ownTableConfig();
    server = await startSignInServer({ TABLE_NAME: own.TABLE_NAME });
    for (const tenant of tenants) await server.adapters.tenants.put(tenant);
    approver = (await signIn(server.baseUrl, 'officer', userOf(`approver-${alfa}`).sub)).cookie;
    caseworker = (await signIn(server.baseUrl, 'officer', userOf(`officer-${alfa}`).sub)).cookie;
    betaApprover = (await signIn(server.baseUrl, 'officer', userOf(`approver-${beta}`).sub)).cookie;
  });

  afterAll(async () => server?.close());

  /** A round of its own in a tenant-year of its own (2027, 2026, … each with its rules), so tests do not share a budget. */
  async function roundWithFrame(tenantId: TenantId, frame: number): Promise<Call> {
    roundNo += 1;
    const grantYear = YEAR + 1 - roundNo;
    const call = openCall(tenantId, { roundId: `${grantYear}-1`, grantYear });
    await server.adapters.calls.create(call);
    await server.adapters.budget.setFrame(
      { tenantId, name: 'Alfaby', grantYear, frame: kroner(frame), adminCap: adminCostCap(ruleSetFor(YEAR), kroner(frame)), allocationVersion: 1 },
      undefined,
    );
    return call;
  }

  async function stored(call: Call, options: Parameters<typeof recommendedApplication>[1] = {}): Promise<Application> {
    const application = { ...recommendedApplication(call, options), email: freshRecipient('vedtak') };
    await server.adapters.applications.create(application, { eventId: ulid(), at: application.createdAt, actor: 'test', action: 'start' }, [], []);
    return application;
  }

  const get = (path: string, cookie: string) => fetch(`${server.baseUrl}${path}`, { headers: { cookie }, redirect: 'manual' });
  const post = (path: string, form: Record<string, string | string[]>, cookie: string) => {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(form)) for (const each of [value].flat()) body.append(name, each);
    return fetch(`${server.baseUrl}${path}`, { method: 'POST', body, headers: { cookie, origin: server.baseUrl }, redirect: 'manual' });
  };
  const sign = (application: Application, cookie = approver) =>
    post(`/officer/applications/${application.applicationId}/decision`, { recommendationSeen: application.recommendation!.recommendedAt }, cookie);
  const awarded = async (call: Call) => (await server.adapters.budget.get(call.tenantId, call.grantYear))?.awarded;
  const reread = (application: Application) => server.adapters.applications.get(application.tenantId, application.applicationId);

  it('lets exactly one of two approvers award against a nearly exhausted frame, and tells the other what is left', async () => {
    // Prepare
    const call = await roundWithFrame(alfa, 150_000);
    const [first, second] = [await stored(call), await stored(call)];

    // Act
    const responses = await Promise.all([sign(first!), sign(second!)]);

    // Assess
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([303, 409]);
    const loser = responses.find((response) => response.status === 409)!;
    expect(await loser.text()).toContain('Ikke nok tilgjengelige midler: 50\u00a0000\u00a0kr igjen.');
    expect(await awarded(call)).toBe(100_000);
    const after = await Promise.all([reread(first!), reread(second!)]);
    expect(after.filter((application) => application?.decision).length).toBe(1);
    expect(after.filter((application) => application?.status === 'under_assessment' && !application.decision).length).toBe(1);
  });

  it('decides one application once when two approvers sign it at the same moment', async () => {
    // Prepare
    const call = await roundWithFrame(alfa, 1_000_000);
    const application = await stored(call);

    // Act
    const responses = await Promise.all([sign(application), sign(application)]);

    // Assess
    expect(responses.map((response) => response.status).sort()).toEqual([303, 409]);
    expect(await awarded(call)).toBe(100_000);
  });

  it('never awards twice when a batch races a single decision', async () => {
    // Prepare
    const call = await roundWithFrame(alfa, 1_000_000);
    const apps = [await stored(call), await stored(call, { applied: 80_000, recommend: recommendation('grant_partly', 50_000) }), await stored(call, { recommend: recommendation('reject', 0) })];

    // Act
    const [batch, single] = await Promise.all([
      post(`/officer/rounds/${call.roundId}/decisions`, { applicationId: apps.map((a) => a.applicationId) }, approver),
      sign(apps[0]!),
    ]);

    // Assess
    expect(batch.status).toBe(200);
    expect([303, 409]).toContain(single.status);
    expect(await awarded(call)).toBe(150_000);
    const after = await Promise.all(apps.map(reread));
    expect(after.map((application) => application?.status)).toEqual(['granted', 'partly_granted', 'rejected']);
    const report = await batch.text();
    expect(report).toContain(single.status === 303 ? '2 vedtak signert, 1 ikke signert.' : '3 vedtak signert, 0 ikke signert.');
  });

  it('shows the pages, signs by the API, and shows the letter on the case and to the applicant by email', async () => {
    // Prepare
    const call = await roundWithFrame(alfa, 1_000_000);
    const viaPage = await stored(call, { language: 'en' });
    const viaApi = await stored(call, { language: 'nn', recommend: recommendation('reject', 0) });

    // Act
    const page = await get(`/officer/applications/${viaPage.applicationId}/decision`, approver);
    const batchPage = await get(`/officer/rounds/${call.roundId}/decisions`, approver);
    const signed = await sign(viaPage);
    const letter = await get(`/officer/applications/${viaPage.applicationId}/letter?signed=1`, approver);
    const api = await fetch(`${server.baseUrl}/officer/api/applications/${viaApi.applicationId}/decision`, {
      method: 'POST',
      headers: { cookie: approver, 'content-type': 'application/json', origin: server.baseUrl },
      body: JSON.stringify({ recommendationSeen: viaApi.recommendation!.recommendedAt }),
    });
    const sent = await createSendOutboxHandler({ outbox: server.adapters.outbox, mailer: server.adapters.mailer, clock: () => new Date(), logger: createLogger('error') })(
      {},
      { awsRequestId: 'r', functionName: 'send-outbox' } as never,
    );

    // Assess
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(viaPage.recommendation!.reasons);
    expect(batchPage.status).toBe(200);
    expect(await batchPage.text()).toContain(viaApi.reference);
    expect(signed.status).toBe(303);
    expect(signed.headers.get('location')).toBe(`/officer/applications/${viaPage.applicationId}/letter?signed=1`);
    const letterText = await letter.text();
    expect(letterText).toContain('You may appeal');
    expect(letterText).toContain('sections 18 and 19');
    expect(api.status).toBe(200);
    expect(await api.json()).toMatchObject({ status: 'rejected', decision: { outcome: 'reject', amount: 0, language: 'nn' } });
    expect(sent).toMatchObject({ failed: 0 });
    const [english] = await emailsTo(viaPage.email);
    expect(english?.subject).toBe(`Decision: application ${viaPage.reference} is granted`);
    expect(english?.body.text).toContain('The deadline for appeal is 3 weeks');
    const [nynorsk] = await emailsTo(viaApi.email);
    expect(nynorsk?.subject).toBe(`Vedtak: søknaden ${viaApi.reference} er avslått`);
    expect(nynorsk?.body.text).toContain('Klaga skal');
  });

  it('refuses a caseworker and a recused approver with 403, and another municipality with 404', async () => {
    // Prepare
    const call = await roundWithFrame(alfa, 1_000_000);
    const application = await stored(call);
    const recused = await stored(call, { recusedUserIds: [userOf(`approver-${alfa}`).sub] });

    // Act
    const byCaseworker = [await get(`/officer/applications/${application.applicationId}/decision`, caseworker), await sign(application, caseworker)];
    const byRecused = [await get(`/officer/applications/${recused.applicationId}/decision`, approver), await sign(recused)];
    const api = await fetch(`${server.baseUrl}/officer/api/applications/${recused.applicationId}/decision`, {
      method: 'POST', headers: { cookie: approver, 'content-type': 'application/json', origin: server.baseUrl }, body: '{}',
    });
    const byOther = [await get(`/officer/applications/${application.applicationId}/decision`, betaApprover), await sign(application, betaApprover), await get(`/officer/applications/${application.applicationId}/letter`, betaApprover)];

    // Assess
    expect(byCaseworker.map((response) => response.status)).toEqual([403, 403]);
    expect(byRecused.map((response) => response.status)).toEqual([403, 403]);
    expect(api.status).toBe(403);
    expect(await api.json()).toMatchObject({ code: 'application.actor_recused' });
    expect(byOther.map((response) => response.status)).toEqual([404, 404, 404]);
    expect((await reread(recused))?.decision).toBeUndefined();
    expect(await awarded(call)).toBe(0);
  });
});

describe('the preliminary replies', () => {
  it('sends one reply per undecided application however many runs go at once, and none again later', async () => {
    // Prepare
    const config = await ownTableConfig();
    const { testAdapters } = await import('../support/test-environment');
    const adapters = testAdapters(config);
    const replies = createDecisionRepository(adapters.db, config.TABLE_NAME);
    const tenantId = freshTenantId('pr');
    const call: Call = { ...openCall(tenantId, { roundId: '2027-9', deadline: '2027-03-01T11:00:00.000Z' }), status: 'closed', preliminaryReplyWithinDays: 30, decisionsExpectedBy: '2027-05-15' };
    await adapters.calls.create(call);
    const owed = [
      { ...recommendedApplication(call, { status: 'submitted', recommend: undefined }), email: freshRecipient('forelopig') },
      { ...recommendedApplication(call, { status: 'returned', recommend: undefined, language: 'en' }), email: freshRecipient('forelopig') },
    ];
    const decided = { ...recommendedApplication(call, { status: 'rejected' }), email: freshRecipient('forelopig') };
    for (const application of [...owed, decided]) await adapters.applications.create(application, { eventId: ulid(), at: application.createdAt, actor: 'test', action: 'start' }, [], []);
    const deps = { replies, clock: () => new Date('2027-04-02T08:00:00.000Z'), newId: ulid, compose: preliminaryReplyEmail };

    // Act
    const runs = await Promise.all([sendPreliminaryReplies(deps), sendPreliminaryReplies(deps), sendPreliminaryReplies(deps)]);
    const later = await sendPreliminaryReplies(deps);
    const early = await sendPreliminaryReplies({ ...deps, clock: () => new Date('2027-03-20T08:00:00.000Z') });
    // The replies were written at the job's (future) time; the sender sends what is due by then.
    await createSendOutboxHandler({ outbox: adapters.outbox, mailer: adapters.mailer, clock: () => new Date('2027-04-02T09:00:00.000Z'), logger: createLogger('error') })({}, { awsRequestId: 'r', functionName: 'send-outbox' } as never);

    // Assess
    expect(runs.reduce((sum, run) => sum + run.sent, 0)).toBe(2);
    expect(later).toMatchObject({ rounds: 1, sent: 0 });
    expect(early).toMatchObject({ rounds: 0, sent: 0 });
    for (const application of owed) {
      const mails = await emailsTo(application.email);
      expect(mails).toHaveLength(1);
      expect((await adapters.applications.get(tenantId, application.applicationId))?.preliminaryReplyAt).toBe('2027-04-02T08:00:00.000Z');
    }
    expect((await emailsTo(owed[1]!.email))[0]?.body.text).toContain('We expect to decide by 15 May 2027.');
    expect(await emailsTo(decided.email)).toHaveLength(0);
    adapters.db.destroy();
  });
});
