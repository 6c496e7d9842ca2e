/**
 * The grant's final report over HTTP against DynamoDB Local: the organisation (the status page's
 * magic-link session) sees the deadline, saves a draft, resumes it, is told exactly what is wrong
 * with what it typed kept, attaches the auditor's confirmation at the threshold, and submits once
 * (two submits at once: one wins); the officer approves or returns it with a message (two officers
 * at once: one wins, the other 409), each change audited with its email, and an approved report
 * adds to the round's results. Another municipality's officer gets 404.
 */
import { ulid } from 'ulid';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../functions/common/logger';
import { composeLinkEmail, signingKeys } from '../../functions/common/signed-tokens';
import { applicantApp, createCompositionRoot, officerApp, type CompositionRoot } from '../../functions/composition';
import type { Config } from '../../functions/composition/config';
import { InvalidTokenError, type Authentication, type Principal } from '../../functions/http/common/authentication';
import type { Application } from '../../shared/applications/application';
import { signRecommendation } from '../../shared/decisions/signing';
import { kroner } from '../../shared/kernel/money';
import type { TenantId } from '../../shared/kernel/tenants';
import type { Call } from '../../shared/rounds/call';
import { adminCostCap } from '../../shared/rules/budget';
import { ruleSetFor } from '../../shared/rules/rule-set-for';
import { codeDefaultVersion } from '../../shared/rules/rule-set-version';
import { decisionLetterEmail } from '../../web/emails/decision-letter';
import { ApplicantClient } from '../support/applicant-client';
import { pdfBytes } from '../support/application-form';
import { openCall } from '../support/calls';
import { recommendation, recommendedApplication } from '../support/decisions';
import { freshTenantId, ownTableConfig } from '../support/test-environment';

const ORIGIN = 'http://localhost:3000';

function tokensAuthentication(principals: Record<string, Principal>): Authentication {
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

describe('the final report and its review, over HTTP', () => {
  let config: Config;
  let root: CompositionRoot;
  let applicant: ReturnType<typeof applicantApp>;
  let officer: ReturnType<typeof officerApp>;
  const tenantId: TenantId = freshTenantId('rep');
  const otherTenant: TenantId = freshTenantId('repo');
  let now = new Date('2027-04-20T10:00:00Z');
  let call: Call;

  beforeAll(async () => {
    config = await ownTableConfig();
    root = createCompositionRoot(config, { clock: () => now, logger: createLogger('error') });
    applicant = applicantApp(root, config.MAGIC_LINK_SECRET!);
    officer = officerApp(root, tokensAuthentication({
      'officer.kari.token': { userId: 'officer-kari', tenantId, roles: ['officer'] },
      'officer.per.token': { userId: 'officer-per', tenantId, roles: ['officer'] },
      'approver.aud.token': { userId: 'approver-aud', tenantId, roles: ['approver'] },
      'other.officer.token': { userId: 'officer-other', tenantId: otherTenant, roles: ['officer'] },
    }));
    call = openCall(tenantId, { roundId: '2027-1' });
    await root.adapters.calls.create(call);
    await root.adapters.budget.setFrame({ tenantId, name: 'Testby', grantYear: 2027, frame: kroner(2_000_000), adminCap: adminCostCap(ruleSetFor(2027), kroner(2_000_000)), allocationVersion: 1 }, undefined);
  });

  /** A grant of `amount`, signed and accepted, with the organisation's browser in its session. */
  async function acceptedGrant(amount: number, language: Application['language'] = 'nb') {
    now = new Date('2027-04-20T10:00:00Z');
    const application = { ...recommendedApplication(call, { applied: amount, language, recommend: recommendation('grant', amount) }), email: `rapport-${ulid().toLowerCase()}@example.org` };
    await root.adapters.applications.create(application, { eventId: ulid(), at: application.createdAt, actor: 'test', action: 'start' }, [], []);
    const signed = signRecommendation({ application, call, rules: codeDefaultVersion(2027)!, signer: { userId: 'approver' }, now: new Date('2027-04-10T09:00:00Z'), newId: ulid, composeLetter: decisionLetterEmail });
    await root.adapters.decisions.commit(signed);
    const email = composeLinkEmail({ signingSecret: signingKeys(config.MAGIC_LINK_SECRET!), baseUrl: ORIGIN, clock: () => now, newId: ulid }, application, call);
    await root.adapters.magicLinks.issue(email);
    const link = /\/link\/[\w.-]+/.exec(email.message.text)![0];
    const client = new ApplicantClient(applicant);
    await client.get(link);
    expect((await client.post(link, {}, { guards: false })).status).toBe(303);
    const statusPath = `/applications/${application.applicationId}`;
    await client.get(statusPath);
    expect((await client.post(`${statusPath}/accept`, {})).status).toBe(303);
    return { application, client, statusPath, reportPath: `${statusPath}/report` };
  }

  const report = (amount: number, overrides: Record<string, string> = {}) => ({
    whatWasDone: 'Vi holdt 30 språkkafeer.', results: 'Deltakerne snakker mer norsk.', 'participants.A': '40', firstTimeParticipants: '12', volunteerHours: '300',
    'spent.0': String(amount - 5_000), totalSpent: String(amount - 5_000), unspent: '5000', ...overrides,
  });

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
    return officer.request(`${ORIGIN}${path}`, { method: body ? 'POST' : 'GET', headers, ...(body ? { body } : {}) });
  };
  const reread = (application: Application) => root.adapters.applications.get(tenantId, application.applicationId);
  const eventsOf = async (application: Application) => (await root.adapters.caseEvents.listForApplication(tenantId, application.applicationId)).filter((event) => event.machine === 'report');
  const mailTo = async (application: Application) => (await root.adapters.outbox.listPending('2030-01-01T00:00:00.000Z', 1000)).filter((message) => message.to === application.email);

  it('shows the deadline, saves and resumes a draft, names each mistake with what was typed kept, and submits once with a receipt', async () => {
    const { application, client, statusPath, reportPath } = await acceptedGrant(60_000);
    const status = await (await client.get(statusPath)).text();
    expect(status).toContain('Fristen for rapporten er');
    expect(status).toContain(`href="${reportPath}"`);

    await client.get(reportPath);
    const saved = await client.post(`${reportPath}/draft`, { whatWasDone: 'Halvveis skrevet', volunteerHours: 'mange' });
    expect(saved.status).toBe(303);
    const resumed = await (await client.get(reportPath)).text();
    expect(resumed).toContain('Halvveis skrevet');
    expect(resumed).toContain('value="mange"');

    const wrong = await client.post(`${reportPath}/submit`, report(60_000, { totalSpent: '56 000', unspent: '4000' }));
    expect(wrong.status).toBe(422);
    const wrongPage = await wrong.text();
    expect(wrongPage).toContain('Radene blir til sammen');
    expect(wrongPage).toContain('Vi holdt 30 språkkafeer.');
    expect(wrongPage).toContain('value="56 000"');

    await client.get(reportPath);
    const sent = await client.post(`${reportPath}/submit`, report(60_000));
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe(`${statusPath}?notice=report`);
    const receipt = await (await client.get(`${statusPath}?notice=report`)).text();
    expect(receipt).toContain('Rapporten er sendt.');
    expect(receipt).toContain('Kvittering for rapporten');
    const stored = await reread(application);
    expect(stored).toMatchObject({ status: 'reported', report: { status: 'submitted', submissions: 1, content: { totalSpent: 55_000, unspent: 5_000 } } });
    expect((await eventsOf(application)).map((event) => event.action).sort()).toEqual(['report_save', 'report_submit']);
    expect((await mailTo(application)).filter((message) => message.kind === 'report-receipt')).toHaveLength(1);
    // The form is closed now: the page goes back to the status page.
    expect((await client.get(reportPath)).status).toBe(303);
  });

  it('answers English in English, and refuses the second of two submits at once', async () => {
    const { application, client, reportPath } = await acceptedGrant(60_000, 'en');
    const english = await (await client.request(reportPath, { headers: { 'accept-language': 'en' } })).text();
    expect(english).toContain('Final report on the grant');
    const bad = await client.request(`${reportPath}/submit`, {
      method: 'POST', headers: { 'accept-language': 'en', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf: /name="csrf" value="([^"]+)"/.exec(english)![1]!, version: /name="version" value="([^"]+)"/.exec(english)![1]!, ...report(60_000, { unspent: '0' }) }).toString(),
    });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('The unspent amount must be the grant');

    await client.get(reportPath);
    const [one, two] = await Promise.all([client.post(`${reportPath}/submit`, report(60_000)), client.post(`${reportPath}/submit`, report(60_000))]);
    expect([one.status, two.status].sort()).toEqual([303, 409]);
    const loser = one.status === 409 ? one : two;
    expect(await loser.text()).toContain('Rapporten er allerede sendt.');
    expect((await reread(application))?.report?.submissions).toBe(1);
    expect((await eventsOf(application)).filter((event) => event.action === 'report_submit')).toHaveLength(1);
  });

  it('asks for the auditor at the threshold, and the officer returns it with a message, then approves the corrected report', async () => {
    const { application, client, statusPath, reportPath } = await acceptedGrant(100_000);
    await client.get(reportPath);
    const missing = await client.post(`${reportPath}/submit`, report(100_000));
    expect(missing.status).toBe(422);
    expect(await missing.text()).toContain('Last opp revisors bekreftelse av regnskapet.');

    await client.get(reportPath);
    const form = new FormData();
    form.append('csrf', /name="csrf" value="([^"]+)"/.exec(client.lastPage)![1]!);
    form.append('version', /name="version" value="([^"]+)"/.exec(client.lastPage)![1]!);
    form.append('file', new File([pdfBytes], 'revisor.pdf', { type: 'application/pdf' }));
    expect((await client.request(`${reportPath}/auditor-confirmation`, { method: 'POST', body: form })).status).toBe(303);
    await client.get(reportPath);
    expect((await client.post(`${reportPath}/submit`, report(100_000))).status).toBe(303);

    const casePage = await (await asOfficer('officer.kari.token', `/officer/applications/${application.applicationId}`)).text();
    expect(casePage).toContain(`/officer/applications/${application.applicationId}/report`);
    const reviewPage = await asOfficer('officer.kari.token', `/officer/applications/${application.applicationId}/report`);
    expect(reviewPage.status).toBe(200);
    expect(await reviewPage.text()).toContain('revisor.pdf');
    expect((await asOfficer('other.officer.token', `/officer/applications/${application.applicationId}/report`)).status).toBe(404);
    expect((await asOfficer('other.officer.token', `/officer/api/applications/${application.applicationId}/report/approve`, { json: {} })).status).toBe(404);
    expect((await asOfficer('approver.aud.token', `/officer/api/applications/${application.applicationId}/report/approve`, { json: {} })).status).toBe(403);

    const noMessage = await asOfficer('officer.kari.token', `/officer/applications/${application.applicationId}/report/return`, { form: { message: '  ', version: String((await reread(application))!.version) } });
    expect(noMessage.status).toBe(422);
    expect(await noMessage.text()).toContain('Skriv hva organisasjonen må rette.');
    const returned = await asOfficer('officer.kari.token', `/officer/api/applications/${application.applicationId}/report/return`, { json: { message: 'Legg ved kvitteringene for husleie.' } });
    expect(returned.status).toBe(200);
    expect(await returned.json()).toMatchObject({ applicationStatus: 'reported', report: { status: 'returned_for_changes' } });
    expect((await mailTo(application)).find((message) => message.kind === 'report-returned')?.text).toContain('Legg ved kvitteringene for husleie.');

    const back = await (await client.get(statusPath)).text();
    expect(back).toContain('Legg ved kvitteringene for husleie.');
    const again = await (await client.get(reportPath)).text();
    expect(again).toContain('Vi holdt 30 språkkafeer.');
    expect((await client.post(`${reportPath}/submit`, report(100_000, { results: 'Rettet.' }))).status).toBe(303);

    const before = await root.adapters.aggregates.get(tenantId, 2027);
    const approved = await asOfficer('officer.kari.token', `/officer/api/applications/${application.applicationId}/report/approve`, { json: {} });
    expect(approved.status).toBe(200);
    expect(await approved.json()).toMatchObject({ applicationStatus: 'approved', report: { status: 'approved', submissions: 2 } });
    const after = await root.adapters.aggregates.get(tenantId, 2027);
    expect((after?.reportsApproved ?? 0) - (before?.reportsApproved ?? 0)).toBe(1);
    expect((after?.amountSpent ?? 0) - (before?.amountSpent ?? 0)).toBe(95_000);
    expect((after?.amountUnspent ?? 0) - (before?.amountUnspent ?? 0)).toBe(5_000);
    expect((after?.participantsReached ?? 0) - (before?.participantsReached ?? 0)).toBe(40);
    expect((await eventsOf(application)).map((event) => event.action)).toEqual(expect.arrayContaining(['report_attach', 'report_return', 'report_approve']));
    const timeline = await (await asOfficer('officer.kari.token', `/officer/applications/${application.applicationId}`)).text();
    expect(timeline).toContain('Sluttrapporten ble godkjent');
    expect(timeline).toContain('Sendt tilbake for retting');
    const apiView = (await (await asOfficer('officer.kari.token', `/officer/api/applications/${application.applicationId}/report`)).json()) as { report: Record<string, unknown> };
    expect(apiView).toMatchObject({ applicationStatus: 'approved', amountAwarded: 100_000, report: { content: { unspent: 5_000 } } });
    expect(apiView.report.draft).toBeUndefined();
  });

  it('lets one of two officers acting at once win; the other hears 409 and why', async () => {
    const { application, client, reportPath } = await acceptedGrant(60_000);
    await client.get(reportPath);
    expect((await client.post(`${reportPath}/submit`, report(60_000))).status).toBe(303);
    const version = String((await reread(application))!.version);
    const path = `/officer/applications/${application.applicationId}/report`;
    const [approve, giveBack] = await Promise.all([
      asOfficer('officer.kari.token', `${path}/approve`, { form: { version } }),
      asOfficer('officer.per.token', `${path}/return`, { form: { version, message: 'Mangler resultater.' } }),
    ]);
    expect([approve.status, giveBack.status].sort()).toEqual([303, 409]);
    const loser = approve.status === 409 ? approve : giveBack;
    expect(await loser.text()).toMatch(/allerede (godkjent|sendt tilbake)/);
    const stored = await reread(application);
    expect(['approved', 'returned_for_changes']).toContain(stored?.report?.status);
    expect((await eventsOf(application)).filter((event) => event.action === 'report_approve' || event.action === 'report_return')).toHaveLength(1);
  });
});
