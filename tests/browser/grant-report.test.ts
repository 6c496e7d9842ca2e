/**
 * The final report's journey in Chromium: the organisation opens its status page by the emailed
 * link, writes part of the report and saves it, comes back to it, completes and sends it and sees
 * the receipt; the caseworker signs in and approves it. axe finds no WCAG 2.1 A/AA violation on
 * any page of the way, the error page included.
 */
import { ulid } from 'ulid';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { composeLinkEmail, signingKeys } from '../../functions/common/signed-tokens';
import type { Application } from '../../shared/applications/application';
import { acceptGrant } from '../../shared/decisions/use-cases/accept-grant';
import { signRecommendation } from '../../shared/decisions/signing';
import { kroner } from '../../shared/kernel/money';
import type { Tenant } from '../../shared/kernel/tenants';
import { codeDefaultVersion } from '../../shared/rules/rule-set-version';
import { decisionLetterEmail } from '../../web/emails/decision-letter';
import { grantAnswerEmail } from '../../web/emails/grant-answer';
import { reportText } from '../../web/messages/report';
import { accessibilityViolations, describeInBrowser, serverAndBrowserWith } from '../support/browser';
import { openCall } from '../support/calls';
import { recommendation, recommendedApplication } from '../support/decisions';
import { freshTenantId } from '../support/test-environment';

describeInBrowser('an organisation reports on its grant and the caseworker approves it, in Chromium', () => {
  const tenantId = freshTenantId('wrp');
  const tenants: Tenant[] = [{ tenantId, kind: 'municipality', name: `Eidsby ${tenantId}`, kommunenummer: '3240', managingYears: [2027] }];
  const call = openCall(tenantId, { administratorName: `Eidsby ${tenantId} kommune` });
  let accepted: Application;

  const harness = serverAndBrowserWith(tenants, async (server) => {
    await server.adapters.calls.create(call);
    await server.adapters.budget.setFrame({ tenantId, name: 'Eidsby', grantYear: call.grantYear, frame: kroner(500_000), adminCap: kroner(25_000), allocationVersion: 1 }, undefined);
    const application = { ...recommendedApplication(call, { applied: 60_000, recommend: recommendation('grant', 60_000) }), email: `rapport-${ulid().toLowerCase()}@example.org` };
    await server.adapters.applications.create(application, { eventId: ulid(), at: application.createdAt, actor: 'test', action: 'start' }, [], []);
    const signed = signRecommendation({ application, call, rules: codeDefaultVersion(call.grantYear)!, signer: { userId: 'approver' }, now: new Date(), newId: ulid, composeLetter: decisionLetterEmail });
    await server.adapters.decisions.commit(signed);
    accepted = await acceptGrant({ grants: server.adapters.decisions, clock: () => new Date(), newId: ulid, composeGrantAnswer: grantAnswerEmail }, { application: signed.next });
  });

  const tr = (key: keyof typeof reportText) => reportText[key].nb;

  async function expectAccessible(page: Page) {
    expect(await accessibilityViolations(page), page.url()).toEqual([]);
  }

  /** The organisation's browser on its status page, opened by the emailed link. */
  async function organisation(): Promise<Page> {
    const { server, browser } = harness;
    const email = composeLinkEmail({ signingSecret: signingKeys(server.config.MAGIC_LINK_SECRET!), baseUrl: server.baseUrl, clock: () => new Date(), newId: ulid }, accepted, call);
    await server.adapters.magicLinks.issue(email);
    const link = /http:\/\/[^\s]+\/link\/[\w.-]+/.exec(email.message.text)![0];
    const page = await (await browser.newContext({ locale: 'nb-NO' })).newPage();
    await page.goto(`${link}?lang=nb`);
    await page.locator('main form button[type="submit"]').first().click();
    await page.waitForURL(`**/applications/${accepted.applicationId}**`);
    return page;
  }

  it('fills, saves, resumes, corrects and sends the report; the caseworker approves it; no violations', { timeout: 180_000 }, async () => {
    // Prepare
    const page = await organisation();
    const statusPage = `${harness.server.baseUrl}/applications/${accepted.applicationId}`;

    // Act: write part of it and save
    await page.goto(statusPage);
    const status = await page.locator('main').innerText();
    await expectAccessible(page);
    await page.getByRole('link', { name: tr('panel.write') }).click();
    await expectAccessible(page);
    await page.getByLabel(tr('field.whatWasDone')).fill('Vi holdt 30 språkkafeer.');
    await page.getByRole('button', { name: tr('save') }).click();
    await page.waitForURL(/notice=saved/);
    await expectAccessible(page);

    // Act: come back later, fill in the rest with a sum that does not add up, then correct it
    await page.goto(statusPage);
    await page.getByRole('link', { name: tr('panel.continue') }).click();
    const resumed = await page.getByLabel(tr('field.whatWasDone')).inputValue();
    await page.getByLabel(tr('field.results')).fill('Deltakerne snakker mer norsk.');
    await page.getByLabel(/Deltakere nådd – delmål A/).fill('40');
    await page.getByLabel(tr('field.firstTimeParticipants')).fill('12');
    await page.getByLabel(tr('field.volunteerHours')).fill('300');
    await page.getByLabel(/Leie/).fill('55 000');
    await page.getByLabel(tr('field.totalSpent')).fill('56 000');
    await page.getByLabel(tr('field.unspent')).fill('4 000');
    await page.getByRole('button', { name: tr('submit') }).click();
    const refused = await page.locator('main').innerText();
    await expectAccessible(page);
    await page.getByLabel(tr('field.totalSpent')).fill('55 000');
    await page.getByLabel(tr('field.unspent')).fill('5 000');
    await page.getByRole('button', { name: tr('submit') }).click();
    await page.waitForURL(/notice=report/);
    const receipt = await page.locator('main').innerText();
    await expectAccessible(page);

    // Act: the caseworker signs in and approves it
    const officer = await (await harness.browser.newContext({ locale: 'nb-NO' })).newPage();
    await officer.goto(`${harness.server.baseUrl}/officer/applications/${accepted.applicationId}/report`);
    await officer.getByRole('button', { name: `Logg inn som Saksbehandler i ${tenants[0]!.name}`, exact: true }).click();
    await officer.waitForURL(/\/report$/);
    const review = await officer.locator('main').innerText();
    await expectAccessible(officer);
    await officer.getByRole('button', { name: tr('officer.approve') }).click();
    await officer.waitForURL(/done=approved/);
    const approved = await officer.locator('main').innerText();
    await expectAccessible(officer);

    // Assess
    expect(status).toContain('Fristen for rapporten er');
    expect(resumed).toBe('Vi holdt 30 språkkafeer.');
    expect(refused).toContain('Radene blir til sammen');
    expect(receipt).toContain(tr('done.submitted'));
    expect(receipt).toContain(tr('receipt.heading'));
    expect(review).toContain('Deltakerne snakker mer norsk.');
    expect(approved).toContain(tr('officer.approved'));
    const stored = await harness.server.adapters.applications.get(tenantId, accepted.applicationId);
    expect(stored).toMatchObject({ status: 'approved', report: { status: 'approved' } });
  });
});
