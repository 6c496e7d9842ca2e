import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { callFilterSchema, callSchema, filterCalls, type Call } from '../../../shared/rounds/call';
import { subGoalCodeSchema } from '../../../shared/rules/sub-goals';
import type { CallRepository } from '../../../shared/rounds/ports';
import type { Clock, HealthProbe } from '../../../shared/kernel/ports';
import { tenantIdSchema, type Tenant } from '../../../shared/kernel/tenants';
import { ApiReferencePage, type OpenApiDocumentView } from '../../../web/pages/api-reference-page';
import { CallPage } from '../../../web/pages/call-page';
import { StartPage } from '../../../web/pages/start-page';
import type { AppEnv } from '../common/app-env';
import { errorPage, handleError, handleNotFound, notFound } from '../common/error-handling';
import { problemResponse } from '../common/openapi-problem';
import { pageContextOf } from '../common/page-context';
import type { Logger } from '../common/logger';
import { requestContext } from '../common/request-context';
import { securityHeaders } from '../common/security-headers';
import { validationProblem } from '../common/validation-problem';
import type { ApplicationJourneyDependencies } from './journey';
import { journeyRoutes } from './journey-routes';
import { grantAnswerApi } from './routes/grant-answer-api';
import { sameOriginForms } from '../common/request-guards';
import { AboutPage } from '../../../web/pages/about-pages';

/** What the applicant app needs from the outside world. */
export interface ApplicantDependencies {
  calls: CallRepository;
  health: HealthProbe;
  logger: Logger;
  /** Public address of the app, for links that are shared outside it. */
  baseUrl: string;
  /** The application journey: start, form, submit, follow. */
  journey: ApplicationJourneyDependencies;
  clock: Clock;
}

const callPathParams = z.object({
  tenantId: tenantIdSchema.meta({ description: 'The administrator: `imdi` or `k` + kommunenummer.', example: 'k3240' }),
  roundId: z.string().min(1).max(40).meta({ description: 'The round id.', example: '2027-1' }),
});

const callListQuery = z.object({
  kommune: tenantIdSchema.optional().meta({ description: 'Only calls from this administrator.', example: 'k3240' }),
  delmal: subGoalCodeSchema.optional().meta({ description: 'Only calls open to this sub-goal (A, B, C or D).' }),
});


const callResponseSchema = callSchema.meta({ id: 'Call' });

const listCallsRoute = createRoute({
  method: 'get',
  path: '/api/calls',
  summary: 'Open calls for applications across all managing municipalities and IMDi, earliest deadline first.',
  request: { query: callListQuery },
  responses: {
    200: { description: 'The open calls.', content: { 'application/json': { schema: z.object({ calls: z.array(callResponseSchema) }) } } },
    400: problemResponse('A filter value is not valid.'),
  },
});

const getCallRoute = createRoute({
  method: 'get',
  path: '/api/calls/{tenantId}/{roundId}',
  summary: 'One call for applications.',
  request: { params: callPathParams },
  responses: {
    200: { description: 'The call.', content: { 'application/json': { schema: callResponseSchema } } },
    404: problemResponse('No such call.'),
  },
});

const healthRoute = createRoute({
  method: 'get',
  path: '/healthz',
  summary: 'Whether the service can reach its table.',
  responses: {
    200: { description: 'Healthy.', content: { 'application/json': { schema: z.object({ status: z.literal('ok') }) } } },
    503: {
      description: 'The table cannot be reached.',
      content: { 'application/json': { schema: z.object({ status: z.literal('unavailable'), reason: z.string() }) } },
    },
  },
});

/** The administrators that have open calls, for the filter; IMDi's national call first. */
function administratorsOf(calls: readonly Call[]): Tenant[] {
  const byId = new Map<string, Tenant>();
  for (const call of calls) {
    byId.set(call.tenantId, {
      tenantId: call.tenantId,
      kind: call.kommunenummer ? 'municipality' : 'national',
      name: call.administratorName,
      managingYears: [],
    });
  }
  return [...byId.values()].sort(
    (a, b) => Number(a.kind === 'municipality') - Number(b.kind === 'municipality') || a.name.localeCompare(b.name, 'nb'),
  );
}

/**
 * The public app: the national list of open calls, each call's page, the open JSON API with its
 * OpenAPI description, and the health check. It needs no sign-in.
 */
export function createApplicantApp(deps: ApplicantDependencies) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationProblem() });
  app.use('*', requestContext(deps.logger), securityHeaders({ baseUrl: deps.baseUrl }));
  app.onError(handleError);
  app.notFound(handleNotFound);
  // Every form here changes state for a session cookie or sends email: only our own pages may post them.
  app.use('*', sameOriginForms(deps.baseUrl));

  const pageContext = pageContextOf;

  app.get('/', async (c) => {
    const parsed = callListQuery.safeParse({ kommune: c.req.query('kommune') || undefined, delmal: c.req.query('delmal') || undefined });
    if (!parsed.success) return errorPage(c, 400, 'badRequest');
    const filter = callFilterSchema.parse({ tenantId: parsed.data.kommune, subGoal: parsed.data.delmal });
    const open = await deps.calls.listOpen();
    return c.html(
      <StartPage page={pageContext(c)} calls={filterCalls(open, filter)} administrators={administratorsOf(open)} filter={filter} />,
    );
  });

  app.get('/calls/:tenantId/:roundId', async (c) => {
    const params = callPathParams.safeParse(c.req.param());
    const call = params.success ? await deps.calls.get(params.data.tenantId, params.data.roundId) : undefined;
    if (!call || call.status === 'draft') return notFound(c);
    return c.html(<CallPage page={pageContext(c)} call={call} baseUrl={deps.baseUrl} now={deps.clock()} />);
  });

  app.openapi(listCallsRoute, async (c) => {
    const query = c.req.valid('query');
    const calls = filterCalls(await deps.calls.listOpen(), { tenantId: query.kommune, subGoal: query.delmal });
    return c.json({ calls }, 200);
  });

  app.openapi(getCallRoute, async (c) => {
    const { tenantId, roundId } = c.req.valid('param');
    const call = await deps.calls.get(tenantId, roundId);
    if (!call || call.status === 'draft') return notFound(c) as never;
    return c.json(call, 200);
  });

  app.openapi(healthRoute, async (c) => {
    const result = await deps.health.check();
    if (result.ok) return c.json({ status: 'ok' as const }, 200);
    c.get('logger').log('error', 'health check failed', { reason: result.reason });
    return c.json({ status: 'unavailable' as const, reason: result.reason }, 503);
  });

  app.get('/accessibility', (c) => c.html(<AboutPage page={pageContext(c)} kind="accessibility" />));
  app.get('/privacy', (c) => c.html(<AboutPage page={pageContext(c)} kind="privacy" />));
  app.route('/', grantAnswerApi(deps.journey));
  app.route('/', journeyRoutes(deps.journey));

  const openApiConfig = {
    openapi: '3.1.0',
    info: {
      title: 'Fordel API',
      version: '1.0.0',
      description: 'Open calls for grants to integration work by voluntary organisations (IMDi and the managing municipalities).',
    },
  };
  app.doc31('/api/openapi.json', openApiConfig);

  app.get('/api/reference', (c) => {
    const document = app.getOpenAPI31Document(openApiConfig) as unknown as OpenApiDocumentView;
    return c.html(<ApiReferencePage page={pageContext(c)} document={document} />);
  });

  return app;
}
