import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { NATIONAL_TENANT_ID, type Tenant, type TenantId } from '../../shared/kernel/tenants';
import { accessibilityViolations, describeInBrowser, serverAndBrowserWith } from '../support/browser';
import { startSignInServer } from '../support/sign-in';
import { ownTableConfig } from '../support/test-environment';

describeInBrowser('the tenant register page in Chromium', () => {
  const tenants: Tenant[] = [
    { tenantId: 'k3035' as TenantId, kind: 'municipality', name: 'Eidsvoll', kommunenummer: '3035', kommunenummerValidFrom: 2020, managingYears: [], managingPeriods: [{ from: 2022 }] },
    { tenantId: 'k1804' as TenantId, kind: 'municipality', name: 'Bodø', kommunenummer: '1804', kommunenummerValidFrom: 2020, managingYears: [], managingPeriods: [{ from: 2021, to: 2022 }] },
    { tenantId: NATIONAL_TENANT_ID, kind: 'national', name: 'IMDi', managingYears: [], managingPeriods: [{ from: 2020 }] },
  ];
  const harness = serverAndBrowserWith(tenants);

  it('lets IMDi add and retire a municipality, shows a refused input by its field, and has no WCAG 2.1 A/AA violations', async () => {
    // Prepare
    const context = await harness.browser.newContext({ locale: 'nb-NO' });
    const page = await context.newPage();
    await page.goto(`${harness.server.baseUrl}/national/register?year=2025`);
    await page.getByRole('button', { name: 'Logg inn som Administrator i IMDi' }).first().click();

    // Assess: the register of 2025
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Forvaltningskommuner 2025');
    await expect(page.getByRole('rowheader', { name: 'Bodø' }).count()).resolves.toBe(1);
    expect(await accessibilityViolations(page), 'register page').toEqual([]);

    // Act: a number of another year
    await page.getByLabel('Kommunenummer', { exact: true }).fill('3029');
    await page.getByLabel('Navn', { exact: true }).fill('Lørenskog');
    await page.getByLabel('E-postadresse for ordningen').fill('tilskudd@lorenskog.example');
    await page.getByRole('button', { name: 'Legg til kommunen' }).click();

    // Assess
    await expect(page.getByRole('link', { name: /Kommunen hadde nummer 3222 i 2025/ }).count()).resolves.toBe(1);
    await expect(page.getByLabel('Navn', { exact: true }).inputValue()).resolves.toBe('Lørenskog');
    expect(await accessibilityViolations(page), 'refused add').toEqual([]);

    // Act: the right number, then retire it from 2027
    await page.getByLabel('Kommunenummer', { exact: true }).fill('3222');
    await page.getByRole('button', { name: 'Legg til kommunen' }).click();
    await expect(page.getByText('Kommunen er lagt til i registeret.').count()).resolves.toBe(1);
    await page.getByRole('row', { name: /Lørenskog/ }).getByLabel('Forvalter ikke lenger fra år').fill('2027');
    await page.getByRole('button', { name: 'Avslutt Lørenskog' }).click();

    // Assess
    await expect(page.getByRole('row', { name: /Lørenskog/ }).getByText('2025–2026').count()).resolves.toBe(1);
    expect(await accessibilityViolations(page), 'after retiring').toEqual([]);
    await context.close();
  }, 120_000);
});
