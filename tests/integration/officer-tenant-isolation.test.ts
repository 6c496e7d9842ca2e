import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { SignJWT, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsersOf, type LocalIdentityProvider, type LocalUser } from '../../infra/local/identity-provider';
import type { Tenant } from '../../shared/kernel/tenants';
import { asHonoEvent, httpApiGetEvent, lambdaContext } from '../support/api-gateway-event';
import { openCall } from '../support/calls';
import { signIn, startSignInServer } from '../support/sign-in';
import { freshTenantId } from '../support/test-environment';

/** Every officer route, with a round id that exists only in the other municipality. */
const officerPages = (roundId: string) => ['/officer', `/officer/rounds/${roundId}`];
const officerApi = (roundId: string) => ['/officer/api/rounds', `/officer/api/rounds/${roundId}`];

describe('tenant isolation of the officer and national apps', () => {
  const alfa = freshTenantId('ta');
  const beta = freshTenantId('tb');
  const imdi = freshTenantId('tn');
  const alfaName = `Alfaby ${alfa}`;
  const betaName = `Betaby ${beta}`;
  const betaSecretTitle = `Betas egen runde ${beta}`;
  const tenants: Tenant[] = [
    { tenantId: alfa, kind: 'municipality', name: alfaName, kommunenummer: '3201', managingYears: [2027] },
    { tenantId: beta, kind: 'municipality', name: betaName, kommunenummer: '4601', managingYears: [2027] },
    { tenantId: imdi, kind: 'national', name: `IMDi ${imdi}`, managingYears: [2027] },
  ];
  const [alfaOfficer, betaOfficer, nationalAdmin] = demoUsersOf(tenants) as [LocalUser, LocalUser, LocalUser];
  let server: Awaited<ReturnType<typeof startSignInServer>>;
  let idp: LocalIdentityProvider;
  let alfaCookie: string;
  let alfaToken: string;

  beforeAll(async () => {
    server = await startSignInServer();
    idp = server.identityProvider!;
    for (const tenant of tenants) await server.adapters.tenants.put(tenant);
    await server.adapters.calls.create(openCall(alfa, { administratorName: `${alfaName} kommune` }));
    await server.adapters.calls.create(openCall(beta, { administratorName: `${betaName} kommune` }));
    await server.adapters.calls.create(
      openCall(beta, {
        roundId: 'beta-only',
        status: 'closed',
        administratorName: `${betaName} kommune`,
        title: { nb: betaSecretTitle, nn: betaSecretTitle, en: betaSecretTitle },
      }),
    );
    ({ cookie: alfaCookie, idToken: alfaToken } = await signIn(server.baseUrl, 'officer', alfaOfficer.sub));
  });

  afterAll(async () => server?.close());

  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${server.baseUrl}${path}`, { headers, redirect: 'manual' });

  it('lists a round’s received applications for its officer, marking those the registry could not check, and never drafts', async () => {
    // Prepare: one submitted application the registry did not answer for, and one draft
    const application = (id: string, status: 'submitted' | 'draft') =>
      ({
        tenantId: alfa,
        roundId: '2027-1',
        applicationId: id,
        reference: `REF-${id}`,
        grantYear: 2027,
        orgnr: '311100386',
        organisationName: `Organisasjon ${id}`,
        email: 'kontakt@example.org',
        status,
        version: 2,
        createdAt: '2027-01-10T10:00:00.000Z',
        updatedAt: '2027-01-11T10:00:00.000Z',
        language: 'nb',
        registryCheck: { status: 'not_verified', checkedAt: '2027-01-11T10:00:00.000Z', reason: 'timeout' },
        attachments: [],
      }) as never;
    const audit = { eventId: `01AUDIT${Date.now()}`, at: '2027-01-11T10:00:00.000Z', actor: 'test', action: 'seed' };
    await server.adapters.applications.create(application(`01SUBMITTED${Date.now()}`, 'submitted'), audit, [], []);
    await server.adapters.applications.create(application(`01DRAFT${Date.now()}`, 'draft'), { ...audit, eventId: `01AUDITB${Date.now()}` }, [], []);

    // Act
    const page = await (await get('/officer/rounds/2027-1', { cookie: alfaCookie })).text();

    // Assess
    expect(page).toContain('REF-01SUBMITTED');
    expect(page).toContain('Ikke sjekket – registeret svarte ikke');
    expect(page).not.toContain('REF-01DRAFT');
  });

  it('shows an officer only their own municipality’s rounds, on the page and in the API', async () => {
    // Act
    const page = await get('/officer', { cookie: alfaCookie });
    const api = await get('/officer/api/rounds', { authorization: `Bearer ${alfaToken}` });

    // Assess
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(alfaName);
    expect(html).toContain(`Innlogget som ${alfaOfficer.sub}, ${alfaName}`);
    expect(html).not.toContain(betaName);
    expect(page.headers.get('cache-control')).toContain('no-store');
    expect(api.status).toBe(200);
    const body = (await api.json()) as { tenantId: string; rounds: { tenantId: string }[] };
    expect(body.tenantId).toBe(alfa);
    expect(body.rounds.map((round) => round.tenantId)).toEqual([alfa]);
  });

  it('answers 404 on every officer route for another municipality’s round and never shows its data', async () => {
    // Prepare
    const attempts = [
      ...officerPages('beta-only').map((path) => ({ path, headers: { cookie: alfaCookie } })),
      ...officerApi('beta-only').map((path) => ({ path, headers: { authorization: `Bearer ${alfaToken}` } })),
      ...officerApi('beta-only').map((path) => ({ path, headers: { cookie: alfaCookie } })),
    ].filter(({ path }) => path.includes('beta-only'));

    for (const { path, headers } of attempts) {
      // Act
      const response = await get(path, headers);

      // Assess
      expect(response.status, path).toBe(404);
      const text = await response.text();
      expect(text, path).not.toContain(betaSecretTitle);
      expect(text, path).not.toContain(beta);
    }
  });

  it('takes the tenant from the token only, whatever the URL, query or headers say', async () => {
    // Prepare: both municipalities have a round `2027-1`
    const smuggled = { authorization: `Bearer ${alfaToken}`, 'x-tenant-id': beta, 'custom-tenantid': beta };

    // Act
    const list = await get(`/officer/api/rounds?tenantId=${beta}&tenant=${beta}`, smuggled);
    const round = await get(`/officer/api/rounds/2027-1?tenantId=${beta}`, smuggled);
    const page = await get(`/officer/rounds/2027-1?tenantId=${beta}`, { cookie: alfaCookie });

    // Assess
    expect(((await list.json()) as { tenantId: string }).tenantId).toBe(alfa);
    expect(((await round.json()) as { tenantId: string }).tenantId).toBe(alfa);
    const html = await page.text();
    expect(html).toContain(`Tilskudd til integreringsarbeid i Testby ${alfa} 2027`);
    expect(html).not.toContain(betaName);
    expect(html).not.toContain(`/calls/${beta}/`);
  });

  it('redirects pages to sign-in and answers the API with 401 when there is no token', async () => {
    for (const path of officerPages('2027-1')) {
      // Act
      const response = await get(path);

      // Assess
      expect(response.status, path).toBe(302);
      expect(response.headers.get('location'), path).toBe(`/officer/auth/sign-in?returnTo=${encodeURIComponent(path)}`);
    }
    for (const path of officerApi('2027-1')) {
      const response = await get(path);

      expect(response.status, path).toBe(401);
      expect(response.headers.get('content-type'), path).toContain('application/problem+json');
      expect(response.headers.get('www-authenticate'), path).toContain('Bearer');
    }
  });

  it('refuses a forged, an expired, a wrong-audience and a tenant-less token with 401', async () => {
    // Prepare
    const otherKey = await generateKeyPair('RS256');
    const forged = await new SignJWT({ aud: server.config.AUTH_CLIENT_ID, token_use: 'id', 'custom:tenantId': beta, 'cognito:groups': ['officer'] })
      .setProtectedHeader({ alg: 'RS256', kid: 'forged' })
      .setIssuer(server.issuer)
      .setSubject(alfaOfficer.sub)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(otherKey.privateKey);
    const expired = (await idp.issueTokens(alfaOfficer, { lifetimeSeconds: -60 })).id_token;
    const wrongAudience = (await idp.issueTokens(alfaOfficer, { audience: 'another-client' })).id_token;
    // Cognito's access tokens carry no custom attributes, so they say nothing about the tenant.
    const accessToken = (await idp.issueTokens(alfaOfficer)).access_token;
    const unsigned = `${alfaToken.split('.').slice(0, 2).join('.')}.`;

    for (const [name, token] of Object.entries({ forged, expired, wrongAudience, accessToken, unsigned })) {
      for (const path of officerApi('2027-1')) {
        // Act
        const response = await get(path, { authorization: `Bearer ${token}` });

        // Assess
        expect(response.status, `${name} ${path}`).toBe(401);
      }
      for (const path of officerPages('2027-1')) {
        const response = await get(path, { cookie: `fordel-officer-session=${token}` });

        expect(response.status, `${name} ${path}`).toBe(302);
        expect(response.headers.get('location'), `${name} ${path}`).toMatch(/^\/officer\/auth\/sign-in/);
      }
    }
  });

  it('reads the user pool’s caseworker group as the caseworker’s role, and an assessor’s group as an assessor’s only', async () => {
    // Prepare: tokens as Cognito issues them, with its group names
    const caseworker = (await idp.issueTokens({ ...alfaOfficer, groups: ['caseworker'] })).id_token;
    const assessor = (await idp.issueTokens({ ...alfaOfficer, groups: ['assessor'] })).id_token;

    // Act
    const asCaseworker = await get('/officer/api/rounds', { authorization: `Bearer ${caseworker}` });
    const asAssessor = await get('/officer/api/rounds', { authorization: `Bearer ${assessor}` });

    // Assess
    expect(asCaseworker.status).toBe(200);
    expect(asAssessor.status).toBe(403);
  });

  it('refuses an officer on the national routes with 403', async () => {
    // Prepare
    const { cookie, idToken } = await signIn(server.baseUrl, 'national', betaOfficer.sub);

    // Act
    const page = await get('/national', { cookie });
    const api = await get('/national/api/tenants', { authorization: `Bearer ${idToken}` });

    // Assess
    expect(page.status).toBe(403);
    expect(await page.text()).toContain('Du har ikke tilgang til denne siden');
    expect(api.status).toBe(403);
    expect(api.headers.get('content-type')).toContain('application/problem+json');
  });

  it('shows a national admin the register with each administrator’s rounds by status, and keeps them out of officer routes', async () => {
    // Prepare
    const { cookie, idToken } = await signIn(server.baseUrl, 'national', nationalAdmin.sub);

    // Act
    const api = await get('/national/api/tenants', { authorization: `Bearer ${idToken}` });
    const page = await get('/national', { cookie });
    const officerRoute = await get('/officer/api/rounds', { authorization: `Bearer ${idToken}` });

    // Assess
    expect(api.status).toBe(200);
    const { tenants: register } = (await api.json()) as {
      tenants: { tenantId: string; kommunenummer?: string; roundsByStatus: Record<string, number> }[];
    };
    expect(register.find((tenant) => tenant.tenantId === alfa)).toMatchObject({ kommunenummer: '3201', roundsByStatus: { open: 1 } });
    expect(register.find((tenant) => tenant.tenantId === beta)).toMatchObject({ kommunenummer: '4601', roundsByStatus: { open: 1, closed: 1 } });
    expect(register.find((tenant) => tenant.tenantId === imdi)).toMatchObject({ roundsByStatus: {} });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(alfaName);
    expect(html).toContain(betaName);
    expect(officerRoute.status).toBe(403);
  });

  it('answers through an API Gateway event in Lambda the same way as over HTTP', async () => {
    // Prepare
    Object.assign(process.env, {
      TABLE_NAME: server.config.TABLE_NAME,
      DYNAMODB_ENDPOINT: server.config.DYNAMODB_ENDPOINT,
      S3_ENDPOINT: server.config.S3_ENDPOINT,
      AWS_REGION: server.config.AWS_REGION,
      APP_BASE_URL: server.baseUrl,
      AUTH_ISSUER: server.issuer,
      AUTH_CLIENT_ID: server.config.AUTH_CLIENT_ID,
      LOG_LEVEL: 'error',
    });
    const { handler } = await import('../../functions/http/officer/lambda');
    const call = async (headers: Record<string, string> = {}) =>
      (await handler(asHonoEvent(httpApiGetEvent('/officer/api/rounds/beta-only', headers)), lambdaContext)) as APIGatewayProxyStructuredResultV2;

    // Act
    const anonymous = await call();
    const otherTenant = await call({ authorization: `Bearer ${alfaToken}` });
    const own = (await handler(
      asHonoEvent(httpApiGetEvent('/officer/api/rounds', { authorization: `Bearer ${alfaToken}` })),
      lambdaContext,
    )) as APIGatewayProxyStructuredResultV2;

    // Assess
    expect(anonymous.statusCode).toBe(401);
    expect(otherTenant.statusCode).toBe(404);
    expect(own.statusCode).toBe(200);
    expect(JSON.parse(own.body!)).toMatchObject({ tenantId: alfa });
  });
});
