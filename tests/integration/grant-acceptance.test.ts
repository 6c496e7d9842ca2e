/**
 * Accepting and declining a grant on the status page and through the applicant API, against
 * DynamoDB Local: each answer is stored once with its events, email and counters; a decline gives
 * the money back to the municipality in the same transaction; answers racing each other, or the
 * lapse job, leave exactly one outcome; the lapse job finds overdue grants by its index and is
 * idempotent.
 */
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeLinkEmail, signingKeys } from '../../functions/common/signed-tokens';
import type { Adapters } from '../../functions/composition';
import type { Application } from '../../shared/applications/application';
import { lapseUnacceptedGrants } from '../../shared/decisions/use-cases/lapse-unaccepted-grants';
import { signRecommendation } from '../../shared/decisions/signing';
import { kroner } from '../../shared/kernel/money';
import type { Tenant, TenantId } from '../../shared/kernel/tenants';
import { formatDate } from '../../shared/kernel/deadlines';
import { acceptGrant } from '../../shared/decisions/use-cases/accept-grant';
import { demoUsersOf } from '../../infra/local/identity-provider';
import { signIn, startSignInServer } from '../support/sign-in';
import type { Call } from '../../shared/rounds/call';
import { adminCostCap, available } from '../../shared/rules/budget';
import { codeDefaultVersion } from '../../shared/rules/rule-set-version';
import { ruleSetFor } from '../../shared/rules/rule-set-for';
import { decisionLetterEmail } from '../../web/emails/decision-letter';
import { grantAnswerEmail } from '../../web/emails/grant-answer';
import { ApplicantClient, testApplicantApp } from '../support/applicant-client';
import { openCall } from '../support/calls';
import { recommendation, recommendedApplication } from '../support/decisions';
import { freshTenantId, ownTableConfig } from '../support/test-environment';

const SIGNED_AT = new Date('2027-04-10T09:00:00Z');
/** Three weeks after signing, end of that Oslo day (CEST). */
const DEADLINE = '2027-05-01T21:59:59.000Z';
const BEFORE_DEADLINE = new Date('2027-04-20T10:00:00Z');
const AFTER_DEADLINE = new Date('2027-05-02T01:00:00Z');
const ORIGIN = 'http://localhost:3000';

describe('accepting and declining a grant', () => {
  let now = BEFORE_DEADLINE;
  let app: ReturnType<typeof testApplicantApp>['app'];
  let adapters: Adapters;
  let yearNo = 0;

  beforeAll(async () => {
    // A table of its own: the lapse job lists overdue grants table-wide.
    const config = await ownTableConfig();
    ({ app, adapters } = testApplicantApp(config, () => now));
  });

  /** A round in a tenant-year of its own, with a frame, so tests never share a budget. */
  async function round(frame = 500_000): Promise<Call> {
    yearNo += 1;
    const tenantId: TenantId = freshTenantId('ga');
    const call = openCall(tenantId, { roundId: `2027-${yearNo}` });
    await adapters.calls.create(call);
    await adapters.budget.setFrame({ tenantId, name: 'Testby', grantYear: call.grantYear, frame: kroner(frame), adminCap: adminCostCap(ruleSetFor(2027), kroner(frame)), allocationVersion: 1 }, undefined);
    return call;
  }

  /** An application of `call` decided as `outcome`, stored as signing stores it. */
  async function decided(call: Call, outcome: 'grant' | 'grant_partly' | 'reject' = 'grant', language: Application['language'] = 'nb'): Promise<Application> {
    const amount = outcome === 'grant' ? 100_000 : outcome === 'grant_partly' ? 60_000 : 0;
    const application = { ...recommendedApplication(call, { applied: 100_000, language, recommend: recommendation(outcome, amount) }), email: `soker-${ulid().toLowerCase()}@example.org` };
    await adapters.applications.create(application, { eventId: ulid(), at: application.createdAt, actor: 'test', action: 'start' }, [], []);
    const commitment = signRecommendation({
      application, call, rules: codeDefaultVersion(call.grantYear)!, signer: { userId: 'approver' }, now: SIGNED_AT, newId: ulid, composeLetter: decisionLetterEmail,
    });
    await adapters.decisions.commit(commitment);
    return commitment.next;
  }

  /** A browser with the application's session, opened by its emailed link. */
  async function session(application: Application, call: Call): Promise<ApplicantClient> {
    const email = composeLinkEmail({ signingSecret: signingKeys('test-signing-secret-of-at-least-32-characters'), baseUrl: ORIGIN, clock: () => now, newId: ulid }, application, call);
    await adapters.magicLinks.issue(email);
    const path = /\/link\/[\w.-]+/.exec(email.message.text)![0];
    const client = new ApplicantClient(app);
    await client.get(path);
    expect((await client.post(path, {}, { guards: false })).status).toBe(303);
    return client;
  }

  const json = (client: ApplicantClient, path: string, body: unknown, lang = 'nb') =>
    client.request(path, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', origin: ORIGIN, 'accept-language': lang } });
  const reread = (application: Application) => adapters.applications.get(application.tenantId, application.applicationId);
  const position = (call: Call) => adapters.budget.get(call.tenantId, call.grantYear);
  const aggregate = (call: Call) => adapters.aggregates.get(call.tenantId, call.grantYear);
  const eventsOf = (application: Application) => adapters.caseEvents.listForApplication(application.tenantId, application.applicationId);
  const mailTo = async (application: Application) =>
    (await adapters.outbox.listPending('2030-01-01T00:00:00.000Z', 1000)).filter((message) => message.to === application.email);

  it('shows the conditions and the deadline, accepts once, and records the event, the receipt and the counter', async () => {
    // Prepare
    now = BEFORE_DEADLINE;
    const call = await round();
    const application = await decided(call);
    const client = await session(application, call);
    const statusPath = `/applications/${application.applicationId}`;

    // Act
    const page = await (await client.get(statusPath)).text();
    const accepted = await client.post(`${statusPath}/accept`, {});
    const again = await client.post(`${statusPath}/accept`, {});

    // Assess
    expect(page).toContain('Ta imot tilskuddet');
    expect(page).toContain('1. mai 2027');
    expect(page).toContain('Kommunens logo skal brukes på plakater.');
    expect(page).toContain(`formaction="${statusPath}/decline"`);
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get('location')).toBe(`${statusPath}?notice=accepted`);
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('Tilskuddet er allerede tatt imot.');
    const stored = await reread(application);
    expect(stored).toMatchObject({ status: 'accepted', acceptance: { outcome: 'accepted', by: `applicant:${application.applicationId}` } });
    expect(stored?.decision?.acceptanceDeadline).toBe(DEADLINE);
    expect((await eventsOf(application)).filter((event) => event.action === 'accept')).toHaveLength(1);
    expect((await mailTo(application)).filter((message) => message.kind === 'grant-answer-receipt').map((message) => message.subject)).toEqual([`Dere har tatt imot tilskuddet (${application.reference})`]);
    expect(await aggregate(call)).toMatchObject({ grantsAccepted: 1, grantsDeclined: 0, amountReturnedUnaccepted: 0 });
    expect((await position(call))?.returned).toBe(0);
    const shown = await (await client.get(statusPath)).text();
    expect(shown).toContain('Tatt imot');
    expect(shown).toContain('Tilskuddet er tatt imot');
    expect(shown).not.toContain('formaction=');
  });

  it('declines only when confirmed, and gives the money back to the municipality in the same change', async () => {
    // Prepare
    now = BEFORE_DEADLINE;
    const call = await round();
    const application = await decided(call, 'grant_partly', 'nn');
    const client = await session(application, call);
    const statusPath = `/applications/${application.applicationId}`;
    await client.get(statusPath);
    const before = (await position(call))!;

    // Act
    const unconfirmed = await client.post(`${statusPath}/decline`, {});
    const unconfirmedPage = await unconfirmed.text();
    const declined = await client.post(`${statusPath}/decline`, { confirmDecline: 'yes' });

    // Assess
    expect(unconfirmed.status).toBe(422);
    expect(unconfirmedPage).toContain('Kryss av for å bekrefte at dere takker nei til tilskuddet.');
    expect(declined.status).toBe(303);
    const after = (await position(call))!;
    expect(before.awarded).toBe(60_000);
    expect(after.awarded).toBe(60_000);
    expect(after.returned).toBe(60_000);
    expect(available(after)).toBe(available(before) + 60_000);
    expect((await reread(application))?.status).toBe('declined');
    expect(await aggregate(call)).toMatchObject({ grantsDeclined: 1, amountReturnedUnaccepted: 60_000 });
    expect((await mailTo(application)).map((message) => message.subject)).toContain(`De har sagt nei til tilskotet (${application.reference})`);
    expect((await eventsOf(application)).map((event) => event.action)).toContain('decline');
    // Other municipalities' double-funding view sees the grant declined, with the amount it was.
    const entries = await adapters.funding.listFor(application.orgnr, call.grantYear);
    expect(entries.find((entry) => entry.applicationId === application.applicationId)).toMatchObject({ status: 'declined', amountAwarded: 60_000 });
  });

  it('refuses a rejected application and an answer after the deadline, in the applicant\'s language', async () => {
    // Prepare
    now = BEFORE_DEADLINE;
    const call = await round();
    const rejected = await decided(call, 'reject', 'en');
    const late = await decided(call, 'grant', 'en');
    const rejectedClient = await session(rejected, call);

    // Act
    const notGranted = await json(rejectedClient, `/api/applications/${rejected.applicationId}/accept`, {});
    // A session lasts hours, not weeks: the late applicant opens a fresh link after the deadline.
    now = AFTER_DEADLINE;
    const lateClient = await session(late, call);
    const afterDeadline = await json(lateClient, `/api/applications/${late.applicationId}/accept`, {}, 'en');
    const page = await (await lateClient.get(`/applications/${late.applicationId}?lang=en`)).text();

    // Assess
    expect(notGranted.status).toBe(409);
    expect(notGranted.headers.get('content-type')).toContain('application/problem+json');
    expect(await notGranted.json()).toMatchObject({ code: 'acceptance.not_granted' });
    expect(afterDeadline.status).toBe(409);
    expect(await afterDeadline.json()).toMatchObject({ code: 'acceptance.deadline_passed', title: 'The deadline to accept the grant was 1 May 2027. The grant has lapsed.' });
    expect(page).toContain('The deadline to accept the grant was 1 May 2027.');
    expect(page).not.toContain('formaction=');
  });

  it('answers through the API in the same session, and refuses no session, another origin and an unconfirmed decline', async () => {
    // Prepare
    now = BEFORE_DEADLINE;
    const call = await round();
    const application = await decided(call);
    const client = await session(application, call);
    const path = `/api/applications/${application.applicationId}`;

    // Act
    const anonymous = await new ApplicantClient(app).request(`${path}/accept`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    const foreign = await client.request(`${path}/accept`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json', origin: 'https://evil.example' } });
    const unconfirmed = await json(client, `${path}/decline`, {});
    const declined = await json(client, `${path}/decline`, { confirm: true });

    // Assess
    expect(anonymous.status).toBe(401);
    expect(foreign.status).toBe(403);
    expect(unconfirmed.status).toBe(422);
    expect(await unconfirmed.json()).toMatchObject({ code: 'decline.unconfirmed', errors: [{ field: 'confirm' }] });
    expect(declined.status).toBe(200);
    expect(await declined.json()).toMatchObject({ status: 'declined', acceptance: { kind: 'declined', deadline: DEADLINE } });
  });

  it('lets exactly one of two accepts at once win, and exactly one of an accept and a decline, with the position right afterwards', async () => {
    // Prepare
    now = BEFORE_DEADLINE;
    const call = await round();
    const twice = await decided(call);
    const both = await decided(call);
    const [first, second] = [await session(twice, call), await session(twice, call)];
    const [accepting, declining] = [await session(both, call), await session(both, call)];

    // Act
    const accepts = await Promise.all([json(first, `/api/applications/${twice.applicationId}/accept`, {}), json(second, `/api/applications/${twice.applicationId}/accept`, {})]);
    const mixed = await Promise.all([
      json(accepting, `/api/applications/${both.applicationId}/accept`, {}),
      json(declining, `/api/applications/${both.applicationId}/decline`, { confirm: true }),
    ]);

    // Assess
    expect(accepts.map((response) => response.status).sort()).toEqual([200, 409]);
    expect(mixed.map((response) => response.status).sort()).toEqual([200, 409]);
    const loser = mixed.find((response) => response.status === 409)!;
    expect(await loser.json()).toMatchObject({ code: 'acceptance.already_answered' });
    const outcome = (await reread(both))!.status;
    const declinedWon = outcome === 'declined';
    expect(['accepted', 'declined']).toContain(outcome);
    expect((await position(call))?.returned).toBe(declinedWon ? 100_000 : 0);
    expect((await position(call))?.awarded).toBe(200_000);
    expect(await aggregate(call)).toMatchObject({ grantsAccepted: declinedWon ? 1 : 2, grantsDeclined: declinedWon ? 1 : 0, amountReturnedUnaccepted: declinedWon ? 100_000 : 0 });
  });

  it('lapses overdue grants once, returning their money, and a last-second accept racing the job leaves exactly one outcome', async () => {
    // Prepare
    now = BEFORE_DEADLINE;
    const call = await round();
    const overdue = await decided(call);
    const raced = await decided(call);
    const accepted = await decided(call);
    const racing = await session(raced, call);
    await json(await session(accepted, call), `/api/applications/${accepted.applicationId}/accept`, {});
    const job = () => lapseUnacceptedGrants({ grants: adapters.decisions, clock: () => AFTER_DEADLINE, newId: ulid, composeGrantAnswer: grantAnswerEmail });

    // Act: the applicant's last-second accept (still before the deadline by its own clock) races the job
    const [answer, first] = await Promise.all([json(racing, `/api/applications/${raced.applicationId}/accept`, {}), job()]);
    const second = await job();

    // Assess
    expect((await reread(overdue))).toMatchObject({ status: 'lapsed', acceptance: { outcome: 'lapsed', by: 'system:lapse-unaccepted-grants' } });
    const racedStatus = (await reread(raced))!.status;
    expect(answer.status === 200 ? 'accepted' : 'lapsed').toBe(racedStatus);
    expect((await reread(accepted))?.status).toBe('accepted');
    const lapsedCount = racedStatus === 'lapsed' ? 2 : 1;
    // Other tests' overdue grants share the table, so the first run may lapse more than these.
    expect(first.lapsed).toBeGreaterThanOrEqual(lapsedCount);
    expect(second).toMatchObject({ lapsed: 0 });
    expect((await position(call))?.returned).toBe(lapsedCount * 100_000);
    expect(await aggregate(call)).toMatchObject({ grantsLapsed: lapsedCount, amountReturnedUnaccepted: lapsedCount * 100_000 });
    expect((await mailTo(overdue)).filter((message) => message.kind === 'grant-lapsed').map((message) => message.subject)).toEqual([`Tilskuddet er falt bort (${overdue.reference})`]);
    expect((await eventsOf(overdue)).filter((event) => event.action === 'lapse')).toHaveLength(1);
  });
});

describe("the officer's view of a grant's answer", () => {
  const alfa = freshTenantId('gao');
  const beta = freshTenantId('gab');
  const tenants: Tenant[] = [
    { tenantId: alfa, kind: 'municipality', name: `Alfaby ${alfa}`, kommunenummer: '3201', managingYears: [2027] },
    { tenantId: beta, kind: 'municipality', name: `Betaby ${beta}`, kommunenummer: '4601', managingYears: [2027] },
  ];
  let server: Awaited<ReturnType<typeof startSignInServer>>;
  let officer: { cookie: string; idToken: string };
  let stranger: { cookie: string; idToken: string };

  beforeAll(async () => {
    const own = await ownTableConfig();
    server = await startSignInServer({ TABLE_NAME: own.TABLE_NAME });
    for (const tenant of tenants) await server.adapters.tenants.put(tenant);
    const users = demoUsersOf(tenants);
    officer = await signIn(server.baseUrl, 'officer', users.find((user) => user.sub === `officer-${alfa}`)!.sub);
    stranger = await signIn(server.baseUrl, 'officer', users.find((user) => user.sub === `officer-${beta}`)!.sub);
  });
  afterAll(async () => server?.close());

  it('shows awaiting until the deadline, then when it was accepted, on the case page and in the API; another municipality gets 404', async () => {
    // Prepare: a grant signed now, so its deadline lies three weeks ahead of the server's real clock
    const call = openCall(alfa, { roundId: '2027-9' });
    await server.adapters.calls.create(call);
    await server.adapters.budget.setFrame({ tenantId: alfa, name: 'Alfaby', grantYear: 2027, frame: kroner(500_000), adminCap: kroner(25_000), allocationVersion: 1 }, undefined);
    const application = recommendedApplication(call, { applied: 100_000, language: 'en' });
    await server.adapters.applications.create(application, { eventId: ulid(), at: application.createdAt, actor: 'test', action: 'start' }, [], []);
    const signed = signRecommendation({ application, call, rules: codeDefaultVersion(2027)!, signer: { userId: 'approver' }, now: new Date(), newId: ulid, composeLetter: decisionLetterEmail });
    await server.adapters.decisions.commit(signed);
    const page = (cookie: string) => fetch(`${server.baseUrl}/officer/applications/${application.applicationId}?lang=en`, { headers: { cookie } });
    const api = (token: string) => fetch(`${server.baseUrl}/officer/api/applications/${application.applicationId}`, { headers: { authorization: `Bearer ${token}` } });

    // Act
    const awaitingPage = await (await page(officer.cookie)).text();
    const awaitingApi = (await (await api(officer.idToken)).json()) as { acceptance?: unknown };
    await acceptGrant({ grants: server.adapters.decisions, clock: () => new Date(), newId: ulid, composeGrantAnswer: grantAnswerEmail }, { application: signed.next });
    const acceptedPage = await (await page(officer.cookie)).text();
    const acceptedApi = (await (await api(officer.idToken)).json()) as { acceptance?: { kind: string; at?: string } };
    const foreignPage = await page(stranger.cookie);
    const foreignApi = await api(stranger.idToken);

    // Assess
    expect(awaitingPage).toContain(`Answer to the grant: Awaiting an answer by ${formatDate(signed.next.decision!.acceptanceDeadline!, 'en')}`);
    expect(awaitingApi.acceptance).toEqual({ kind: 'awaiting', deadline: signed.next.decision!.acceptanceDeadline, overdue: false });
    expect(acceptedPage).toContain('Answer to the grant: Accepted on');
    expect(acceptedPage).toContain('The grant was accepted');
    expect(acceptedApi.acceptance).toMatchObject({ kind: 'accepted', at: expect.any(String) });
    expect(foreignPage.status).toBe(404);
    expect(foreignApi.status).toBe(404);
  });
});
