import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { kroner } from '../../shared/kernel/money';
import { NATIONAL_TENANT_ID, type Tenant, type TenantId } from '../../shared/kernel/tenants';
import { accessibilityViolations, describeInBrowser, serverAndBrowserWith } from '../support/browser';
import { startSignInServer } from '../support/sign-in';
import { ownTableConfig } from '../support/test-environment';

describeInBrowser('the year close and the audit trail in Chromium', () => {
  const tenants: Tenant[] = [
    { tenantId: 'k3035' as TenantId, kind: 'municipality', name: 'Eidsvoll', kommunenummer: '3035', kommunenummerValidFrom: 2020, managingYears: [], managingPeriods: [{ from: 2021 }] },
    { tenantId: NATIONAL_TENANT_ID, kind: 'national', name: 'IMDi', managingYears: [], managingPeriods: [{ from: 2020 }] },
  ];
  const harness = serverAndBrowserWith(tenants, async (server) => {
    await server.adapters.budget.setFrame({ tenantId: 'k3035' as TenantId, name: 'Eidsvoll', grantYear: 2021, frame: kroner(702_897), adminCap: kroner(35_145), allocationVersion: 1 }, undefined);
    await server.adapters.budget.change('k3035' as TenantId, 2021, 'award', kroner(700_000), 'officer-eidsvoll');
  });

  it('lets IMDi review and close a year, then read the budget changes in the audit trail, with no WCAG 2.1 A/AA violations', async () => {
    // Prepare
    const context = await harness.browser.newContext({ locale: 'nb-NO' });
    const page = await context.newPage();
    await page.goto(`${harness.server.baseUrl}/national/years/2021/close`);
    await page.getByRole('button', { name: 'Logg inn som Administrator i IMDi' }).first().click();

    // Assess: Eidsvoll leaves 2 897 unspent, to be returned to IMDi
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Årsavslutning 2021');
    await expect(page.getByRole('row', { name: /Eidsvoll.*2\s897\skr.*Betales tilbake til IMDi/ }).count()).resolves.toBe(1);
    expect(await accessibilityViolations(page), 'before the close').toEqual([]);

    // Act
    await page.getByRole('button', { name: 'Avslutt året 2021' }).click();

    // Assess
    await expect(page.getByText('Året er avsluttet for alle kommuner.').count()).resolves.toBe(1);
    expect(await accessibilityViolations(page), 'after the close').toEqual([]);

    // Act: the audit trail of Eidsvoll's budget
    await page.goto(`${harness.server.baseUrl}/national/audit`);
    await page.getByLabel('Kommune').selectOption('k3035');
    await page.getByLabel('Type').selectOption('budget');
    await page.getByRole('button', { name: 'Vis' }).click();

    // Assess
    await expect(page.getByRole('row', { name: /officer-eidsvoll.*award/ }).count()).resolves.toBe(1);
    await expect(page.getByRole('row', { name: /close/ }).count()).resolves.toBe(1);
    expect(await accessibilityViolations(page), 'audit trail').toEqual([]);

    // Act: a year that is not a year
    await page.getByLabel('År').fill('20x');
    await page.getByRole('button', { name: 'Vis' }).click();

    // Assess: said by the field, kept as typed, reachable from the summary
    await expect(page.getByRole('link', { name: 'Skriv året med fire sifre, mellom 2000 og 2100.' }).count()).resolves.toBe(1);
    await expect(page.getByLabel('År').inputValue()).resolves.toBe('20x');
    expect(await accessibilityViolations(page), 'refused filter').toEqual([]);
  });
});
