import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { callSchema } from '../../../shared/rounds/call';
import type { CallRepository } from '../../../shared/rounds/ports';
import type { TenantRepository } from '../../../shared/national/ports';
import type { TenantId } from '../../../shared/kernel/tenants';
import type { PageContext } from '../../../web/layout';
import { AuthMessagePage } from '../../../web/pages/auth-message-page';
import { OfficerRoundPage } from '../../../web/pages/officer-round-page';
import { OfficerWorkspacePage } from '../../../web/pages/officer-workspace-page';
import type { AppEnv } from '../common/app-env';
import { principalOf, problemResponse, requireRole, type Authentication, type Principal } from '../common/authentication';
import { handleError, handleNotFound } from '../common/error-handling';
import type { ApplicationRepository } from '../../../shared/applications/ports';
import type { Logger } from '../common/logger';
import { mountOidcSignIn } from '../common/oidc-sign-in';
import { requestContext } from '../common/request-context';
import { validationProblem } from '../common/validation-problem';

/** What the officer app needs from the outside world. */
export interface OfficerDependencies {
  calls: CallRepository;
  /** The round's received applications, for the round page. */
  applications: Pick<ApplicationRepository, 'listSubmittedByRound'>;
  /** Only `getProfile` is used: the officer role may not read the national register. */
  tenants: Pick<TenantRepository, 'getProfile'>;
  auth: Authentication;
  logger: Logger;
  /** Public address of the app; sign-in redirects come back to it. */
  baseUrl: string;
}

const roundIdSchema = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[\w-]+$/)
  .meta({ description: 'The round id.', example: '2027-1' });

const problemSchema = z
  .object({ type: z.string(), title: z.string(), status: z.number().int(), requestId: z.string().optional() })
  .meta({ id: 'Problem' });

const roundSchema = callSchema.meta({ id: 'Round' });

const unauthorized = { description: 'No valid token.', content: { 'application/problem+json': { schema: problemSchema } } };
const forbidden = { description: 'The token has no officer or assessor role.', content: { 'application/problem+json': { schema: problemSchema } } };
const security = [{ bearerAuth: [] }];

const listRoundsRoute = createRoute({
  method: 'get',
  path: '/officer/api/rounds',
  summary: "The signed-in officer's municipality's rounds, newest first. The tenant comes from the token only.",
  security,
  responses: {
    200: {
      description: 'The rounds.',
      content: { 'application/json': { schema: z.object({ tenantId: z.string(), rounds: z.array(roundSchema) }) } },
    },
    401: unauthorized,
    403: forbidden,
  },
});

const getRoundRoute = createRoute({
  method: 'get',
  path: '/officer/api/rounds/{roundId}',
  summary: "One round of the signed-in officer's municipality; another municipality's round is not found.",
  security,
  request: { params: z.object({ roundId: roundIdSchema }) },
  responses: {
    200: { description: 'The round.', content: { 'application/json': { schema: roundSchema } } },
    401: unauthorized,
    403: forbidden,
    404: { description: 'No such round for this municipality.', content: { 'application/problem+json': { schema: problemSchema } } },
  },
});

function basePage(c: Context<AppEnv>): PageContext {
  const url = new URL(c.req.url);
  return { lang: c.get('lang'), t: c.get('t'), currentPath: `${url.pathname}${url.search}` };
}

/**
 * The officer app: a managing municipality's workspace (pages and JSON API) behind OIDC sign-in.
 * Every read is keyed by the tenant in the verified token, so a round id of another municipality
 * simply does not exist here: 404, never 403, so the answer does not confirm that it exists.
 */
export function createOfficerApp(deps: OfficerDependencies) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationProblem });
  app.use('*', requestContext(deps.logger));
  // The CSRF guard refuses a cross-site form with 403; say so, instead of a generic bad request.
  app.onError((error, c) =>
    error instanceof HTTPException && error.status === 403
      ? c.html(<AuthMessagePage page={basePage(c)} kind="forbidden" signInHref={`/officer/auth/sign-in`} />, 403)
      : handleError(error, c),
  );
  app.notFound(handleNotFound);
  // Cookie-authenticated form posts (sign-out now, decisions later) must come from our own pages.
  app.use('*', csrf({ origin: new URL(deps.baseUrl).origin }));

  const signInHref = '/officer/auth/sign-in';
  mountOidcSignIn(app, {
    auth: deps.auth,
    audience: 'officer',
    baseUrl: deps.baseUrl,
    failedPage: (c) => c.html(<AuthMessagePage page={basePage(c)} kind="failed" signInHref={signInHref} />, 400),
    signedOutPage: (c) => c.html(<AuthMessagePage page={basePage(c)} kind="signedOut" signInHref={signInHref} />),
  });

  const guard = requireRole(
    {
      auth: deps.auth,
      audience: 'officer',
      baseUrl: deps.baseUrl,
      forbiddenPage: (c) => c.html(<AuthMessagePage page={basePage(c)} kind="forbidden" signInHref={signInHref} />, 403),
    },
    'officer',
    'assessor',
  );
  for (const path of ['/officer', '/officer/rounds/*', '/officer/api/rounds', '/officer/api/rounds/*']) app.use(path, guard);

  /** The tenant's display name from its own partition; the id if the profile is missing (older data). */
  const tenantName = async (tenantId: TenantId): Promise<string> =>
    (await deps.tenants.getProfile(tenantId))?.name ?? tenantId;

  const pageContext = async (c: Context<AppEnv>, principal: Principal): Promise<PageContext> => ({
    ...basePage(c),
    session: {
      userId: principal.userId,
      tenantName: await tenantName(principal.tenantId),
      home: '/officer',
      signOutAction: '/officer/auth/sign-out',
    },
  });

  app.get('/officer', async (c) => {
    const principal = principalOf(c);
    const [page, rounds] = await Promise.all([pageContext(c, principal), deps.calls.listByTenant(principal.tenantId)]);
    return c.html(<OfficerWorkspacePage page={page} tenantName={page.session!.tenantName} rounds={rounds} />);
  });

  app.get('/officer/rounds/:roundId', async (c) => {
    const principal = principalOf(c);
    const roundId = roundIdSchema.safeParse(c.req.param('roundId'));
    const round = roundId.success ? await deps.calls.get(principal.tenantId, roundId.data) : undefined;
    if (!round) return handleNotFound(c);
    const applications = await deps.applications.listSubmittedByRound(principal.tenantId, round.roundId);
    return c.html(<OfficerRoundPage page={await pageContext(c, principal)} round={round} applications={applications} />);
  });

  app.openapi(listRoundsRoute, async (c) => {
    const { tenantId } = principalOf(c);
    return c.json({ tenantId, rounds: await deps.calls.listByTenant(tenantId) }, 200);
  });

  app.openapi(getRoundRoute, async (c) => {
    const { roundId } = c.req.valid('param');
    const round = await deps.calls.get(principalOf(c).tenantId, roundId);
    if (!round) return problemResponse(c, 404, c.get('t')('error.notFound.title')) as never;
    return c.json(round, 200);
  });

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'The ID token from the OIDC sign-in (Cognito); it carries custom:tenantId and cognito:groups.',
  });
  app.doc31('/officer/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Fordel officer API',
      version: '1.0.0',
      description: "A managing municipality's rounds. Sign in with OIDC; the municipality comes from the token.",
    },
  });

  return app;
}
