import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Assessment } from '../../../../shared/assessments/assessment';
import { MAX_NOTE_LENGTH } from '../../../../shared/assessments/scores';
import { declareImpartiality } from '../../../../shared/assessments/use-cases/declare-impartiality';
import { MAX_REASON_LENGTH, recuse } from '../../../../shared/assessments/use-cases/recuse';
import { saveScores } from '../../../../shared/assessments/use-cases/save-scores';
import { submitScores } from '../../../../shared/assessments/use-cases/submit-scores';
import { problemResponse } from '../../common/openapi-problem';
import { validationProblem } from '../../common/validation-problem';
import type { OfficerEnv } from '../officer-data';
import { requirePermission } from '../permissions';
import { applicationIdSchema } from './case-data';
import { assessmentDeps, assessmentPorts, assessmentView, assignedAssessments, targetOf, type AssessmentRouteOptions } from './assessment-data';

const security = [{ bearerAuth: [] }];
const unauthorized = problemResponse('No valid token.');
const forbidden = problemResponse('The token has no role that may assess, or the user declared a conflict of interest (code application.actor_recused).');
const notFound = problemResponse('No such application for this municipality, or (for an external assessor) not assigned to the user.');
const mayScore = requirePermission('assessment.score');
const params = z.object({ applicationId: applicationIdSchema });

const declarationSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('impartial'), declaredAt: z.string() }),
    z.object({ kind: z.literal('recused'), reason: z.string(), declaredAt: z.string() }),
  ])
  .meta({ id: 'Declaration' });

const assessmentSchema = z
  .object({
    applicationId: z.string(),
    roundId: z.string(),
    userId: z.string(),
    name: z.string().optional(),
    declaration: declarationSchema,
    scores: z.array(z.object({ criterionId: z.string(), score: z.number().int().optional(), note: z.string() })),
    submittedAt: z.string().optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int().meta({ description: 'Send it back with the next change; a change by someone else in between answers 409.' }),
  })
  .meta({ id: 'Assessment' });

const scoresBody = z.object({
  version: z.number().int().min(1).meta({ description: 'The version of the assessment the scores were made over.' }),
  scores: z
    .array(z.object({ criterionId: z.string().max(63), score: z.number().int().optional(), note: z.string().max(MAX_NOTE_LENGTH).default('') }))
    .max(100),
});

const listRoute = createRoute({
  method: 'get',
  path: '/officer/api/assessments',
  summary: "List the signed-in user's assigned applications across the municipality's rounds, with where each assessment stands.",
  security,
  middleware: [mayScore] as const,
  responses: {
    200: {
      description: 'The assigned applications.',
      content: {
        'application/json': {
          schema: z.object({
            assessments: z.array(
              z.object({
                applicationId: z.string(),
                reference: z.string(),
                roundId: z.string(),
                projectTitle: z.string(),
                state: z.enum(['to_declare', 'draft', 'submitted', 'recused']),
              }),
            ),
          }),
        },
      },
    },
    401: unauthorized,
    403: forbidden,
  },
});

const readRoute = createRoute({
  method: 'get',
  path: '/officer/api/applications/{applicationId}/assessments',
  summary: "Show an application's assessments as the signed-in assessor may see them: their own, and the others' only once they have submitted theirs; recusals always.",
  security,
  middleware: [mayScore] as const,
  request: { params },
  responses: {
    200: {
      description: 'The visible assessments.',
      content: {
        'application/json': {
          schema: z.object({
            own: assessmentSchema.optional(),
            othersVisible: z.boolean(),
            submitted: z.array(assessmentSchema),
            recusals: z.array(assessmentSchema),
            summary: z
              .object({ required: z.number().int(), submitted: z.number().int(), recused: z.number().int(), score: z.number().optional() })
              .optional()
              .meta({ description: 'Only once the user has submitted: the mean includes the others’ scores.' }),
          }),
        },
      },
    },
    401: unauthorized,
    403: forbidden,
    404: notFound,
    409: problemResponse('The round has no assessment criteria.'),
  },
});

const declareRoute = createRoute({
  method: 'put',
  path: '/officer/api/applications/{applicationId}/assessment/declaration',
  summary: 'Declare impartiality in the case (fvl. § 6), which scoring needs; or recuse with the reason, which bars the user from scoring and deciding it.',
  security,
  middleware: [mayScore] as const,
  request: {
    params,
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.discriminatedUnion('declaration', [
            z.object({ declaration: z.literal('impartial') }),
            z.object({ declaration: z.literal('recused'), reason: z.string().min(1).max(MAX_REASON_LENGTH) }),
          ]),
        },
      },
    },
  },
  responses: {
    200: { description: 'The assessment with the declaration.', content: { 'application/json': { schema: assessmentSchema } } },
    400: problemResponse('The body is not valid.'),
    401: unauthorized,
    403: forbidden,
    404: notFound,
    409: problemResponse('Already declared, or the application is not being assessed.'),
    422: problemResponse('A recusal without a reason.'),
  },
});

const scoresResponses = {
  200: { description: 'The assessment after the change.', content: { 'application/json': { schema: assessmentSchema } } },
  400: problemResponse('The body is not valid.'),
  401: unauthorized,
  403: forbidden,
  404: notFound,
  409: problemResponse('Saved elsewhere meanwhile (version), already submitted, not declared, or not being assessed.'),
  422: problemResponse('A score off the scale, or (to submit) a score or a note missing; `errors` says which.'),
};

const saveRoute = createRoute({
  method: 'put',
  path: '/officer/api/applications/{applicationId}/assessment',
  summary: "Save the signed-in assessor's scores and notes as a draft, guarded by the assessment's version.",
  security,
  middleware: [mayScore] as const,
  request: { params, body: { required: true, content: { 'application/json': { schema: scoresBody } } } },
  responses: scoresResponses,
});

const submitRoute = createRoute({
  method: 'post',
  path: '/officer/api/applications/{applicationId}/assessment/submission',
  summary: "Submit the signed-in assessor's scores, once; the application's assessment summary counts them in the same transaction.",
  security,
  middleware: [mayScore] as const,
  request: { params, body: { required: true, content: { 'application/json': { schema: scoresBody } } } },
  responses: scoresResponses,
});

/** An assessment as the API answers it (the tenant is the caller's own and left out). */
function asJson(assessment: Assessment) {
  const { tenantId: _tenant, ...fields } = assessment;
  return { ...fields, declaration: { ...assessment.declaration }, scores: assessment.scores.map((score) => ({ ...score })) };
}

/** The assessment API: the same actions as the pages, keyed by the token's tenant. */
export function assessmentApiRoutes(options: AssessmentRouteOptions = {}) {
  const deps = assessmentDeps(options);
  const app = new OpenAPIHono<OfficerEnv>({ defaultHook: validationProblem() });

  app.openapi(listRoute, async (c) => {
    const assigned = await assignedAssessments(c);
    return c.json({ assessments: assigned.map(({ applicationId, reference, roundId, projectTitle, state }) => ({ applicationId, reference, roundId, projectTitle, state })) }, 200);
  });

  app.openapi(readRoute, async (c) => {
    const { visible, summary } = await assessmentView(c, c.req.valid('param').applicationId);
    return c.json({ ...(visible.own ? { own: asJson(visible.own) } : {}), othersVisible: visible.othersVisible, submitted: visible.submitted.map(asJson), recusals: visible.recusals.map(asJson), ...(summary ? { summary: { ...summary } } : {}) }, 200);
  });

  app.openapi(declareRoute, async (c) => {
    const target = targetOf(c, c.req.valid('param').applicationId);
    const body = c.req.valid('json');
    const assessment = body.declaration === 'impartial' ? await declareImpartiality(assessmentPorts(c), deps, target) : await recuse(assessmentPorts(c), deps, { ...target, reason: body.reason });
    return c.json(asJson(assessment), 200);
  });

  app.openapi(saveRoute, async (c) => {
    const body = c.req.valid('json');
    const assessment = await saveScores(assessmentPorts(c), deps, { ...targetOf(c, c.req.valid('param').applicationId), scores: body.scores, expectedVersion: body.version });
    return c.json(asJson(assessment), 200);
  });

  app.openapi(submitRoute, async (c) => {
    const body = c.req.valid('json');
    const assessment = await submitScores(assessmentPorts(c), deps, { ...targetOf(c, c.req.valid('param').applicationId), scores: body.scores, expectedVersion: body.version });
    return c.json(asJson(assessment), 200);
  });

  return app;
}
