import { ulid } from 'ulid';
import { expect, it } from 'vitest';
import type { Application } from '../../shared/applications/application';
import type { Orgnr } from '../../shared/kernel/orgnr';
import type { Tenant } from '../../shared/kernel/tenants';
import { flushOutbox, linkIn } from '../support/applicant-client';
import { accessibilityViolations, describeInBrowser, serverAndBrowserWith } from '../support/browser';
import { openCall } from '../support/calls';
import { emailsTo, freshRecipient } from '../support/mail-inbox';
import { freshTenantId } from '../support/test-environment';

describeInBrowser('returning an application for more information, in Chromium', () => {
  const municipality = freshTenantId('rb');
  const tenant: Tenant = { tenantId: municipality, kind: 'municipality', name: `Vestby ${municipality}`, kommunenummer: '3019', managingYears: [2027] };
  const email = freshRecipient('retur-nett');
  const applicationId = ulid();
  const call = openCall(municipality, { administratorName: `${tenant.name} kommune` });

  const harness = serverAndBrowserWith([tenant], async (server) => {
    await server.adapters.calls.create(call);
    const at = new Date().toISOString();
    const application = {
      tenantId: municipality, roundId: call.roundId, applicationId, reference: `${municipality.toUpperCase()}-2027-${applicationId.slice(-6)}`, grantYear: 2027,
      orgnr: '311100386' as Orgnr, organisationName: 'Eidsvoll frivilligsentral', email, status: 'submitted', version: 1, createdAt: at, updatedAt: at, submittedAt: at,
      language: 'nb', registryCheck: { status: 'not_verified', checkedAt: at, reason: 'timeout' },
      contact: { contactName: 'Kari Nordmann', email, phone: '91234567', accountNumber: '12345678903' },
      project: { title: 'Leksehjelp', description: 'Hver uke.', subGoals: ['A'], targetGroup: 'Barn', activities: 'Leksehjelp', location: 'Biblioteket', startDate: '2027-02-01', endDate: '2027-11-30', expectedParticipants: 20, partners: '', volunteerHours: 100 },
      budget: { costs: [{ label: 'Leie', amount: 30_000 }], otherIncome: [], ownContribution: 0, amountApplied: 30_000 },
      answers: Object.fromEntries(call.extraQuestions.map((question) => [question.id, 'Vi samarbeider med skolen.'])),
      attachments: [{ kind: 'statutes', key: `${municipality}/${applicationId}/vedtekter.pdf`, filename: 'vedtekter.pdf', contentType: 'application/pdf', size: 100, uploadedAt: at }],
    } as unknown as Application;
    await server.adapters.applications.create(application, { eventId: ulid(), at, actor: `applicant:${applicationId}`, action: 'submit', to: 'submitted' }, [], []);
  });

  it('an officer returns by keyboard, the applicant follows the emailed link, changes the budget and sends it back, with no WCAG 2.1 A/AA violations', async () => {
    const { server, browser } = harness;
    const officerContext = await browser.newContext({ locale: 'nb-NO' });
    const officer = await officerContext.newPage();

    // Act: sign in and open the return page
    await officer.goto(`${server.baseUrl}/officer/applications/${applicationId}/return`);
    await officer.getByRole('button', { name: `Logg inn som Saksbehandler i ${tenant.name}`, exact: true }).click();

    // Assess
    expect(new URL(officer.url()).pathname).toBe(`/officer/applications/${applicationId}/return`);
    await expect(officer.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Send søknaden tilbake til søkeren');
    expect(await accessibilityViolations(officer), 'return page').toEqual([]);

    // Act: send without choosing a section, by keyboard
    await officer.getByLabel('Melding til søkeren').focus();
    await officer.keyboard.type('Budsjettet mangler leie av utstyr. Legg det til.');
    await officer.keyboard.press('Tab');
    await officer.keyboard.press('Tab');
    await officer.keyboard.press('Tab');
    await officer.keyboard.press('Tab');
    await officer.keyboard.press('Tab');
    await officer.keyboard.press('Tab');
    await expect(officer.evaluate('document.activeElement?.textContent?.trim()')).resolves.toBe('Send tilbake til søkeren');
    await officer.keyboard.press('Enter');
    await officer.waitForLoadState();

    // Assess: the error by the field, what was typed kept
    await expect(officer.getByText('Velg minst én del av søknaden som søkeren kan endre.').first().isVisible()).resolves.toBe(true);
    await expect(officer.getByLabel('Melding til søkeren').inputValue()).resolves.toBe('Budsjettet mangler leie av utstyr. Legg det til.');
    expect(await accessibilityViolations(officer), 'return page with an error').toEqual([]);

    // Act: choose the budget with the space bar and send with Enter
    await officer.getByLabel('Budsjett', { exact: true }).focus();
    await officer.keyboard.press('Space');
    await officer.getByRole('button', { name: 'Send tilbake til søkeren' }).focus();
    await officer.keyboard.press('Enter');
    await officer.waitForLoadState();

    // Assess
    await expect(officer.getByText('Søknaden er sendt tilbake. Søkeren har fått e-post med meldingen din.').isVisible()).resolves.toBe(true);
    expect(await accessibilityViolations(officer), 'returned').toEqual([]);
    await officerContext.close();

    // Act: the email arrives; the applicant opens its link
    await flushOutbox(server.adapters, () => new Date(), server.baseUrl);
    const mail = (await emailsTo(email)).find((each) => each.subject.startsWith('Kommunen ber om flere opplysninger'));
    expect(mail?.body.text).toContain('Budsjettet mangler leie av utstyr.');
    const applicantContext = await browser.newContext({ locale: 'nb-NO' });
    const applicant = await applicantContext.newPage();
    await applicant.goto(linkIn(mail!));
    expect(await accessibilityViolations(applicant), 'open link page').toEqual([]);
    await applicant.getByRole('button').first().click();

    // Assess: the status page shows the request
    expect(new URL(applicant.url()).pathname).toBe(`/applications/${applicationId}`);
    await expect(applicant.getByRole('heading', { name: 'Kommunen ber om flere opplysninger' }).isVisible()).resolves.toBe(true);
    await expect(applicant.getByText('Søknadsfristen gjelder ikke for svaret ditt.', { exact: false }).isVisible()).resolves.toBe(true);
    expect(await accessibilityViolations(applicant), 'status page with the request').toEqual([]);

    // Act: into the budget, change the amount, save and continue
    await applicant.getByRole('link', { name: 'Budsjett', exact: true }).last().click();
    expect(new URL(applicant.url()).pathname).toBe(`/applications/${applicationId}/budget`);
    expect(await accessibilityViolations(applicant), 'budget page').toEqual([]);
    await applicant.locator('input[name="costs.1.label"]').fill('Utstyr');
    await applicant.locator('input[name="costs.1.amount"]').fill('10000');
    await applicant.locator('input[name="amountApplied"]').fill('40000');
    await applicant.getByRole('button', { name: 'Lagre utkast' }).click();
    await applicant.goto(`${server.baseUrl}/applications/${applicationId}/review`);

    // Assess: the review offers sending back
    await expect(applicant.getByRole('heading', { name: 'Send søknaden tilbake til kommunen' }).isVisible()).resolves.toBe(true);
    expect(await accessibilityViolations(applicant), 'review page').toEqual([]);

    // Act
    await applicant.getByRole('button', { name: 'Send søknaden tilbake' }).focus();
    await applicant.keyboard.press('Enter');
    await applicant.waitForLoadState();

    // Assess
    expect(new URL(applicant.url()).pathname).toBe(`/applications/${applicationId}`);
    await expect(applicant.getByText('Søknaden er sendt tilbake til kommunen.', { exact: false }).first().isVisible()).resolves.toBe(true);
    await expect(applicant.getByText('Under behandling').first().isVisible()).resolves.toBe(true);
    expect(await accessibilityViolations(applicant), 'status page after sending back').toEqual([]);
    const stored = await server.adapters.applications.get(municipality, applicationId);
    expect(stored?.status).toBe('under_assessment');
    expect(stored?.budget?.amountApplied).toBe(40_000);
    await applicantContext.close();
  });
});
