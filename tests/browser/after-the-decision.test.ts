/**
 * Everything after a decision, in one municipality, in Chromium: the organisation accepts its
 * grant; the caseworker pays the first instalment and makes the payment file; the organisation
 * sends its final report, gets it back, corrects it and has it approved; the second instalment is
 * paid and exported; the admin drafts and sends the year report to IMDi. Two other organisations
 * appeal their rejections: one appeal is reversed, the other upheld and forwarded to the appeal
 * body. axe runs on every page on the way.
 */
import { ulid } from 'ulid';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { composeLinkEmail, signingKeys } from '../../functions/common/signed-tokens';
import type { Application } from '../../shared/applications/application';
import { signRecommendation } from '../../shared/decisions/signing';
import { osloDateOf } from '../../shared/kernel/deadlines';
import { kroner } from '../../shared/kernel/money';
import type { Orgnr } from '../../shared/kernel/orgnr';
import type { Tenant } from '../../shared/kernel/tenants';
import { codeDefaultVersion } from '../../shared/rules/rule-set-version';
import { decisionLetterEmail } from '../../web/emails/decision-letter';
import { acceptanceText } from '../../web/messages/acceptance';
import { appealText } from '../../web/messages/appeal';
import { reportText } from '../../web/messages/report';
import { flushOutbox } from '../support/applicant-client';
import { accessibilityViolations, describeInBrowser, serverAndBrowserWith } from '../support/browser';
import { openCall } from '../support/calls';
import { recommendation, recommendedApplication } from '../support/decisions';
import { emailsTo } from '../support/mail-inbox';
import { freshTenantId } from '../support/test-environment';

describeInBrowser('after the decision, from acceptance to the year report, in Chromium', () => {
  const tenantId = freshTenantId('bad');
  const name = `Etterby ${tenantId}`;
  const tenants: Tenant[] = [{ tenantId, kind: 'municipality', name, kommunenummer: '3019', managingYears: [2027] }];
  // Grants from 50 000 kr are paid in two instalments: 60 % at once, the rest after the report.
  const call = openCall(tenantId, {
    administratorName: `${name} kommune`,
    payment: { instalmentsFrom: kroner(50_000), firstInstalmentPercent: 60, secondInstalmentAfter: 'report_approved' },
  });
  const signed: Record<'grant' | 'toReverse' | 'toForward', Application> = {} as never;

  /** Stores an application with the caseworker's recommendation and signs it now, so every deadline lies ahead. */
  async function decided(server: typeof harness.server, outcome: 'grant' | 'reject', amount: number): Promise<Application> {
    const application = {
      ...recommendedApplication(call, { applied: 90_000, recommend: recommendation(outcome, amount) }),
      orgnr: '311100386' as Orgnr,
      email: `etter-${ulid().toLowerCase()}@example.org`,
    };
    await server.adapters.applications.create(application, { eventId: ulid(), at: application.createdAt, actor: 'test', action: 'start' }, [], []);
    const commitment = signRecommendation({ application, call, rules: codeDefaultVersion(2027)!, signer: { userId: 'approver' }, now: new Date(), newId: ulid, composeLetter: decisionLetterEmail });
    await server.adapters.decisions.commit(commitment);
    return commitment.next;
  }

  const harness = serverAndBrowserWith(tenants, async (server) => {
    await server.adapters.calls.create(call);
    await server.adapters.budget.setFrame({ tenantId, name, grantYear: 2027, frame: kroner(702_897), adminCap: kroner(35_144), allocationVersion: 1 }, undefined);
    signed.grant = await decided(server, 'grant', 90_000);
    signed.toReverse = await decided(server, 'reject', 0);
    signed.toForward = await decided(server, 'reject', 0);
  });

  const violations: string[] = [];
  async function checkAccessibility(page: Page, where: string) {
    violations.push(...(await accessibilityViolations(page)).map((violation) => `${where}: ${violation}`));
  }

  /** The organisation's browser on its status page, opened by the emailed link. */
  async function organisation(application: Application): Promise<Page> {
    const { server, browser } = harness;
    const email = composeLinkEmail({ signingSecret: signingKeys(server.config.MAGIC_LINK_SECRET!), baseUrl: server.baseUrl, clock: () => new Date(), newId: ulid }, application, call);
    await server.adapters.magicLinks.issue(email);
    const link = /http:\/\/[^\s]+\/link\/[\w.-]+/.exec(email.message.text)![0];
    const page = await (await browser.newContext({ locale: 'nb-NO' })).newPage();
    await page.goto(`${link}?lang=nb`);
    await page.locator('main form button[type="submit"]').first().click();
    await page.waitForURL(`**/applications/${application.applicationId}**`);
    return page;
  }

  /** A staff member's browser signed in as `sub` on `path`. */
  async function staff(sub: string, path: string): Promise<Page> {
    const page = await (await harness.browser.newContext({ locale: 'nb-NO', acceptDownloads: true })).newPage();
    await page.goto(`${harness.server.baseUrl}${path}`);
    await page.locator(`form:has(input[name="sub"][value="${sub}"]) button`).click();
    await page.waitForURL(`**${path}**`);
    return page;
  }

  /** Makes the payment file on the payment files page and returns the downloaded CSV. */
  async function exportPaymentFile(page: Page, where: string): Promise<string> {
    await page.goto(`${harness.server.baseUrl}/officer/payments`);
    await checkAccessibility(page, `${where} (waiting)`);
    await page.getByRole('button', { name: 'Lag utbetalingsfil' }).click();
    await expect(page.getByText('Ingen utbetalinger venter på eksport.').count()).resolves.toBe(1);
    await checkAccessibility(page, `${where} (made)`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Last ned fil fra/ }).first().click()]);
    return new Response(await download.createReadStream()).text();
  }

  const report = (key: keyof typeof reportText) => reportText[key].nb;
  const appeal = (key: keyof typeof appealText) => appealText[key].nb;

  it('accepts, pays, reports, returns, corrects, approves, pays the rest and sends the year report', { timeout: 300_000 }, async () => {
    const { server } = harness;
    const grant = signed.grant;
    const statusUrl = `${server.baseUrl}/applications/${grant.applicationId}`;

    // The organisation accepts the grant.
    const applicant = await organisation(grant);
    await checkAccessibility(applicant, 'status page (granted)');
    await applicant.getByRole('button', { name: acceptanceText.accept.nb }).click();
    await applicant.waitForURL(/notice=accepted/);
    await checkAccessibility(applicant, 'status page (accepted)');

    // The caseworker pays the first instalment; the second waits for the report.
    const caseworker = await staff(`officer-${tenantId}`, `/officer/applications/${grant.applicationId}/payments`);
    await checkAccessibility(caseworker, 'case payments');
    await caseworker.getByRole('button', { name: 'Registrer utbetaling av 54\u00a0000\u00a0kr' }).click();
    await caseworker.waitForURL('**/payments?recorded=1');
    expect(await caseworker.getByRole('button', { name: /Registrer utbetaling/ }).count()).toBe(0);
    await checkAccessibility(caseworker, 'case payments (first recorded)');
    const firstFile = await exportPaymentFile(caseworker, 'payment files, first');

    // The organisation writes its report with a sum that does not add up, corrects it and sends it.
    await applicant.goto(statusUrl);
    await applicant.getByRole('link', { name: report('panel.write') }).click();
    await checkAccessibility(applicant, 'report form');
    await applicant.getByLabel(report('field.whatWasDone')).fill('Vi holdt 40 språkkafeer.');
    await applicant.getByLabel(report('field.results')).fill('Deltakerne snakker mer norsk.');
    await applicant.getByLabel(/Deltakere nådd – delmål A/).fill('50');
    await applicant.getByLabel(report('field.firstTimeParticipants')).fill('15');
    await applicant.getByLabel(report('field.volunteerHours')).fill('400');
    await applicant.getByLabel(/Leie/).fill('85 000');
    await applicant.getByLabel(report('field.totalSpent')).fill('86 000');
    await applicant.getByLabel(report('field.unspent')).fill('4 000');
    await applicant.getByRole('button', { name: report('submit') }).click();
    const refused = await applicant.locator('main').innerText();
    await checkAccessibility(applicant, 'report form (refused)');
    await applicant.getByLabel(report('field.totalSpent')).fill('85 000');
    await applicant.getByLabel(report('field.unspent')).fill('5 000');
    await applicant.getByRole('button', { name: report('submit') }).click();
    await applicant.waitForURL(/notice=report/);
    await checkAccessibility(applicant, 'report receipt');

    // The caseworker returns it with a message; the organisation corrects and resends it.
    await caseworker.goto(`${server.baseUrl}/officer/applications/${grant.applicationId}/report`);
    await checkAccessibility(caseworker, 'report review');
    await caseworker.getByLabel(report('officer.message')).fill('Skriv hvor mange som var med første gang.');
    await caseworker.getByRole('button', { name: report('officer.return') }).click();
    await caseworker.waitForURL(/done=returned/);
    await checkAccessibility(caseworker, 'report review (returned)');
    await applicant.goto(statusUrl);
    const returned = await applicant.locator('main').innerText();
    await checkAccessibility(applicant, 'status page (report returned)');
    await applicant.getByRole('link', { name: report('panel.correct') }).click();
    await applicant.getByLabel(report('field.firstTimeParticipants')).fill('18');
    await applicant.getByRole('button', { name: report('submit') }).click();
    await applicant.waitForURL(/notice=report/);

    // The caseworker approves it, and pays and exports the second instalment.
    await caseworker.goto(`${server.baseUrl}/officer/applications/${grant.applicationId}/report`);
    await caseworker.getByRole('button', { name: report('officer.approve') }).click();
    await caseworker.waitForURL(/done=approved/);
    await checkAccessibility(caseworker, 'report review (approved)');
    await caseworker.goto(`${server.baseUrl}/officer/applications/${grant.applicationId}/payments`);
    await caseworker.getByRole('button', { name: 'Registrer utbetaling av 36\u00a0000\u00a0kr' }).click();
    await caseworker.waitForURL('**/payments?recorded=2');
    await checkAccessibility(caseworker, 'case payments (second recorded)');
    const secondFile = await exportPaymentFile(caseworker, 'payment files, second');

    // The admin drafts the year report from the data and sends it.
    const admin = await staff(`admin-${tenantId}`, '/officer/year-reports/2027');
    const draft = await admin.locator('main').innerText();
    await checkAccessibility(admin, 'year report (draft)');
    await admin.getByLabel('Erfaringer med ordningen').fill('Språkkafeene nådde mange nye.');
    await admin.getByLabel('Samarbeid med frivillige organisasjoner').fill('Tett samarbeid.');
    await admin.getByLabel('Utfordringer og behov').fill('Lokaler.');
    await admin.getByLabel(/Jeg har gått gjennom tallene/).check();
    await admin.getByRole('button', { name: 'Send rapporten til IMDi' }).click();
    await expect(admin.getByText('Rapporten er sendt til IMDi.').count()).resolves.toBe(1);
    await checkAccessibility(admin, 'year report (sent)');

    // Assess: the money, the files, the messages, the report and the year report agree.
    const decidedOn = osloDateOf(grant.decision!.decidedAt);
    expect(firstFile).toContain(`311100386;12345678903;54000;${grant.reference} 1/2;${decidedOn};`);
    expect(secondFile).toContain(`311100386;12345678903;36000;${grant.reference} 2/2;${decidedOn};`);
    expect(secondFile).not.toContain(`${grant.reference} 1/2`);
    expect(refused).toContain('Radene blir til sammen');
    expect(returned).toContain('Skriv hvor mange som var med første gang.');
    expect(draft).toMatch(/Tildelt i tilskudd\s+90\s000\skr/);
    const stored = await server.adapters.applications.get(tenantId, grant.applicationId);
    expect(stored).toMatchObject({ status: 'approved', report: { status: 'approved', content: { firstTimeParticipants: 18 } } });
    await flushOutbox(server.adapters, () => new Date(), server.baseUrl);
    const subjects = (await emailsTo(grant.email!)).map((email) => email.subject);
    expect(subjects.some((subject) => /rett/i.test(subject))).toBe(true);
    expect(violations).toEqual([]);
  });

  it('reverses one appeal and forwards another to the appeal body', { timeout: 180_000 }, async () => {
    const { server } = harness;
    // Both organisations appeal their rejections on their status pages.
    for (const [application, reasons] of [[signed.toReverse, 'Vi når nyankomne kvinner, som er delmål A.'], [signed.toForward, 'Vi er uenige i vurderingen.']] as const) {
      const applicant = await organisation(application);
      await applicant.getByLabel(appeal('field.reasons')).fill(reasons);
      await applicant.getByRole('button', { name: appeal('submit') }).click();
      await applicant.waitForURL(/notice=appealed/);
      await checkAccessibility(applicant, `status page (appealed ${application.reference})`);
    }

    // The approver reverses the first and forwards the second from the appeal register.
    const approver = await staff(`approver-${tenantId}`, '/officer/appeals');
    await checkAccessibility(approver, 'appeal register');
    for (const [application, action, reasons] of [
      [signed.toReverse, 'reverse', 'Klagen har rett: tiltaket treffer delmål A.'],
      [signed.toForward, 'uphold_and_forward', 'Vurderingen står seg.'],
    ] as const) {
      await approver.goto(`${server.baseUrl}/officer/appeals`);
      await approver.getByRole('link', { name: application.reference }).click();
      await checkAccessibility(approver, `appeal page (${action})`);
      await approver.getByLabel(appeal(`action.${action}`), { exact: false }).check();
      await approver.getByLabel(appeal('field.stepReasons')).fill(reasons);
      await approver.getByRole('button', { name: appeal('officer.next') }).click();
      await approver.waitForURL(/done=1/);
      await checkAccessibility(approver, `appeal page (${action} done)`);
    }

    // Assess: the reversed case is open for a new decision; the forwarded one waits for the appeal body.
    const reversed = await server.adapters.applications.get(tenantId, signed.toReverse.applicationId);
    const forwarded = await server.adapters.applications.get(tenantId, signed.toForward.applicationId);
    expect(reversed?.appeal?.status).toBe('reversed');
    expect(reversed?.status).not.toBe('rejected');
    expect(forwarded?.appeal?.status).toBe('upheld_and_forwarded');
    expect(forwarded?.status).toBe('rejected');
    expect(violations).toEqual([]);
  });
});
