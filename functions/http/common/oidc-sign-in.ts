import type { Context, Hono } from 'hono';
import { deleteCookie, getCookie, getSignedCookie, setCookie, setSignedCookie } from 'hono/cookie';
import { base64url, decodeJwt } from 'jose';
import { z } from 'zod';
import type { AppEnv } from './app-env';
import { InvalidTokenError, sessionCookie, type Audience, type Authentication, type ProviderMetadata } from './authentication';

/**
 * The OIDC authorisation-code flow with PKCE (RFC 7636), shared by the officer and national apps:
 *
 * - `GET  /<audience>/auth/sign-in`  → the issuer's authorisation endpoint; state, nonce and the PKCE
 *   verifier wait in a short-lived signed HttpOnly cookie scoped to `/<audience>/auth`.
 * - `GET  /<audience>/auth/callback` → checks state, exchanges the code with the verifier, verifies
 *   the ID token with the same code every request uses, sets the session cookie, goes to the workspace.
 *   A refused exchange (wrong verifier, replayed or expired code) or a bad state shows the
 *   "sign-in failed" page and sets no session.
 * - `POST /<audience>/auth/sign-out` → clears the session, then the issuer's logout when it has one.
 * - `GET  /<audience>/auth/signed-out` → says so, with a way back in.
 *
 * The callback paths are the ones the CDK auth stack registers (`OIDC_CALLBACK_PATHS`).
 */

/** How long a started sign-in may take before the user has to start again. */
const SIGN_IN_SECONDS = 600;

const signInStateSchema = z.object({
  state: z.string().min(16),
  verifier: z.string().min(43).max(128),
  nonce: z.string().min(16),
  returnTo: z.string(),
  expiresAt: z.number().int(),
});

const tokenResponseSchema = z.object({ id_token: z.string().min(1) });

/** What the sign-in routes need from their app. */
export interface OidcSignInOptions {
  readonly auth: Authentication;
  readonly audience: Audience;
  /** Public base URL of the app; the redirect URI is built from it. */
  readonly baseUrl: string;
  /** The page shown when sign-in cannot be completed. */
  readonly failedPage: (c: Context<AppEnv>) => Response | Promise<Response>;
  /** The page shown after sign-out when the issuer has no logout endpoint of its own. */
  readonly signedOutPage: (c: Context<AppEnv>) => Response | Promise<Response>;
}

function randomToken(bytes = 32): string {
  return base64url.encode(crypto.getRandomValues(new Uint8Array(bytes)));
}

async function challengeOf(verifier: string): Promise<string> {
  return base64url.encode(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

/**
 * Key that signs the sign-in state cookie. The signature makes the cookie's content and expiry
 * tamper-evident; it is not what keeps sign-in safe (anyone can get a validly signed cookie by
 * starting a sign-in). That rests on state, PKCE and the cookie being HttpOnly, Secure and
 * path-scoped. A confidential client's secret makes the key unguessable as well.
 */
async function stateSigningKey(auth: Authentication): Promise<string> {
  const material = `fordel-sign-in-state|${auth.settings.issuer}|${auth.settings.clientId}|${auth.settings.clientSecret ?? ''}`;
  return base64url.encode(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(material))));
}

/** Only paths inside the audience's own app may be returned to, so sign-in is never an open redirect. */
function safeReturnTo(audience: Audience, value: string | undefined): string {
  const home = `/${audience}`;
  if (!value || !/^\/[\w\-./?=&%]*$/.test(value) || value.startsWith('//')) return home;
  const path = value.split('?')[0]!;
  if (path !== home && !path.startsWith(`${home}/`)) return home;
  if (path.startsWith(`${home}/auth/`)) return home;
  return value;
}

/** Adds the sign-in, callback and sign-out routes of one audience to its app. */
export function mountOidcSignIn<E extends AppEnv>(app: Hono<E>, options: OidcSignInOptions): void {
  const { auth, audience } = options;
  const base = options.baseUrl.replace(/\/+$/, '');
  const redirectUri = `${base}/${audience}/auth/callback`;
  const session = sessionCookie(audience, base);
  const stateCookie = { name: `fordel-${audience}-sign-in`, path: `/${audience}/auth`, secure: session.secure, prefix: session.prefix };
  const failed = (c: Context<E>, reason: string) => {
    c.get('logger').log('warn', 'sign-in failed', { reason, audience });
    c.header('cache-control', 'no-store');
    return options.failedPage(c as unknown as Context<AppEnv>);
  };

  app.get(`/${audience}/auth/sign-in`, async (c) => {
    const metadata = await auth.metadata();
    const verifier = randomToken();
    const signIn = {
      state: randomToken(),
      verifier,
      nonce: randomToken(),
      returnTo: safeReturnTo(audience, c.req.query('returnTo')),
      expiresAt: Math.floor(Date.now() / 1000) + SIGN_IN_SECONDS,
    };
    await setSignedCookie(c, stateCookie.name, JSON.stringify(signIn), await stateSigningKey(auth), {
      path: stateCookie.path,
      httpOnly: true,
      secure: stateCookie.secure,
      sameSite: 'Lax',
      maxAge: SIGN_IN_SECONDS,
      prefix: stateCookie.prefix,
    });
    const authorize = new URL(metadata.authorization_endpoint);
    authorize.search = new URLSearchParams({
      response_type: 'code',
      client_id: auth.settings.clientId,
      redirect_uri: redirectUri,
      scope: 'openid',
      state: signIn.state,
      nonce: signIn.nonce,
      code_challenge: await challengeOf(verifier),
      code_challenge_method: 'S256',
    }).toString();
    c.header('cache-control', 'no-store');
    return c.redirect(authorize.toString(), 302);
  });

  app.get(`/${audience}/auth/callback`, async (c) => {
    const signed = await getSignedCookie(c, await stateSigningKey(auth), stateCookie.name, stateCookie.prefix);
    // One attempt per started sign-in: the state is spent whatever happens next.
    deleteCookie(c, stateCookie.name, { path: stateCookie.path, secure: stateCookie.secure, prefix: stateCookie.prefix });
    if (!signed) return failed(c, signed === false ? 'state-signature' : 'state-missing');
    let parsed: z.infer<typeof signInStateSchema>;
    try {
      parsed = signInStateSchema.parse(JSON.parse(signed));
    } catch {
      return failed(c, 'state-unreadable');
    }
    if (parsed.expiresAt < Math.floor(Date.now() / 1000)) return failed(c, 'state-expired');
    if (c.req.query('state') !== parsed.state) return failed(c, 'state-mismatch');
    if (c.req.query('error')) return failed(c, 'provider-error');
    const code = c.req.query('code');
    if (!code) return failed(c, 'code-missing');

    const metadata = await auth.metadata();
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
    if (auth.settings.clientSecret) {
      headers.authorization = `Basic ${btoa(`${encodeURIComponent(auth.settings.clientId)}:${encodeURIComponent(auth.settings.clientSecret)}`)}`;
    }
    const response = await fetch(metadata.token_endpoint, {
      method: 'POST',
      headers,
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirectUri,
        client_id: auth.settings.clientId,
        code_verifier: parsed.verifier,
      }),
      signal: AbortSignal.timeout(5000),
    });
    if (!response.ok) {
      const body = (await response.json().catch(() => ({}))) as { error?: unknown };
      return failed(c, `token-${typeof body.error === 'string' ? body.error : response.status}`);
    }
    const tokens = tokenResponseSchema.safeParse(await response.json().catch(() => undefined));
    if (!tokens.success) return failed(c, 'token-response');

    try {
      await auth.verify(tokens.data.id_token);
    } catch (error) {
      if (error instanceof InvalidTokenError) return failed(c, `id-token-${error.reason}`);
      throw error;
    }
    // The signature was checked above; the nonce ties this ID token to this browser's sign-in.
    const { nonce, exp } = decodeJwt(tokens.data.id_token);
    if (nonce !== parsed.nonce) return failed(c, 'nonce-mismatch');

    setCookie(c, session.name, tokens.data.id_token, {
      path: session.path,
      httpOnly: true,
      secure: session.secure,
      sameSite: 'Lax',
      maxAge: Math.max(0, (exp ?? 0) - Math.floor(Date.now() / 1000)),
      prefix: session.prefix,
    });
    c.get('logger').log('info', 'signed in', { audience });
    c.header('cache-control', 'no-store');
    return c.redirect(parsed.returnTo, 303);
  });

  app.post(`/${audience}/auth/sign-out`, async (c) => {
    const token = getCookie(c, session.name, session.prefix);
    // Clearing the cookie is not enough: a copy of the token would open the workspace until it expires.
    // The app keeps no refresh token (the callback stores the ID token only), so there is none to revoke at the issuer.
    if (token) await auth.revoke(token);
    deleteCookie(c, session.name, { path: session.path, secure: session.secure, prefix: session.prefix });
    c.header('cache-control', 'no-store');
    const metadata = await auth.metadata().catch(() => undefined);
    const logout = logoutEndpointOf(metadata);
    if (!logout) return c.redirect(`/${audience}/auth/signed-out`, 303);
    const url = new URL(logout);
    // `logout_uri` is Cognito's name, `post_logout_redirect_uri` the standard one; both must be registered.
    url.search = new URLSearchParams({
      client_id: auth.settings.clientId,
      logout_uri: `${base}/${audience}`,
      post_logout_redirect_uri: `${base}/${audience}`,
    }).toString();
    return c.redirect(url.toString(), 303);
  });

  app.get(`/${audience}/auth/signed-out`, (c) => options.signedOutPage(c as unknown as Context<AppEnv>));
}

/** Where sign-out sends the browser after our own session is ended, if the issuer has such a place. */
export function logoutEndpointOf(metadata: ProviderMetadata | undefined): string | undefined {
  return metadata?.end_session_endpoint ?? cognitoLogoutEndpoint(metadata?.authorization_endpoint);
}

/**
 * Cognito's discovery document names no end-session endpoint, but its managed login has one at
 * `/logout` beside `/oauth2/authorize`; without it the hosted session would sign the user straight
 * back in.
 */
function cognitoLogoutEndpoint(authorizationEndpoint: string | undefined): string | undefined {
  if (!authorizationEndpoint) return undefined;
  const url = new URL(authorizationEndpoint);
  if (!url.hostname.endsWith('.amazoncognito.com') || url.pathname !== '/oauth2/authorize') return undefined;
  return `${url.origin}/logout`;
}
