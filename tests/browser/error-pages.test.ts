import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createLocalApp, listen } from '../../infra/local/local-server';
import { freePort } from '../../infra/local/ports';
import { accessibilityViolations, describeInBrowser, launchChromium } from '../support/browser';
import { openCall } from '../support/calls';
import { freshTenantId, testConfig } from '../support/test-environment';

describeInBrowser('the pages of refused requests in Chromium', () => {
  const tenantId = freshTenantId('err');
  let browser: Browser;
  let baseUrl: string;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    const { app, adapters } = createLocalApp(testConfig({ APP_BASE_URL: baseUrl }));
    await adapters.calls.create(openCall(tenantId));
    const server = await listen(app, port);
    close = () => new Promise((resolve) => server.close(() => resolve()));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await close?.();
  });

  /** A refused post as the server answers it, shown in the browser at its own address so its styles load. */
  async function refusedPost(headers: Record<string, string>, body: string) {
    const response = await fetch(`${baseUrl}/calls/${tenantId}/2027-1/apply`, { method: 'POST', headers: { 'accept-language': 'nn', ...headers }, body });
    return { status: response.status, html: await response.text() };
  }

  it('shows a missing page, a refused form and a too large form in the reader’s language with no WCAG 2.1 A/AA violations', async () => {
    // Prepare
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const refused = {
      forbidden: await refusedPost({ ...form, origin: 'https://evil.example' }, 'orgnr=1'),
      tooLarge: await refusedPost({ ...form, origin: baseUrl }, `orgnr=${'1'.repeat(400 * 1024)}`),
    };
    const context = await browser.newContext({ locale: 'nn-NO' });
    const page = await context.newPage();
    for (const [name, { status, html }] of Object.entries(refused)) {
      await page.route(`${baseUrl}/shown/${name}`, (route) => route.fulfill({ status, contentType: 'text/html', body: html }));
    }

    // Act and Assess
    const missing = await page.goto(`${baseUrl}/no-such-page`);
    expect(missing?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Vi finn ikkje sida');
    expect(await accessibilityViolations(page)).toEqual([]);

    for (const [name, heading] of [['forbidden', 'Skjemaet vart avvist'], ['tooLarge', 'Innsendinga er for stor']] as const) {
      await page.goto(`${baseUrl}/shown/${name}`);
      await expect(page.getByRole('heading', { level: 1 }).textContent(), name).resolves.toBe(heading);
      expect(await accessibilityViolations(page), name).toEqual([]);
    }
    expect(refused.forbidden.status).toBe(403);
    expect(refused.tooLarge.status).toBe(413);
    await context.close();
  });
});
