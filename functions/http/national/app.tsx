import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { roundStatuses, type RoundStatus } from '../../../shared/rounds/lifecycle';
import type { CallRepository } from '../../../shared/rounds/ports';
import type { TenantRepository } from '../../../shared/national/ports';
import { tenantSchema, type Tenant } from '../../../shared/kernel/tenants';
import type { PageContext } from '../../../web/layout';
import { AuthMessagePage } from '../../../web/pages/auth-message-page';
import { NationalOverviewPage, type AdministratorOverview } from '../../../web/pages/national-overview-page';
import type { AppEnv } from '../common/app-env';
import { principalOf, requireRole, type Authentication } from '../common/authentication';
import { handleError, handleNotFound } from '../common/error-handling';
import type { Logger } from '../common/logger';
import { mountOidcSignIn } from '../common/oidc-sign-in';
import { requestContext } from '../common/request-context';
import { validationProblem } from '../common/validation-problem';

/** What the national (IMDi) app needs from the outside world. */
export interface NationalDependencies {
  calls: Pick<CallRepository, 'listByTenant'>;
  tenants: Pick<TenantRepository, 'list' | 'getProfile'>;
  auth: Authentication;
  logger: Logger;
  baseUrl: string;
}

const problemSchema = z
  .object({ type: z.string(), title: z.string(), status: z.number().int(), requestId: z.string().optional() })
  .meta({ id: 'Problem' });

const administratorSchema = tenantSchema
  .extend({
    roundsByStatus: z.partialRecord(z.enum(roundStatuses), z.number().int().min(0)).meta({
      description: 'Number of rounds in each status; statuses with no rounds are left out.',
    }),
  })
  .meta({ id: 'Administrator' });

const listTenantsRoute = createRoute({
  method: 'get',
  path: '/national/api/tenants',
  summary: 'The tenant register (IMDi and the managing municipalities) with each administrator’s rounds counted by status.',
  security: [{ bearerAuth: [] }],
  responses: {
    200: { description: 'The register.', content: { 'application/json': { schema: z.object({ tenants: z.array(administratorSchema) }) } } },
    401: { description: 'No valid token.', content: { 'application/problem+json': { schema: problemSchema } } },
    403: { description: 'The token has no national-admin role.', content: { 'application/problem+json': { schema: problemSchema } } },
  },
});

function basePage(c: Context<AppEnv>): PageContext {
  const url = new URL(c.req.url);
  return { lang: c.get('lang'), t: c.get('t'), currentPath: `${url.pathname}${url.search}` };
}

/** IMDi first, then municipalities by name, as the scheme's documents list them. */
function byRegisterOrder(a: Tenant, b: Tenant): number {
  return Number(a.kind === 'municipality') - Number(b.kind === 'municipality') || a.name.localeCompare(b.name, 'nb');
}

/**
 * The national app for IMDi's administrators: the tenant register and each administrator's rounds
 * by status. Only the `national-admin` role gets in; officers get 403.
 */
export function createNationalApp(deps: NationalDependencies) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationProblem });
  app.use('*', requestContext(deps.logger));
  // The CSRF guard refuses a cross-site form with 403; say so, instead of a generic bad request.
  app.onError((error, c) =>
    error instanceof HTTPException && error.status === 403
      ? c.html(<AuthMessagePage page={basePage(c)} kind="forbidden" signInHref={`/national/auth/sign-in`} />, 403)
      : handleError(error, c),
  );
  app.notFound(handleNotFound);
  app.use('*', csrf({ origin: new URL(deps.baseUrl).origin }));

  const signInHref = '/national/auth/sign-in';
  mountOidcSignIn(app, {
    auth: deps.auth,
    audience: 'national',
    baseUrl: deps.baseUrl,
    failedPage: (c) => c.html(<AuthMessagePage page={basePage(c)} kind="failed" signInHref={signInHref} />, 400),
    signedOutPage: (c) => c.html(<AuthMessagePage page={basePage(c)} kind="signedOut" signInHref={signInHref} />),
  });

  const guard = requireRole(
    {
      auth: deps.auth,
      audience: 'national',
      baseUrl: deps.baseUrl,
      forbiddenPage: (c) => c.html(<AuthMessagePage page={basePage(c)} kind="forbidden" signInHref={signInHref} />, 403),
    },
    'national-admin',
  );
  for (const path of ['/national', '/national/api/tenants']) app.use(path, guard);

  /**
   * Each administrator's rounds counted by status: one query per tenant partition (about 41), in
   * parallel. The tenant-year aggregates will replace this when they exist (ARCHITECTURE.md §3).
   */
  const overview = async (): Promise<AdministratorOverview[]> => {
    const tenants = (await deps.tenants.list()).sort(byRegisterOrder);
    return Promise.all(
      tenants.map(async (tenant) => {
        const roundsByStatus: Partial<Record<RoundStatus, number>> = {};
        for (const round of await deps.calls.listByTenant(tenant.tenantId)) {
          roundsByStatus[round.status] = (roundsByStatus[round.status] ?? 0) + 1;
        }
        return { tenant, roundsByStatus };
      }),
    );
  };

  app.get('/national', async (c) => {
    const principal = principalOf(c);
    const [administrators, profile] = await Promise.all([overview(), deps.tenants.getProfile(principal.tenantId)]);
    const page: PageContext = {
      ...basePage(c),
      session: {
        userId: principal.userId,
        tenantName: profile?.name ?? principal.tenantId,
        home: '/national',
        signOutAction: '/national/auth/sign-out',
      },
    };
    return c.html(<NationalOverviewPage page={page} administrators={administrators} />);
  });

  app.openapi(listTenantsRoute, async (c) => {
    const administrators = await overview();
    return c.json({ tenants: administrators.map(({ tenant, roundsByStatus }) => ({ ...tenant, roundsByStatus })) }, 200);
  });

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'The ID token from the OIDC sign-in (Cognito), with `national-admin` in cognito:groups.',
  });
  app.doc31('/national/api/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Fordel national API', version: '1.0.0', description: 'The tenant register and the administrators’ rounds, for IMDi.' },
  });

  return app;
}
