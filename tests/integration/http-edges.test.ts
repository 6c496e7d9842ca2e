import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsersOf, type LocalUser } from '../../infra/local/identity-provider';
import type { Tenant } from '../../shared/kernel/tenants';
import { applicantApp } from '../../functions/composition/applicant-app';
import { createCompositionRoot } from '../../functions/composition/root';
import { createLogger } from '../../functions/http/common/logger';
import { ApplicantClient, testApplicantApp } from '../support/applicant-client';
import { filledSections } from '../support/application-form';
import { openCall } from '../support/calls';
import { freshRecipient } from '../support/mail-inbox';
import { signIn, startSignInServer } from '../support/sign-in';
import { freshTenantId, testConfig } from '../support/test-environment';

/** A demo organisation registered in Eidsvoll, in Frivillighetsregisteret. */
const eidsvollOrganisation = '311100386';
const ownOrigin = 'http://localhost:3000';

type Fetcher = (path: string, init?: RequestInit) => Promise<Response>;

/** Posts as the product's own pages do, with this site as the origin, unless the test says otherwise. */
function post(fetcher: Fetcher, path: string, body: RequestInit['body'], headers: Record<string, string> = {}) {
  return fetcher(path, { method: 'POST', body, headers: { origin: ownOrigin, ...headers }, redirect: 'manual' });
}

async function problemOf(response: Response) {
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  return (await response.json()) as { title: string; status: number; errors?: { field: string; message: string }[] };
}

describe('the edges of the applicant app', () => {
  const tenantId = freshTenantId('edge');
  const applyPath = `/calls/${tenantId}/2027-1/apply`;
  let harness: ReturnType<typeof testApplicantApp>;
  let fetcher: Fetcher;

  beforeAll(async () => {
    harness = testApplicantApp(testConfig());
    fetcher = async (path, init) => harness.app.request(`${ownOrigin}${path}`, init);
    await harness.adapters.calls.create(openCall(tenantId));
  });

  it('answers an unknown page with the product’s 404 page in the reader’s language', async () => {
    // Act
    const page = await fetcher('/no-such-page', { headers: { 'accept-language': 'en' } });
    const deleted = await fetcher('/', { method: 'DELETE', headers: { 'accept-language': 'nn' } });

    // Assess
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('We cannot find that page');
    expect(deleted.status).toBe(404);
    expect(deleted.headers.get('content-type')).toContain('text/html');
  });

  it('answers an unknown API path with a problem in the reader’s language', async () => {
    // Act
    const response = await fetcher('/api/nope', { headers: { 'accept-language': 'en' } });

    // Assess
    expect(response.status).toBe(404);
    expect((await problemOf(response)).title).toBe('We cannot find that page');
  });

  it('explains an invalid API filter in the reader’s language, not in the library’s English', async () => {
    // Act
    const response = await fetcher('/api/calls?delmal=Z', { headers: { 'accept-language': 'nb' } });

    // Assess
    expect(response.status).toBe(400);
    const problem = await problemOf(response);
    expect(problem.errors?.[0]?.field).toBe('delmal');
    expect(problem.errors?.[0]?.message).not.toMatch(/invalid|expected|must/i);
  });

  it('answers a multipart form without a boundary, or cut short, with 400 and the product’s page', async () => {
    // Prepare
    const truncated = '--edge\r\ncontent-disposition: form-data; name="orgnr"\r\n\r\n3111';

    const lines: { level: string; message: string; status?: number }[] = [];
    const logger = createLogger('warn', {}, (line) => lines.push(JSON.parse(line)));
    const logged = applicantApp(createCompositionRoot(testConfig(), { logger }), testConfig().MAGIC_LINK_SECRET!);
    const send: Fetcher = async (path, init) => logged.request(`${ownOrigin}${path}`, init);

    // Act
    const resume = await post(send, '/resume', 'orgnr=1', { 'content-type': 'multipart/form-data' });
    const apply = await post(send, applyPath, truncated, { 'content-type': 'multipart/form-data; boundary=edge' });

    // Assess
    for (const response of [resume, apply]) {
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(await response.text()).toContain('Vi forstod ikke forespørselen');
    }
    expect(lines.filter((line) => line.status === 400).map((line) => line.level)).toEqual(['warn', 'warn']);
    expect(lines.some((line) => line.level === 'error')).toBe(false);
  });

  it('refuses a start form posted from another site or without an origin, and opens no session', async () => {
    // Prepare
    const form = () => new URLSearchParams({ orgnr: eidsvollOrganisation, email: freshRecipient('edge') });

    // Act
    const foreign = await post(fetcher, applyPath, form(), { origin: 'https://evil.example', 'accept-language': 'en' });
    const missing = await fetcher(applyPath, { method: 'POST', body: form(), redirect: 'manual' });

    // Assess
    for (const response of [foreign, missing]) {
      expect(response.status).toBe(403);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(response.headers.getSetCookie().some((cookie) => cookie.startsWith('fordel_soknad'))).toBe(false);
    }
    expect(await foreign.text()).toContain('lang="en"');
  });

  it('refuses a form from another site on every route that changes state', async () => {
    // Prepare
    const routes = harness.app.routes.filter((route) => !['GET', 'HEAD', 'ALL'].includes(route.method));
    const concrete = (path: string) =>
      path.replace(':tenantId', tenantId).replace(':roundId', '2027-1').replace(':applicationId', '01JAPPLICATION').replace(':token', 'token');
    expect(routes.length).toBeGreaterThanOrEqual(8);

    for (const route of routes) {
      // Act
      const response = await fetcher(concrete(route.path), {
        method: route.method,
        body: 'csrf=x',
        headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      });

      // Assess
      expect(response.status, `${route.method} ${route.path}`).toBe(403);
    }
  });

  it('refuses a form body over its limit with 413 before reading it whole', async () => {
    // Prepare
    const huge = `orgnr=${'1'.repeat(10 * 1024 * 1024)}&email=a%40b.no`;

    // Act
    const response = await post(fetcher, '/resume', huge, { 'content-type': 'application/x-www-form-urlencoded' });

    // Assess
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toContain('text/html');
  });

  it('answers a section saved with a version too large to compare as a stale page (409), keeping what was typed', async () => {
    // Prepare
    const client = new ApplicantClient(harness.app);
    await client.get(applyPath);
    const started = await client.post(applyPath, { orgnr: eidsvollOrganisation, email: freshRecipient('edge') }, { guards: false });
    const contactPath = started.headers.get('location')!;
    await client.get(contactPath);

    // Act
    const email = freshRecipient('edge');
    const response = await client.post(contactPath, { ...filledSections.contact, email, version: '9'.repeat(400), intent: 'save' });

    // Assess
    expect(response.status).toBe(409);
    expect(await response.text()).toContain('Kari Nordmann');
  });

  it('sends every page of an application session with no-store, so no cache keeps personal data', async () => {
    // Prepare
    const client = new ApplicantClient(harness.app);
    await client.get(applyPath);
    const started = await client.post(applyPath, { orgnr: eidsvollOrganisation, email: freshRecipient('edge') }, { guards: false });
    const applicationPath = started.headers.get('location')!.replace(/\/contact$/, '');

    for (const path of ['contact', 'project', 'budget', 'questions', 'attachments', 'review'].map((step) => `${applicationPath}/${step}`).concat(applicationPath)) {
      // Act
      const response = await client.get(path);

      // Assess
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control'), path).toContain('no-store');
    }
  });
});

describe('the edges of the apps mounted together on the local server', () => {
  const alfa = freshTenantId('ea');
  const tenants: Tenant[] = [{ tenantId: alfa, kind: 'municipality', name: `Alfaby ${alfa}`, kommunenummer: '3201', managingYears: [2027] }];
  const [officer] = demoUsersOf(tenants) as [LocalUser];
  let server: Awaited<ReturnType<typeof startSignInServer>>;
  let token: string;

  beforeAll(async () => {
    server = await startSignInServer();
    for (const tenant of tenants) await server.adapters.tenants.put(tenant);
    ({ idToken: token } = await signIn(server.baseUrl, 'officer', officer.sub));
  });

  afterAll(async () => server?.close());

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.baseUrl}${path}`, { headers, redirect: 'manual' });

  it('answers unknown paths with the product’s 404 page or problem, and behind sign-in only to the signed-in', async () => {
    // Act
    const page = await get('/no-such-page', { 'accept-language': 'en' });
    const officerPage = await get('/officer/no-such-page', { authorization: `Bearer ${token}`, 'accept-language': 'en' });
    const api = await get('/api/nope', { 'accept-language': 'en' });
    const anonymous = await Promise.all(['/officer/no-such-page', '/national/no-such-page'].map((path) => get(path, { 'accept-language': 'en' })));

    // Assess
    for (const found of [page, officerPage]) {
      expect(found.status).toBe(404);
      expect(await found.text()).toContain('We cannot find that page');
    }
    expect(api.status).toBe(404);
    expect((await problemOf(api)).title).toBe('We cannot find that page');
    // Whether a workspace path exists is not told before sign-in.
    for (const hidden of anonymous) {
      expect(hidden.status).toBe(302);
      expect(hidden.headers.get('location')).toMatch(/\/auth\/sign-in/);
    }
  });

  it('answers officer API errors as problems in the caller’s language', async () => {
    // Act
    const unknown = await get('/officer/api/nope', { authorization: `Bearer ${token}`, 'accept-language': 'en' });
    const invalid = await get('/officer/api/rounds/not%20a%20round!', { authorization: `Bearer ${token}`, 'accept-language': 'nn' });
    const missing = await get('/officer/api/rounds/no-such-round', { authorization: `Bearer ${token}`, 'accept-language': 'en' });
    const national = await get('/national/api/nope', { 'accept-language': 'en' });

    // Assess
    expect(unknown.status).toBe(404);
    expect((await problemOf(unknown)).title).toBe('We cannot find that page');
    expect(invalid.status).toBe(400);
    const problem = await problemOf(invalid);
    expect(problem.errors?.[0]?.field).toBe('roundId');
    expect(problem.errors?.[0]?.message).not.toMatch(/invalid|expected|must/i);
    expect(missing.status).toBe(404);
    expect((await problemOf(missing)).title).toBe('We cannot find that page');
    expect(national.status).toBe(401);
    await problemOf(national);
  });
});
