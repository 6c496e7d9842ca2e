import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import { tenantIdSchema, type TenantId } from '../../../shared/kernel/tenants';
import { sharedContext, type AppEnv } from './app-env';
import { problem, wantsProblem } from './problem';
import { revocationIdOf, type RevokedTokens } from './revoked-tokens';

/**
 * Sign-in for officers and IMDi: verification of OIDC tokens and the role guard. The same code
 * runs against Cognito in AWS and against the local identity provider on one machine; only the
 * issuer URL differs. Role and tenant come from verified claims only, never from the URL or body.
 */

/** The Cognito groups the apps know; any other group in a token is ignored. */
import { roles, type Role } from '../../../shared/officers/permissions';

export { roles, type Role };

/** Who is signed in, as the verified token says. */
export interface Principal {
  /** The token's `sub`: stable and opaque, never an email address. */
  readonly userId: string;
  readonly tenantId: TenantId;
  readonly roles: readonly Role[];
  /** The display name from the ID token, when the issuer gives one (access tokens do not). */
  readonly name?: string;
}

/**
 * The principal of a request that passed {@link requireRole}. Reaching a guarded handler without
 * one is a wiring fault (a route left out of the guard), so it fails loudly instead of answering.
 */
export function principalOf<E extends AppEnv>(c: Context<E>): Principal {
  const principal = sharedContext(c).get('principal');
  if (!principal) throw new Error('No principal: the route is not behind requireRole');
  return principal;
}

/**
 * The claims the apps rely on. Cognito ID tokens carry `aud` and `token_use: "id"`; its access
 * tokens carry `client_id` and `token_use: "access"` instead of `aud`, and no custom attributes, so
 * only a token with the tenant claim (the ID token, unless a pre-token trigger adds it) gets in.
 */
const claimsSchema = z.object({
  sub: z.string().min(1).max(128),
  'custom:tenantId': tenantIdSchema,
  'cognito:groups': z.array(z.string()).default([]),
  token_use: z.enum(['id', 'access']).optional(),
  aud: z.union([z.string(), z.array(z.string())]).optional(),
  client_id: z.string().optional(),
  /** The user's display name (Cognito's `name` attribute), for assignments and signatures. */
  name: z.string().min(1).max(200).optional(),
});

/** The parts of the issuer's discovery document that sign-in needs. */
export const providerMetadataSchema = z.object({
  issuer: z.url(),
  authorization_endpoint: z.url(),
  token_endpoint: z.url(),
  jwks_uri: z.url(),
  end_session_endpoint: z.url().optional(),
});

/** The issuer's endpoints, from `/.well-known/openid-configuration`. */
export type ProviderMetadata = z.infer<typeof providerMetadataSchema>;

/** How an app reaches its OIDC issuer. */
export interface AuthSettings {
  readonly issuer: string;
  readonly clientId: string;
  /** Only for a confidential client. */
  readonly clientSecret?: string;
}

/** A token that is missing, malformed, forged, expired or for another client. */
export class InvalidTokenError extends Error {
  constructor(readonly reason: string) {
    super(`invalid token: ${reason}`);
    this.name = 'InvalidTokenError';
  }
}

/** The issuer's metadata and the verification of its tokens, shared by every request of a process. */
export interface Authentication {
  readonly settings: AuthSettings;
  metadata(): Promise<ProviderMetadata>;
  /** The metadata when discovery has already answered, without waiting for it. */
  knownMetadata(): ProviderMetadata | undefined;
  /** Verifies a token and returns its principal; throws {@link InvalidTokenError}, also for a signed-out token. */
  verify(token: string): Promise<Principal>;
  /** Makes a valid token unusable for the rest of its life (sign-out); an invalid one is left alone. */
  revoke(token: string): Promise<void>;
}

/**
 * Builds the verifier. Discovery and the key set are fetched on first use, not at start, so a
 * Lambda cold start does not wait for the issuer and a failed fetch is retried by the next request.
 * jose caches the keys and refetches them when a token names an unknown key id (key rotation).
 */
export function createAuthentication(settings: AuthSettings, revoked?: RevokedTokens): Authentication {
  const issuer = settings.issuer.replace(/\/+$/, '');
  let discovery: Promise<{ metadata: ProviderMetadata; keys: JWTVerifyGetKey }> | undefined;
  let known: ProviderMetadata | undefined;

  const discover = () => {
    discovery ??= (async () => {
      const response = await fetch(`${issuer}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(5000) });
      if (!response.ok) throw new Error(`OIDC discovery answered ${response.status}`);
      const metadata = providerMetadataSchema.parse(await response.json());
      // OIDC Discovery §4.3: a document for another issuer must not be used.
      if (metadata.issuer !== issuer) throw new Error('OIDC discovery names another issuer');
      known = metadata;
      return { metadata, keys: createRemoteJWKSet(new URL(metadata.jwks_uri)) };
    })();
    discovery.catch(() => {
      discovery = undefined;
    });
    return discovery;
  };

  const verified = async (token: string) => {
    const { keys } = await discover();
    try {
      return (await jwtVerify(token, keys, { issuer, algorithms: ['RS256'], requiredClaims: ['exp', 'sub'] })).payload;
    } catch (error) {
      throw new InvalidTokenError(error instanceof joseErrors.JOSEError ? error.code : 'unreadable');
    }
  };

  return {
    settings: { ...settings, issuer },
    async metadata() {
      return (await discover()).metadata;
    },
    knownMetadata: () => known,
    async revoke(token) {
      if (!revoked) return;
      // Only a token we issued is recorded, so a forged cookie cannot fill the table.
      const payload = await verified(token).catch((error: unknown) => {
        if (error instanceof InvalidTokenError) return undefined;
        throw error;
      });
      if (payload?.exp) await revoked.revoke(await revocationIdOf(token), payload.exp);
    },
    async verify(token) {
      const payload = await verified(token);
      if (revoked && (await revoked.isRevoked(await revocationIdOf(token)))) throw new InvalidTokenError('revoked');
      const claims = claimsSchema.safeParse(payload);
      if (!claims.success) throw new InvalidTokenError('claims');
      const { aud, client_id: clientId, token_use: use } = claims.data;
      const audiences = aud === undefined ? [] : [aud].flat();
      const forUs = use === 'access' ? clientId === settings.clientId : audiences.includes(settings.clientId);
      if (!forUs) throw new InvalidTokenError('audience');
      return {
        userId: claims.data.sub,
        tenantId: claims.data['custom:tenantId'],
        roles: rolesOfGroups(claims.data['cognito:groups']),
        ...(claims.data.name ? { name: claims.data.name } : {}),
      };
    },
  };
}

/**
 * The identity provider's groups a token carries, as the app's roles. The caseworker's group is
 * called `caseworker` in the user pool and `officer` in older pools; both mean the role `officer`.
 * Any other group that is not a role is ignored.
 */
export function rolesOfGroups(groups: readonly string[]): Role[] {
  const named = groups.map((group) => (group === 'caseworker' ? 'officer' : group));
  return roles.filter((role) => named.includes(role));
}

/** Reads the sign-in settings; the officer and national apps cannot run without them. */
export function authSettingsFrom(config: { AUTH_ISSUER?: string; AUTH_CLIENT_ID?: string; AUTH_CLIENT_SECRET?: string }): AuthSettings {
  if (!config.AUTH_ISSUER || !config.AUTH_CLIENT_ID) {
    throw new Error('Invalid configuration in the environment: AUTH_ISSUER and AUTH_CLIENT_ID are required by the officer and national apps');
  }
  return { issuer: config.AUTH_ISSUER, clientId: config.AUTH_CLIENT_ID, clientSecret: config.AUTH_CLIENT_SECRET };
}

/** The two signed-in audiences; each has its own session, under its own path. */
export type Audience = 'officer' | 'national';

/**
 * The session cookie of an audience. It holds the ID token and is checked on every request.
 * Scoped to the audience's path so the public applicant app never receives it; `Secure` (with the
 * `__Secure-` prefix) everywhere except plain-http localhost, where browsers would drop it.
 */
export function sessionCookie(audience: Audience, baseUrl: string) {
  const secure = !isLocalHttp(baseUrl);
  return { name: `fordel-${audience}-session`, path: `/${audience}`, secure, prefix: secure ? ('secure' as const) : undefined };
}

/** Whether the app is served over plain http on this machine (the only place http is allowed). */
export function isLocalHttp(baseUrl: string): boolean {
  const url = new URL(baseUrl);
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

function bearerToken(c: Context): string | undefined {
  const match = /^Bearer\s+([\w-]+\.[\w-]+\.[\w-]+)$/i.exec(c.req.header('authorization') ?? '');
  return match?.[1];
}

/** Options of {@link requireRole}. */
export interface GuardOptions {
  readonly auth: Authentication;
  readonly audience: Audience;
  readonly baseUrl: string;
  /** Renders the page shown to a signed-in user without the role. */
  readonly forbiddenPage: (c: Context<AppEnv>) => Response | Promise<Response>;
}

/**
 * Lets a request through only with a valid token (bearer header, else the session cookie) whose
 * groups include one of `allowed`, and puts its principal on the context.
 *
 * - No, invalid or expired token: the API answers 401 problem+json; a page redirects to sign-in
 *   and comes back to where the user was going.
 * - Valid token, none of the roles: 403 (problem+json or a page).
 */
export function requireRole(options: GuardOptions, ...allowed: Role[]): MiddlewareHandler<AppEnv> {
  const cookie = sessionCookie(options.audience, options.baseUrl);
  return async (c, next) => {
    const fromHeader = bearerToken(c);
    const token = fromHeader ?? getCookie(c, cookie.name, cookie.prefix);
    let principal: Principal | undefined;
    if (token) {
      try {
        principal = await options.auth.verify(token);
      } catch (error) {
        if (!(error instanceof InvalidTokenError)) throw error;
        c.get('logger').log('warn', 'token refused', { reason: error.reason, source: fromHeader ? 'bearer' : 'cookie' });
        if (!fromHeader) deleteCookie(c, cookie.name, { path: cookie.path, secure: cookie.secure, prefix: cookie.prefix });
      }
    }
    if (!principal) {
      if (wantsProblem(c)) {
        return problem(c, 401, {
          headers: { 'www-authenticate': `Bearer realm="fordel-${options.audience}"${token ? ', error="invalid_token"' : ''}` },
        });
      }
      const target = new URL(c.req.url);
      const returnTo = c.req.method === 'GET' ? `?returnTo=${encodeURIComponent(`${target.pathname}${target.search}`)}` : '';
      return c.redirect(`/${options.audience}/auth/sign-in${returnTo}`, 302);
    }
    if (!principal.roles.some((role) => allowed.includes(role))) {
      c.get('logger').log('warn', 'role refused', { tenantId: principal.tenantId, audience: options.audience });
      c.header('cache-control', 'no-store');
      if (wantsProblem(c)) return problem(c, 403);
      c.status(403);
      return options.forbiddenPage(c);
    }
    c.set('principal', principal);
    c.set('logger', c.get('logger').child({ tenantId: principal.tenantId }));
    // Pages and answers for one signed-in user must never be kept by a shared cache.
    c.header('cache-control', 'private, no-store');
    await next();
  };
}
