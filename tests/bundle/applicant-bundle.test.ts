/**
 * The applicant Lambda as deployed: the minified bundle, driven by API Gateway HTTP API events.
 * Minification renames classes, so this is where an error mapped by class name shows its wrong status.
 */
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../functions/composition/config';
import { ApplicantClient } from '../support/applicant-client';
import { openCall } from '../support/calls';
import { freshRecipient } from '../support/mail-inbox';
import { freshTenantId, ownTableConfig, testAdapters } from '../support/test-environment';
import { behindHttpApi, BundledLambda, lambdaEnvironment } from './bundled-lambda';

/** A demo organisation registered in Eidsvoll (3240), where {@link openCall}'s municipality is. */
const eidsvollOrganisation = '311100386';
const day = 86_400_000;

/** What an applicant types on each page of the form, page by page. */
const answers = (email: string): Record<string, Record<string, string | string[]>> => ({
  contact: { contactName: 'Aud Bundlesen', email, phone: '400 00 000', accountNumber: '1234.56.78903' },
  project: {
    title: 'Språkkafé på biblioteket', description: 'Samtaletrening hver torsdag.', subGoals: ['A'],
    targetGroup: 'Voksne som lærer norsk', activities: 'Samtalegrupper', location: 'Eidsvoll bibliotek',
    startDate: '2027-02-01', endDate: '2027-10-31', expectedParticipants: '25', partners: '', volunteerHours: '120',
  },
  budget: { 'costs.0.label': 'Kaffe og kaker', 'costs.0.amount': '12 000', ownContribution: '0', amountApplied: '12 000' },
  questions: { reach: 'Plakater på biblioteket og voksenopplæringen.' },
});

/** Enough of a PDF for the attachment check, which reads the content, not the name. */
const statutes = () => new File([new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')], 'vedtekter.pdf', { type: 'application/pdf' });

describe('the applicant bundle behind API Gateway', () => {
  const tenantId = freshTenantId('bun');
  let config: Config;
  let lambda: BundledLambda;
  let app: ReturnType<typeof behindHttpApi>;

  beforeAll(async () => {
    config = await ownTableConfig();
    const now = Date.now();
    // The bundle reads the real clock, so the call is open around today.
    const call = openCall(tenantId, { opensAt: new Date(now - 30 * day).toISOString(), deadline: new Date(now + 30 * day).toISOString() });
    await testAdapters(config).calls.create(call);
    lambda = await BundledLambda.start('applicant', lambdaEnvironment(config));
    app = behindHttpApi(lambda);
  });

  afterAll(() => lambda?.stop());

  /** Starts an application for the demo organisation; returns the client holding its session. */
  async function startApplication() {
    const client = new ApplicantClient(app);
    await client.get(`/calls/${tenantId}/2027-1/apply`);
    const started = await client.post(`/calls/${tenantId}/2027-1/apply`, { orgnr: eidsvollOrganisation, email: freshRecipient('bundle') }, { guards: false });
    expect(started.status, client.lastPage.match(/ds-validation-message[^>]*>([^<]+)/)?.[1]).toBe(303);
    return { client, applicationPath: started.headers.get('location')!.replace(/\/contact$/, '') };
  }

  /** Posts an attachment as the upload form does, from the last page's CSRF token and version. */
  function upload(client: ApplicantClient, applicationPath: string, headers: Record<string, string> = {}) {
    const form = new FormData();
    form.append('csrf', /name="csrf" value="([^"]+)"/.exec(client.lastPage)![1]!);
    form.append('version', /name="version" value="([^"]+)"/.exec(client.lastPage)![1]!);
    form.append('kind', 'statutes');
    form.append('file', statutes());
    return client.request(`${applicationPath}/attachments`, { method: 'POST', body: form, headers });
  }

  /** Fills every page of the form and uploads the statutes; returns each step's status. */
  async function completeForm(client: ApplicantClient, applicationPath: string) {
    const statuses: Record<string, number> = {};
    for (const [section, fields] of Object.entries(answers(freshRecipient('bundle')))) {
      await client.get(`${applicationPath}/${section}`);
      statuses[section] = (await client.post(`${applicationPath}/${section}`, { ...fields, intent: 'continue' })).status;
    }
    await client.get(`${applicationPath}/attachments`);
    statuses.attachments = (await upload(client, applicationPath)).status;
    await client.get(`${applicationPath}/review`);
    return statuses;
  }

  it('serves the start page and the call page', async () => {
    // Act
    const start = await app.request(`https://api.example.test/?kommune=${tenantId}`, { headers: { accept: 'text/html' } });
    const call = await app.request(`https://api.example.test/calls/${tenantId}/2027-1`, { headers: { accept: 'text/html' } });

    // Assess
    expect(start.status).toBe(200);
    expect(await start.text()).toContain(`Testby ${tenantId} kommune`);
    expect(call.status).toBe(200);
    expect(await call.text()).toContain('Søk på denne utlysningen');
  });

  it('takes an application from start to submission, checking the organisation in the registry', async () => {
    // Prepare
    const { client, applicationPath } = await startApplication();

    // Act
    const steps = await completeForm(client, applicationPath);
    const submitted = await client.post(`${applicationPath}/submit`, {});
    const receipt = await client.get(`${applicationPath}/receipt`);
    const receiptPage = await receipt.text();
    const status = await client.get(applicationPath);

    // Assess
    expect(steps).toEqual({ contact: 303, project: 303, budget: 303, questions: 303, attachments: 303 });
    expect(submitted.status).toBe(303);
    expect(submitted.headers.get('location')).toBe(`${applicationPath}/receipt`);
    expect(receipt.status).toBe(200);
    expect(/<strong>([A-Z0-9-]+)<\/strong>/.exec(receiptPage)?.[1]).toMatch(new RegExp(`^${tenantId.toUpperCase()}-2027-`));
    expect(status.status).toBe(200);
    expect(await status.text()).toContain('Mottatt');
  });

  it('answers 404 for an application the session does not hold, as a page and as problem+json', async () => {
    // Prepare
    const { client } = await startApplication();
    const unknownPath = `/applications/${ulid()}`;

    // Act
    const page = await client.get(unknownPath);
    const problem = await client.request(unknownPath, { headers: { accept: 'application/json' } });

    // Assess
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('Vi finner ikke siden');
    expect(problem.status).toBe(404);
    expect(problem.headers.get('content-type')).toContain('application/problem+json');
  });

  it('refuses a save from a tab that loaded an older version with 409, keeping what was typed', async () => {
    // Prepare: two tabs on the same contact page; the other one saves first
    const { client, applicationPath } = await startApplication();
    const contact = answers(freshRecipient('bundle')).contact!;
    await client.get(`${applicationPath}/contact`);
    const stalePage = client.lastPage;
    await client.post(`${applicationPath}/contact`, { ...contact, intent: 'save' });

    // Act
    client.lastPage = stalePage;
    const response = await client.post(`${applicationPath}/contact`, { ...contact, contactName: 'Gammel Fane', intent: 'save' });

    // Assess
    expect(response.status).toBe(409);
    const page = await response.text();
    expect(page).toContain('endret et annet sted samtidig');
    expect(page).toContain('value="Gammel Fane"');
  });

  it('refuses an upload from a tab still showing the draft after submission with 409 and the error code', async () => {
    // Prepare: a complete application, with its upload page open in a tab
    const { client, applicationPath } = await startApplication();
    await completeForm(client, applicationPath);
    await client.get(`${applicationPath}/attachments`);
    const uploadTab = client.lastPage;
    await client.get(`${applicationPath}/review`);
    expect((await client.post(`${applicationPath}/submit`, {})).status).toBe(303);

    // Act
    client.lastPage = uploadTab;
    const response = await upload(client, applicationPath, { accept: 'application/json' });

    // Assess
    expect(response.status).toBe(409);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 409, code: 'application.not_editable' });
  });
});
