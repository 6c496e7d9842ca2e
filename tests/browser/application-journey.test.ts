import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createLocalApp, listen } from '../../infra/local/local-server';
import { freePort } from '../../infra/local/ports';
import { applicationText } from '../../web/messages/application-form';
import { flushOutbox, linkIn } from '../support/applicant-client';
import { accessibilityViolations, describeInBrowser, launchChromium } from '../support/browser';
import { openCall } from '../support/calls';
import { emailsTo, freshRecipient } from '../support/mail-inbox';
import { freshTenantId, ownTableConfig } from '../support/test-environment';

const eidsvollOrganisation = '311100386';
const notInFrivillighetsregisteret = '311890042';
const pdf = { name: 'vedtekter.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n') };
const notAPdf = { name: 'vedtekter.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ this is a program, not a PDF') };

describeInBrowser('an organisation applies in Chromium', () => {
  const tenantId = freshTenantId('web');
  let browser: Browser;
  let baseUrl: string;
  let close: () => Promise<void>;
  let flush: () => Promise<unknown>;

  beforeAll(async () => {
    const config = await ownTableConfig();
    const port = await freePort();
    const { app, adapters } = createLocalApp({ ...config, APP_BASE_URL: `http://127.0.0.1:${port}` });
    await adapters.calls.create(openCall(tenantId, { administratorName: 'Eidsvoll kommune', opensAt: '2026-11-01T00:00:00.000Z' }));
    const server = await listen(app, port);
    baseUrl = `http://127.0.0.1:${port}`;
    close = () => new Promise((resolve) => server.close(() => resolve()));
    flush = () => flushOutbox(adapters);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await close?.();
  });

  /** Every page of the journey is checked with axe as it is reached. */
  async function expectAccessible(page: Page) {
    expect(await accessibilityViolations(page), page.url()).toEqual([]);
  }

  const continueButton = (page: Page) => page.locator('button[name="intent"][value="continue"]');

  for (const lang of ['nb', 'en'] as const) {
    const tx = (key: keyof typeof applicationText) => applicationText[key][lang];

    it(`walks the whole journey in ${lang === 'nb' ? 'bokmål' : 'English'}, with no WCAG 2.1 A/AA violations on any page`, { timeout: 180_000 }, async () => {
      const email = freshRecipient(`web-${lang}`);
      const context = await browser.newContext({ locale: lang === 'nb' ? 'nb-NO' : 'en-GB' });
      const page = await context.newPage();

      // Find: the national list, filtered to the municipality
      await page.goto(`${baseUrl}/?lang=${lang}&kommune=${tenantId}`);
      await expectAccessible(page);
      await page.locator('.call-list a').first().click();
      await expectAccessible(page);
      await page.getByRole('link', { name: tx('call.apply') }).click();

      // Look up: an invalid number, then one that is not eligible, then the right one
      await page.locator('[name="orgnr"]').fill('123456789');
      await page.locator('[name="email"]').fill(email);
      await page.getByRole('button', { name: tx('start.submit') }).click();
      await expect(page.locator('#field-orgnr-error').textContent()).resolves.toBeTruthy();
      await expect(page.locator('[name="email"]').inputValue()).resolves.toBe(email);
      await expectAccessible(page);
      await page.locator('[name="orgnr"]').fill(notInFrivillighetsregisteret);
      await page.getByRole('button', { name: tx('start.submit') }).click();
      await expect(page.getByText(tx('start.notEligible')).count()).resolves.toBe(1);
      await expectAccessible(page);
      await page.locator('[name="orgnr"]').fill(eidsvollOrganisation);
      await page.getByRole('button', { name: tx('start.submit') }).click();

      // Apply: contact, saved as a draft
      await expect(page.locator('h1').textContent()).resolves.toBe(tx('contact.title'));
      await expectAccessible(page);
      await page.locator('[name="contactName"]').fill('Kari Nordmann');
      await page.locator('[name="phone"]').fill('91234567');
      await page.locator('[name="accountNumber"]').fill('1234.56.78903');
      await page.getByRole('button', { name: tx('form.saveDraft') }).click();
      await expect(page.getByText(tx('form.saved')).count()).resolves.toBe(1);

      // Resume on another device from the emailed link
      await context.close();
      await flush();
      const link = linkIn((await emailsTo(email)).find((each) => each.subject.includes(lang === 'nb' ? 'Lenke' : 'Link'))!);
      const device = await browser.newContext({ locale: lang === 'nb' ? 'nb-NO' : 'en-GB' });
      const resumed = await device.newPage();
      await resumed.goto(link.replace(/^http:\/\/[^/]+/, baseUrl));
      await expectAccessible(resumed);
      await resumed.getByRole('button', { name: tx('link.open') }).click();
      await expectAccessible(resumed);
      await resumed.getByRole('link', { name: tx('status.continue') }).click();
      await expect(resumed.locator('[name="contactName"]').inputValue()).resolves.toBe('Kari Nordmann');
      await continueButton(resumed).click();

      // Project, with a date outside the grant year corrected
      await expectAccessible(resumed);
      await resumed.locator('[name="title"]').fill('Leksehjelp og fotball');
      await resumed.locator('[name="description"]').fill('Vi samler barn og foreldre hver uke.');
      await resumed.locator('[name="subGoals"][value="A"]').check();
      await resumed.locator('[name="targetGroup"]').fill('Barn 8–12 år');
      await resumed.locator('[name="activities"]').fill('Leksehjelp tirsdager');
      await resumed.locator('[name="location"]').fill('Eidsvoll bibliotek');
      await resumed.locator('[name="startDate"]').fill('2027-02-01');
      await resumed.locator('[name="endDate"]').fill('2028-01-15');
      await resumed.locator('[name="expectedParticipants"]').fill('40');
      await resumed.locator('[name="volunteerHours"]').fill('300');
      await continueButton(resumed).click();
      await expect(resumed.locator('#field-endDate-error').textContent()).resolves.toContain('2027');
      await expect(resumed.locator('[name="title"]').inputValue()).resolves.toBe('Leksehjelp og fotball');
      await expectAccessible(resumed);
      await resumed.locator('[name="endDate"]').fill('2027-11-30');
      await continueButton(resumed).click();

      // Budget, with an amount that does not add up corrected
      await expectAccessible(resumed);
      await resumed.locator('[name="costs.0.label"]').fill('Leie av lokale');
      await resumed.locator('[name="costs.0.amount"]').fill('30 000');
      await resumed.locator('[name="costs.1.label"]').fill('Mat');
      await resumed.locator('[name="costs.1.amount"]').fill('20000');
      await resumed.locator('[name="amountApplied"]').fill('60 000');
      await continueButton(resumed).click();
      await expect(resumed.locator('#field-amountApplied-error').textContent()).resolves.toContain('50');
      await expectAccessible(resumed);
      await resumed.locator('[name="amountApplied"]').fill('50 000');
      await continueButton(resumed).click();

      // Attachments: a file that only pretends to be a PDF, then a real one
      await expectAccessible(resumed);
      await resumed.locator('#field-file-statutes').setInputFiles(notAPdf);
      await resumed.locator('form.upload-form').first().locator('button').click();
      await expect(resumed.locator('#field-file-statutes-error').textContent()).resolves.toBeTruthy();
      await expectAccessible(resumed);
      await resumed.locator('#field-file-statutes').setInputFiles(pdf);
      await resumed.locator('form.upload-form').first().locator('button').click();
      await expect(resumed.getByText('vedtekter.pdf').count()).resolves.toBeGreaterThan(0);
      await resumed.getByRole('link', { name: tx('attachments.continue') }).click();

      // The call's own question
      await expectAccessible(resumed);
      await resumed.locator('[name="reach"]').fill('Gjennom helsestasjonen og moskeen.');
      await continueButton(resumed).click();

      // Review and submit
      await expect(resumed.locator('h1').textContent()).resolves.toBe(tx('review.title'));
      await expectAccessible(resumed);
      await resumed.getByRole('button', { name: tx('review.submit') }).click();
      await expect(resumed.locator('h1').textContent()).resolves.toBeTruthy();
      const reference = await resumed.locator('.ds-alert strong').textContent();
      expect(reference).toMatch(new RegExp(`^${tenantId.toUpperCase()}-2027-`));
      await expectAccessible(resumed);

      // The receipt email
      await flush();
      const receipt = (await emailsTo(email)).find((each) => each.subject.includes(reference!));
      expect(receipt?.body.text).toContain('Leksehjelp og fotball');

      // Status, then withdraw
      await resumed.getByRole('link', { name: tx('status.link') }).click();
      await expect(resumed.getByText(tx('status.submitted')).count()).resolves.toBeGreaterThan(0);
      await expectAccessible(resumed);
      await resumed.getByRole('button', { name: tx('status.withdraw') }).click();
      await expect(resumed.locator('#field-confirm-error').textContent()).resolves.toBe(tx('status.withdraw.mustConfirm'));
      await expectAccessible(resumed);
      await resumed.getByLabel(tx('status.withdraw.confirm')).check();
      await resumed.getByRole('button', { name: tx('status.withdraw') }).click();
      await expect(resumed.getByText(tx('status.withdrawn.done')).count()).resolves.toBe(1);
      await expect(resumed.getByText(tx('status.withdrawn')).count()).resolves.toBeGreaterThan(0);
      await expectAccessible(resumed);
      await device.close();
    });
  }

  it('fills the first steps of the form with the keyboard alone', { timeout: 60_000 }, async () => {
    // Prepare
    const context = await browser.newContext({ locale: 'nb-NO' });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/calls/${tenantId}/2027-1/apply`);
    await page.bringToFront();

    // Act: Tab from the top of the page to each field and press Enter to submit
    const tabTo = async (selector: string) => {
      for (let presses = 0; presses < 40; presses++) {
        await page.keyboard.press('Tab');
        if (await page.locator(selector).evaluate((element) => element === element.ownerDocument.activeElement)) return;
      }
      throw new Error(`Tab never reached ${selector}`);
    };
    await tabTo('[name="orgnr"]');
    await page.keyboard.type(eidsvollOrganisation);
    await page.keyboard.press('Tab');
    await page.keyboard.type(freshRecipient('keyboard'));
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/contact$/);
    await tabTo('[name="contactName"]');
    await page.keyboard.type('Kari Nordmann');
    await tabTo('[name="phone"]');
    await page.keyboard.type('91234567');
    await tabTo('[name="accountNumber"]');
    await page.keyboard.type('12345678903');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/project$/);
    await tabTo('[name="subGoals"][value="B"]');
    await page.keyboard.press('Space');

    // Assess
    await expect(page.locator('[name="subGoals"][value="B"]').isChecked()).resolves.toBe(true);
    await expect(page.locator('h1').textContent()).resolves.toBe(applicationText['project.title'].nb);
    await context.close();
  });
});
