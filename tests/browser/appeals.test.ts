/**
 * An organisation appeals its rejection on the status page, and an approver forwards it to the
 * appeal body from the appeal register, in Chromium. axe runs on every page, and on the forms with
 * their complaints shown.
 */
import { ulid } from 'ulid';
import { expect, it } from 'vitest';
import { composeLinkEmail, signingKeys } from '../../functions/common/signed-tokens';
import type { Application } from '../../shared/applications/application';
import { signRecommendation } from '../../shared/decisions/signing';
import type { Tenant } from '../../shared/kernel/tenants';
import { codeDefaultVersion } from '../../shared/rules/rule-set-version';
import { decisionLetterEmail } from '../../web/emails/decision-letter';
import { appealText } from '../../web/messages/appeal';
import { accessibilityViolations, describeInBrowser, serverAndBrowserWith } from '../support/browser';
import { openCall } from '../support/calls';
import { recommendation, recommendedApplication } from '../support/decisions';
import { freshTenantId } from '../support/test-environment';

describeInBrowser('appealing a decision in Chromium', () => {
  const tenantId = freshTenantId('bap');
  const tenants: Tenant[] = [{ tenantId, kind: 'municipality', name: `Klageby ${tenantId}`, kommunenummer: '3019', managingYears: [2027] }];
  const call = openCall(tenantId, { administratorName: `Klageby ${tenantId} kommune` });
  let rejected: Application;
  const harness = serverAndBrowserWith(tenants, async (server) => {
    await server.adapters.calls.create(call);
    const application = { ...recommendedApplication(call, { recommend: recommendation('reject', 0) }), email: `klage-${ulid().toLowerCase()}@example.org` };
    await server.adapters.applications.create(application, { eventId: ulid(), at: application.createdAt, actor: 'test', action: 'start' }, [], []);
    // Signed now, so the appeal deadline lies ahead.
    const signed = signRecommendation({ application, call, rules: codeDefaultVersion(2027)!, signer: { userId: 'approver' }, now: new Date(), newId: ulid, composeLetter: decisionLetterEmail });
    await server.adapters.decisions.commit(signed);
    rejected = signed.next;
  });
  const tr = (key: keyof typeof appealText) => appealText[key].nb;

  it('lodges an appeal on the status page, and the approver forwards it, with no WCAG 2.1 A/AA violations', { timeout: 120_000 }, async () => {
    const { server, browser } = harness;
    const statusPath = `/applications/${rejected.applicationId}`;

    // The organisation opens its status page by the emailed link.
    const email = composeLinkEmail({ signingSecret: signingKeys(server.config.MAGIC_LINK_SECRET!), baseUrl: server.baseUrl, clock: () => new Date(), newId: ulid }, rejected, call);
    await server.adapters.magicLinks.issue(email);
    const link = /http:\/\/[^\s]+\/link\/[\w.-]+/.exec(email.message.text)![0];
    const applicant = await (await browser.newContext({ locale: 'nb-NO' })).newPage();
    await applicant.goto(link);
    await applicant.locator('main form button[type="submit"]').first().click();
    await applicant.waitForURL(`**${statusPath}**`);
    expect(await applicant.getByRole('heading', { name: tr('heading') }).count()).toBe(1);
    expect(await accessibilityViolations(applicant), 'status page with the appeal form').toEqual([]);

    // Sent empty: the complaint is shown at the field.
    await applicant.getByRole('button', { name: tr('submit') }).click();
    expect(await applicant.locator('main').innerText()).toContain('Skriv hva dere klager på, og hvorfor vedtaket bør endres.');
    expect(await accessibilityViolations(applicant), 'the appeal form with its complaint').toEqual([]);

    // Sent with reasons: the receipt, and the appeal's state.
    await applicant.getByLabel(tr('field.reasons')).fill('Prosjektet når nyankomne kvinner, som er delmål A.');
    await applicant.getByRole('button', { name: tr('submit') }).click();
    await applicant.waitForURL(/notice=appealed/);
    const receipt = await applicant.locator('main').innerText();
    expect(receipt).toContain(tr('done'));
    expect(receipt).toContain(tr('state.lodged'));
    expect(await accessibilityViolations(applicant), 'status page with the appeal lodged').toEqual([]);

    // The approver signs in on the register and opens the appeal.
    const officer = await (await browser.newContext({ locale: 'nb-NO' })).newPage();
    await officer.goto(`${server.baseUrl}/officer/appeals`);
    await officer.locator(`form:has(input[name="sub"][value="approver-${tenantId}"]) button`).click();
    expect(new URL(officer.url()).pathname).toBe('/officer/appeals');
    expect(await accessibilityViolations(officer), 'appeal register').toEqual([]);
    await officer.getByRole('link', { name: rejected.reference }).click();
    expect(await accessibilityViolations(officer), 'appeal page').toEqual([]);

    // Forward without reasons first: refused, then with reasons.
    await officer.getByLabel(tr('action.uphold_and_forward'), { exact: false }).check();
    await officer.getByRole('button', { name: tr('officer.next') }).click();
    expect(await officer.locator('main').innerText()).toContain('Skriv en begrunnelse.');
    expect(await accessibilityViolations(officer), 'appeal page with its complaint').toEqual([]);
    await officer.getByLabel(tr('field.stepReasons')).fill('Prosjektet ligger utenfor delmålene.');
    await officer.getByRole('button', { name: tr('officer.next') }).click();
    await officer.waitForURL(/done=1/);
    const done = await officer.locator('main').innerText();
    expect(done).toContain(tr('officer.done'));
    expect(done).toContain(tr('state.upheld_and_forwarded'));
    expect(await accessibilityViolations(officer), 'appeal page after forwarding').toEqual([]);
    expect((await server.adapters.applications.get(tenantId, rejected.applicationId))?.appeal?.status).toBe('upheld_and_forwarded');
  });
});
