import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { appealInputSchema, type Appeal, MAX_APPEAL_REASONS_LENGTH, MAX_LATENESS_REASON_LENGTH } from '../../../../shared/appeals/appeal';
import { lodgeAppeal } from '../../../../shared/appeals/use-cases/lodge-appeal';
import { problemResponse } from '../../common/openapi-problem';
import { fieldProblems, problem } from '../../common/problem';
import { validationProblem } from '../../common/validation-problem';
import type { ApplicationJourneyDependencies, JourneyEnv } from '../journey';
import { appealDeps, isLateNow } from './appeal';

const appealStepSchema = z.object({
  action: z.enum(['reverse', 'uphold_and_forward', 'decide', 'dismiss']),
  at: z.string(),
  reasons: z.string(),
  forwardedOn: z.string().optional().meta({ description: 'For a forwarding: the date it was sent to the appeal body (YYYY-MM-DD).' }),
});

/** An appeal as the applicant and officer APIs show it. */
export const appealSchema = z
  .object({
    appealId: z.string(),
    decisionId: z.string(),
    status: z.enum(['lodged', 'reversed', 'upheld_and_forwarded', 'decided', 'dismissed']),
    lodgedAt: z.string(),
    deadline: z.string().meta({ description: 'The appeal deadline the letter stated (ISO-8601 UTC, end of an Oslo day).' }),
    late: z.boolean().meta({ description: 'Lodged after the deadline (fvl. § 31).' }),
    latenessReason: z.string().optional(),
    reasons: z.string(),
    steps: z.array(appealStepSchema),
  })
  .meta({ id: 'Appeal' });

/** An appeal as {@link appealSchema} shows it: who took a step stays in the audit trail, not here. */
export function appealView(appeal: Appeal): z.infer<typeof appealSchema> {
  return {
    ...appeal,
    steps: appeal.steps.map((step) => ({ action: step.action, at: step.at, reasons: step.reasons, ...(step.forwardedOn ? { forwardedOn: step.forwardedOn } : {}) })),
  };
}

const lodgeRoute = createRoute({
  method: 'post',
  path: '/api/applications/{applicationId}/appeal',
  summary: 'Appeal the decision on the application, with reasons; after the appeal deadline also `latenessReason` (the appeal is then recorded as late).',
  security: [{ applicantSession: [] }],
  request: {
    params: z.object({ applicationId: z.string().min(1).max(40).meta({ description: 'The application id (from the link).' }) }),
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({
            reasons: z.string().max(MAX_APPEAL_REASONS_LENGTH + 100).meta({ description: `What is appealed against and why; 1 to ${MAX_APPEAL_REASONS_LENGTH} characters after trimming.` }),
            latenessReason: z.string().max(MAX_LATENESS_REASON_LENGTH + 100).optional().meta({ description: 'Required after the deadline: why the appeal is late.' }),
          }),
        },
      },
    },
  },
  responses: {
    201: { description: 'Lodged; a receipt is sent by email.', content: { 'application/json': { schema: appealSchema } } },
    401: problemResponse('No session: open the link from the email first.'),
    403: problemResponse('The request came from another site.'),
    404: problemResponse('No such application in this session.'),
    409: problemResponse('No decision to appeal, or this decision is already appealed (also when another submit won at the same moment).'),
    422: problemResponse('Reasons missing or too long; after the deadline, the reason for lateness missing or too long.'),
  },
});

/** The applicant API's appeal: the same use case as the status page's form, in the same session. */
export function appealApi(deps: ApplicationJourneyDependencies) {
  const app = new OpenAPIHono<JourneyEnv>({ defaultHook: validationProblem() });
  app.openapi(lodgeRoute, async (c) => {
    const input = appealInputSchema(isLateNow(deps, c)).safeParse(c.req.valid('json'));
    if (!input.success) return problem(c, 422, { errors: fieldProblems(c, input.error.issues) }) as never;
    const stored = await lodgeAppeal(appealDeps(deps, c), { application: c.var.application, input: input.data });
    return c.json(appealView(stored.appeal!), 201);
  });
  return app;
}
