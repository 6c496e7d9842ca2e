import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { StoredBudgetPosition } from '../../../../shared/national/budget-position';
import { setAdminReservation } from '../../../../shared/national/use-cases/set-admin-reservation';
import { available } from '../../../../shared/rules/budget';
import { principalOf } from '../../common/authentication';
import { budgetPositionSchema, grantYearParam } from '../../common/budget-schemas';
import { problemResponse } from '../../common/openapi-problem';
import { problem } from '../../common/problem';
import { validationProblem } from '../../common/validation-problem';
import type { OfficerEnv } from '../officer-data';
import { requirePermission } from '../permissions';

const security = [{ bearerAuth: [] }];
const unauthorized = problemResponse('No valid token.');

const getBudgetRoute = createRoute({
  method: 'get',
  path: '/officer/api/budget/{year}',
  summary: "Show the signed-in officer's municipality's budget position for the year: frame, admin cap, reserved, awarded, paid, returned and what is left.",
  security,
  // An external assessor sees no figure of the municipality.
  middleware: [requirePermission('cases.read')] as const,
  request: { params: grantYearParam },
  responses: {
    200: { description: 'The position.', content: { 'application/json': { schema: budgetPositionSchema } } },
    401: unauthorized,
    403: problemResponse('The token has no role that may read the municipality’s budget.'),
    404: problemResponse('The municipality has no frame for the year yet.'),
  },
});

const setReservationRoute = createRoute({
  method: 'put',
  path: '/officer/api/budget/{year}/admin-reservation',
  // Refused before the body is read, so a caseworker learns nothing from its validation.
  middleware: [requirePermission('budget.reserve_admin')] as const,
  summary: 'Set how much of the year’s frame the municipality keeps for its own administration, up to the admin cap.',
  security,
  request: {
    params: grantYearParam,
    body: { content: { 'application/json': { schema: z.object({ amount: z.number().int().min(0).meta({ description: 'Whole kroner.', example: 35_145 }) }) } }, required: true },
  },
  responses: {
    200: { description: 'The position after the change.', content: { 'application/json': { schema: budgetPositionSchema } } },
    400: problemResponse('The body is not valid.'),
    401: unauthorized,
    403: problemResponse('The token has no municipal-admin role.'),
    404: problemResponse('The municipality has no frame for the year yet.'),
    409: problemResponse('The year is closed; its budget takes no change.'),
    422: problemResponse('Above the admin cap, or above what is left of the frame; the problem gives the amounts.'),
  },
});

function withAvailable(position: StoredBudgetPosition) {
  return { ...position, available: available(position) };
}

/** The officer's budget API, keyed by the token's tenant: another municipality's position is not reachable. */
export function budgetApiRoutes() {
  const app = new OpenAPIHono<OfficerEnv>({ defaultHook: validationProblem() });

  app.openapi(getBudgetRoute, async (c) => {
    const position = await c.var.data.budget.get(principalOf(c).tenantId, c.req.valid('param').year);
    if (!position) return problem(c, 404) as never;
    return c.json(withAvailable(position), 200);
  });

  app.openapi(setReservationRoute, async (c) => {
    const principal = principalOf(c);
    const position = await setAdminReservation(
      { budget: c.var.data.budget },
      { tenantId: principal.tenantId, grantYear: c.req.valid('param').year, amount: c.req.valid('json').amount, actor: principal.userId },
    );
    return c.json(withAvailable(position), 200);
  });

  return app;
}
