import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { demoUsersOf, type LocalUser } from '../../infra/local/identity-provider';
import type { Tenant } from '../../shared/kernel/tenants';
import { accessibilityViolations, describeInBrowser, launchChromium } from '../support/browser';
import { openCall } from '../support/calls';
import { startSignInServer } from '../support/sign-in';
import { freshTenantId } from '../support/test-environment';

/**
 * Records every CSP violation of every page the browser opens, from its first moment. The
 * recorder is injected by the browser, not by the page, so the policy does not block it.
 */
async function watchPolicy(page: Page) {
  const reported: string[] = [];
  await page.addInitScript({
    content: `window.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (event) => window.cspViolations.push(event.violatedDirective + ' ' + event.blockedURI));`,
  });
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) reported.push(message.text());
  });
  return async () => [...reported, ...((await page.evaluate('window.cspViolations')) as string[] | undefined ?? [])];
}

describeInBrowser('the content security policy in Chromium', () => {
  const tenantId = freshTenantId('csp');
  const tenant: Tenant = { tenantId, kind: 'municipality', name: `Policyby ${tenantId}`, kommunenummer: '3019', managingYears: [2027] };
  const [officer] = demoUsersOf([tenant]) as [LocalUser];
  let server: Awaited<ReturnType<typeof startSignInServer>>;
  let browser: Browser;

  beforeAll(async () => {
    server = await startSignInServer();
    await server.adapters.tenants.put(tenant);
    await server.adapters.calls.create(openCall(tenantId, { administratorName: `${tenant.name} kommune` }));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('renders the applicant pages and the 404 page with no policy violation and no WCAG 2.1 A/AA violations', async () => {
    // Prepare
    const page = await (await browser.newContext({ locale: 'nb-NO' })).newPage();
    const violations = await watchPolicy(page);

    for (const path of ['/', `/calls/${tenantId}/2027-1`, `/calls/${tenantId}/2027-1/apply`, '/resume', '/no-such-page']) {
      // Act
      await page.goto(`${server.baseUrl}${path}`);

      // Assess
      expect(await violations(), path).toEqual([]);
      expect(await accessibilityViolations(page), path).toEqual([]);
    }
  });

  it('blocks an inline style or script under the policy the pages are served with', async () => {
    // Prepare: a page with inline code, served with the policy of a real page
    const policy = (await fetch(`${server.baseUrl}/`)).headers.get('content-security-policy')!;
    const page = await (await browser.newContext()).newPage();
    const violations = await watchPolicy(page);
    await page.route(`${server.baseUrl}/injected`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        headers: { 'content-security-policy': policy },
        body: '<!DOCTYPE html><html lang="nb"><title>x</title><p style="color: red">x</p><script>document.title = "ran"</script></html>',
      }),
    );

    // Act
    await page.goto(`${server.baseUrl}/injected`);

    // Assess
    expect(await page.title()).toBe('x');
    const blocked = (await violations()).join('\n');
    expect(blocked).toMatch(/style-src/);
    expect(blocked).toMatch(/script-src/);
  });

  it('signs an officer in and out with no policy violation, the sign-out going on to the issuer', async () => {
    // Prepare
    const page = await (await browser.newContext({ locale: 'nb-NO' })).newPage();
    const violations = await watchPolicy(page);
    await page.goto(`${server.baseUrl}/officer`);
    await page.getByRole('button', { name: `Logg inn som Saksbehandler i ${tenant.name}`, exact: true }).click();
    expect(new URL(page.url()).pathname).toBe('/officer');
    expect(await violations(), 'workspace').toEqual([]);
    expect(await accessibilityViolations(page), 'workspace').toEqual([]);

    // Act
    await page.getByRole('button', { name: 'Logg ut' }).click();

    // Assess: the form's redirect to the issuer's logout was allowed, and it brought the browser back
    expect(new URL(page.url()).pathname).not.toBe('/officer/auth/sign-out');
    expect(await violations(), 'after sign-out').toEqual([]);
  });
});
