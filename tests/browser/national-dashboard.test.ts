/**
 * IMDi's national figures in Chromium: the year's chart and table, the years side by side, a
 * municipality's figures and its year report link, and the CSV download with the page's totals.
 * axe finds nothing on each page, charts included.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { kroner } from '../../shared/kernel/money';
import type { Tenant, TenantId } from '../../shared/kernel/tenants';
import { ZERO_COUNTERS } from '../../shared/national/aggregates';
import { accessibilityViolations, describeInBrowser, serverAndBrowserWith } from '../support/browser';
import { freshTenantId } from '../support/test-environment';

describeInBrowser('the national figures in Chromium', () => {
  const imdi = freshTenantId('di');
  const municipalities: Tenant[] = [['Nordby', '3019'], ['Austby', '3020'], ['Vestby', '3021']].map(([name, kommunenummer]) => ({
    tenantId: freshTenantId('dm'), kind: 'municipality', name: `${name}`, kommunenummer, managingYears: [2026, 2027],
  }));
  const tenants: Tenant[] = [{ tenantId: imdi, kind: 'national', name: 'IMDi', managingYears: [2026, 2027] }, ...municipalities];

  const harness = serverAndBrowserWith(tenants, async (server) => {
    for (const [index, tenant] of municipalities.entries()) {
      for (const year of [2026, 2027]) {
        const frame = (index + 1) * 1_000_000 + (year - 2026) * 100_000;
        await server.adapters.budget.setFrame({ tenantId: tenant.tenantId as TenantId, name: tenant.name, grantYear: year, frame: kroner(frame), adminCap: kroner(frame / 20), allocationVersion: 1 }, undefined);
        await server.adapters.aggregates.reset(tenant.tenantId as TenantId, year, { ...ZERO_COUNTERS, applicationsSubmitted: 10 + index, amountApplied: frame, applicationsGranted: 5, amountAwarded: frame / 2, amountPaid: frame / 4 }, ZERO_COUNTERS);
      }
    }
  });

  async function expectAccessible(page: Page, where: string) {
    expect(await accessibilityViolations(page), where).toEqual([]);
  }

  it('shows the year, drills down to a municipality and downloads the CSV, with no WCAG 2.1 A/AA violations', { timeout: 120_000 }, async () => {
    const { server, browser } = harness;
    const page = await (await browser.newContext({ locale: 'nb-NO', acceptDownloads: true })).newPage();

    // IMDi signs in and opens the national figures from the navigation, then picks 2027.
    await page.goto(`${server.baseUrl}/national`);
    await page.getByRole('button', { name: 'Logg inn som Administrator i IMDi' }).first().click();
    await page.getByRole('link', { name: 'Nasjonale tall' }).click();
    await page.getByLabel('Tilskuddsår').selectOption('2027');
    await page.getByRole('button', { name: 'Vis året' }).click();
    await page.waitForURL('**/national/dashboard/2027');
    await expectAccessible(page, 'the year');

    // Assess the page: the summary, the chart named and described, the totals row, the years side by side.
    const main = await page.locator('main').innerText();
    expect(main).toContain('3 kommuner forvalter ordningen i 2027. De har fått en ramme på til sammen 6\u00a0300\u00a0000\u00a0kr');
    await expect(page.getByRole('img', { name: 'Ramme og tildelt per kommune, 2027' }).count()).resolves.toBe(1);
    await expect(page.getByRole('img', { name: 'Tildelt og utbetalt per år' }).count()).resolves.toBe(1);
    await expect(page.getByRole('row', { name: /^Hele landet\s+6\s300\s000/ }).count()).resolves.toBe(1);
    const names = await page.locator('table').first().locator('tbody th, tbody td:first-child').allInnerTexts();
    expect(names.slice(0, 3)).toEqual(['Austby', 'Nordby', 'Vestby']);

    // The CSV has the same totals.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Last ned tabellen som CSV' }).click()]);
    const csv = await new Response(await download.createReadStream()).text();
    expect(csv.trimEnd().split('\r\n').at(-1)).toMatch(/^Hele landet;6300000;315000;0;33;6300000;15;3150000;1575000;/);

    // Drill down to one municipality: its figures, and no year report sent yet.
    await page.getByRole('link', { name: 'Tallene for Nordby' }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Nordby – tall for 2027');
    expect(await page.locator('main').innerText()).toContain('Kommunen har ikke sendt årsrapporten for 2027 ennå.');
    await expectAccessible(page, 'a municipality');
  });
});
