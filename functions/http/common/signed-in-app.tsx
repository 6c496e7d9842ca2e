import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { TenantId } from '../../../shared/kernel/tenants';
import type { PageContext } from '../../../web/layout';
import { AuthMessagePage } from '../../../web/pages/auth-message-page';
import { sharedContext, type AppEnv } from './app-env';
import { principalOf, requireRole, type Audience, type Authentication, type Role } from './authentication';
import { handleError, handleNotFound } from './error-handling';
import type { Logger } from './logger';
import { logoutEndpointOf, mountOidcSignIn } from './oidc-sign-in';
import { pageContextOf } from './page-context';
import { FORM_BODY_LIMIT_BYTES, limitBody, sameOriginForms } from './request-guards';
import { requestContext } from './request-context';
import { securityHeaders } from './security-headers';
import { validationProblem } from './validation-problem';

/** What the officer and national apps share: who signs them in and where they live. */
export interface SignedInAppOptions {
  readonly audience: Audience;
  readonly auth: Authentication;
  readonly logger: Logger;
  readonly baseUrl: string;
  /** The roles that may use the app's pages and API. */
  readonly roles: readonly Role[];
}

/** The origins sign-out leaves through: the issuer's and, once discovered, its logout endpoint's (Cognito's own domain). */
function issuerOrigins(auth: Authentication): string[] {
  const logout = logoutEndpointOf(auth.knownMetadata());
  return [new URL(auth.settings.issuer).origin, ...(logout ? [new URL(logout).origin] : [])];
}

/**
 * A signed-in audience's app with everything but its own routes: request context, the error and
 * 404 answers, same-origin forms and body limits, the OIDC sign-in routes, and the role guard to
 * put in front of its pages and API.
 */
export function createSignedInApp(options: SignedInAppOptions) {
  const { audience } = options;
  const signInHref = `/${audience}/auth/sign-in`;
  const message = (kind: 'forbidden' | 'failed' | 'signedOut', status: 200 | 400 | 403) => (c: Context<AppEnv>) =>
    c.html(<AuthMessagePage page={pageContextOf(c)} kind={kind} signInHref={signInHref} />, status);

  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationProblem() });
  app.use('*', requestContext(options.logger), securityHeaders({ baseUrl: options.baseUrl, formTargets: () => issuerOrigins(options.auth) }));
  app.onError(handleError);
  app.notFound(handleNotFound);
  // Cookie-authenticated form posts (sign-out now, decisions later) must come from our own pages.
  app.use('*', sameOriginForms(options.baseUrl), limitBody(FORM_BODY_LIMIT_BYTES));

  mountOidcSignIn(app, {
    auth: options.auth,
    audience,
    baseUrl: options.baseUrl,
    failedPage: message('failed', 400),
    signedOutPage: message('signedOut', 200),
  });

  const guard = requireRole(
    { auth: options.auth, audience, baseUrl: options.baseUrl, forbiddenPage: message('forbidden', 403) },
    ...options.roles,
  );

  return { app, guard, openPaths: openPathsOf(audience) };
}

/**
 * The only paths of a signed-in audience open without a token: signing in and out, and the API's
 * description. The apps guard `/<audience>/*` except these, so everything is closed by default and
 * a new route cannot be left open by forgetting to list it.
 */
function openPathsOf(audience: Audience): string[] {
  return [`/${audience}/auth/*`, `/${audience}/api/openapi.json`];
}

/** A signed-in page's context: the user and their organisation's name in the header. */
export async function signedInPage<E extends AppEnv>(c: Context<E>, audience: Audience, tenantName: (tenantId: TenantId) => Promise<string | undefined>): Promise<PageContext> {
  const principal = principalOf(c);
  return {
    ...pageContextOf(sharedContext(c)),
    session: {
      userId: principal.userId,
      tenantName: (await tenantName(principal.tenantId)) ?? principal.tenantId,
      home: `/${audience}`,
      signOutAction: `/${audience}/auth/sign-out`,
    },
  };
}
