/**
 * An approver signs a round's recommendations as a batch in Chromium, by keyboard; the letters are
 * printable (checked under print media) and the applicant's status page shows the decision and its
 * letter. axe runs on every page.
 */
import { ulid } from 'ulid';
import { expect, it } from 'vitest';
import { composeLinkEmail, signingKeys } from '../../functions/common/signed-tokens';
import type { Application } from '../../shared/applications/application';
import { kroner } from '../../shared/kernel/money';
import type { Tenant } from '../../shared/kernel/tenants';
import { adminCostCap } from '../../shared/rules/budget';
import { ruleSetFor } from '../../shared/rules/rule-set-for';
import { flushOutbox, linkIn } from '../support/applicant-client';
import { accessibilityViolations, describeInBrowser, serverAndBrowserWith } from '../support/browser';
import { openCall } from '../support/calls';
import { recommendation, recommendedApplication } from '../support/decisions';
import { emailsTo, freshRecipient } from '../support/mail-inbox';
import { freshTenantId } from '../support/test-environment';

describeInBrowser('signing decisions in Chromium', () => {
  const tenantId = freshTenantId('bd');
  const tenants: Tenant[] = [{ tenantId, kind: 'municipality', name: `Vedtaksby ${tenantId}`, kommunenummer: '3019', managingYears: [2027] }];
  const call = openCall(tenantId, { administratorName: `Vedtaksby ${tenantId} kommune` });
  const applications: Application[] = [
    { ...recommendedApplication(call), email: freshRecipient('nettleser') },
    { ...recommendedApplication(call, { applied: 80_000, recommend: recommendation('grant_partly', 50_000), language: 'en' }), email: freshRecipient('nettleser') },
  ];
  const harness = serverAndBrowserWith(tenants, async (server) => {
    await server.adapters.calls.create(call);
    await server.adapters.budget.setFrame(
      { tenantId, name: tenants[0]!.name, grantYear: 2027, frame: kroner(702_897), adminCap: adminCostCap(ruleSetFor(2027), kroner(702_897)), allocationVersion: 1 },
      undefined,
    );
    for (const application of applications) await server.adapters.applications.create(application, { eventId: ulid(), at: application.createdAt, actor: 'test', action: 'start' }, [], []);
  });

  it('signs a batch by keyboard, shows printable letters, and the applicant sees the decision and its letter', { timeout: 120_000 }, async () => {
    const { server, browser } = harness;
    const context = await browser.newContext({ locale: 'nb-NO' });
    const page = await context.newPage();

    // Sign in as the approver.
    await page.goto(`${server.baseUrl}/officer/rounds/${call.roundId}/decisions`);
    await page.locator(`form:has(input[name="sub"][value="approver-${tenantId}"]) button`).click();
    expect(new URL(page.url()).pathname).toBe(`/officer/rounds/${call.roundId}/decisions`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Fatt vedtak for utlysningen');
    await expect(page.locator('#batch-summary').textContent()).resolves.toContain('Alle 2 innstillinger til sammen: 150\u00a0000\u00a0kr til tildeling.');
    expect(await accessibilityViolations(page), 'batch page').toEqual([]);

    // Act: by keyboard, tick "select all" and send the form.
    await page.getByLabel('Velg alle').focus();
    await page.keyboard.press('Space');
    await expect(page.getByLabel('Velg alle').isChecked()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Signer valgte vedtak' }).focus();
    await Promise.all([page.waitForURL(`**/officer/rounds/${call.roundId}/decisions`, { waitUntil: 'load' }), page.keyboard.press('Enter')]);
    await page.locator('#batch-results-heading').waitFor({ timeout: 20_000 }).catch(async (error: unknown) => {
      throw new Error(`No report after the batch: ${(await page.locator('main').innerText()).slice(0, 600)}`, { cause: error });
    });

    // Assess: the report.
    await expect(page.getByText('2 vedtak signert, 0 ikke signert.').count()).resolves.toBe(1);
    expect(await accessibilityViolations(page), 'batch results').toEqual([]);

    // The letter on the case, and under print media without the site's frame.
    await page.getByRole('link', { name: 'Vedtaksbrevet' }).first().click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/Vedtak om tilskudd|Decision on your grant application/);
    expect(await accessibilityViolations(page), 'letter').toEqual([]);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.site-header').isVisible()).resolves.toBe(false);
    await expect(page.locator('#letter-section-appeal').isVisible()).resolves.toBe(true);
    expect(await accessibilityViolations(page), 'letter in print').toEqual([]);
    await context.close();

    // The applicant opens the application by an emailed link and finds the decision and the letter.
    const applicant = applications[1]!;
    const signing = { signingSecret: signingKeys(server.config.MAGIC_LINK_SECRET!), baseUrl: server.baseUrl, clock: () => new Date(), newId: ulid };
    await server.adapters.magicLinks.issue(composeLinkEmail(signing, applicant, call));
    await flushOutbox(server.adapters, () => new Date(), server.baseUrl);
    const link = (await emailsTo(applicant.email)).map((email) => {
      try {
        return linkIn(email);
      } catch {
        return undefined;
      }
    }).find(Boolean)!;
    const applicantContext = await browser.newContext({ locale: 'en-GB' });
    const status = await applicantContext.newPage();
    await status.goto(`${link}?lang=en`);
    await status.getByRole('button', { name: 'Open the application' }).click();
    await expect(status.getByRole('heading', { name: 'Decision', exact: true }).count()).resolves.toBe(1);
    await expect(status.getByText('Amount awarded: NOK 50,000.').count()).resolves.toBe(1);
    expect(await accessibilityViolations(status), 'status page').toEqual([]);
    await status.getByRole('link', { name: 'Read and print the decision letter' }).click();
    await expect(status.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Decision on your grant application');
    await expect(status.getByText(/You have the right to see the documents of your case/).count()).resolves.toBe(1);
    expect(await accessibilityViolations(status), 'applicant letter').toEqual([]);
    await applicantContext.close();
  });
});
