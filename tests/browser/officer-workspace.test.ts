import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { demoUsersOf, type LocalUser } from '../../infra/local/identity-provider';
import { formatKroner, kroner } from '../../shared/kernel/money';
import type { Tenant } from '../../shared/kernel/tenants';
import { adminCostCap } from '../../shared/rules/budget';
import { ruleSetFor } from '../../shared/rules/rule-set-for';
import { accessibilityViolations, describeInBrowser, launchChromium } from '../support/browser';
import { openCall } from '../support/calls';
import { startSignInServer } from '../support/sign-in';
import { freshTenantId } from '../support/test-environment';

describeInBrowser('officer and national sign-in in Chromium', () => {
  const municipality = freshTenantId('tw');
  const national = freshTenantId('tx');
  const tenants: Tenant[] = [
    { tenantId: municipality, kind: 'municipality', name: `Vestby ${municipality}`, kommunenummer: '3019', managingYears: [2027] },
    { tenantId: national, kind: 'national', name: `IMDi ${national}`, managingYears: [2027] },
  ];
  const [officer] = demoUsersOf(tenants) as [LocalUser, LocalUser];
  const roundTitle = `Tilskudd til integreringsarbeid i Testby ${municipality} 2027`;
  let server: Awaited<ReturnType<typeof startSignInServer>>;
  let browser: Browser;

  beforeAll(async () => {
    server = await startSignInServer();
    for (const tenant of tenants) await server.adapters.tenants.put(tenant);
    await server.adapters.calls.create(openCall(municipality, { administratorName: `${tenants[0]!.name} kommune` }));
    await server.adapters.budget.setFrame(
      { tenantId: municipality, name: tenants[0]!.name, grantYear: 2027, frame: kroner(702_897), adminCap: adminCostCap(ruleSetFor(2027), kroner(702_897)), allocationVersion: 1 },
      undefined,
    );
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('signs an officer in through the local identity provider and opens a round, with no WCAG 2.1 A/AA violations', async () => {
    // Prepare
    const context = await browser.newContext({ locale: 'nb-NO' });
    const page = await context.newPage();

    // Act: the workspace sends the browser to sign in
    await page.goto(`${server.baseUrl}/officer`);

    // Assess: the identity provider's page
    expect(page.url()).toContain('/local-idp/authorize');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Lokal innlogging');
    expect(await accessibilityViolations(page), 'identity provider page').toEqual([]);

    // Act
    await page.getByRole('button', { name: `Logg inn som Saksbehandler i ${tenants[0]!.name}`, exact: true }).click();

    // Assess: the workspace
    expect(new URL(page.url()).pathname).toBe('/officer');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(`Saksbehandling: ${tenants[0]!.name}`);
    await expect(page.getByText(`Innlogget som ${officer.sub}, ${tenants[0]!.name}`).count()).resolves.toBe(1);
    expect(await accessibilityViolations(page), 'workspace').toEqual([]);

    // Act
    await page.getByRole('link', { name: roundTitle }).click();

    // Assess: the round
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(roundTitle);
    await expect(page.getByText('15. februar 2027 kl. 12:00').count()).resolves.toBe(1);
    expect(await accessibilityViolations(page), 'round page').toEqual([]);

    // Act: sign out
    await page.getByRole('button', { name: 'Logg ut' }).click();

    // Assess
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Du er logget ut');
    expect(await accessibilityViolations(page), 'signed-out page').toEqual([]);
    await page.goto(`${server.baseUrl}/officer`);
    expect(page.url()).toContain('/local-idp/authorize');
    await context.close();
  });

  it('signs in and out with JavaScript disabled', async () => {
    // Prepare
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'nb-NO' });
    const page = await context.newPage();

    // Act
    await page.goto(`${server.baseUrl}/officer/rounds/2027-1`);
    await page.getByRole('button', { name: `Logg inn som Saksbehandler i ${tenants[0]!.name}`, exact: true }).click();

    // Assess: back on the round the officer asked for
    expect(new URL(page.url()).pathname).toBe('/officer/rounds/2027-1');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(roundTitle);
    await page.getByRole('button', { name: 'Logg ut' }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Du er logget ut');
    await context.close();
  });

  it('lets the municipal admin set the admin reservation on the start page by keyboard alone, without violations', { timeout: 60_000 }, async () => {
    // Prepare
    const context = await browser.newContext({ locale: 'nb-NO' });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/officer?year=2027`);
    await page.getByRole('button', { name: `Logg inn som Kommuneadministrator i ${tenants[0]!.name}`, exact: true }).click();
    await page.waitForURL(/\/officer\?year=2027$/);
    expect(await accessibilityViolations(page), 'start page with the form').toEqual([]);
    const tabTo = async (selector: string) => {
      for (let presses = 0; presses < 60; presses++) {
        await page.keyboard.press('Tab');
        if (await page.locator(selector).evaluate((element) => element === element.ownerDocument.activeElement)) return;
      }
      throw new Error(`Tab never reached ${selector}`);
    };
    const field = page.getByRole('textbox', { name: 'Reservasjon i kroner' });

    // Act: above the cap first
    await tabTo('[name="amount"]');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('40 000');
    await page.keyboard.press('Enter');
    await page.waitForLoadState();

    // Assess: the error by the field, what was typed kept
    await expect(field.inputValue()).resolves.toBe('40 000');
    await expect(field.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('#field-amount-error').textContent()).resolves.toBe(
      `Reservasjonen kan ikke være over taket for administrasjon, ${formatKroner(kroner(35_145), 'nb')}.`,
    );
    expect(await accessibilityViolations(page), 'the form with an error').toEqual([]);

    // Act: a whole number under the cap
    await tabTo('[name="amount"]');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('30000');
    await tabTo('button[type="submit"]:has-text("Lagre reservasjonen")');
    await page.keyboard.press('Enter');
    await page.waitForURL(/reservation=saved/);

    // Assess
    await expect(page.getByRole('status').filter({ hasText: 'Reservasjonen til administrasjon for 2027 er lagret' }).count()).resolves.toBe(1);
    await expect(field.inputValue()).resolves.toBe('30000');
    expect(await accessibilityViolations(page), 'the confirmation').toEqual([]);

    // Act: the administration's staff page
    await page.getByRole('link', { name: 'Ansatte og roller' }).click();

    // Assess: the admin is listed, without a removal button for themselves
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Ansatte og roller');
    await expect(page.getByRole('cell', { name: /Kommuneadministrator/ }).count()).resolves.toBeGreaterThanOrEqual(1);
    expect(await accessibilityViolations(page), 'staff page').toEqual([]);
    await context.close();
  });

  it('shows IMDi the national overview and refuses an officer there, without violations', async () => {
    // Prepare
    const context = await browser.newContext({ locale: 'nb-NO' });
    const page = await context.newPage();

    // Act
    await page.goto(`${server.baseUrl}/national`);
    await page.getByRole('button', { name: 'Logg inn som Administrator i IMDi' }).first().click();

    // Assess
    expect(new URL(page.url()).pathname).toBe('/national');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Nasjonal oversikt');
    await expect(page.getByRole('rowheader', { name: tenants[0]!.name }).count()).resolves.toBe(1);
    expect(await accessibilityViolations(page), 'national page').toEqual([]);

    // Act: sign out, then in again as an officer
    await page.getByRole('button', { name: 'Logg ut' }).click();
    await page.goto(`${server.baseUrl}/national`);
    const response = await Promise.all([
      page.waitForResponse((candidate) => new URL(candidate.url()).pathname === '/national' && candidate.status() !== 302),
      page.getByRole('button', { name: `Logg inn som Saksbehandler i ${tenants[0]!.name}`, exact: true }).click(),
    ]).then(([answer]) => answer);

    // Assess
    expect(response.status()).toBe(403);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Du har ikke tilgang til denne siden');
    expect(await accessibilityViolations(page), 'forbidden page').toEqual([]);
    await context.close();
  });
});
