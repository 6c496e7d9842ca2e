/**
 * The officers' whole journey of one round in Chromium, through the real pages only: the municipal
 * admin creates and publishes a round; an organisation applies through the public form; the
 * caseworker screens the case (registry checked again), assigns himself and the assessors, and
 * returns the application for more information; the applicant follows the emailed link, changes
 * the budget and sends it back; two assessors declare and score while a third recuses; the
 * caseworker ranks and recommends with a standard text; the approver signs the round's decisions as
 * a batch; the letter arrives by email and the applicant's status page shows the decision. axe runs
 * on every page reached, and each of the officer's main forms is sent by keyboard alone at least once.
 */
import { ulid } from 'ulid';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { defaultStandardTexts } from '../../shared/decisions/standard-texts';
import { addDays, osloDateOf } from '../../shared/kernel/deadlines';
import { kroner } from '../../shared/kernel/money';
import type { Tenant } from '../../shared/kernel/tenants';
import { openRoundsAtOpening } from '../../shared/rounds/use-cases/open-rounds-at-opening';
import { adminCostCap } from '../../shared/rules/budget';
import { defaultRuleSets } from '../../shared/rules/default-rule-sets';
import { ruleSetFor } from '../../shared/rules/rule-set-for';
import { applicationText } from '../../web/messages/application-form';
import { flushOutbox, linkIn } from '../support/applicant-client';
import { accessibilityViolations, describeInBrowser, serverAndBrowserWith } from '../support/browser';
import { emailsTo, freshRecipient } from '../support/mail-inbox';
import { freshTenantId } from '../support/test-environment';

/** An organisation the local registry stand-in knows, registered in Eidsvoll (3240). */
const eidsvollOrganisation = '311100386';
const pdf = { name: 'vedtekter.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n') };

/** The next Oslo year when its rules exist (a call for it can open this autumn), else this one. */
const today = osloDateOf(new Date());
const thisYear = Number(today.slice(0, 4));
const grantYear = defaultRuleSets.some((rules) => rules.grantYear === thisYear + 1) ? thisYear + 1 : thisYear;
const deadline = grantYear > thisYear ? `${grantYear}-06-01T12:00` : `${grantYear}-12-31T12:00`;

describeInBrowser('a round from publication to decision in Chromium', () => {
  const tenantId = freshTenantId('rj');
  const tenant: Tenant = { tenantId, kind: 'municipality', name: `Reiseby ${tenantId}`, kommunenummer: '3240', managingYears: [grantYear] };
  const caseworker = `officer-${tenantId}`;
  const colleague = `officer2-${tenantId}`;
  const approver = `approver-${tenantId}`;
  const assessor = `assessor-${tenantId}`;
  const email = freshRecipient('runde');
  const title = `Møteplasser i Reiseby ${grantYear}`;

  const harness = serverAndBrowserWith([tenant], async (server) => {
    const frame = kroner(500_000);
    await server.adapters.budget.setFrame({ tenantId, name: tenant.name, grantYear, frame, adminCap: adminCostCap(ruleSetFor(grantYear), frame), allocationVersion: 1 }, undefined);
    // The colleagues have signed in before, so the caseworker can pick them by name.
    const lastSeenAt = new Date().toISOString();
    await server.adapters.staff.record(tenantId, { userId: colleague, name: 'Kari Saksbehandler', roles: ['officer'], lastSeenAt });
    await server.adapters.staff.record(tenantId, { userId: approver, name: 'Per Leder', roles: ['approver'], lastSeenAt });
    await server.adapters.staff.record(tenantId, { userId: assessor, name: 'Aud Utvalgsmedlem', roles: ['assessor'], lastSeenAt });
  });

  /**
   * axe's findings per page, named; asserted empty at the end so one run reports them all. Each
   * page is checked once (axe is most of this test's time), in the state the journey first shows it.
   */
  const violations: string[] = [];
  const checked = new Set<string>();
  async function checkAccessibility(page: Page, name: string) {
    if (checked.has(name)) return;
    checked.add(name);
    for (const violation of await accessibilityViolations(page)) violations.push(`${name}: ${violation}`);
  }

  /** Opens `path` in a fresh browser session and signs in as `sub` through the local identity provider. */
  async function signedIn(sub: string, path: string): Promise<Page> {
    const context = await harness.browser.newContext({ locale: 'nb-NO' });
    const page = await context.newPage();
    await page.goto(`${harness.server.baseUrl}${path}`);
    await checkAccessibility(page, 'identity provider');
    await page.locator(`form:has(input[name="sub"][value="${sub}"]) button`).click();
    expect(new URL(page.url()).pathname).toBe(path.split('?')[0]);
    return page;
  }

  /** Presses Tab until `selector` has the focus; keyboard only. */
  async function tabTo(page: Page, selector: string) {
    for (let presses = 0; presses < 120; presses++) {
      await page.keyboard.press('Tab');
      if (await page.locator(selector).first().evaluate((element) => element === element.ownerDocument.activeElement)) return;
    }
    throw new Error(`Tab never reached ${selector}`);
  }

  /** Presses Enter on the focused submit button and waits for the page that answers. */
  async function submitByEnter(page: Page) {
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
  }

  it('publishes, receives, returns, assesses, ranks, recommends and decides, with no WCAG 2.1 A/AA violations', { timeout: 360_000 }, async () => {
    const { server, browser } = harness;

    // The municipal admin creates the round by keyboard alone (dates typed into the date fields).
    const admin = await signedIn(`admin-${tenantId}`, `/officer/rounds/new?year=${grantYear}`);
    await expect(admin.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Ny utlysning');
    await checkAccessibility(admin, 'round form');
    const typeInto = async (name: string, text: string) => {
      await tabTo(admin, `[name="${name}"]`);
      await admin.keyboard.press('Control+A');
      await admin.keyboard.type(text);
    };
    await typeInto('title.nb', title);
    await typeInto('summary.nb', 'For lag som lager møteplasser for nyankomne.');
    await admin.locator('[name="opensAt"]').fill(`${addDays(today, -1)}T09:00`);
    await admin.locator('[name="deadline"]').fill(deadline);
    await tabTo(admin, '[name="subGoals"][value="A"]');
    await admin.keyboard.press('Space');
    await typeInto('assessorsPerApplication', '2');
    await typeInto('criteria.0.label', 'Når målgruppen');
    await typeInto('criteria.0.weight', '2');
    await typeInto('criteria.1.label', 'Realistisk plan');
    await typeInto('criteria.1.weight', '1');
    await typeInto('appealBodyName.nb', 'Formannskapet');
    await admin.getByRole('button', { name: 'Lagre som utkast' }).focus();
    await submitByEnter(admin);
    await expect(admin.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(title);
    const roundId = new URL(admin.url()).pathname.split('/').pop()!;
    await checkAccessibility(admin, 'round page (draft)');

    // … and publishes it; the scheduled job opens it (run here rather than waited for).
    await admin.getByRole('button', { name: 'Publiser utlysningen' }).focus();
    await submitByEnter(admin);
    await expect(admin.getByText('Utlysningen er publisert.').count()).resolves.toBe(1);
    await checkAccessibility(admin, 'round page (published)');
    await admin.context().close();
    const opening = await openRoundsAtOpening({ calls: server.adapters.calls, clock: () => new Date(), newId: ulid });
    expect(opening.outcomes).toContainEqual({ tenantId, roundId, outcome: 'opened' });

    // An organisation applies through the public form.
    const applicantContext = await browser.newContext({ locale: 'nb-NO' });
    const applicant = await applicantContext.newPage();
    await applicant.goto(`${server.baseUrl}/?kommune=${tenantId}`);
    await checkAccessibility(applicant, 'start page');
    await applicant.getByRole('link', { name: title }).click();
    await checkAccessibility(applicant, 'call page');
    await applicant.getByRole('link', { name: applicationText['call.apply'].nb }).click();
    await applicant.locator('[name="orgnr"]').fill(eidsvollOrganisation);
    await applicant.locator('[name="email"]').fill(email);
    await checkAccessibility(applicant, 'apply: start');
    await Promise.all([applicant.waitForURL(/\/contact$/), applicant.getByRole('button', { name: applicationText['start.submit'].nb }).click()]);
    await checkAccessibility(applicant, 'apply: contact');
    const continueButton = applicant.locator('button[name="intent"][value="continue"]');
    await applicant.locator('[name="contactName"]').fill('Kari Nordmann');
    await applicant.locator('[name="phone"]').fill('91234567');
    await applicant.locator('[name="accountNumber"]').fill('1234.56.78903');
    await Promise.all([applicant.waitForURL(/\/project$/), continueButton.click()]);
    await checkAccessibility(applicant, 'apply: project');
    await applicant.locator('[name="title"]').fill('Leksehjelp og fotball');
    await applicant.locator('[name="description"]').fill('Vi samler barn og foreldre hver uke.');
    await applicant.locator('[name="subGoals"][value="A"]').check();
    await applicant.locator('[name="targetGroup"]').fill('Barn 8–12 år');
    await applicant.locator('[name="activities"]').fill('Leksehjelp tirsdager');
    await applicant.locator('[name="location"]').fill('Eidsvoll bibliotek');
    await applicant.locator('[name="startDate"]').fill(`${grantYear}-08-01`);
    await applicant.locator('[name="endDate"]').fill(`${grantYear}-11-30`);
    await applicant.locator('[name="expectedParticipants"]').fill('40');
    await applicant.locator('[name="volunteerHours"]').fill('300');
    await Promise.all([applicant.waitForURL(/\/budget$/), continueButton.click()]);
    await checkAccessibility(applicant, 'apply: budget');
    await applicant.locator('[name="costs.0.label"]').fill('Leie av lokale');
    await applicant.locator('[name="costs.0.amount"]').fill('30 000');
    await applicant.locator('[name="costs.1.label"]').fill('Mat');
    await applicant.locator('[name="costs.1.amount"]').fill('20000');
    await applicant.locator('[name="amountApplied"]').fill('50 000');
    await Promise.all([applicant.waitForURL(/\/attachments$/), continueButton.click()]);
    await checkAccessibility(applicant, 'apply: attachments');
    await applicant.locator('#field-file-statutes').setInputFiles(pdf);
    await applicant.locator('form.upload-form').first().locator('button').click();
    await expect(applicant.getByText('vedtekter.pdf').count()).resolves.toBeGreaterThan(0);
    await Promise.all([applicant.waitForURL(/\/questions$/), applicant.getByRole('link', { name: applicationText['attachments.continue'].nb }).click()]);
    // The round asks no questions of its own; the step says so.
    await expect(applicant.getByText(applicationText['questions.none'].nb).count()).resolves.toBe(1);
    await checkAccessibility(applicant, 'apply: questions');
    await Promise.all([applicant.waitForURL(/\/review$/), continueButton.click()]);
    await expect(applicant.locator('h1').textContent()).resolves.toBe(applicationText['review.title'].nb);
    await checkAccessibility(applicant, 'apply: review');
    await applicant.getByRole('button', { name: applicationText['review.submit'].nb }).click();
    const reference = (await applicant.locator('.ds-alert strong').textContent())!;
    expect(reference).toMatch(new RegExp(`^${tenantId.toUpperCase()}-${grantYear}-`));
    await checkAccessibility(applicant, 'apply: receipt');
    const stored = (await server.adapters.applications.listSubmittedByRound(tenantId, roundId)).find((each) => each.reference === reference)!;
    const applicationId = stored.applicationId;
    const casePath = `/officer/applications/${applicationId}`;

    // The caseworker opens the case from the round.
    const officer = await signedIn(caseworker, `/officer/rounds/${roundId}`);
    await checkAccessibility(officer, 'round page (open, with the application)');
    await officer.getByRole('link', { name: reference }).click();
    expect(new URL(officer.url()).pathname).toBe(casePath);
    await expect(officer.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(`Sak ${reference}`);
    await checkAccessibility(officer, 'case page');

    // Screening: the findings with their rules, and the registry checked again.
    await expect(officer.getByRole('heading', { name: 'Vilkår og funn' }).count()).resolves.toBe(1);
    await Promise.all([officer.waitForNavigation({ waitUntil: 'load' }), officer.getByRole('button', { name: 'Sjekk registeret på nytt' }).click()]);
    await expect(officer.getByText('Registeret er sjekket på nytt.').count()).resolves.toBe(1);
    await expect(officer.getByText(/Bekreftet i Enhetsregisteret/).count()).resolves.toBeGreaterThan(0);

    // He assigns himself by keyboard, then the three assessors.
    const chooseCaseworker = officer.getByLabel('Velg saksbehandler');
    await tabTo(officer, '[name="caseworkerId"]');
    for (let i = 0; i < 6 && (await chooseCaseworker.inputValue()) !== caseworker; i++) await officer.keyboard.press('ArrowDown');
    expect(await chooseCaseworker.inputValue()).toBe(caseworker);
    await officer.keyboard.press('Tab');
    await expect(officer.evaluate('document.activeElement?.textContent')).resolves.toBe('Lagre saksbehandler');
    await Promise.all([officer.waitForURL(/saved=caseworker/), officer.keyboard.press('Enter')]);
    await officer.getByRole('checkbox', { name: 'Aud Utvalgsmedlem', exact: false }).check();
    for (const name of ['Per Leder', 'Kari Saksbehandler']) await officer.getByRole('checkbox', { name, exact: true }).check();
    await Promise.all([officer.waitForURL(/saved=assessors/), officer.getByRole('button', { name: 'Lagre vurderere' }).click()]);
    await checkAccessibility(officer, 'case page (assessors saved)');

    // … and returns it for more information about the budget, by keyboard.
    await officer.goto(`${server.baseUrl}${casePath}/return`);
    await checkAccessibility(officer, 'return page');
    await officer.getByLabel('Melding til søkeren').focus();
    await officer.keyboard.type('Budsjettet mangler leie av utstyr. Legg det til.');
    await officer.getByLabel('Budsjett', { exact: true }).focus();
    await officer.keyboard.press('Space');
    await officer.getByRole('button', { name: 'Send tilbake til søkeren' }).focus();
    await submitByEnter(officer);
    await expect(officer.getByText('Søknaden er sendt tilbake. Søkeren har fått e-post med meldingen din.').isVisible()).resolves.toBe(true);
    await checkAccessibility(officer, 'return page (returned)');

    // The applicant gets the email, follows its link, changes the budget and sends it back.
    await flushOutbox(server.adapters, () => new Date(), server.baseUrl);
    const returned = (await emailsTo(email)).find((each) => each.subject.startsWith('Kommunen ber om flere opplysninger'));
    expect(returned?.body.text).toContain('Budsjettet mangler leie av utstyr.');
    await applicantContext.close();
    const device = await browser.newContext({ locale: 'nb-NO' });
    const status = await device.newPage();
    await status.goto(linkIn(returned!));
    await checkAccessibility(status, 'open link page');
    await status.getByRole('button').first().click();
    expect(new URL(status.url()).pathname).toBe(`/applications/${applicationId}`);
    await expect(status.getByRole('heading', { name: 'Kommunen ber om flere opplysninger' }).isVisible()).resolves.toBe(true);
    await checkAccessibility(status, 'status page (returned)');
    await status.getByRole('link', { name: 'Budsjett', exact: true }).last().click();
    await checkAccessibility(status, 'returned budget page');
    await status.locator('input[name="costs.2.label"]').fill('Utstyr');
    await status.locator('input[name="costs.2.amount"]').fill('10000');
    await status.locator('input[name="amountApplied"]').fill('60000');
    await status.getByRole('button', { name: 'Lagre utkast' }).click();
    await status.goto(`${server.baseUrl}/applications/${applicationId}/review`);
    await checkAccessibility(status, 'review page (returned)');
    await status.getByRole('button', { name: 'Send søknaden tilbake' }).click();
    await expect(status.getByText('Søknaden er sendt tilbake til kommunen.', { exact: false }).first().isVisible()).resolves.toBe(true);
    await checkAccessibility(status, 'status page (resubmitted)');
    expect((await server.adapters.applications.get(tenantId, applicationId))?.budget?.amountApplied).toBe(60_000);

    // The external assessor declares and scores by keyboard alone, from her list.
    const aud = await signedIn(assessor, '/officer/assessments');
    await checkAccessibility(aud, 'assessor’s list');
    await aud.getByRole('link', { name: reference }).click();
    await checkAccessibility(aud, 'declaration form');
    await tabTo(aud, '[name="declaration"]');
    await aud.keyboard.press('Space');
    await expect(aud.getByLabel('Jeg er habil i denne saken').isChecked()).resolves.toBe(true);
    await aud.getByRole('button', { name: 'Send erklæringen' }).focus();
    await submitByEnter(aud);
    await aud.getByRole('heading', { name: 'Poeng', level: 2 }).waitFor();
    await checkAccessibility(aud, 'score form');
    await tabTo(aud, '[name="scores.k1.score"]');
    for (let i = 0; i < 4; i++) await aud.keyboard.press('ArrowRight');
    await tabTo(aud, '[name="scores.k1.note"]');
    await aud.keyboard.type('Når godt ut til nyankomne.');
    await tabTo(aud, '[name="scores.k2.score"]');
    for (let i = 0; i < 3; i++) await aud.keyboard.press('ArrowRight');
    await tabTo(aud, '[name="scores.k2.note"]');
    await aud.keyboard.type('Planen er nøktern.');
    await aud.getByRole('button', { name: 'Send inn vurderingen' }).focus();
    await submitByEnter(aud);
    await aud.getByRole('heading', { name: 'Innsendte vurderinger' }).waitFor();
    await checkAccessibility(aud, 'submitted assessment');
    await aud.context().close();

    // Kari recuses; Per declares and scores.
    const kari = await signedIn(colleague, `${casePath}/assessment`);
    await kari.getByLabel('Jeg er inhabil og trer til side').check();
    await kari.getByLabel('Hvorfor er du inhabil?').fill('Jeg er i styret i foreningen.');
    await kari.getByRole('button', { name: 'Send erklæringen' }).click();
    await kari.getByText('Du meldte deg inhabil', { exact: false }).waitFor();
    await checkAccessibility(kari, 'recused view');
    await kari.context().close();
    const per = await signedIn(approver, `${casePath}/assessment`);
    await per.getByLabel('Jeg er habil i denne saken').check();
    await per.getByRole('button', { name: 'Send erklæringen' }).click();
    await per.getByRole('heading', { name: 'Poeng', level: 2 }).waitFor();
    await per.locator('#field-scores-k1-score-4').check();
    await per.getByLabel('Begrunnelse').first().fill('Bra.');
    await per.locator('#field-scores-k2-score-3').check();
    await per.getByLabel('Begrunnelse').nth(1).fill('Grei.');
    await per.getByRole('button', { name: 'Send inn vurderingen' }).click();
    await per.getByRole('heading', { name: 'Innsendte vurderinger' }).waitFor();
    await expect(per.getByText('2 av 2 vurderinger er sendt inn; 1 har meldt seg inhabil.', { exact: false }).count()).resolves.toBe(1);
    await checkAccessibility(per, 'assessments of the case');
    await per.context().close();

    // The caseworker ranks the round (its filter form by keyboard) and recommends by keyboard alone.
    await officer.goto(`${server.baseUrl}/officer/rounds/${roundId}/ranking`);
    await checkAccessibility(officer, 'ranking');
    await expect(officer.locator('tbody tr[data-reference]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-reference')))).resolves.toEqual([reference]);
    await officer.getByLabel('Funn i kontrollen').focus();
    await officer.keyboard.press('Tab');
    await officer.keyboard.press('Tab');
    await officer.keyboard.press('Tab');
    await expect(officer.evaluate('document.activeElement?.textContent?.trim()')).resolves.toBe('Vis');
    await submitByEnter(officer);
    await checkAccessibility(officer, 'ranking (filtered)');
    await officer.goto(`${server.baseUrl}${casePath}/recommendation`);
    await checkAccessibility(officer, 'recommendation');
    const grantText = defaultStandardTexts.find((text) => text.id === 'grant-purpose')!.text.nb;
    await officer.getByLabel('Innvilge', { exact: true }).focus();
    await officer.keyboard.press('Space');
    await officer.getByLabel(grantText).focus();
    await officer.keyboard.press('Space');
    await officer.getByRole('button', { name: 'Bruk valgte tekster' }).focus();
    await submitByEnter(officer);
    expect(officer.url()).toMatch(/prefill=1/);
    await officer.getByLabel('Beløp i kroner').focus();
    await officer.keyboard.press('Control+A');
    await officer.keyboard.type('60 000');
    await officer.getByRole('button', { name: 'Lagre innstillingen' }).focus();
    await submitByEnter(officer);
    await expect(officer.getByText('Innstillingen er lagret.').count()).resolves.toBe(1);
    await checkAccessibility(officer, 'recommendation (saved)');
    expect((await server.adapters.applications.get(tenantId, applicationId))?.recommendation).toMatchObject({ outcome: 'grant', amount: 60_000 });
    await officer.context().close();

    // The approver signs the round's decisions as a batch, by keyboard.
    const decider = await signedIn(approver, `/officer/rounds/${roundId}/decisions`);
    await checkAccessibility(decider, 'batch decisions');
    await decider.getByLabel('Velg alle').focus();
    await decider.keyboard.press('Space');
    await decider.getByRole('button', { name: 'Signer valgte vedtak' }).focus();
    await submitByEnter(decider);
    await decider.locator('#batch-results-heading').waitFor();
    await expect(decider.getByText('1 vedtak signert, 0 ikke signert.').count()).resolves.toBe(1);
    await checkAccessibility(decider, 'batch decisions (signed)');
    await decider.context().close();
    expect((await server.adapters.applications.get(tenantId, applicationId))?.status).toBe('granted');

    // The letter is in the applicant's inbox; the status page shows the decision and the letter.
    await flushOutbox(server.adapters, () => new Date(), server.baseUrl);
    const letter = (await emailsTo(email)).find((each) => each.subject === `Vedtak: søknaden ${reference} er innvilget`);
    expect(letter?.body.text).toContain('60\u00a0000');
    await status.goto(`${server.baseUrl}/applications/${applicationId}`);
    await expect(status.getByRole('heading', { name: 'Vedtak', exact: true }).count()).resolves.toBe(1);
    await checkAccessibility(status, 'status page (decided)');
    await status.getByRole('link', { name: /vedtaksbrevet/i }).first().click();
    await expect(status.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Vedtak om tilskudd');
    await checkAccessibility(status, 'applicant’s letter');
    await device.close();

    expect(violations).toEqual([]);
  });
});
