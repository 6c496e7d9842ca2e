import { Hono, type Context } from 'hono';
import { SignJWT, base64url, calculateJwkThumbprint, exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';
import { z } from 'zod';
import type { AppEnv } from '../../functions/http/common/app-env';
import type { Logger } from '../../functions/http/common/logger';
import { requestContext } from '../../functions/http/common/request-context';
import type { Tenant, TenantId } from '../../shared/kernel/tenants';
import { Layout } from '../../web/layout';
import { LocalSignInPage, type LocalUserChoice } from '../../web/pages/local-sign-in-page';

/**
 * LOCAL ONLY. A small OpenID provider for `npm start` and the tests, standing in for the Cognito
 * user pool: discovery, JWKS, an authorisation page listing demo users, one-time codes bound to a
 * PKCE challenge, and a token endpoint that issues RS256 tokens with the claims Cognito sends
 * (`sub`, `custom:tenantId`, `cognito:groups`, `token_use`, `aud`/`client_id`, `iss`, `exp` = 1 h).
 * The officer and national apps verify them with the same code that verifies Cognito's tokens.
 *
 * It has no passwords: whoever can reach it can sign in as anyone. The local server mounts it
 * under `/local-idp`; no Lambda entry point imports this file.
 */

/** A demo user the provider can sign in as. */
export interface LocalUser {
  readonly sub: string;
  readonly tenantId: TenantId;
  /** The groups the token carries, named as in the user pool (`caseworker` or `officer` for the caseworker). */
  readonly groups: readonly string[];
  /** Which button label the sign-in page gives the user. */
  readonly kind: 'officer' | 'municipal-admin' | 'approver' | 'assessor' | 'national-admin';
  /** The display name the ID token carries (made up, like the ids). */
  readonly name?: string;
  /** The tenant's name, for the button label. */
  readonly tenantName: string;
}

/**
 * The demo users of a tenant register: one officer and one municipal admin (who also sets the
 * admin reservation) per managing municipality, and one IMDi national admin. Ids are readable (`officer-k3201`) because they are made up, never personal.
 */
export function demoUsersOf(tenants: readonly Tenant[]): LocalUser[] {
  const users = tenants.flatMap((tenant): LocalUser[] =>
    tenant.kind === 'national'
      ? [{ sub: `${tenant.tenantId}-admin`, tenantId: tenant.tenantId, groups: ['national-admin'], kind: 'national-admin', tenantName: tenant.name }]
      : [{ sub: `officer-${tenant.tenantId}`, tenantId: tenant.tenantId, groups: ['officer'], kind: 'officer', tenantName: tenant.name }],
  );
  // After everyone else, so a user's place in the list (which tests rely on) stays the same.
  const municipalAdmins = tenants
    .filter((tenant) => tenant.kind === 'municipality')
    .map((tenant): LocalUser => ({
      sub: `admin-${tenant.tenantId}`, tenantId: tenant.tenantId, groups: ['officer', 'municipal-admin'], kind: 'municipal-admin', tenantName: tenant.name,
    }));
  // A municipality's other people: a second caseworker, the approver who signs decisions, and an
  // assessor from outside the administration (e.g. a council member) who scores only what is assigned.
  const caseTeams = tenants
    .filter((tenant) => tenant.kind === 'municipality')
    .flatMap((tenant): LocalUser[] => [
      { sub: `officer2-${tenant.tenantId}`, tenantId: tenant.tenantId, groups: ['officer'], kind: 'officer', tenantName: tenant.name, name: 'Kari Saksbehandler' },
      { sub: `approver-${tenant.tenantId}`, tenantId: tenant.tenantId, groups: ['approver'], kind: 'approver', tenantName: tenant.name, name: 'Per Leder' },
      { sub: `assessor-${tenant.tenantId}`, tenantId: tenant.tenantId, groups: ['assessor'], kind: 'assessor', tenantName: tenant.name, name: 'Aud Utvalgsmedlem' },
    ]);
  return [...users, ...municipalAdmins, ...caseTeams];
}

const localIdpLabels = {
  officer: 'localIdp.officer', 'municipal-admin': 'localIdp.municipalAdmin', approver: 'localIdp.approver', assessor: 'localIdp.assessor',
} as const;

/** Settings of the local provider. */
export interface LocalIdentityProviderOptions {
  /** Its own public URL, e.g. `http://localhost:3000/local-idp`; tokens carry it as `iss`. */
  readonly issuer: string;
  readonly clientId: string;
  /** The only redirect URIs codes are sent to (the apps' callbacks). */
  readonly redirectUris: readonly string[];
  /** The users to offer, read when needed so that a changed register shows at once. */
  readonly users: () => Promise<LocalUser[]>;
  readonly logger: Logger;
  /** Lifetime of the tokens; Cognito's default (and the auth stack's) is one hour. */
  readonly tokenSeconds?: number;
}

/** The provider: its Hono app and the token minting its token endpoint uses. */
export interface LocalIdentityProvider {
  readonly app: Hono<AppEnv>;
  readonly issuer: string;
  /**
   * The ID and access tokens `/token` issues for this user. Tests may shorten the lifetime or name
   * another audience to check that the apps refuse such tokens.
   */
  issueTokens(
    user: LocalUser,
    options?: { nonce?: string; lifetimeSeconds?: number; audience?: string },
  ): Promise<{ id_token: string; access_token: string; expires_in: number }>;
}

const authorizeRequestSchema = z.object({
  response_type: z.literal('code'),
  client_id: z.string().min(1),
  redirect_uri: z.url(),
  scope: z.string().refine((scope) => scope.split(' ').includes('openid'), 'openid scope required'),
  state: z.string().min(1).max(512),
  nonce: z.string().min(1).max(512).optional(),
  code_challenge: z.string().regex(/^[\w-]{43,128}$/),
  code_challenge_method: z.literal('S256'),
});

const tokenRequestSchema = z.object({
  grant_type: z.literal('authorization_code'),
  code: z.string().min(1),
  redirect_uri: z.string().min(1),
  client_id: z.string().min(1),
  code_verifier: z.string().regex(/^[\w.~-]{43,128}$/),
});

interface PendingCode {
  readonly sub: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly challenge: string;
  readonly nonce?: string;
  readonly expiresAt: number;
}

/** A code lives long enough for the browser to bring it back, and no longer (RFC 6749 §4.1.2). */
const CODE_MILLISECONDS = 60_000;

async function s256(verifier: string): Promise<string> {
  return base64url.encode(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

/** Builds the provider; its RS256 key pair is generated once, on first use. */
export function createLocalIdentityProvider(options: LocalIdentityProviderOptions): LocalIdentityProvider {
  const issuer = options.issuer.replace(/\/+$/, '');
  const tokenSeconds = options.tokenSeconds ?? 3600;
  const codes = new Map<string, PendingCode>();
  const signingKey: Promise<{ privateKey: CryptoKey; publicJwk: JWK; kid: string }> = (async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const publicJwk = await exportJWK(publicKey);
    const kid = await calculateJwkThumbprint(publicJwk);
    return { privateKey, publicJwk: { ...publicJwk, kid, alg: 'RS256', use: 'sig' }, kid };
  })();

  const issueTokens: LocalIdentityProvider['issueTokens'] = async (user, { nonce, lifetimeSeconds = tokenSeconds, audience = options.clientId } = {}) => {
    const { privateKey, kid } = await signingKey;
    const now = Math.floor(Date.now() / 1000);
    const sign = (claims: Record<string, unknown>) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
        .setIssuer(issuer)
        .setSubject(user.sub)
        .setIssuedAt(now)
        .setExpirationTime(now + lifetimeSeconds)
        .sign(privateKey);
    const groups = [...user.groups];
    return {
      // As Cognito's ID token: audience is the client, custom attributes included.
      id_token: await sign({
        aud: audience,
        token_use: 'id',
        auth_time: now,
        'cognito:username': user.sub,
        'cognito:groups': groups,
        'custom:tenantId': user.tenantId,
        ...(user.name ? { name: user.name } : {}),
        ...(nonce ? { nonce } : {}),
      }),
      // As Cognito's access token: `client_id` instead of `aud`, and no custom attributes.
      access_token: await sign({ client_id: audience, token_use: 'access', scope: 'openid', username: user.sub, 'cognito:groups': groups }),
      expires_in: lifetimeSeconds,
    };
  };

  // Routes live under the issuer's own path (e.g. `/local-idp`), so the URLs it announces are its routes.
  const app = new Hono<AppEnv>().basePath(new URL(issuer).pathname);
  app.use('*', requestContext(options.logger));
  app.use('*', async (c, next) => {
    await next();
    c.header('cache-control', 'no-store');
  });

  app.get('/.well-known/openid-configuration', (c) =>
    c.json({
      issuer,
      authorization_endpoint: `${issuer}/authorize`,
      token_endpoint: `${issuer}/token`,
      jwks_uri: `${issuer}/.well-known/jwks.json`,
      response_types_supported: ['code'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      scopes_supported: ['openid'],
      token_endpoint_auth_methods_supported: ['none'],
      code_challenge_methods_supported: ['S256'],
      grant_types_supported: ['authorization_code'],
    }),
  );

  app.get('/.well-known/jwks.json', async (c) => c.json({ keys: [(await signingKey).publicJwk] }));

  /** Checks an authorisation request; a bad one is answered here, never redirected to an unknown URI. */
  const validRequest = (input: Record<string, unknown>) => {
    const parsed = authorizeRequestSchema.safeParse(input);
    if (!parsed.success) return undefined;
    if (parsed.data.client_id !== options.clientId || !options.redirectUris.includes(parsed.data.redirect_uri)) return undefined;
    return parsed.data;
  };

  const invalidPage = (c: Context<AppEnv>) => {
    const t = c.get('t');
    return c.html(
      <Layout page={{ lang: c.get('lang'), t, currentPath: '/' }} title={t('localIdp.invalid.title')}>
        <h1 class="ds-heading" data-size="lg">
          {t('localIdp.invalid.title')}
        </h1>
        <p class="ds-paragraph">{t('localIdp.invalid.text')}</p>
      </Layout>,
      400,
    );
  };

  app.get('/authorize', async (c) => {
    const request = validRequest(c.req.query());
    if (!request) return invalidPage(c);
    const t = c.get('t');
    const url = new URL(c.req.url);
    const users: LocalUserChoice[] = (await options.users()).map((user) => ({
      sub: user.sub,
      group: user.kind === 'national-admin' ? 'national' : 'officers',
      label: user.kind === 'national-admin'
        ? t('localIdp.nationalAdmin')
        : t(user.kind === 'officer' && user.name ? 'localIdp.namedOfficer' : localIdpLabels[user.kind], { name: user.tenantName, person: user.name ?? '' }),
    }));
    const page = { lang: c.get('lang'), t, currentPath: `${url.pathname}${url.search}` };
    const fields = Object.fromEntries(Object.entries(request).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
    return c.html(<LocalSignInPage page={page} action={`${issuer}/authorize`} request={fields} users={users} />);
  });

  // A POST, not a link, so that a prefetching browser or crawler never spends a code.
  app.post('/authorize', async (c) => {
    const form = await c.req.parseBody();
    const request = validRequest(form);
    const user = (await options.users()).find((candidate) => candidate.sub === form.sub);
    if (!request || !user) return invalidPage(c);
    const now = Date.now();
    for (const [code, pending] of codes) if (pending.expiresAt < now) codes.delete(code);
    const code = base64url.encode(crypto.getRandomValues(new Uint8Array(32)));
    codes.set(code, {
      sub: user.sub,
      clientId: request.client_id,
      redirectUri: request.redirect_uri,
      challenge: request.code_challenge,
      nonce: request.nonce,
      expiresAt: now + CODE_MILLISECONDS,
    });
    const target = new URL(request.redirect_uri);
    target.searchParams.set('code', code);
    target.searchParams.set('state', request.state);
    return c.redirect(target.toString(), 303);
  });

  app.post('/token', async (c) => {
    const refuse = (error: string, description: string) => {
      c.get('logger').log('warn', 'local token request refused', { error });
      return c.json({ error, error_description: description }, 400);
    };
    const request = tokenRequestSchema.safeParse(await c.req.parseBody());
    if (!request.success) return refuse('invalid_request', 'Malformed token request.');
    const pending = codes.get(request.data.code);
    // Single use (RFC 6749 §4.1.2): the code is gone whether this exchange succeeds or not.
    codes.delete(request.data.code);
    if (!pending || pending.expiresAt < Date.now()) return refuse('invalid_grant', 'Unknown, used or expired code.');
    if (pending.clientId !== request.data.client_id || pending.redirectUri !== request.data.redirect_uri) {
      return refuse('invalid_grant', 'The code was issued to another client or redirect URI.');
    }
    if ((await s256(request.data.code_verifier)) !== pending.challenge) {
      return refuse('invalid_grant', 'PKCE verification failed.');
    }
    const user = (await options.users()).find((candidate) => candidate.sub === pending.sub);
    if (!user) return refuse('invalid_grant', 'The user no longer exists.');
    return c.json({ ...(await issueTokens(user, { nonce: pending.nonce })), token_type: 'Bearer' });
  });

  return { app, issuer, issueTokens };
}
