import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { ulid } from 'ulid';
import { decisionOutcomes } from '../../../../shared/decisions/decision';
import { MAX_CONDITIONS_LENGTH, MAX_REASONS_LENGTH, recommend } from '../../../../shared/decisions/use-cases/recommend';
import { kroner } from '../../../../shared/kernel/money';
import type { Clock } from '../../../../shared/kernel/ports';
import { principalOf } from '../../common/authentication';
import { problemResponse } from '../../common/openapi-problem';
import { validationProblem } from '../../common/validation-problem';
import type { OfficerEnv } from '../officer-data';
import { requirePermission } from '../permissions';
import { applicationIdSchema } from './case-data';

const recommendationSchema = z
  .object({
    outcome: z.enum(decisionOutcomes),
    amount: z.int().min(0),
    reasons: z.string(),
    conditions: z.string(),
    recommendedBy: z.string(),
    recommendedByName: z.string().optional(),
    recommendedAt: z.string(),
  })
  .meta({ id: 'Recommendation' });

const recommendRoute = createRoute({
  method: 'put',
  path: '/officer/api/applications/{applicationId}/recommendation',
  summary: 'Recommend an outcome (grant, grant a lower amount, reject) with reasons and conditions; replaces an earlier recommendation until the case is decided.',
  security: [{ bearerAuth: [] }],
  request: {
    params: z.object({ applicationId: applicationIdSchema.meta({ description: 'The application id.' }) }),
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({
            version: z.int().min(0).meta({ description: 'The application’s version as read; another one answers 409.' }),
            outcome: z.enum(decisionOutcomes),
            amount: z.int().min(0).meta({ description: 'Whole kroner: the amount applied for to grant, less to grant a lower amount, 0 to reject.', example: 40_000 }),
            reasons: z.string().max(MAX_REASONS_LENGTH).meta({ description: 'In the applicant’s language; required.' }),
            conditions: z.string().max(MAX_CONDITIONS_LENGTH).default(''),
          }),
        },
      },
    },
  },
  responses: {
    200: {
      description: 'The recommendation as stored, and the application’s new version.',
      content: { 'application/json': { schema: z.object({ applicationId: z.string(), version: z.int(), recommendation: recommendationSchema }) } },
    },
    400: problemResponse('The body is not valid.'),
    401: problemResponse('No valid token.'),
    403: problemResponse('The token does not give cases.recommend, or the user is recused in the case.'),
    404: problemResponse('No such application for this municipality.'),
    409: problemResponse('Not under assessment, assessments missing, or changed by someone else since the version given.'),
    422: problemResponse('The amount does not fit the outcome, or the reasons are missing; the problem lists the fields.'),
  },
});

/** The recommendation in the officer's JSON API: the same use case and rules as the form. */
export function recommendationApiRoutes(options: { clock?: Clock } = {}) {
  const clock = options.clock ?? (() => new Date());
  const app = new OpenAPIHono<OfficerEnv>({ defaultHook: validationProblem() });
  app.use('/officer/api/applications/:applicationId/recommendation', requirePermission('cases.recommend'));

  app.openapi(recommendRoute, async (c) => {
    const principal = principalOf(c);
    const body = c.req.valid('json');
    const { applicationId } = c.req.valid('param');
    const next = await recommend(
      { applications: c.var.data.applications, calls: c.var.data.calls },
      {
        tenantId: principal.tenantId,
        applicationId,
        expectedVersion: body.version,
        outcome: body.outcome,
        amount: kroner(body.amount),
        reasons: body.reasons,
        conditions: body.conditions,
        actor: { userId: principal.userId, ...(principal.name ? { name: principal.name } : {}) },
        now: clock(),
        eventId: ulid(),
      },
    );
    return c.json({ applicationId, version: next.version, recommendation: next.recommendation! }, 200);
  });

  return app;
}
