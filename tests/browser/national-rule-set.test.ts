import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Tenant } from '../../shared/kernel/tenants';
import { accessibilityViolations, describeInBrowser, serverAndBrowserWith } from '../support/browser';
import { startSignInServer } from '../support/sign-in';
import { freshTenantId, ownTableConfig } from '../support/test-environment';

describeInBrowser('IMDi edits the national rules in Chromium', () => {
  const national = freshTenantId('rb');
  const tenants: Tenant[] = [{ tenantId: national, kind: 'national', name: `IMDi ${national}`, managingYears: [2027] }];
  const harness = serverAndBrowserWith(tenants);

  it('shows the form, says what is wrong with a bad entry and keeps it, then saves a new version, without WCAG 2.1 A/AA violations', async () => {
    // Prepare
    const context = await harness.browser.newContext({ locale: 'nb-NO' });
    const page = await context.newPage();
    await page.goto(`${harness.server.baseUrl}/national/years/2027/rules`);
    await page.getByRole('button', { name: 'Logg inn som Administrator i IMDi' }).first().click();

    // Assess: the form
    expect(new URL(page.url()).pathname).toBe('/national/years/2027/rules');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Nasjonale regler for 2027');
    expect(await accessibilityViolations(page), 'form').toEqual([]);

    // Act: a share that is not a number
    await page.getByLabel('Andel til forvaltningskommunene (prosent)').fill('sytti');
    await page.getByRole('button', { name: 'Lagre som ny versjon' }).click();

    // Assess
    await expect(page.getByRole('alert').first().textContent()).resolves.toContain('Skriv en prosent fra 0 til 100');
    await expect(page.getByLabel('Andel til forvaltningskommunene (prosent)').inputValue()).resolves.toBe('sytti');
    expect(await accessibilityViolations(page), 'form with errors').toEqual([]);

    // Act
    await page.getByLabel('Andel til forvaltningskommunene (prosent)').fill('72,5');
    await page.getByRole('button', { name: 'Lagre som ny versjon' }).click();

    // Assess
    await expect(page.getByText('Versjon 2 er lagret.').count()).resolves.toBe(1);
    await expect(page.getByLabel('Andel til forvaltningskommunene (prosent)').inputValue()).resolves.toBe('72,5');
    expect(await accessibilityViolations(page), 'saved').toEqual([]);
    await context.close();
  }, 180_000); // axe reads a long form three times; on two shared cores that takes close to a minute
});
