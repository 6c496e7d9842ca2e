/**
 * The ranking, the recommendation and the standard texts in Chromium: filtering the ranking with
 * its plain GET form, recommending with a standard text by keyboard alone, keeping the standard
 * texts, and no WCAG 2.1 A/AA violation on any of the pages.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Application } from '../../shared/applications/application';
import { defaultStandardTexts } from '../../shared/decisions/standard-texts';
import { kroner } from '../../shared/kernel/money';
import type { Orgnr } from '../../shared/kernel/orgnr';
import type { Tenant } from '../../shared/kernel/tenants';
import { adminCostCap } from '../../shared/rules/budget';
import { ruleSetFor } from '../../shared/rules/rule-set-for';
import { accessibilityViolations, describeInBrowser, serverAndBrowserWith } from '../support/browser';
import { openCall } from '../support/calls';
import { freshTenantId } from '../support/test-environment';

describeInBrowser('ranking and recommending in Chromium', () => {
  const tenantId = freshTenantId('kr');
  const tenants: Tenant[] = [{ tenantId, kind: 'municipality', name: `Rangby ${tenantId}`, kommunenummer: '3019', managingYears: [2027] }];
  const round = openCall(tenantId, { roundId: 'rank-b', minAmount: kroner(5_000), maxAmount: kroner(200_000) });

  const application = (reference: string, score: number, applied: number, blocking = false): Application => ({
    tenantId, roundId: round.roundId, applicationId: `app-${reference}`, reference, grantYear: 2027, orgnr: `91000000${reference.length}` as Orgnr,
    organisationName: `Lag ${reference}`, email: 'lag@example.org', status: 'under_assessment', version: 2, createdAt: '2026-11-02T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z', submittedAt: '2026-11-20T10:00:00.000Z', language: 'nb',
    registryCheck: {
      status: 'verified', checkedAt: '2026-11-02T10:00:00.000Z', record: {} as never,
      findings: blocking ? [{ code: 'organisation.too_young', severity: 'blocking', rule: 'ruleSet.minAge', legalBasis: '§ 4', messages: { nb: 'For ung', nn: 'For ung', en: 'Too young' } }] : [],
    },
    attachments: [], project: { subGoals: ['A'] } as never, budget: { costs: [], otherIncome: [], amountApplied: kroner(applied) } as never,
    assessmentSummary: { required: 1, submitted: 1, recused: 0, score },
  });
  const cases = [application('B-ONE', 5.2, 90_000), application('B-TWO', 4.1, 60_000, true), application('B-THREE', 3.3, 40_000)];

  const harness = serverAndBrowserWith(tenants, async (server) => {
    await server.adapters.calls.create(round);
    await server.adapters.budget.setFrame({ tenantId, name: tenants[0]!.name, grantYear: 2027, frame: kroner(120_000), adminCap: adminCostCap(ruleSetFor(2027), kroner(120_000)), allocationVersion: 1 }, undefined);
    for (const each of cases) await server.adapters.applications.create(each, { eventId: `seed-${each.applicationId}`, at: each.createdAt, actor: 'system:test', action: 'seed' }, [], []);
  });

  async function signedIn(sub: string, path: string): Promise<Page> {
    const context = await harness.browser.newContext({ locale: 'nb-NO' });
    const page = await context.newPage();
    await page.goto(`${harness.server.baseUrl}${path}`);
    await page.locator(`form:has(input[name="sub"][value="${sub}"]) button`).click();
    expect(new URL(page.url()).pathname).toBe(path.split('?')[0]);
    return page;
  }
  const references = (page: Page) => page.locator('tbody tr[data-reference]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-reference')));

  it('ranks the round and narrows it with the filter form by keyboard', async () => {
    // Prepare
    const page = await signedIn(`officer-${tenantId}`, `/officer/rounds/${round.roundId}/ranking`);

    // Assess: the whole ranking
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Rangering');
    await expect(references(page)).resolves.toEqual(['B-ONE', 'B-TWO', 'B-THREE']);
    expect(await accessibilityViolations(page), 'ranking page').toEqual([]);

    // Act: choose "blocking findings" and send the form with the keyboard
    await page.getByLabel('Funn i kontrollen').selectOption('blocking');
    await page.getByLabel('Funn i kontrollen').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(page.evaluate('document.activeElement?.textContent?.trim()')).resolves.toBe('Vis');
    await page.keyboard.press('Enter');
    await page.waitForURL(/findings=blocking/);

    // Assess
    await expect(references(page)).resolves.toEqual(['B-TWO']);
    await expect(page.getByText('Viser 1 av 3 søknader.').count()).resolves.toBe(1);
    expect(await accessibilityViolations(page), 'filtered ranking page').toEqual([]);
    await page.context().close();
  });

  it('recommends with a standard text, by keyboard alone, and shows it in the ranking', async () => {
    // Prepare
    const target = cases[0]!;
    const page = await signedIn(`officer-${tenantId}`, `/officer/applications/${target.applicationId}/recommendation`);
    const competition = defaultStandardTexts.find((text) => text.id === 'reject-purpose')!.text.nb;
    expect(await accessibilityViolations(page), 'recommendation page').toEqual([]);

    // Act: outcome, amount and a standard text, then "use the chosen texts"
    await page.getByLabel('Innvilge lavere beløp').focus();
    await page.keyboard.press('Space');
    await page.getByLabel('Beløp i kroner').focus();
    await page.keyboard.type('70 000');
    await page.getByLabel(defaultStandardTexts.find((text) => text.id === 'partly-budget')!.text.nb).focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Bruk valgte tekster' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/prefill=1/);

    // Assess: the reasons begin with the text, and what was chosen is still chosen
    const reasons = page.getByLabel('Begrunnelse');
    await expect(reasons.inputValue()).resolves.toContain('For å kunne gi tilskudd til flere gode tiltak');
    await expect(page.getByLabel('Beløp i kroner').inputValue()).resolves.toBe('70 000');
    await expect(page.getByLabel('Innvilge lavere beløp').isChecked()).resolves.toBe(true);
    expect(await accessibilityViolations(page), 'prefilled recommendation page').toEqual([]);
    expect(competition.length).toBeGreaterThan(0);

    // Act: adapt the reasons and save with the keyboard
    await reasons.focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Laget har fått 70 000 kr til aktivitetene i budsjettet.');
    await page.getByRole('button', { name: 'Lagre innstillingen' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/saved=1/);

    // Assess
    await expect(page.getByText('Innstillingen er lagret.').count()).resolves.toBe(1);
    const stored = await harness.server.adapters.applications.get(tenantId, target.applicationId);
    expect(stored?.recommendation).toMatchObject({ outcome: 'grant_partly', amount: 70_000 });
    expect(stored?.recommendation?.reasons).toContain('Laget har fått 70 000 kr');
    expect(await accessibilityViolations(page), 'saved recommendation page').toEqual([]);
    await page.goto(`${harness.server.baseUrl}/officer/rounds/${round.roundId}/ranking`);
    await expect(page.locator('tr[data-reference="B-ONE"]').textContent()).resolves.toContain('Innvilge lavere beløp');
    await page.context().close();
  });

  it('lets the municipal admin keep the standard texts by keyboard', async () => {
    // Prepare
    const page = await signedIn(`admin-${tenantId}`, '/officer/standard-texts');
    expect(await accessibilityViolations(page), 'standard texts page').toEqual([]);

    // Act: add a rejection text in the three languages and save
    // The empty rows come after the texts, one per outcome: grant, grant_partly, reject.
    const row = defaultStandardTexts.length + 2;
    for (const [language, text] of [['nb', 'Tiltaket er allerede finansiert.'], ['nn', 'Tiltaket er allereie finansiert.'], ['en', 'The project is already funded.']] as const) {
      await page.locator(`textarea[name="${language}.${row}"]`).focus();
      await page.keyboard.type(text);
    }
    await page.getByRole('button', { name: 'Lagre standardtekstene' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/saved=1/);

    // Assess
    await expect(page.getByText('Standardtekstene er lagret.').count()).resolves.toBe(1);
    const stored = await harness.server.adapters.standardTexts.get(tenantId);
    expect(stored?.texts.find((text) => text.text.en === 'The project is already funded.')?.outcome).toBe('reject');
    expect(await accessibilityViolations(page), 'saved standard texts page').toEqual([]);
    await page.context().close();
  });
});
