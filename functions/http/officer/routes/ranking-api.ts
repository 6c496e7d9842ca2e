import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { findingsFilters, rankingStatuses, recommendationFilters } from '../../../../shared/decisions/ranking';
import { decisionOutcomes } from '../../../../shared/decisions/decision';
import { subGoalCodes } from '../../../../shared/rules/sub-goals';
import { applicationStatuses } from '../../../../shared/applications/lifecycle';
import { principalOf } from '../../common/authentication';
import { problemResponse } from '../../common/openapi-problem';
import { problem } from '../../common/problem';
import { validationProblem } from '../../common/validation-problem';
import type { OfficerEnv } from '../officer-data';
import { requirePermission } from '../permissions';
import { filterFromQuery, rankingOf } from './ranking-data';
import { roundIdSchema } from './rounds-api';

const kronerField = z.int().min(0);

const rankedSchema = z
  .object({
    rank: z.int().min(1).optional().meta({ description: '1 for the highest score; absent for a withdrawn application.' }),
    applicationId: z.string(),
    reference: z.string(),
    organisationName: z.string(),
    orgnr: z.string(),
    subGoals: z.array(z.enum(subGoalCodes)),
    amountApplied: kronerField,
    score: z.number().optional(),
    assessments: z.object({ submitted: z.int(), required: z.int() }),
    findings: z.object({ blocking: z.int(), warning: z.int() }),
    firstTime: z.boolean().optional().meta({ description: 'Known only when the firstTime filter is given.' }),
    recommendation: z.object({ outcome: z.enum(decisionOutcomes), amount: kronerField }).optional(),
    runningTotal: kronerField,
    overBudget: z.boolean(),
    crossesBudget: z.boolean().meta({ description: 'The first row whose running total passes what is available.' }),
    status: z.enum(applicationStatuses),
  })
  .meta({ id: 'RankedApplication' });

const rankingSchema = z
  .object({
    roundId: z.string(),
    grantYear: z.int(),
    available: kronerField.optional().meta({ description: 'What is available of the year’s budget; absent before the year has a frame.' }),
    recommendedTotal: kronerField,
    remaining: z.int().optional().meta({ description: 'Available minus recommended; negative when the recommendations exceed it.' }),
    total: z.int().meta({ description: 'Applications in the round, withdrawn left out, whatever the filter.' }),
    shown: z.object({ count: z.int(), amountApplied: kronerField, recommended: kronerField }),
    applications: z.array(rankedSchema),
  })
  .meta({ id: 'Ranking' });

const querySchema = z.object({
  subGoal: z.enum(subGoalCodes).optional(),
  status: z.enum(rankingStatuses as [string, ...string[]]).optional(),
  findings: z.enum(findingsFilters).optional(),
  firstTime: z.enum(['yes', 'no', 'true', 'false']).optional().meta({ description: 'Only organisations with (no) application in the municipality’s earlier grant years.' }),
  recommendation: z.enum(recommendationFilters).optional(),
});

const rankingRoute = createRoute({
  method: 'get',
  path: '/officer/api/rounds/{roundId}/ranking',
  summary: 'Rank a round’s applications by score, with the running total of recommended amounts against the available budget; filter by sub-goal, status, findings, first-time applicants and recommendation.',
  security: [{ bearerAuth: [] }],
  request: { params: z.object({ roundId: roundIdSchema }), query: querySchema },
  responses: {
    200: { description: 'The ranking.', content: { 'application/json': { schema: rankingSchema } } },
    400: problemResponse('A filter value is not valid.'),
    401: problemResponse('No valid token.'),
    403: problemResponse('The token does not give cases.read.'),
    404: problemResponse('No such round for this municipality.'),
  },
});

/** The ranking in the officer's JSON API, the same figures as the page. */
export function rankingApiRoutes() {
  const app = new OpenAPIHono<OfficerEnv>({ defaultHook: validationProblem() });
  app.use('/officer/api/rounds/:roundId/ranking', requirePermission('cases.read'));

  app.openapi(rankingRoute, async (c) => {
    const round = await c.var.data.calls.get(principalOf(c).tenantId, c.req.valid('param').roundId);
    if (!round) return problem(c, 404) as never;
    const ranking = await rankingOf(c, round, filterFromQuery(c.req.valid('query')));
    return c.json(
      {
        roundId: round.roundId,
        grantYear: round.grantYear,
        ...(ranking.available !== undefined ? { available: ranking.available, remaining: ranking.remaining } : {}),
        recommendedTotal: ranking.recommendedTotal,
        total: ranking.total,
        shown: ranking.shown,
        applications: ranking.rows.map((row) => {
          const { application } = row;
          return {
            ...(row.rank !== undefined ? { rank: row.rank } : {}),
            applicationId: application.applicationId,
            reference: application.reference,
            organisationName: application.organisationName,
            orgnr: application.orgnr,
            subGoals: [...(application.project?.subGoals ?? [])],
            amountApplied: row.amountApplied,
            ...(application.assessmentSummary?.score !== undefined ? { score: application.assessmentSummary.score } : {}),
            assessments: { submitted: application.assessmentSummary?.submitted ?? 0, required: application.assessmentSummary?.required ?? round.assessment?.assessorsPerApplication ?? 0 },
            findings: row.findings,
            ...(row.firstTime !== undefined ? { firstTime: row.firstTime } : {}),
            ...(application.recommendation ? { recommendation: { outcome: application.recommendation.outcome, amount: application.recommendation.amount } } : {}),
            runningTotal: row.runningTotal,
            overBudget: row.overBudget,
            crossesBudget: row.crossesBudget,
            status: application.status,
          };
        }),
      },
      200,
    );
  });

  return app;
}
