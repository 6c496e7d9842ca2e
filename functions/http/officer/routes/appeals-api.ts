import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { appealStepInputSchema, MAX_APPEAL_REASONS_LENGTH } from '../../../../shared/appeals/appeal';
import { appealActions } from '../../../../shared/appeals/lifecycle';
import type { Clock } from '../../../../shared/kernel/ports';
import { principalOf } from '../../common/authentication';
import { notFound } from '../../common/error-handling';
import { problemResponse } from '../../common/openapi-problem';
import { fieldProblems, problem } from '../../common/problem';
import { validationProblem } from '../../common/validation-problem';
import { appealSchema, appealView } from '../../applicant/routes/appeal-api';
import type { OfficerEnv } from '../officer-data';
import { requirePermission } from '../permissions';
import { appealedApplicationOf, takeStep } from './appeal-step';
import { applicationIdSchema } from './case-data';

const security = [{ bearerAuth: [] }];
const params = z.object({ applicationId: applicationIdSchema.meta({ description: 'The application id.' }) });

const registerEntrySchema = z
  .object({
    applicationId: z.string(), reference: z.string(), organisationName: z.string(), roundId: z.string(), appealId: z.string(),
    status: z.enum(['lodged', 'reversed', 'upheld_and_forwarded', 'decided', 'dismissed']),
    lodgedAt: z.string(), late: z.boolean(), decisionOutcome: z.enum(['grant', 'grant_partly', 'reject']),
  })
  .meta({ id: 'AppealRegisterEntry' });

const caseAppealSchema = z
  .object({ applicationId: z.string(), status: z.string().meta({ description: 'The application status (after a reversal `under_assessment`).' }), version: z.number().int(), appeal: appealSchema })
  .meta({ id: 'CaseAppeal' });

const listRoute = createRoute({
  method: 'get',
  path: '/officer/api/appeals',
  summary: "The municipality's appeal register, newest first: each appeal's state, when it was lodged and whether it was late.",
  security,
  responses: {
    200: { description: 'The register.', content: { 'application/json': { schema: z.object({ appeals: z.array(registerEntrySchema) }) } } },
    401: problemResponse('No valid token.'),
    403: problemResponse('No permission to read cases.'),
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/officer/api/applications/{applicationId}/appeal',
  summary: "One application's appeal, with the steps taken on it.",
  security,
  request: { params },
  responses: {
    200: { description: 'The appeal.', content: { 'application/json': { schema: caseAppealSchema } } },
    401: problemResponse('No valid token.'),
    403: problemResponse('No permission to read cases.'),
    404: problemResponse('No such application with an appeal in the municipality.'),
  },
});

const stepRoute = createRoute({
  method: 'post',
  path: '/officer/api/applications/{applicationId}/appeal/steps',
  summary: "Take the appeal's next step: `reverse` (the case reopens for a new decision), `uphold_and_forward` (to the appeal body, with `forwardedOn`), `decide` (record the appeal body's outcome) or `dismiss` (a late appeal only). The organisation is told by email.",
  security,
  request: {
    params,
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({
            action: z.enum(appealActions),
            reasons: z.string().max(MAX_APPEAL_REASONS_LENGTH + 100).meta({ description: `The reasons, 1 to ${MAX_APPEAL_REASONS_LENGTH} characters after trimming.` }),
            forwardedOn: z.string().max(20).optional().meta({ description: 'For `uphold_and_forward`: the date it was sent (YYYY-MM-DD, Oslo); today when left out.' }),
            expectedVersion: z.number().int().min(1).meta({ description: 'The application version read; a step by someone else since answers 409.' }),
          }),
        },
      },
    },
  },
  responses: {
    200: { description: 'The step is recorded.', content: { 'application/json': { schema: caseAppealSchema } } },
    400: problemResponse('The body is not valid.'),
    401: problemResponse('No valid token.'),
    403: problemResponse('No permission to handle appeals, or the officer has declared a conflict of interest in the case.'),
    404: problemResponse('No such application with an appeal in the municipality.'),
    409: problemResponse('The step is not allowed in the appeal’s state (e.g. dismissing an appeal lodged in time), the decision cannot be reopened, or another officer took a step first.'),
    422: problemResponse('Reasons missing or too long, or the forwarding date is not a date up to today.'),
  },
});

const caseAppealOf = (application: { applicationId: string; status: string; version: number; appeal?: Parameters<typeof appealView>[0] }) => ({
  applicationId: application.applicationId, status: application.status, version: application.version, appeal: appealView(application.appeal!),
});

/** The appeal register and the steps on an appeal in the officer's JSON API, with the same use case as the pages. */
export function appealApiRoutes(options: { clock?: Clock } = {}) {
  const clock = options.clock ?? (() => new Date());
  const app = new OpenAPIHono<OfficerEnv>({ defaultHook: validationProblem() });
  app.use('/officer/api/appeals', requirePermission('cases.read'));
  app.use('/officer/api/applications/:applicationId/appeal', requirePermission('cases.read'));
  app.use('/officer/api/applications/:applicationId/appeal/steps', requirePermission('appeals.handle'));

  app.openapi(listRoute, async (c) => c.json({ appeals: (await c.var.data.appeals.listByTenant(principalOf(c).tenantId)).map(({ tenantId: _t, ...entry }) => entry) }, 200));

  app.openapi(getRoute, async (c) => {
    const application = await appealedApplicationOf(c);
    if (!application) return notFound(c) as never;
    return c.json(caseAppealOf(application), 200);
  });

  app.openapi(stepRoute, async (c) => {
    const application = await appealedApplicationOf(c);
    if (!application) return notFound(c) as never;
    const body = c.req.valid('json');
    const input = appealStepInputSchema.safeParse({ reasons: body.reasons, forwardedOn: body.forwardedOn });
    if (!input.success) return problem(c, 422, { errors: fieldProblems(c, input.error.issues) }) as never;
    const stored = await takeStep(c, clock, application, { action: body.action, reasons: input.data.reasons, ...(input.data.forwardedOn ? { forwardedOn: input.data.forwardedOn } : {}), expectedVersion: body.expectedVersion });
    return c.json(caseAppealOf(stored), 200);
  });

  return app;
}
