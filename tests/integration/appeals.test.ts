/**
 * Appeals over HTTP against DynamoDB Local: the organisation lodges an appeal on its status page or
 * through the applicant API (late ones with their reason), once per decision even when two submits
 * race; the municipality sees its register, forwards, records the appeal body's outcome, reverses
 * (the case reopens and the earlier award stays in the budget until the new decision) or dismisses a
 * late appeal; two officers at once leave one step; recused officers, officers without the
 * permission and other municipalities are refused.
 */
import { ulid } from 'ulid';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../functions/common/logger';
import { composeLinkEmail, signingKeys } from '../../functions/common/signed-tokens';
import { applicantApp, createCompositionRoot, officerApp, type CompositionRoot } from '../../functions/composition';
import { InvalidTokenError, type Authentication, type Principal } from '../../functions/http/common/authentication';
import type { Application } from '../../shared/applications/application';
import { signRecommendation } from '../../shared/decisions/signing';
import { kroner } from '../../shared/kernel/money';
import type { TenantId } from '../../shared/kernel/tenants';
import type { Call } from '../../shared/rounds/call';
import { adminCostCap } from '../../shared/rules/budget';
import { codeDefaultVersion } from '../../shared/rules/rule-set-version';
import { ruleSetFor } from '../../shared/rules/rule-set-for';
import { decisionLetterEmail } from '../../web/emails/decision-letter';
import { ApplicantClient } from '../support/applicant-client';
import { openCall } from '../support/calls';
import { recommendation, recommendedApplication } from '../support/decisions';
import { freshTenantId, ownTableConfig } from '../support/test-environment';

const SIGNED_AT = new Date('2027-04-10T09:00:00Z');
// Three weeks from Saturday 10 April is Saturday 1 May, a holiday: the deadline moves to Monday 3 May.
const IN_TIME = new Date('2027-04-20T10:00:00Z');
const LATE = new Date('2027-05-04T08:00:00Z');
const ORIGIN = 'http://localhost:3000';

function tokens(principals: Record<string, Principal>): Authentication {
  return {
    settings: { issuer: 'https://issuer.example', clientId: 'fordel-test' },
    metadata: () => Promise.reject(new Error('not used')),
    knownMetadata: () => undefined,
    revoke: async () => undefined,
    verify: async (presented) => {
      const principal = principals[presented];
      if (!principal) throw new InvalidTokenError('unknown');
      return principal;
    },
  };
}

describe('appeals over HTTP', () => {
  let now = IN_TIME;
  let root: CompositionRoot;
  let applicant: ReturnType<typeof applicantApp>;
  let officer: ReturnType<typeof officerApp>;
  const tenantId: TenantId = freshTenantId('apl');
  const otherTenant: TenantId = freshTenantId('aplo');
  let roundNo = 0;

  beforeAll(async () => {
    const config = await ownTableConfig();
    root = createCompositionRoot(config, { clock: () => now, logger: createLogger('error') });
    applicant = applicantApp(root, config.MAGIC_LINK_SECRET!);
    officer = officerApp(root, tokens({
      'kari.officer.token': { userId: 'officer-kari', tenantId, roles: ['officer'] },
      'per.officer.token': { userId: 'officer-per', tenantId, roles: ['approver'] },
      'recused.officer.token': { userId: 'officer-recused', tenantId, roles: ['officer'] },
      'admin.officer.token': { userId: 'admin-only', tenantId, roles: ['municipal-admin'] },
      'other.officer.token': { userId: 'officer-other', tenantId: otherTenant, roles: ['officer'] },
    }));
  });

  async function round(): Promise<Call> {
    roundNo += 1;
    const call = openCall(tenantId, { roundId: `2027-${roundNo}` });
    await root.adapters.calls.create(call);
    if (roundNo === 1) await root.adapters.budget.setFrame({ tenantId, name: 'Testby', grantYear: 2027, frame: kroner(500_000), adminCap: adminCostCap(ruleSetFor(2027), kroner(500_000)), allocationVersion: 1 }, undefined);
    return call;
  }

  async function decided(call: Call, outcome: 'grant_partly' | 'reject', recusedUserIds: string[] = []): Promise<Application> {
    const application = recommendedApplication(call, { applied: 100_000, recommend: recommendation(outcome, outcome === 'reject' ? 0 : 60_000), recusedUserIds });
    await root.adapters.applications.create(application, { eventId: ulid(), at: application.createdAt, actor: 'test', action: 'start' }, [], []);
    const commitment = signRecommendation({ application, call, rules: codeDefaultVersion(2027)!, signer: { userId: 'approver' }, now: SIGNED_AT, newId: ulid, composeLetter: decisionLetterEmail });
    await root.adapters.decisions.commit(commitment);
    return commitment.next;
  }

  async function session(application: Application, call: Call): Promise<ApplicantClient> {
    const email = composeLinkEmail({ signingSecret: signingKeys('test-signing-secret-of-at-least-32-characters'), baseUrl: ORIGIN, clock: () => now, newId: ulid }, application, call);
    await root.adapters.magicLinks.issue(email);
    const path = /\/link\/[\w.-]+/.exec(email.message.text)![0];
    const client = new ApplicantClient(applicant);
    await client.get(path);
    expect((await client.post(path, {}, { guards: false })).status).toBe(303);
    return client;
  }

  const asOfficer = (token: string, path: string, init: { form?: Record<string, string>; json?: unknown; lang?: string } = {}) => {
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, origin: ORIGIN, 'accept-language': init.lang ?? 'nb' };
    let body: string | undefined;
    if (init.form) {
      body = new URLSearchParams(init.form).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    } else if (init.json !== undefined) {
      body = JSON.stringify(init.json);
      headers['content-type'] = 'application/json';
    }
    return officer.request(`${ORIGIN}${path}`, { method: body ? 'POST' : 'GET', headers, body });
  };
  const apiJson = (client: ApplicantClient, path: string, body: unknown, lang = 'nb') =>
    client.request(path, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', origin: ORIGIN, 'accept-language': lang } });
  const reread = (application: Application) => root.adapters.applications.get(application.tenantId, application.applicationId);
  const mailTo = async (application: Application) => (await root.adapters.outbox.listPending('2030-01-01T00:00:00.000Z', 1000)).filter((message) => message.to === application.email);
  const eventsOf = (application: Application) => root.adapters.caseEvents.listForApplication(application.tenantId, application.applicationId);

  it('lodges an appeal on the status page once, with a receipt, and shows it to the organisation and in the register', async () => {
    now = IN_TIME;
    const call = await round();
    const application = await decided(call, 'reject');
    const client = await session(application, call);
    const statusPath = `/applications/${application.applicationId}`;

    const form = await (await client.get(statusPath)).text();
    const empty = await client.post(`${statusPath}/appeal`, { reasons: '   ' });
    const emptyPage = await empty.text();
    const lodged = await client.post(`${statusPath}/appeal`, { reasons: 'Prosjektet oppfyller delmål A.' });
    const again = await client.post(`${statusPath}/appeal`, { reasons: 'En gang til.' });

    expect(form).toContain('Klage på vedtaket');
    expect(form).toContain('3. mai 2027');
    expect(empty.status).toBe(422);
    expect(emptyPage).toContain('Skriv hva dere klager på, og hvorfor vedtaket bør endres.');
    expect(lodged.status).toBe(303);
    expect(lodged.headers.get('location')).toBe(`${statusPath}?notice=appealed`);
    expect(again.status).toBe(409);
    const againPage = await again.text();
    expect(againPage).toContain('Dere klaget på dette vedtaket 20. april 2027.');
    expect(againPage).toContain('En gang til.');
    expect((await reread(application))?.appeal).toMatchObject({ status: 'lodged', late: false, reasons: 'Prosjektet oppfyller delmål A.', deadline: '2027-05-03T21:59:59.000Z' });
    expect((await mailTo(application)).filter((message) => message.kind === 'appeal-receipt').map((message) => message.subject)).toEqual([`Vi har mottatt klagen (${application.reference})`]);
    expect((await eventsOf(application)).filter((event) => event.machine === 'appeal').map((event) => event.action)).toEqual(['lodge']);
    const shown = await (await client.get(`${statusPath}?notice=appealed`)).text();
    expect(shown).toContain('Vi har mottatt klagen.');
    expect(shown).toContain('Mottatt – kommunen behandler klagen');
    const register = await (await asOfficer('kari.officer.token', '/officer/appeals')).text();
    expect(register).toContain(application.reference);
    const listed = (await (await asOfficer('kari.officer.token', '/officer/api/appeals')).json()) as { appeals: { applicationId: string; late: boolean; status: string }[] };
    expect(listed.appeals.find((entry) => entry.applicationId === application.applicationId)).toMatchObject({ late: false, status: 'lodged' });
  });

  it('lets only one of two submits at once through, and tells the other that the appeal is in', async () => {
    now = IN_TIME;
    const call = await round();
    const application = await decided(call, 'reject');
    const client = await session(application, call);
    const path = `/api/applications/${application.applicationId}/appeal`;

    const answers = await Promise.all([apiJson(client, path, { reasons: 'Først' }), apiJson(client, path, { reasons: 'Samtidig' })]);

    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
    const refused = answers.find((answer) => answer.status === 409)!;
    expect(await refused.json()).toMatchObject({ code: 'appeal.already_lodged' });
    expect((await eventsOf(application)).filter((event) => event.machine === 'appeal')).toHaveLength(1);
  });

  it('takes a late appeal only with the reason it is late, and records it as late', async () => {
    now = LATE;
    const call = await round();
    const application = await decided(call, 'reject');
    const client = await session(application, call);
    const statusPath = `/applications/${application.applicationId}`;

    const page = await (await client.get(`${statusPath}?lang=en`)).text();
    const missing = await apiJson(client, `/api/applications/${application.applicationId}/appeal`, { reasons: 'Wrong decision.' }, 'en');
    const lodged = await client.post(`${statusPath}/appeal`, { reasons: 'Feil vedtak.', latenessReason: 'Brevet kom i feil postkasse.' });

    expect(page).toContain('The appeal deadline has passed');
    expect(page).toContain('Public Administration Act, section 31');
    expect(missing.status).toBe(422);
    expect(await missing.json()).toMatchObject({ errors: [{ field: 'latenessReason', message: 'The appeal deadline has passed. Write why you did not appeal in time.' }] });
    expect(lodged.status).toBe(303);
    expect((await reread(application))?.appeal).toMatchObject({ late: true, latenessReason: 'Brevet kom i feil postkasse.' });
    expect((await eventsOf(application)).filter((event) => event.machine === 'appeal').map((event) => event.action)).toEqual(['lodge_late']);
  });

  it('forwards on the page and records the appeal body’s outcome through the API, telling the organisation each time', async () => {
    now = IN_TIME;
    const call = await round();
    const application = await decided(call, 'reject');
    const client = await session(application, call);
    await apiJson(client, `/api/applications/${application.applicationId}/appeal`, { reasons: 'Feil.' });
    const pagePath = `/officer/applications/${application.applicationId}/appeal`;
    const version = String((await reread(application))!.version);

    const page = await (await asOfficer('kari.officer.token', pagePath)).text();
    const noReasons = await asOfficer('kari.officer.token', pagePath, { form: { version, action: 'uphold_and_forward', reasons: '', forwardedOn: '2027-04-19' } });
    const noReasonsPage = await noReasons.text();
    const forwarded = await asOfficer('kari.officer.token', pagePath, { form: { version, action: 'uphold_and_forward', reasons: 'Vedtaket står.', forwardedOn: '2027-04-20' } });
    const afterForward = (await reread(application))!;
    const outcome = await asOfficer('per.officer.token', `/officer/api/applications/${application.applicationId}/appeal/steps`, { json: { action: 'decide', reasons: 'Statsforvalteren stadfestet vedtaket.', expectedVersion: afterForward.version } });

    expect(page).toContain('Oppretthold og send til klageinstansen');
    expect(page).not.toContain('Avvis klagen');
    expect(noReasons.status).toBe(422);
    expect(noReasonsPage).toContain('Skriv en begrunnelse.');
    expect(noReasonsPage).toContain('2027-04-19');
    expect(forwarded.status).toBe(303);
    expect(afterForward.appeal).toMatchObject({ status: 'upheld_and_forwarded', steps: [{ action: 'uphold_and_forward', forwardedOn: '2027-04-20', by: 'officer:officer-kari' }] });
    expect(outcome.status).toBe(200);
    expect(await outcome.json()).toMatchObject({ appeal: { status: 'decided' } });
    expect((await mailTo(application)).map((message) => message.kind)).toEqual(expect.arrayContaining(['appeal-receipt', 'appeal-update']));
    expect((await mailTo(application)).filter((message) => message.kind === 'appeal-update').map((message) => message.subject)).toEqual([
      `Klagen er sendt til klageinstansen (${application.reference})`, `Klageinstansen har avgjort klagen (${application.reference})`,
    ]);
    expect((await eventsOf(application)).filter((event) => event.machine === 'appeal').map((event) => event.action)).toEqual(['lodge', 'uphold_and_forward', 'decide']);
  });

  it('reverses a partial grant: the case reopens, the award stays in the budget, and the new decision commits only the difference', async () => {
    now = IN_TIME;
    const call = await round();
    const application = await decided(call, 'grant_partly');
    const client = await session(application, call);
    await apiJson(client, `/api/applications/${application.applicationId}/appeal`, { reasons: 'Vi trenger hele beløpet.' });
    const before = (await root.adapters.budget.get(tenantId, 2027))!;
    const appealed = (await reread(application))!;

    const reversed = await asOfficer('per.officer.token', `/officer/api/applications/${application.applicationId}/appeal/steps`, { json: { action: 'reverse', reasons: 'Budsjettet var feil lest.', expectedVersion: appealed.version } });
    const reopened = (await reread(application))!;
    const afterReversal = (await root.adapters.budget.get(tenantId, 2027))!;
    const reversedPage = await (await client.get(`/applications/${application.applicationId}`)).text();
    const casePage = await (await asOfficer('kari.officer.token', `/officer/applications/${application.applicationId}`)).text();
    const second = signRecommendation({
      application: { ...reopened, recommendation: recommendation('grant', 100_000) }, call, rules: codeDefaultVersion(2027)!, signer: { userId: 'approver' }, now, newId: ulid, composeLetter: decisionLetterEmail,
    });
    await root.adapters.decisions.commit(second);
    const afterNewDecision = (await root.adapters.budget.get(tenantId, 2027))!;

    expect(reversed.status).toBe(200);
    expect(reopened).toMatchObject({ status: 'under_assessment', heldAward: 60_000, appeal: { status: 'reversed' } });
    expect(reopened.decision).toBeUndefined();
    expect(afterReversal.awarded).toBe(before.awarded);
    expect(reversedPage).toContain('Tatt til følge – vedtaket er omgjort og søknaden behandles på nytt');
    expect(casePage).toContain(`/officer/applications/${application.applicationId}/appeal`);
    expect(afterNewDecision.awarded).toBe(before.awarded + 40_000);
    expect((await reread(application))).toMatchObject({ status: 'granted', decision: { amount: 100_000 } });
    expect((await reread(application))?.heldAward).toBeUndefined();
  });

  it('lets one of two officers acting at once win; the other gets 409', async () => {
    now = IN_TIME;
    const call = await round();
    const application = await decided(call, 'reject');
    const client = await session(application, call);
    await apiJson(client, `/api/applications/${application.applicationId}/appeal`, { reasons: 'Feil.' });
    const { version } = (await reread(application))!;
    const path = `/officer/api/applications/${application.applicationId}/appeal/steps`;

    const answers = await Promise.all([
      asOfficer('kari.officer.token', path, { json: { action: 'reverse', reasons: 'Omgjøres.', expectedVersion: version } }),
      asOfficer('per.officer.token', path, { json: { action: 'uphold_and_forward', reasons: 'Står.', expectedVersion: version } }),
    ]);

    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    expect((await eventsOf(application)).filter((event) => event.machine === 'appeal')).toHaveLength(2);
  });

  it('dismisses only a late appeal, and refuses without the permission, a recused officer and another municipality', async () => {
    now = LATE;
    const call = await round();
    const application = await decided(call, 'reject', ['officer-recused']);
    const client = await session(application, call);
    await apiJson(client, `/api/applications/${application.applicationId}/appeal`, { reasons: 'Feil.', latenessReason: 'Syk.' });
    const { version } = (await reread(application))!;
    const steps = `/officer/api/applications/${application.applicationId}/appeal/steps`;
    const dismiss = { action: 'dismiss', reasons: 'Klagen kom for sent uten god grunn.', expectedVersion: version };

    const noPermission = await asOfficer('admin.officer.token', steps, { json: dismiss });
    const recused = await asOfficer('recused.officer.token', steps, { json: dismiss });
    const otherPage = await asOfficer('other.officer.token', `/officer/applications/${application.applicationId}/appeal`);
    const otherApi = await asOfficer('other.officer.token', `/officer/api/applications/${application.applicationId}/appeal`);
    const otherStep = await asOfficer('other.officer.token', steps, { json: dismiss });
    const otherRegister = (await (await asOfficer('other.officer.token', '/officer/api/appeals')).json()) as { appeals: unknown[] };
    const dismissed = await asOfficer('kari.officer.token', steps, { json: dismiss });
    const inTimeCall = await round();
    now = IN_TIME;
    const inTime = await decided(inTimeCall, 'reject');
    await apiJson(await session(inTime, inTimeCall), `/api/applications/${inTime.applicationId}/appeal`, { reasons: 'Feil.' });
    const notLate = await asOfficer('kari.officer.token', `/officer/api/applications/${inTime.applicationId}/appeal/steps`, { json: { action: 'dismiss', reasons: 'For sent.', expectedVersion: (await reread(inTime))!.version }, lang: 'en' });

    expect(noPermission.status).toBe(403);
    expect(recused.status).toBe(403);
    expect(otherPage.status).toBe(404);
    expect(otherApi.status).toBe(404);
    expect(otherStep.status).toBe(404);
    expect(otherRegister.appeals).toEqual([]);
    const officerDocument = (await (await officer.request(`${ORIGIN}/officer/api/openapi.json`)).json()) as { paths: Record<string, unknown> };
    const applicantDocument = (await (await applicant.request(`${ORIGIN}/api/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(officerDocument.paths)).toEqual(expect.arrayContaining(['/officer/api/appeals', '/officer/api/applications/{applicationId}/appeal', '/officer/api/applications/{applicationId}/appeal/steps']));
    expect(Object.keys(applicantDocument.paths)).toContain('/api/applications/{applicationId}/appeal');
    expect(dismissed.status).toBe(200);
    expect((await reread(application))?.appeal?.status).toBe('dismissed');
    expect(notLate.status).toBe(409);
    expect(await notLate.json()).toMatchObject({ title: expect.stringContaining('cannot be dismissed as late') });
  });
});
