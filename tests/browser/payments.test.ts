/**
 * A caseworker pays an accepted grant's first instalment in Chromium, by keyboard, sees the second
 * held until the report is approved, and makes the payment file on the payment files page; axe
 * runs on every page.
 */
import { ulid } from 'ulid';
import { expect, it } from 'vitest';
import type { Application } from '../../shared/applications/application';
import { signRecommendation } from '../../shared/decisions/signing';
import { acceptGrant } from '../../shared/decisions/use-cases/accept-grant';
import { osloDateOf } from '../../shared/kernel/deadlines';
import { kroner } from '../../shared/kernel/money';
import type { Orgnr } from '../../shared/kernel/orgnr';
import type { Tenant } from '../../shared/kernel/tenants';
import { adminCostCap } from '../../shared/rules/budget';
import { codeDefaultVersion } from '../../shared/rules/rule-set-version';
import { ruleSetFor } from '../../shared/rules/rule-set-for';
import { decisionLetterEmail } from '../../web/emails/decision-letter';
import { grantAnswerEmail } from '../../web/emails/grant-answer';
import { accessibilityViolations, describeInBrowser, serverAndBrowserWith } from '../support/browser';
import { openCall } from '../support/calls';
import { recommendation, recommendedApplication } from '../support/decisions';
import { freshTenantId } from '../support/test-environment';

describeInBrowser('paying a grant in Chromium', () => {
  const tenantId = freshTenantId('bp');
  const tenants: Tenant[] = [{ tenantId, kind: 'municipality', name: `Utbetalingsby ${tenantId}`, kommunenummer: '3019', managingYears: [2027] }];
  const call = openCall(tenantId, { payment: { instalmentsFrom: kroner(100_000), firstInstalmentPercent: 75, secondInstalmentAfter: 'report_approved' } });
  let grant: Application;
  const harness = serverAndBrowserWith(tenants, async (server) => {
    await server.adapters.calls.create(call);
    await server.adapters.budget.setFrame(
      { tenantId, name: tenants[0]!.name, grantYear: 2027, frame: kroner(702_897), adminCap: adminCostCap(ruleSetFor(2027), kroner(702_897)), allocationVersion: 1 },
      undefined,
    );
    // An organisation the demo registry knows as active.
    const application = { ...recommendedApplication(call, { applied: 120_000, recommend: recommendation('grant', 120_000) }), orgnr: '311100386' as Orgnr };
    await server.adapters.applications.create(application, { eventId: ulid(), at: application.createdAt, actor: 'test', action: 'start' }, [], []);
    const signed = signRecommendation({ application, call, rules: codeDefaultVersion(2027)!, signer: { userId: 'approver' }, now: new Date(), newId: ulid, composeLetter: decisionLetterEmail });
    await server.adapters.decisions.commit(signed);
    grant = await acceptGrant({ grants: server.adapters.decisions, clock: () => new Date(), newId: ulid, composeGrantAnswer: grantAnswerEmail }, { application: signed.next });
  });

  it('records the first instalment by keyboard, holds the second, and exports the payment file', { timeout: 120_000 }, async () => {
    const { server, browser } = harness;
    const context = await browser.newContext({ locale: 'nb-NO', acceptDownloads: true });
    const page = await context.newPage();

    // Sign in as the caseworker on the case page and follow its payment link.
    await page.goto(`${server.baseUrl}/officer/applications/${grant.applicationId}`);
    await page.locator(`form:has(input[name="sub"][value="officer-${tenantId}"]) button`).click();
    await page.getByRole('link', { name: 'Utbetaling', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Utbetaling');
    await expect(page.locator('table').innerText()).resolves.toContain('Holdes tilbake til sluttrapporten er godkjent');
    expect(await accessibilityViolations(page), 'case payments').toEqual([]);

    // Act: record the first instalment by keyboard.
    await page.getByRole('button', { name: 'Registrer utbetaling av 90\u00a0000\u00a0kr' }).focus();
    await Promise.all([page.waitForURL('**/payments?recorded=1', { waitUntil: 'load' }), page.keyboard.press('Enter')]);

    // Assess: recorded, and no form for the held instalment.
    await expect(page.getByText('Utbetaling 1 er registrert og kommer med i neste utbetalingsfil.').count()).resolves.toBe(1);
    await expect(page.getByRole('button', { name: /Registrer utbetaling/ }).count()).resolves.toBe(0);
    expect(await accessibilityViolations(page), 'after recording').toEqual([]);

    // The payment files page: the waiting payment, then the file.
    await page.goto(`${server.baseUrl}/officer/payments`);
    await expect(page.locator('main').innerText()).resolves.toContain(`${grant.reference} 1/2`);
    expect(await accessibilityViolations(page), 'payment files').toEqual([]);
    await page.getByRole('button', { name: 'Lag utbetalingsfil' }).click();
    await expect(page.getByText('Utbetalingsfilen er laget. Utbetalinger i filen: 1, til sammen 90\u00a0000\u00a0kr.').count()).resolves.toBe(1);
    await expect(page.getByText('Ingen utbetalinger venter på eksport.').count()).resolves.toBe(1);
    expect(await accessibilityViolations(page), 'after the export').toEqual([]);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Last ned fil fra/ }).click()]);
    const text = await new Response(await download.createReadStream()).text();
    expect(text).toBe(`orgnr;kontonummer;belop;referanse;vedtaksdato;mottaker\r\n311100386;12345678903;90000;${grant.reference} 1/2;${osloDateOf(grant.decision!.decidedAt)};${grant.organisationName}\r\n`);
    await context.close();
  });
});
