import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OIDC_CALLBACK_PATHS } from '../../infra/stacks/auth-stack';
import { demoUsersOf, type LocalUser } from '../../infra/local/identity-provider';
import type { Tenant } from '../../shared/kernel/tenants';
import { openCall } from '../support/calls';
import { approveAtLocalIdp, cookieHeader, cookiesSetBy, finishSignIn, startSignIn, startSignInServer } from '../support/sign-in';
import { freshTenantId } from '../support/test-environment';

describe('OIDC sign-in with PKCE against the local identity provider', () => {
  const tenantId = freshTenantId('to');
  const tenant: Tenant = { tenantId, kind: 'municipality', name: `Omegaby ${tenantId}`, kommunenummer: '1103', managingYears: [2027] };
  const [officer] = demoUsersOf([tenant]) as [LocalUser];
  let server: Awaited<ReturnType<typeof startSignInServer>>;

  beforeAll(async () => {
    server = await startSignInServer();
    await server.adapters.tenants.put(tenant);
    await server.adapters.calls.create(openCall(tenantId, { administratorName: `${tenant.name} kommune` }));
  });

  afterAll(async () => server?.close());

  it('signs an officer in from the sign-in redirect to the round they asked for', async () => {
    // Prepare
    const returnTo = '/officer/rounds/2027-1';

    // Act
    const { authorizeUrl, stateCookies } = await startSignIn(server.baseUrl, 'officer', returnTo);
    const authorizePage = await fetch(authorizeUrl);
    const callbackUrl = await approveAtLocalIdp(authorizeUrl, officer.sub);
    const callback = await finishSignIn(callbackUrl, stateCookies);
    const session = cookiesSetBy(callback)['fordel-officer-session']!;
    const landing = await fetch(new URL(callback.headers.get('location')!, server.baseUrl), {
      headers: { cookie: `fordel-officer-session=${session}` },
      redirect: 'manual',
    });

    // Assess
    expect(`${authorizeUrl.origin}${authorizeUrl.pathname}`).toBe(`${server.issuer}/authorize`);
    expect(authorizeUrl.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorizeUrl.searchParams.get('redirect_uri')).toBe(`${server.baseUrl}/officer/auth/callback`);
    expect(authorizePage.status).toBe(200);
    expect(await authorizePage.text()).toContain(`Logg inn som Saksbehandler i ${tenant.name}`);
    expect(callbackUrl.searchParams.get('state')).toBe(authorizeUrl.searchParams.get('state'));
    expect(callback.status).toBe(303);
    expect(callback.headers.get('location')).toBe(returnTo);
    const sessionCookie = callback.headers.getSetCookie().find((line) => line.startsWith('fordel-officer-session='))!;
    expect(sessionCookie).toMatch(/HttpOnly/);
    expect(sessionCookie).toMatch(/SameSite=Lax/);
    expect(sessionCookie).toMatch(/Path=\/officer/);
    // Plain http on localhost only: a Secure cookie would be dropped there.
    expect(sessionCookie).not.toMatch(/Secure/);
    expect(landing.status).toBe(200);
    expect(await landing.text()).toContain(`Innlogget som ${officer.sub}, ${tenant.name}`);
  });

  it('refuses the callback when the PKCE verifier does not belong to the code', async () => {
    // Prepare: two sign-ins in flight; the code of the first comes back with the second's state and verifier
    const first = await startSignIn(server.baseUrl, 'officer');
    const second = await startSignIn(server.baseUrl, 'officer');
    const firstCallback = await approveAtLocalIdp(first.authorizeUrl, officer.sub);
    const crossed = new URL(firstCallback);
    crossed.searchParams.set('state', second.authorizeUrl.searchParams.get('state')!);

    // Act
    const response = await finishSignIn(crossed, second.stateCookies);

    // Assess
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Innloggingen ble ikke fullført');
    expect(cookiesSetBy(response)['fordel-officer-session']).toBeUndefined();
  });

  it('refuses a PKCE verifier that does not match at the token endpoint', async () => {
    // Prepare
    const { authorizeUrl } = await startSignIn(server.baseUrl, 'officer');
    const callbackUrl = await approveAtLocalIdp(authorizeUrl, officer.sub);

    // Act
    const response = await fetch(`${server.issuer}/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: callbackUrl.searchParams.get('code')!,
        redirect_uri: `${server.baseUrl}/officer/auth/callback`,
        client_id: server.config.AUTH_CLIENT_ID!,
        code_verifier: 'a'.repeat(43),
      }),
    });

    // Assess
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses a replayed code and sets no session the second time', async () => {
    // Prepare
    const { authorizeUrl, stateCookies } = await startSignIn(server.baseUrl, 'officer');
    const callbackUrl = await approveAtLocalIdp(authorizeUrl, officer.sub);
    const first = await finishSignIn(callbackUrl, stateCookies);

    // Act: the same callback again, state cookie included, as an attacker who copied both would send it
    const replay = await finishSignIn(callbackUrl, stateCookies);

    // Assess
    expect(first.status).toBe(303);
    expect(replay.status).toBe(400);
    expect(cookiesSetBy(replay)['fordel-officer-session']).toBeUndefined();
  });

  it('refuses a callback whose state does not match the browser’s sign-in', async () => {
    // Prepare
    const { authorizeUrl, stateCookies } = await startSignIn(server.baseUrl, 'officer');
    const callbackUrl = await approveAtLocalIdp(authorizeUrl, officer.sub);
    callbackUrl.searchParams.set('state', 'someone-elses-state-value');

    // Act
    const response = await finishSignIn(callbackUrl, stateCookies);
    const withoutCookie = await finishSignIn(callbackUrl, {});

    // Assess
    expect(response.status).toBe(400);
    expect(withoutCookie.status).toBe(400);
  });

  it('returns only to paths inside the app after sign-in', async () => {
    for (const returnTo of ['https://evil.example/officer', '//evil.example/officer', '/national', '/officer/auth/sign-out']) {
      // Prepare
      const { authorizeUrl, stateCookies } = await startSignIn(server.baseUrl, 'officer', returnTo);
      const callbackUrl = await approveAtLocalIdp(authorizeUrl, officer.sub);

      // Act
      const response = await finishSignIn(callbackUrl, stateCookies);

      // Assess
      expect(response.headers.get('location'), returnTo).toBe('/officer');
    }
  });

  it('refuses an authorisation request for an unregistered redirect URI without redirecting', async () => {
    // Prepare
    const { authorizeUrl } = await startSignIn(server.baseUrl, 'officer');
    authorizeUrl.searchParams.set('redirect_uri', 'https://evil.example/callback');

    // Act
    const page = await fetch(authorizeUrl, { redirect: 'manual' });

    // Assess
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('Ugyldig innloggingsforespørsel');
  });

  it('signs out with a form post from the app and clears the session', async () => {
    // Prepare
    const { authorizeUrl, stateCookies } = await startSignIn(server.baseUrl, 'officer');
    const session = cookiesSetBy(await finishSignIn(await approveAtLocalIdp(authorizeUrl, officer.sub), stateCookies));
    const form = { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(session) };

    // Act
    const forged = await fetch(`${server.baseUrl}/officer/auth/sign-out`, { method: 'POST', headers: { ...form, origin: 'https://evil.example' }, redirect: 'manual' });
    const signOut = await fetch(`${server.baseUrl}/officer/auth/sign-out`, { method: 'POST', headers: { ...form, origin: server.baseUrl }, redirect: 'manual' });
    const signedOut = await fetch(new URL(signOut.headers.get('location')!, server.baseUrl));

    // Assess
    expect(forged.status).toBe(403);
    expect(signOut.status).toBe(303);
    expect(signOut.headers.getSetCookie().find((line) => line.startsWith('fordel-officer-session='))).toMatch(/Max-Age=0/);
    expect(await signedOut.text()).toContain('Du er logget ut');
  });

  it('serves the callback paths the CDK auth stack registers with Cognito', async () => {
    for (const path of OIDC_CALLBACK_PATHS) {
      // Act: a callback without a started sign-in
      const response = await fetch(`${server.baseUrl}${path}`);

      // Assess: the sign-in-failed page, not a missing route
      expect(response.status, path).toBe(400);
      expect(await response.text(), path).toContain('Innloggingen ble ikke fullført');
    }
  });
});
