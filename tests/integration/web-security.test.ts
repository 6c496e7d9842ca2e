import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsersOf, type LocalUser } from '../../infra/local/identity-provider';
import type { Tenant } from '../../shared/kernel/tenants';
import { openCall } from '../support/calls';
import { signIn, startSignInServer } from '../support/sign-in';
import { freshTenantId } from '../support/test-environment';

const expectedPolicy = (formAction: string) =>
  `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action ${formAction}; base-uri 'none'; object-src 'none'`;

describe('security headers and sign-out on the local server', () => {
  const tenantId = freshTenantId('ws');
  const imdi = freshTenantId('wsimdi');
  const tenants: Tenant[] = [
    { tenantId, kind: 'municipality', name: `Sikkerby ${tenantId}`, kommunenummer: '1103', managingYears: [2027] },
    { tenantId: imdi, kind: 'national', name: `IMDi ${imdi}`, managingYears: [2027] },
  ];
  const [officer, nationalAdmin] = demoUsersOf(tenants) as [LocalUser, LocalUser];
  let server: Awaited<ReturnType<typeof startSignInServer>>;

  beforeAll(async () => {
    server = await startSignInServer();
    for (const tenant of tenants) await server.adapters.tenants.put(tenant);
    await server.adapters.calls.create(openCall(tenantId, { administratorName: `${tenants[0]!.name} kommune` }));
  });

  afterAll(async () => server?.close());

  it('sends the content security policy and the other security headers with the pages of every audience and the 404 page', async () => {
    // Prepare
    const officerSession = await signIn(server.baseUrl, 'officer', officer.sub);
    const nationalSession = await signIn(server.baseUrl, 'national', nationalAdmin.sub);
    const pages = [
      { path: '/', cookie: '', status: 200 },
      { path: `/calls/${tenantId}/2027-1/apply`, cookie: '', status: 200 },
      { path: '/resume', cookie: '', status: 200 },
      { path: '/no-such-page', cookie: '', status: 404 },
      { path: '/officer', cookie: officerSession.cookie, status: 200 },
      { path: '/officer/no-such-page', cookie: officerSession.cookie, status: 404 },
      { path: '/national', cookie: nationalSession.cookie, status: 200 },
      { path: '/national/auth/signed-out', cookie: '', status: 200 },
    ];

    for (const { path, cookie, status } of pages) {
      // Act
      const response = await fetch(`${server.baseUrl}${path}`, { headers: cookie ? { cookie } : {}, redirect: 'manual' });

      // Assess
      expect(response.status, path).toBe(status);
      expect(response.headers.get('content-type'), path).toMatch(/^text\/html/);
      const policy = response.headers.get('content-security-policy');
      // The signed-in apps' sign-out goes on to the issuer (here the local one, on the same origin).
      const signedIn = path.startsWith('/officer') || path.startsWith('/national');
      expect(policy, path).toBe(expectedPolicy(signedIn ? `'self' ${new URL(server.baseUrl).origin}` : "'self'"));
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
      // Plain http on this machine: HSTS there would pin localhost to https for two years.
      expect(response.headers.get('strict-transport-security'), path).toBeNull();
    }
  });

  it('refuses a token replayed after sign-out, with 401 problem+json for the API and the sign-in redirect for pages', async () => {
    // Prepare
    const { cookie, idToken } = await signIn(server.baseUrl, 'officer', officer.sub);
    const before = await fetch(`${server.baseUrl}/officer/api/rounds`, { headers: { authorization: `Bearer ${idToken}` } });

    // Act
    const signOut = await fetch(`${server.baseUrl}/officer/auth/sign-out`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, origin: server.baseUrl },
      redirect: 'manual',
    });
    const api = await fetch(`${server.baseUrl}/officer/api/rounds`, { headers: { authorization: `Bearer ${idToken}` } });
    const page = await fetch(`${server.baseUrl}/officer`, { headers: { cookie }, redirect: 'manual' });

    // Assess
    expect(before.status).toBe(200);
    expect(signOut.status).toBe(303);
    expect(api.status).toBe(401);
    expect(api.headers.get('content-type')).toBe('application/problem+json');
    expect(api.headers.get('www-authenticate')).toContain('error="invalid_token"');
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe('/officer/auth/sign-in?returnTo=%2Fofficer');
  });

  it('keeps another session of the same officer open when one of them signs out', async () => {
    // Prepare
    const kept = await signIn(server.baseUrl, 'officer', officer.sub);
    const ended = await signIn(server.baseUrl, 'officer', officer.sub);

    // Act
    await fetch(`${server.baseUrl}/officer/auth/sign-out`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: ended.cookie, origin: server.baseUrl },
      redirect: 'manual',
    });
    const page = await fetch(`${server.baseUrl}/officer`, { headers: { cookie: kept.cookie }, redirect: 'manual' });

    // Assess
    expect(page.status).toBe(200);
  });
});
