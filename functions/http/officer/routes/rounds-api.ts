import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { callSchema } from '../../../../shared/rounds/call';
import { principalOf } from '../../common/authentication';
import { problemResponse } from '../../common/openapi-problem';
import { problem } from '../../common/problem';
import { validationProblem } from '../../common/validation-problem';
import type { OfficerEnv } from '../officer-data';
import { requirePermission } from '../permissions';

/** A round id as the URL carries it. */
export const roundIdSchema = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[\w-]+$/)
  .meta({ description: 'The round id.', example: '2027-1' });

const roundSchema = callSchema.meta({ id: 'Round' });
const unauthorized = problemResponse('No valid token.');
const forbidden = problemResponse('The token has no role that may read the municipality’s cases (an external assessor sees only their assigned applications).');
/** Reading rounds needs `cases.read`, which an external assessor does not have. */
const readsCases = requirePermission('cases.read');
const security = [{ bearerAuth: [] }];

const listRoundsRoute = createRoute({
  method: 'get',
  path: '/officer/api/rounds',
  summary: "The signed-in officer's municipality's rounds, newest first. The tenant comes from the token only.",
  security,
  middleware: [readsCases] as const,
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
  middleware: [readsCases] as const,
  request: { params: z.object({ roundId: roundIdSchema }) },
  responses: {
    200: { description: 'The round.', content: { 'application/json': { schema: roundSchema } } },
    400: problemResponse('The round id is not valid.'),
    401: unauthorized,
    403: forbidden,
    404: problemResponse('No such round for this municipality.'),
  },
});

/** The officer's JSON API: the same rounds as the pages, keyed by the token's tenant. */
export function roundsApiRoutes() {
  const app = new OpenAPIHono<OfficerEnv>({ defaultHook: validationProblem() });

  app.openapi(listRoundsRoute, async (c) => {
    const { tenantId } = principalOf(c);
    return c.json({ tenantId, rounds: await c.var.data.calls.listByTenant(tenantId) }, 200);
  });

  app.openapi(getRoundRoute, async (c) => {
    const round = await c.var.data.calls.get(principalOf(c).tenantId, c.req.valid('param').roundId);
    if (!round) return problem(c, 404) as never;
    return c.json(round, 200);
  });

  return app;
}
