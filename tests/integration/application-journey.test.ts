import { beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../functions/composition/config';
import { orgnrCheckDigit } from '../../shared/kernel/orgnr';
import { aggregateItem } from '../../functions/adapters/entities/aggregate-item';
import type { Orgnr } from '../../shared/kernel/orgnr';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { ApplicantClient, flushOutbox, linkIn, testApplicantApp } from '../support/applicant-client';
import { eidsvollOrganisation, fillEverything, filledSections, pdfBytes, upload } from '../support/application-form';
import { openCall } from '../support/calls';
import { emailsTo, freshRecipient } from '../support/mail-inbox';
import { freshTenantId, ownTableConfig } from '../support/test-environment';

/** A number with a correct check digit that the demo registry does not know. */
const unknownButValid = `31999990${orgnrCheckDigit('31999990')}`;

const deadline = '2027-03-01T11:00:00.000Z';

describe('an organisation applies, over HTTP', () => {
  let config: Config;
  const tenantId = freshTenantId('app');
  let now = new Date('2027-01-15T10:00:00.000Z');
  let harness: ReturnType<typeof testApplicantApp>;

  beforeAll(async () => {
    config = await ownTableConfig();
    harness = testApplicantApp(config, () => now);
    await harness.adapters.calls.create(openCall(tenantId, { deadline, opensAt: '2026-11-01T00:00:00.000Z' }));
  });

  /** Starts an application and fills every section, as far as `upTo`. */
  async function startedApplication(email = freshRecipient('soker'), tenant = tenantId) {
    const client = new ApplicantClient(harness.app);
    await client.get(`/calls/${tenant}/2027-1/apply`);
    const started = await client.post(`/calls/${tenant}/2027-1/apply`, { orgnr: eidsvollOrganisation, email }, { guards: false });
    expect(started.status).toBe(303);
    const applicationPath = started.headers.get('location')!.replace(/\/contact$/, '');
    return { client, applicationPath, email };
  }

  it('stores each section, submits once, and sends the link and the receipt by email', async () => {
    // Prepare
    const { client, applicationPath, email } = await startedApplication();
    await fillEverything(client, applicationPath, email);

    // Act
    const submitted = await client.post(`${applicationPath}/submit`, {});
    await flushOutbox(harness.adapters, () => now);

    // Assess
    expect(submitted.headers.get('location')).toBe(`${applicationPath}/receipt`);
    const receipt = await client.get(`${applicationPath}/receipt`);
    const page = await receipt.text();
    const reference = /<strong>([A-Z0-9-]+)<\/strong>/.exec(page)?.[1];
    expect(reference).toMatch(new RegExp(`^${tenantId.toUpperCase()}-2027-`));
    const emails = await emailsTo(email);
    expect(emails.map((each) => each.subject)).toEqual(
      expect.arrayContaining([expect.stringContaining('Lenke til søknaden din'), `Kvittering: søknad ${reference} er mottatt`]),
    );
    const receiptText = emails.find((each) => each.subject.startsWith('Kvittering'))!.body.text!;
    expect(receiptText).toContain('Leksehjelp og fotball');
    expect(receiptText).toContain('50\u00a0000\u00a0kr');
  });

  it('turns a double click on submit into exactly one submission and one receipt', async () => {
    // Prepare: a tenant of its own, so the counter counts this application alone
    const ownTenant = freshTenantId('dbl');
    await harness.adapters.calls.create(openCall(ownTenant, { deadline, opensAt: '2026-11-01T00:00:00.000Z' }));
    const { client, applicationPath, email } = await startedApplication(freshRecipient('soker'), ownTenant);
    await fillEverything(client, applicationPath, email);
    const aggregateKey = { TableName: config.TABLE_NAME, Key: aggregateItem.key(ownTenant, 2027) };
    const submittedBefore = Number((await harness.adapters.db.send(new GetCommand(aggregateKey))).Item?.applicationsSubmitted ?? 0);

    // Act: two posts of the same page at the same time
    const [first, second] = await Promise.all([client.post(`${applicationPath}/submit`, {}), client.post(`${applicationPath}/submit`, {})]);
    await flushOutbox(harness.adapters, () => now);

    // Assess
    expect(first.headers.get('location')).toBe(`${applicationPath}/receipt`);
    expect(second.headers.get('location')).toBe(`${applicationPath}/receipt`);
    const receipts = (await emailsTo(email)).filter((each) => each.subject.startsWith('Kvittering'));
    expect(receipts).toHaveLength(1);
    const applicationId = applicationPath.split('/').pop()!;
    const aggregate = await harness.adapters.db.send(new GetCommand(aggregateKey));
    expect(submittedBefore).toBe(0);
    expect(aggregate.Item?.applicationsSubmitted).toBe(1);
    const stored = await harness.adapters.applications.get(ownTenant, applicationId);
    expect(stored?.status).toBe('submitted');
  });

  it('refuses to submit 100 000 kr or more without audited accounts or an auditor’s confirmation, then accepts one', async () => {
    // Prepare: the audit threshold of the rule set is 100 000 kr
    const { client, applicationPath, email } = await startedApplication();
    const large = { ...filledSections.budget, 'costs.0.amount': '80 000', amountApplied: '100 000' };
    await fillEverything(client, applicationPath, email, { budget: large });
    const review = client.lastPage;

    // Act: the review offers no submit button, so post with the guards of another step's form
    await client.get(`${applicationPath}/attachments`);
    const refused = await client.post(`${applicationPath}/submit`, {});
    const refusedPage = await refused.text();
    await upload(client, applicationPath, 'auditor-confirmation', 'revisor.pdf');
    await client.get(`${applicationPath}/review`);
    const accepted = await client.post(`${applicationPath}/submit`, {});

    // Assess
    expect(review).toContain('Last opp regnskap bekreftet av revisor, eller en bekreftelse fra revisor.');
    expect(refused.status).toBe(422);
    expect(refusedPage).toContain('revisor');
    expect(accepted.headers.get('location')).toBe(`${applicationPath}/receipt`);
  });

  it('asks a local immigrant organisation applying for an operating grant for its counted members, and screens the number', async () => {
    // Prepare
    const { client, applicationPath, email } = await startedApplication();
    const operating = { ...filledSections.project, subGoals: ['D'], localImmigrantOrganisation: 'yes' };
    await client.get(`${applicationPath}/project`);

    // Act
    const withoutMembers = await client.post(`${applicationPath}/project`, { ...operating, intent: 'continue' });
    const withoutMembersPage = await withoutMembers.text();
    await fillEverything(client, applicationPath, email, { project: { ...operating, countedMembers: '12' } });
    const review = client.lastPage;

    // Assess
    expect(withoutMembers.status).toBe(422);
    expect(withoutMembersPage).toContain('Oppgi hvor mange tellende medlemmer organisasjonen har.');
    expect(review).toContain('Lokale innvandrerorganisasjoner må ha minst 20 tellende medlemmer for å få driftstilskudd.');
    expect(review).toMatch(/Antall tellende medlemmer<\/dt>\s*<dd>12 /);
  });

  it('offers the call’s earmarked pot on the project step and screens the application against the pot’s rules', async () => {
    // Prepare: a call that offers the pot for small and new organisations (at most 110 000 kr, under 5 years old)
    const potTenant = freshTenantId('pot');
    await harness.adapters.calls.create(openCall(potTenant, { deadline, opensAt: '2026-11-01T00:00:00.000Z', pots: [{ id: 'small-new-organisations' }] }));
    const { client, applicationPath, email } = await startedApplication(freshRecipient('soker'), potTenant);
    await client.get(`${applicationPath}/project`);
    const projectPage = client.lastPage;
    const large = { ...filledSections.budget, 'costs.0.amount': '130 000', amountApplied: '150 000' };

    // Act
    await fillEverything(client, applicationPath, email, { project: { ...filledSections.project, potId: 'small-new-organisations' }, budget: large });
    const review = client.lastPage;

    // Assess: the Eidsvoll demo organisation was founded in 2014
    expect(projectPage).toContain('value="small-new-organisations"');
    expect(review).toContain('Potten «Små og nye organisasjoner» er for organisasjoner som er yngre enn 5 år.');
    expect(review.replaceAll('\u00a0', ' ').replaceAll('&nbsp;', ' ')).toContain('Du kan søke om høyst 110 000 kr.');
  });

  it('refuses a save from a second tab that loaded an older version, and keeps what was typed', async () => {
    // Prepare: two tabs on the same contact page
    const { client, applicationPath, email } = await startedApplication();
    await client.get(`${applicationPath}/contact`);
    const stalePage = client.lastPage;
    await client.post(`${applicationPath}/contact`, { ...filledSections.contact, email, intent: 'save' });

    // Act: the first tab saves what it typed
    client.lastPage = stalePage;
    const response = await client.post(`${applicationPath}/contact`, { ...filledSections.contact, contactName: 'Ola Tab To', email, intent: 'save' });

    // Assess
    expect(response.status).toBe(409);
    const page = await response.text();
    expect(page).toContain('endret et annet sted samtidig');
    expect(page).toContain('value="Ola Tab To"');
  });

  it('accepts a submission at the deadline second and refuses one a second later, keeping the draft', async () => {
    // Prepare: two applicants working in the last hour
    now = new Date(Date.parse(deadline) - 3_600_000);
    const onTime = await startedApplication();
    await fillEverything(onTime.client, onTime.applicationPath, onTime.email);
    const late = await startedApplication();
    await fillEverything(late.client, late.applicationPath, late.email);

    // Act
    now = new Date(Date.parse(deadline) + 999);
    const accepted = await onTime.client.post(`${onTime.applicationPath}/submit`, {});
    now = new Date(Date.parse(deadline) + 1000);
    const refused = await late.client.post(`${late.applicationPath}/submit`, {});
    now = new Date('2027-01-15T10:00:00.000Z');

    // Assess
    expect(accepted.status).toBe(303);
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('Søknadsfristen er ute.');
    const draft = await harness.adapters.applications.get(tenantId, late.applicationPath.split('/').pop()!);
    expect(draft?.status).toBe('draft');
    expect(draft?.project?.title).toBe('Leksehjelp og fotball');
  });

  it('opens the application on another device from the emailed link, once', async () => {
    // Prepare
    const { email, applicationPath } = await startedApplication();
    await flushOutbox(harness.adapters, () => now);
    const link = new URL(linkIn((await emailsTo(email))[0]!));
    const otherDevice = new ApplicantClient(harness.app);

    // Act
    const confirmPage = await otherDevice.get(link.pathname);
    const opened = await otherDevice.post(link.pathname, {}, { guards: false });
    const status = await otherDevice.get(applicationPath);
    const third = new ApplicantClient(harness.app);
    const reused = await third.post(link.pathname, {}, { guards: false });

    // Assess
    expect(confirmPage.status).toBe(200);
    expect(opened.headers.get('location')).toBe(applicationPath);
    expect(status.status).toBe(200);
    expect(await status.text()).toContain('Utkast – ikke sendt');
    expect(reused.status).toBe(410);
  });

  it('never shows an application to a session of another application', async () => {
    // Prepare
    const first = await startedApplication();
    const second = await startedApplication();

    // Act
    const response = await first.client.get(second.applicationPath);
    const anonymous = await new ApplicantClient(harness.app).get(first.applicationPath);

    // Assess
    expect(response.status).toBe(404);
    expect(anonymous.status).toBe(401);
  });

  it('refuses a form without the session’s CSRF token', async () => {
    // Prepare
    const { client, applicationPath, email } = await startedApplication();
    await client.get(`${applicationPath}/contact`);

    // Act
    const response = await client.post(`${applicationPath}/contact`, { ...filledSections.contact, email, csrf: 'forged', intent: 'save' });

    // Assess
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('value="Kari Nordmann"');
  });

  it('refuses an attachment over 4 MB, and one that is not what its name says, next to the field', async () => {
    // Prepare
    const { client, applicationPath } = await startedApplication();
    await client.get(`${applicationPath}/attachments`);
    const upload = (file: File) => {
      const form = new FormData();
      form.append('csrf', /name="csrf" value="([^"]+)"/.exec(client.lastPage)![1]!);
      form.append('version', /name="version" value="([^"]+)"/.exec(client.lastPage)![1]!);
      form.append('kind', 'statutes');
      form.append('file', file);
      return client.request(`${applicationPath}/attachments`, { method: 'POST', body: form });
    };
    const oversize = new Uint8Array(4 * 1024 * 1024 + 1);
    oversize.set(pdfBytes);

    // Act
    const tooLarge = await upload(new File([oversize], 'vedtekter.pdf', { type: 'application/pdf' }));
    const tooLargePage = await tooLarge.text();
    const disguised = await upload(new File([new TextEncoder().encode('MZ not a pdf')], 'vedtekter.pdf', { type: 'application/pdf' }));
    const disguisedPage = await disguised.text();

    // Assess
    expect(tooLarge.status).toBe(422);
    expect(tooLargePage).toMatch(/id="field-file-statutes-error"[^>]*>[^<]*4\s?MB/);
    expect(disguised.status).toBe(422);
    expect(disguisedPage).toContain('id="field-file-statutes-error"');
    const stored = await harness.adapters.applications.get(tenantId, applicationPath.split('/').pop()!);
    expect(stored?.attachments).toEqual([]);
  });

  it('withdraws a submitted application only when confirmed', async () => {
    // Prepare
    const { client, applicationPath, email } = await startedApplication();
    await fillEverything(client, applicationPath, email);
    await client.post(`${applicationPath}/submit`, {});
    await client.get(applicationPath);

    // Act
    const unconfirmed = await client.post(`${applicationPath}/withdraw`, {});
    await client.get(applicationPath);
    const confirmed = await client.post(`${applicationPath}/withdraw`, { confirm: 'yes' });
    const status = await client.get(`${applicationPath}?notice=withdrawn`);

    // Assess
    expect(unconfirmed.status).toBe(422);
    expect(confirmed.status).toBe(303);
    expect(await status.text()).toContain('Trukket');
    // The funding index says so too, so no municipality warns of it as possible double funding.
    const applicationId = applicationPath.split('/').at(-1)!;
    const entries = await harness.adapters.funding.listFor(eidsvollOrganisation as Orgnr, 2027);
    expect(entries.find((entry) => entry.applicationId === applicationId)?.status).toBe('withdrawn');
  });
});

describe('the first page of the form', () => {
  let harness: ReturnType<typeof testApplicantApp>;
  const tenantId = freshTenantId('start');

  beforeAll(async () => {
    const config = await ownTableConfig();
    harness = testApplicantApp(config, () => new Date('2027-01-15T10:00:00.000Z'));
    await harness.adapters.calls.create(openCall(tenantId, { deadline, opensAt: '2026-11-01T00:00:00.000Z' }));
  });

  async function start(orgnr: string, lang = 'nb-NO') {
    const client = new ApplicantClient(harness.app);
    const response = await client.request(`/calls/${tenantId}/2027-1/apply`, {
      method: 'POST',
      body: new URLSearchParams({ orgnr, email: freshRecipient() }),
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': lang },
    });
    return { status: response.status, page: await response.text() };
  }

  it.each([
    ['123456789', 'ikke et gyldig organisasjonsnummer'],
    ['12345', '9 sifre'],
    [unknownButValid, 'finner ikke organisasjonsnummeret'],
    ['312340593', 'slettet fra Enhetsregisteret'],
    ['311890042', 'Frivillighetsregisteret'],
    ['310501123', 'adresse i kommunen'],
  ])('refuses %s with a message next to the field, keeping what was typed', async (orgnr, message) => {
    // Act
    const { status, page } = await start(orgnr);

    // Assess
    expect(status).toBe(422);
    expect(page).toContain(message);
    expect(page).toContain(`value="${orgnr}"`);
  });

  it('answers in English when the applicant reads English', async () => {
    // Act
    const { page } = await start('123456789', 'en-GB');

    // Assess
    expect(page).toContain('lang="en"');
    expect(page).toContain('This is not a valid organisation number');
  });

  it('starts next year from last year’s application when asked, leaving the dates to be set again', async () => {
    // Prepare: last year's submitted application of the same organisation and person
    const email = freshRecipient('prefill');
    const lastYear = {
      tenantId,
      roundId: '2026-1',
      applicationId: `01LASTYEAR${Date.now()}`,
      reference: 'LAST-2026',
      grantYear: 2026,
      orgnr: eidsvollOrganisation,
      organisationName: 'Eidsvoll frivillige nettverk',
      email,
      status: 'approved',
      version: 5,
      createdAt: '2026-01-10T10:00:00.000Z',
      updatedAt: '2026-12-01T10:00:00.000Z',
      language: 'nb',
      registryCheck: { status: 'not_verified', checkedAt: '2026-01-10T10:00:00.000Z', reason: 'timeout' },
      attachments: [],
      project: { ...filledSections.project, subGoals: ['A'], startDate: '2026-02-01', endDate: '2026-11-30', expectedParticipants: 30, volunteerHours: 200 },
    } as never;
    await harness.adapters.applications.create(lastYear, { eventId: `01EVT${Date.now()}`, at: '2026-01-10T10:00:00.000Z', actor: 'test', action: 'seed' }, [], []);
    const client = new ApplicantClient(harness.app);

    // Act
    const started = await client.post(`/calls/${tenantId}/2027-1/apply`, { orgnr: eidsvollOrganisation, email, prefill: 'yes' }, { guards: false });
    const project = await client.get(started.headers.get('location')!.replace(/contact$/, 'project'));

    // Assess
    const page = await project.text();
    expect(page).toContain('value="Leksehjelp og fotball"');
    expect(page).toContain('name="startDate" type="date" value=""');
  });

  it('starts a draft it could not verify when the registry does not answer, and says the check will be repeated', async () => {
    // Act: 312567024 never answers; the adapter gives up after its timeout
    const client = new ApplicantClient(harness.app);
    const started = await client.post(`/calls/${tenantId}/2027-1/apply`, { orgnr: '312567024', email: freshRecipient() }, { guards: false });
    const contact = await client.get(started.headers.get('location')!);

    // Assess
    expect(started.status).toBe(303);
    expect(await contact.text()).toContain('vi sjekker organisasjonen på nytt');
  });
});
