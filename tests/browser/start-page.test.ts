import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createLocalApp, listen } from '../../infra/local/local-server';
import { freePort } from '../../infra/local/ports';
import { accessibilityViolations, describeInBrowser, launchChromium } from '../support/browser';
import { openCall } from '../support/calls';
import { freshTenantId, testAdapters, testConfig } from '../support/test-environment';

describeInBrowser('the start page in Chromium', () => {
  const config = testConfig();
  const first = freshTenantId('ta');
  const second = freshTenantId('tb');
  let browser: Browser;
  let baseUrl: string;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const { calls } = testAdapters(config);
    await calls.create(openCall(first, { administratorName: 'Alfaby kommune', subGoals: ['A', 'B'] }));
    await calls.create(openCall(second, { administratorName: 'Betaby kommune', subGoals: ['C'] }));
    const { app } = createLocalApp(config);
    const port = await freePort();
    const server = await listen(app, port);
    baseUrl = `http://127.0.0.1:${port}`;
    close = () => new Promise((resolve) => server.close(() => resolve()));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await close?.();
  });

  it('lists open calls of every administrator with no WCAG 2.1 A/AA violations', async () => {
    // Prepare
    const context = await browser.newContext({ locale: 'nb-NO' });
    const page = await context.newPage();

    // Act
    await page.goto(`${baseUrl}/`);

    // Assess
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Søk tilskudd til integreringsarbeid');
    await expect(page.getByText('Alfaby kommune').count()).resolves.toBeGreaterThan(0);
    await expect(page.getByText('Betaby kommune').count()).resolves.toBeGreaterThan(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it('filters by municipality and sub-goal with JavaScript disabled', async () => {
    // Prepare
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'nb-NO' });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);

    // Act
    await page.getByLabel('Hvem lyser ut').selectOption(first);
    await page.getByLabel('Delmål').selectOption('A');
    await page.getByRole('button', { name: 'Vis utlysninger' }).click();

    // Assess
    expect(page.url()).toContain(`kommune=${first}`);
    await expect(page.getByRole('status').textContent()).resolves.toBe('1 åpen utlysning');
    await expect(page.locator('.call-list').getByText('Betaby kommune').count()).resolves.toBe(0);
    await context.close();
    // axe runs inside the page, so the filtered page is checked again with scripts on.
    const checking = await browser.newContext({ locale: 'nb-NO' });
    const checkedPage = await checking.newPage();
    await checkedPage.goto(`${baseUrl}/?kommune=${first}&delmal=A`);
    expect(await accessibilityViolations(checkedPage)).toEqual([]);
    await checking.close();
  });

  it('switches to English and keeps the choice on the next page', async () => {
    // Prepare
    const context = await browser.newContext({ locale: 'nb-NO' });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);

    // Act
    await page.getByRole('link', { name: 'English' }).click();
    await page.getByRole('link', { name: `Grants for integration work in Testby ${first} 2027` }).click();

    // Assess
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(`Grants for integration work in Testby ${first} 2027`);
    await expect(page.getByText('Deadline').count()).resolves.toBeGreaterThan(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it('shows the call page, the API reference, the accessibility statement, the privacy page, the link request and a missing page in nynorsk without violations', async () => {
    // Prepare
    const context = await browser.newContext({ locale: 'nb-NO' });
    const page = await context.newPage();

    // Act & Assess
    for (const path of [`/calls/${second}/2027-1?lang=nn`, '/api/reference', '/accessibility', '/privacy', '/resume', '/calls/nobody/none']) {
      await page.goto(`${baseUrl}${path}`);
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('nn');
      expect(await accessibilityViolations(page), path).toEqual([]);
    }
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Vi finn ikkje sida');
    await context.close();
  });
});
