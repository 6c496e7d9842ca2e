import { expect, it } from 'vitest';
import { ulid } from 'ulid';
import type { Page } from 'playwright-core';
import type { Application } from '../../shared/applications/application';
import { submitApplication } from '../../shared/applications/use-cases/submit-application';
import type { Tenant } from '../../shared/kernel/tenants';
import { rulesOfRound } from '../../shared/rounds/round-rules';
import { receiptMessage } from '../../web/emails/application-messages';
import { accessibilityViolations, describeInBrowser, serverAndBrowserWith } from '../support/browser';
import { openCall } from '../support/calls';
import { completeDraft } from '../support/cases';
import { freshTenantId } from '../support/test-environment';

describeInBrowser('the officer’s case page in Chromium', () => {
  const tenantId = freshTenantId('bc');
  const tenants: Tenant[] = [{ tenantId, kind: 'municipality', name: `Eidsby ${tenantId}`, kommunenummer: '3240', managingYears: [2027] }];
  const round = openCall(tenantId, { administratorName: `Eidsby ${tenantId} kommune` });
  let application: Application;

  const harness = serverAndBrowserWith(tenants, async (server) => {
    await server.adapters.calls.create(round);
    const draft = completeDraft(tenantId, round);
    await server.adapters.applications.create(draft, { eventId: ulid(), at: draft.createdAt, actor: `applicant:${draft.applicationId}`, action: 'create' }, [], []);
    const rules = await rulesOfRound(server.adapters.roundRules, round);
    ({ application } = await submitApplication(
      { applications: server.adapters.applications, registry: server.adapters.registry, clock: () => new Date(), newId: () => ulid() },
      { call: round, rules: rules.ruleSet, application: draft, expectedVersion: draft.version },
      (submitted) => receiptMessage(submitted, round, `${server.baseUrl}/status`, { messageId: ulid(), createdAt: new Date().toISOString() }),
    ));
    // Kari has signed in before, so she is in the staff directory.
    await server.adapters.staff.record(tenantId, { userId: `officer2-${tenantId}`, name: 'Kari Saksbehandler', roles: ['officer'], lastSeenAt: new Date().toISOString() });
  });

  async function signedIn(): Promise<Page> {
    const context = await harness.browser.newContext({ locale: 'nb-NO' });
    const page = await context.newPage();
    await page.goto(`${harness.server.baseUrl}/officer/applications/${application.applicationId}`);
    await page.getByRole('button', { name: `Logg inn som Saksbehandler i ${tenants[0]!.name}`, exact: true }).click();
    return page;
  }

  it('shows the case with no WCAG 2.1 A/AA violations and assigns the caseworker with the keyboard alone', async () => {
    // Prepare
    const page = await signedIn();

    // Assess: the case page after sign-in
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(`Sak ${application.reference}`);
    await expect(page.getByRole('heading', { name: 'Saksgang' }).count()).resolves.toBe(1);
    await expect(page.getByRole('cell', { name: 'Søknaden ble sendt' }).count()).resolves.toBe(1);
    expect(await accessibilityViolations(page), 'case page').toEqual([]);

    // Act: reach the caseworker list with Tab, choose Kari with the arrow keys, send with Enter
    const select = page.getByLabel('Velg saksbehandler');
    for (let i = 0; i < 60 && !(await select.evaluate((element) => element === element.ownerDocument.activeElement)); i++) await page.keyboard.press('Tab');
    expect(await select.evaluate((element) => element === element.ownerDocument.activeElement)).toBe(true);
    for (let i = 0; i < 5 && (await select.inputValue()) !== `officer2-${tenantId}`; i++) await page.keyboard.press('ArrowDown');
    expect(await select.inputValue()).toBe(`officer2-${tenantId}`);
    await page.keyboard.press('Tab');
    await expect(page.evaluate('document.activeElement?.textContent')).resolves.toBe('Lagre saksbehandler');
    await Promise.all([page.waitForURL(/saved=caseworker/), page.keyboard.press('Enter')]);

    // Assess
    await expect(page.getByText('Saksbehandleren er lagret.').count()).resolves.toBe(1);
    await expect(page.getByText(/Saksbehandler: Kari Saksbehandler/).count()).resolves.toBe(1);
    await expect(page.getByRole('cell', { name: 'Vurderingen startet' }).count()).resolves.toBe(1);
    expect(await accessibilityViolations(page), 'case page after assigning').toEqual([]);
    await page.context().close();
  });

  it('tells the slower of two officers that the case changed, keeps their choice, with no violations', async () => {
    // Prepare: two tabs show the case at the same version
    const first = await signedIn();
    const second = await first.context().newPage();
    await second.goto(first.url());

    // Act: the first assigns assessors, then the second sends the form shown before
    await first.getByRole('checkbox', { name: 'Kari Saksbehandler', exact: true }).check();
    await Promise.all([first.waitForURL(/saved=assessors/), first.getByRole('button', { name: 'Lagre vurderere' }).click()]);
    await second.getByRole('checkbox', { name: `officer-${tenantId}`, exact: true }).check();
    const [response] = await Promise.all([second.waitForResponse((each) => each.request().method() === 'POST'), second.getByRole('button', { name: 'Lagre vurderere' }).click()]);

    // Assess
    expect(response.status()).toBe(409);
    await expect(second.getByText('Noen andre endret saken samtidig', { exact: false }).count()).resolves.toBeGreaterThan(0);
    await expect(second.getByRole('checkbox', { name: `officer-${tenantId}`, exact: true }).isChecked()).resolves.toBe(true);
    expect(await accessibilityViolations(second), 'case page after a concurrent change').toEqual([]);
    await first.context().close();
  });
});
