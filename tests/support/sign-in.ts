import type { Audience } from '../../functions/http/common/authentication';
import { createLocalApp, listen, localIssuer } from '../../infra/local/local-server';
import { freePort } from '../../infra/local/ports';
import { testConfig } from './test-environment';

/**
 * Sign-in for tests, through the real code path: the local server with the local identity provider
 * mounted, the app's sign-in redirect, the provider's authorisation form and token endpoint, and
 * the app's callback. Nothing here mints tokens on the side.
 */

/**
 * A local server on a free port whose base URL, issuer and listening address agree; `overrides`
 * point it elsewhere, e.g. at a table of the test file's own.
 */
export async function startSignInServer(overrides: Parameters<typeof testConfig>[0] = {}) {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const config = testConfig({ ...overrides, APP_BASE_URL: baseUrl, AUTH_ISSUER: localIssuer(baseUrl), AUTH_CLIENT_ID: 'fordel-test' });
  const { app, adapters, identityProvider } = createLocalApp(config);
  const server = await listen(app, port);
  return {
    baseUrl,
    config,
    adapters,
    identityProvider,
    issuer: localIssuer(baseUrl),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** `name=value` of each cookie a response sets (attributes dropped), for a `cookie` header. */
export function cookiesSetBy(response: Response): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const index = pair!.indexOf('=');
    cookies[pair!.slice(0, index)] = pair!.slice(index + 1);
  }
  return cookies;
}

/** A `cookie` request header from name/value pairs. */
export function cookieHeader(cookies: Record<string, string>): string {
  return Object.entries(cookies)
    .map(([name, value]) => `${name}=${value}`)
    .join('; ');
}

/** Step 1: the app's sign-in redirect; returns the authorisation URL and the state cookie it set. */
export async function startSignIn(baseUrl: string, audience: Audience, returnTo?: string) {
  const response = await fetch(`${baseUrl}/${audience}/auth/sign-in${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ''}`, {
    redirect: 'manual',
  });
  if (response.status !== 302) throw new Error(`sign-in answered ${response.status}`);
  return { authorizeUrl: new URL(response.headers.get('location')!), stateCookies: cookiesSetBy(response) };
}

/** Step 2: the user picks `sub` on the provider's page; returns the callback URL with code and state. */
export async function approveAtLocalIdp(authorizeUrl: URL, sub: string): Promise<URL> {
  const form = new URLSearchParams(authorizeUrl.searchParams);
  form.set('sub', sub);
  const response = await fetch(`${authorizeUrl.origin}${authorizeUrl.pathname}`, { method: 'POST', body: form, redirect: 'manual' });
  if (response.status !== 303) throw new Error(`the local identity provider answered ${response.status}`);
  return new URL(response.headers.get('location')!);
}

/** Step 3: the browser returns to the app's callback with the state cookie. */
export function finishSignIn(callbackUrl: URL, stateCookies: Record<string, string>): Promise<Response> {
  return fetch(callbackUrl, { headers: { cookie: cookieHeader(stateCookies) }, redirect: 'manual' });
}

/** The whole flow; returns the session cookie (as a `cookie` header) and the ID token inside it. */
export async function signIn(baseUrl: string, audience: Audience, sub: string) {
  const { authorizeUrl, stateCookies } = await startSignIn(baseUrl, audience);
  const callback = await approveAtLocalIdp(authorizeUrl, sub);
  const response = await finishSignIn(callback, stateCookies);
  if (response.status !== 303) throw new Error(`the callback answered ${response.status}`);
  const session = Object.entries(cookiesSetBy(response)).find(([name, value]) => name.endsWith(`${audience}-session`) && value);
  if (!session) throw new Error('the callback set no session cookie');
  return { cookie: `${session[0]}=${session[1]}`, idToken: session[1] };
}
