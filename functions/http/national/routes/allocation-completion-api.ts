import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { completeAllocation } from '../../../../shared/national/use-cases/publish-allocation';
import { assignmentLetterEmail } from '../../../../web/emails/assignment-letter';
import type { AppEnv } from '../../common/app-env';
import { principalOf } from '../../common/authentication';
import { allocationVersionSchema, grantYearParam } from '../../common/budget-schemas';
import { problemResponse } from '../../common/openapi-problem';
import { validationProblem } from '../../common/validation-problem';
import type { AllocationsData } from './allocations-api';

const completionRoute = createRoute({
  method: 'post',
  path: '/national/api/years/{year}/allocations/{version}/completion',
  summary: 'Finish publishing an allocation version left `applying` (a publish that stopped half-way): give every municipality that lacks it the version’s frame and letter, once.',
  security: [{ bearerAuth: [] }],
  request: {
    params: grantYearParam.extend({ version: z.coerce.number().int().min(1).meta({ description: 'The version number.', example: 2 }) }),
  },
  responses: {
    200: { description: 'The version, published, with how it moved the frames of the version before. Finishing a published version changes nothing.', content: { 'application/json': { schema: allocationVersionSchema } } },
    401: problemResponse('No valid token.'),
    403: problemResponse('The token has no national-admin role.'),
    404: problemResponse('The year has no such version.'),
    422: problemResponse('A municipality has meanwhile committed more than the version gives it; publish a correction instead.'),
  },
});

/** IMDi's API route that finishes a stopped publish, as the version page's button does. */
export function allocationCompletionApiRoutes(data: AllocationsData) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationProblem() });

  app.openapi(completionRoute, async (c) => {
    const { year, version } = c.req.valid('param');
    const rules = (await data.ruleSets.current(year)).ruleSet;
    const { userId, tenantId } = principalOf(c);
    const completed = await completeAllocation(
      {
        ...data,
        composeLetter: (published, frame, previousFrame) =>
          assignmentLetterEmail({ grantYear: year, version: published.version, frame, previousFrame, reason: published.reason, rules }),
      },
      { grantYear: year, version, publisher: { userId, tenantId } },
    );
    return c.json({ ...completed.version, changes: completed.changes }, 200);
  });

  return app;
}
