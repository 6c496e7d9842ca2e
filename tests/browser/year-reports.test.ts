/**
 * The year report in Chromium: the municipality's admin writes the assessments, saves a draft and
 * sends the report with the confirmation; IMDi then finds it sent on its year page and reads it.
 * axe finds nothing on each page.
 */
import { ulid } from 'ulid';
import { expect, it } from 'vitest';
import { kroner } from '../../shared/kernel/money';
import type { Tenant, TenantId } from '../../shared/kernel/tenants';
import { submittedApplication } from '../support/assessment-cases';
import { accessibilityViolations, describeInBrowser, serverAndBrowserWith } from '../support/browser';
import { openCall } from '../support/calls';
import { freshTenantId } from '../support/test-environment';

describeInBrowser('the year report to IMDi in Chromium', () => {
  const tenantId = freshTenantId('by');
  const imdi = freshTenantId('bi');
  const name = `Rapportby ${tenantId}`;
  const tenants: Tenant[] = [
    { tenantId, kind: 'municipality', name, kommunenummer: '3019', managingYears: [2027] },
    { tenantId: imdi as TenantId, kind: 'national', name: 'IMDi', managingYears: [2027] },
  ];
  const harness = serverAndBrowserWith(tenants, async (server) => {
    const call = openCall(tenantId, { status: 'closed' });
    await server.adapters.calls.create(call);
    await server.adapters.budget.setFrame({ tenantId, name, grantYear: 2027, frame: kroner(702_897), adminCap: kroner(35_145), allocationVersion: 1 }, undefined);
    const base = submittedApplication(tenantId, call.roundId, `01BY${ulid().slice(4)}`, { status: 'accepted' });
    await server.adapters.applications.create({
      ...base,
      decision: { decisionId: 'd', outcome: 'grant', amount: kroner(20_000), reasons: 'r', conditions: '', decidedBy: 'x', decidedAt: '2027-04-01T10:00:00.000Z', language: 'nb', appealDeadlineWeeks: 3, appealBody: 'imdi', ruleSetVersion: 1 },
      acceptance: { outcome: 'accepted', at: '2027-04-10T10:00:00.000Z', by: 'applicant' },
    }, { eventId: ulid(), at: base.createdAt, actor: 'test', action: 'seed' }, [], []);
  });

  it('lets the admin draft and send the report, and IMDi read it, with no WCAG 2.1 A/AA violations', { timeout: 120_000 }, async () => {
    const { server, browser } = harness;
    const context = await browser.newContext({ locale: 'nb-NO' });
    const page = await context.newPage();

    // The admin opens the report from the workspace.
    await page.goto(`${server.baseUrl}/officer`);
    await page.locator(`form:has(input[name="sub"][value="admin-${tenantId}"]) button`).click();
    await page.getByRole('link', { name: 'Årsrapport til IMDi for 2027' }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Årsrapport til IMDi for 2027');
    await expect(page.getByRole('row', { name: /Tildelt i tilskudd\s+20\s000\skr/ }).count()).resolves.toBe(1);
    expect(await accessibilityViolations(page), 'the draft').toEqual([]);

    // Act: save a draft with one text, then send with all three, confirmed.
    await page.getByLabel('Erfaringer med ordningen').fill('Mange nye deltakere.');
    await page.getByRole('button', { name: 'Lagre utkast' }).click();
    await expect(page.getByText('Utkastet er lagret.').count()).resolves.toBe(1);
    await page.getByLabel('Samarbeid med frivillige organisasjoner').fill('Tett samarbeid.');
    await page.getByLabel('Utfordringer og behov').fill('Lokaler.');
    await page.getByRole('button', { name: 'Send rapporten til IMDi' }).click();
    await expect(page.getByText('Kryss av for at du har gått gjennom rapporten').count()).resolves.toBeGreaterThan(0);
    await expect(page.getByLabel('Utfordringer og behov').inputValue()).resolves.toBe('Lokaler.');
    expect(await accessibilityViolations(page), 'the missing confirmation').toEqual([]);
    await page.getByLabel(/Jeg har gått gjennom tallene/).check();
    await page.getByRole('button', { name: 'Send rapporten til IMDi' }).click();
    await expect(page.getByText('Rapporten er sendt til IMDi.').count()).resolves.toBe(1);
    expect(await accessibilityViolations(page), 'sent').toEqual([]);

    // IMDi finds it sent and reads it.
    const national = await browser.newContext({ locale: 'nb-NO' });
    const imdiPage = await national.newPage();
    await imdiPage.goto(`${server.baseUrl}/national/year-reports/2027`);
    await imdiPage.getByRole('button', { name: 'Logg inn som Administrator i IMDi' }).first().click();
    await expect(imdiPage.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Kommunenes årsrapporter for 2027');
    expect(await accessibilityViolations(imdiPage), 'IMDi’s list').toEqual([]);
    await imdiPage.getByRole('link', { name: `Les rapporten fra ${name}` }).click();
    await expect(imdiPage.locator('main').innerText()).resolves.toContain('Tett samarbeid.');
    expect(await accessibilityViolations(imdiPage), 'IMDi’s reading').toEqual([]);
    await context.close();
    await national.close();
  });
});
