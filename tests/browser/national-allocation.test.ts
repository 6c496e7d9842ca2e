import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { osloYearOf } from '../../shared/national/register';
import type { Tenant } from '../../shared/kernel/tenants';
import { sendPendingMail } from '../../shared/outbox/use-cases/send-pending-mail';
import { defaultRuleSets } from '../../shared/rules/default-rule-sets';
import { accessibilityViolations, describeInBrowser, serverAndBrowserWith } from '../support/browser';
import { emailsTo, freshRecipient } from '../support/mail-inbox';
import { startSignInServer } from '../support/sign-in';
import { freshTenantId, ownTableConfig } from '../support/test-environment';

/** This year, while it has rules; the last year with rules after that. */
const thisYear = osloYearOf(new Date());
const YEAR = defaultRuleSets.some((rules) => rules.grantYear === thisYear) ? thisYear : defaultRuleSets.at(-1)!.grantYear;

/** SSB's semicolon download in Latin-1, numbered as in 2024: two managing municipalities and one that is not. */
const ssbKey = Buffer.from([
  '"09817: Innvandrere og norskfødte med innvandrerforeldre, etter region, år"',
  '',
  '"region";"statistikkvariabel";"2024"',
  '"0 Hele landet";"Personer";"1 000 000"',
  '"K-3240 Eidsvoll";"Personer";"3 000"',
  '"K-3222 Lørenskog";"Personer";"7 000"',
  '"K-1804 Bodø";"Personer";"5 000"',
].join('\r\n'), 'latin1');

describeInBrowser('IMDi publishes the year’s allocation in Chromium', () => {
  const tenants: Tenant[] = [
    { tenantId: freshTenantId('ba'), kind: 'municipality', name: 'Eidsvoll', kommunenummer: '3240', kommunenummerValidFrom: 2024, managingYears: [YEAR], contactEmail: freshRecipient('eidsvoll') },
    { tenantId: freshTenantId('bb'), kind: 'municipality', name: 'Lørenskog', kommunenummer: '3222', kommunenummerValidFrom: 2024, managingYears: [YEAR], contactEmail: freshRecipient('lorenskog') },
    { tenantId: freshTenantId('bn'), kind: 'national', name: 'IMDi', managingYears: [YEAR] },
  ];
  // A table of its own: the register decides who shares the year's frame, and other files add municipalities.
  const harness = serverAndBrowserWith(tenants);

  const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

  it('imports the key, reviews and publishes; two municipalities see their frames and the letter is in the inbox, with no WCAG 2.1 A/AA violations', async () => {
    // Prepare
    const imdi = await (await harness.browser.newContext({ locale: 'nb-NO' })).newPage();
    imdi.setDefaultTimeout(20_000);
    await imdi.goto(`${harness.server.baseUrl}/national/years/${YEAR}`);
    await imdi.getByRole('button', { name: 'Logg inn som Administrator i IMDi' }).first().click();
    await expect(heading(imdi)).resolves.toBe(`Fordeling ${YEAR}`);
    expect(await accessibilityViolations(imdi), 'year page').toEqual([]);

    // Act: a file without the frame first, then the frame and the key
    await imdi.getByRole('button', { name: 'Importer og se fordelingen' }).click();
    await expect(imdi.getByRole('link', { name: 'Velg fila med fordelingsnøkkelen.' }).count()).resolves.toBe(1);
    expect(await accessibilityViolations(imdi), 'year page with errors').toEqual([]);
    await imdi.getByLabel('Nasjonal ramme i kroner').fill('132 500 000');
    await imdi.getByLabel('Fordelingsnøkkel (CSV-fil)').setInputFiles({ name: 'ssb-09817.csv', mimeType: 'text/csv', buffer: ssbKey });
    await imdi.getByRole('button', { name: 'Importer og se fordelingen' }).click();

    // Assess: the review, 92 750 000 split 3:7
    await expect(heading(imdi)).resolves.toBe(`Se over fordelingen for ${YEAR}`);
    await expect(imdi.getByRole('row', { name: /Eidsvoll .*27\s825\s000\skr/ }).count()).resolves.toBe(1);
    await expect(imdi.getByRole('row', { name: /Lørenskog .*64\s925\s000\skr/ }).count()).resolves.toBe(1);
    await expect(imdi.getByText('Rader som ikke er en forvaltningskommune (1)').count()).resolves.toBe(1);
    expect(await accessibilityViolations(imdi), 'review page').toEqual([]);

    // Act: publish
    await imdi.getByRole('button', { name: 'Publiser versjon 1' }).click();

    // Assess
    await expect(heading(imdi)).resolves.toBe(`Fordeling ${YEAR}, versjon 1`);
    await expect(imdi.getByText('Versjon 1 er publisert.', { exact: false }).count()).resolves.toBe(1);
    expect(await accessibilityViolations(imdi), 'version page').toEqual([]);
    await imdi.getByRole('link', { name: `Tilbake til fordelingen for ${YEAR}` }).click();
    await expect(imdi.getByRole('link', { name: 'Versjon 1' }).count()).resolves.toBe(1);
    expect(await accessibilityViolations(imdi), 'year page with a version').toEqual([]);
    const positions = imdi.getByRole('table', { name: `Budsjettposisjonen til hver kommune for ${YEAR}, i kroner` });
    await expect(positions.getByRole('row', { name: `${tenants[0]!.name} 27 825 000 kr`, exact: false }).count()).resolves.toBe(1);

    for (const [tenant, frame] of [[tenants[0]!, '27\u00a0825\u00a0000\u00a0kr'], [tenants[1]!, '64\u00a0925\u00a0000\u00a0kr']] as const) {
      // Act: the municipality's workspace
      const officer = await (await harness.browser.newContext({ locale: 'nb-NO' })).newPage();
      officer.setDefaultTimeout(20_000);
      await officer.goto(`${harness.server.baseUrl}/officer?year=${YEAR}`);
      await officer.getByRole('button', { name: `Logg inn som Saksbehandler i ${tenant.name}`, exact: true }).click();

      // Assess
      await expect(officer.getByRole('heading', { name: `Budsjett ${YEAR}` }).count()).resolves.toBe(1);
      // Accessible names read a no-break space as a space.
      const amount = frame.replace(/\u00a0/g, ' ');
      await expect(officer.getByRole('row', { name: `Ramme fra IMDi ${amount}` }).count()).resolves.toBe(1);
      await expect(officer.getByRole('row', { name: `Tilgjengelig ${amount}` }).count()).resolves.toBe(1);
      expect(await accessibilityViolations(officer), `${tenant.name} workspace`).toEqual([]);
      await officer.context().close();
    }

    // Act: the outbox job's run
    await sendPendingMail({ outbox: harness.server.adapters.outbox, mailer: harness.server.adapters.mailer, clock: () => new Date() });

    // Assess
    const [letter] = await emailsTo(tenants[0]!.contactEmail!);
    expect(letter?.subject).toBe(`Oppdragsbrev ${YEAR}: ramme for Eidsvoll`);
    expect(letter?.body.text).toContain('27\u00a0825\u00a0000');
    await imdi.context().close();
  }, 240_000);
});
