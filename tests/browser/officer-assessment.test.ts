/**
 * Assessment in Chromium: an external assessor and the approver declare impartiality and score
 * (the assessor's score form by keyboard alone), the caseworker recuses; axe on every page.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Tenant } from '../../shared/kernel/tenants';
import { submittedApplication, testAssessment } from '../support/assessment-cases';
import { accessibilityViolations, describeInBrowser, serverAndBrowserWith } from '../support/browser';
import { openCall } from '../support/calls';
import { freshTenantId } from '../support/test-environment';

describeInBrowser('assessing an application in Chromium', () => {
  const tenantId = freshTenantId('tas');
  const tenant: Tenant = { tenantId, kind: 'municipality', name: `Vurderby ${tenantId}`, kommunenummer: '3019', managingYears: [2027] };
  const application = submittedApplication(tenantId, '2027-1', `01BROWSER${Date.now()}`, { assessorIds: [`assessor-${tenantId}`, `approver-${tenantId}`] });
  const harness = serverAndBrowserWith([tenant], async (server) => {
    await server.adapters.calls.create(openCall(tenantId, { assessment: testAssessment }));
    await server.adapters.applications.create(application, { eventId: `${application.applicationId}E`, at: application.createdAt, actor: 'test', action: 'seed' }, [], []);
  });
  const assessmentUrl = () => `${harness.server.baseUrl}/officer/applications/${application.applicationId}/assessment`;

  async function signedIn(start: string, button: string): Promise<Page> {
    const context = await harness.browser.newContext({ locale: 'nb-NO' });
    const page = await context.newPage();
    await page.goto(start);
    await page.getByRole('button', { name: `Logg inn som ${button}`, exact: true }).click();
    return page;
  }

  /** Presses Tab until the focused element is the named field; keyboard only. */
  async function tabTo(page: Page, name: string) {
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate('document.activeElement ? document.activeElement.getAttribute("name") : null')) === name) return;
    }
    throw new Error(`never reached ${name} by Tab`);
  }

  it('lets the external assessor declare and score by keyboard alone, starting from their list', async () => {
    // Prepare
    const page = await signedIn(`${harness.server.baseUrl}/officer`, `Ekstern vurderer i ${tenant.name} (Aud Utvalgsmedlem)`);

    // Assess: the external assessor's start page is their list
    expect(new URL(page.url()).pathname).toBe('/officer/assessments');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Mine vurderinger');
    expect(await accessibilityViolations(page), 'assessor list').toEqual([]);

    // Act: open the application and declare impartiality
    await page.getByRole('link', { name: application.reference }).click();
    expect(await accessibilityViolations(page), 'declaration form').toEqual([]);
    await tabTo(page, 'declaration');
    await page.keyboard.press('Space');
    await tabTo(page, 'reason');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');

    // Assess: the score form
    await page.getByRole('heading', { name: 'Poeng', level: 2 }).waitFor();
    expect(await accessibilityViolations(page), 'score form').toEqual([]);

    // Act: score both criteria and submit, keyboard only
    await tabTo(page, 'scores.fit.score');
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight'); // 1 → 5
    await tabTo(page, 'scores.fit.note');
    await page.keyboard.type('Når godt ut til nyankomne.');
    await tabTo(page, 'scores.plan.score');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight'); // 1 → 4
    await tabTo(page, 'scores.plan.note');
    await page.keyboard.type('Planen er nøktern.');
    await page.keyboard.press('Tab'); // save draft
    await page.keyboard.press('Tab'); // submit
    await page.keyboard.press('Enter');

    // Assess: the submitted view
    await page.getByRole('heading', { name: 'Innsendte vurderinger' }).waitFor();
    // Shown for the assessment itself and, with one submitted, as the application's mean too.
    expect(await page.getByText('Vektet poengsum: 4,67').count()).toBeGreaterThanOrEqual(1);
    await expect(page.getByText('Når godt ut til nyankomne.').count()).resolves.toBe(1);
    expect(await accessibilityViolations(page), 'submitted view').toEqual([]);
    await page.context().close();
  });

  it('lets the caseworker recuse with a reason, and the approver score and see both', async () => {
    // Act: the caseworker recuses
    const caseworker = await signedIn(assessmentUrl(), `Saksbehandler i ${tenant.name}`);
    await caseworker.getByLabel('Jeg er inhabil og trer til side').check();
    await caseworker.getByLabel('Hvorfor er du inhabil?').fill('Jeg er i styret i foreningen.');
    await caseworker.getByRole('button', { name: 'Send erklæringen' }).click();

    // Assess
    await caseworker.getByText('Du meldte deg inhabil', { exact: false }).waitFor();
    await expect(caseworker.getByRole('radio').count()).resolves.toBe(0);
    expect(await accessibilityViolations(caseworker), 'recused view').toEqual([]);
    await caseworker.context().close();

    // Act: the approver declares, scores and submits
    const approver = await signedIn(assessmentUrl(), `Leder som fatter vedtak i ${tenant.name} (Per Leder)`);
    await approver.getByLabel('Jeg er habil i denne saken').check();
    await approver.getByRole('button', { name: 'Send erklæringen' }).click();
    await approver.getByRole('heading', { name: 'Poeng', level: 2 }).waitFor();
    await expect(approver.getByText('Når godt ut til nyankomne.').count()).resolves.toBe(0);
    await approver.locator('#field-scores-fit-score-4').check();
    await approver.getByLabel('Begrunnelse').first().fill('Bra.');
    await approver.locator('#field-scores-plan-score-3').check();
    await approver.getByLabel('Begrunnelse').nth(1).fill('Grei.');
    await approver.getByRole('button', { name: 'Send inn vurderingen' }).click();

    // Assess: both submitted assessments and the recusal
    await approver.getByRole('heading', { name: 'Innsendte vurderinger' }).waitFor();
    await expect(approver.getByText('Når godt ut til nyankomne.').count()).resolves.toBe(1);
    await expect(approver.getByText('Jeg er i styret i foreningen.', { exact: false }).count()).resolves.toBe(1);
    await expect(approver.getByText('2 av 2 vurderinger er sendt inn; 1 har meldt seg inhabil.', { exact: false }).count()).resolves.toBe(1);
    expect(await accessibilityViolations(approver), 'approver’s submitted view').toEqual([]);
    await approver.context().close();
  });
});
