import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Clock } from '../../../../shared/kernel/ports';
import { MAX_ASSESSMENT_LENGTH, emptyAssessments } from '../../../../shared/year-reports/year-report';
import { problemResponse } from '../../common/openapi-problem';
import { measureSchema, yearReportFiguresSchema } from '../../common/year-report-schemas';
import { validationProblem } from '../../common/validation-problem';
import type { OfficerEnv } from '../officer-data';
import { requirePermission } from '../permissions';
import { saveDraft, submit, yearReportView, type YearReportView } from './year-reports-data';

const assessmentText = z.string().max(MAX_ASSESSMENT_LENGTH);
const assessmentsSchema = z
  .object({
    experiences: assessmentText.meta({ description: 'Experiences with the scheme.' }),
    cooperation: assessmentText.meta({ description: 'Cooperation with voluntary organisations.' }),
    challenges: assessmentText.meta({ description: 'Challenges and needs.' }),
  })
  .meta({ id: 'YearReportAssessments' });

const reportSchema = z
  .object({
    grantYear: z.int(),
    status: z.enum(['not_started', 'draft', 'submitted']),
    version: z.int().min(0).meta({ description: '0 until the report is first saved; give it back as expectedVersion.' }),
    submittedAt: z.string().optional(),
    assessments: assessmentsSchema,
    figures: yearReportFiguresSchema.meta({ description: 'Computed now for a draft; as frozen at submission for a submitted report.' }),
    measures: z.array(measureSchema),
  })
  .meta({ id: 'YearReport' });

const yearParam = z.object({ year: z.coerce.number().int().min(2000).max(2100).meta({ param: { name: 'year', in: 'path' }, example: 2027 }) });
const security = [{ bearerAuth: [] }];

/** A view as the API answers it. */
export function reportJson(view: YearReportView, grantYear: number) {
  const { report } = view;
  return {
    grantYear,
    status: report?.status ?? ('not_started' as const),
    version: report?.version ?? 0,
    ...(report?.submittedAt ? { submittedAt: report.submittedAt } : {}),
    assessments: { ...(report?.assessments ?? emptyAssessments) },
    figures: { ...view.figures, bySubGoal: [...view.figures.bySubGoal] },
    measures: view.measures.map((measure) => ({ ...measure, subGoals: [...measure.subGoals] })),
  };
}

const getRoute = createRoute({
  method: 'get',
  path: '/officer/api/year-reports/{year}',
  summary: 'Show the municipality’s year report to IMDi: its status, assessments, figures and measures (computed from the data).',
  security,
  request: { params: yearParam },
  responses: {
    200: { description: 'The report.', content: { 'application/json': { schema: reportSchema } } },
    400: problemResponse('The year is not valid.'),
    401: problemResponse('No valid token.'),
    403: problemResponse('The token does not give cases.read.'),
  },
});

const putRoute = createRoute({
  method: 'put',
  path: '/officer/api/year-reports/{year}',
  summary: 'Save the year report’s assessments as a draft, guarded by the version read.',
  security,
  request: {
    params: yearParam,
    body: { required: true, content: { 'application/json': { schema: z.object({ expectedVersion: z.int().min(0), assessments: assessmentsSchema }) } } },
  },
  responses: {
    200: { description: 'The report as stored, with its new version.', content: { 'application/json': { schema: reportSchema } } },
    400: problemResponse('The body is not valid.'),
    401: problemResponse('No valid token.'),
    403: problemResponse('The token does not give year_report.manage.'),
    409: problemResponse('The report was saved by someone else since the version given, or is already submitted.'),
    422: problemResponse('An assessment is too long.'),
  },
});

const submissionRoute = createRoute({
  method: 'post',
  path: '/officer/api/year-reports/{year}/submission',
  summary: 'Send the year report to IMDi, once: the figures and measures are frozen into it and IMDi sees it at once.',
  security,
  request: {
    params: yearParam,
    body: {
      required: true,
      content: { 'application/json': { schema: z.object({ expectedVersion: z.int().min(0), assessments: assessmentsSchema.optional().meta({ description: 'Replaces the draft’s texts; the draft’s are sent when left out.' }) }) } },
    },
  },
  responses: {
    200: { description: 'The submitted report.', content: { 'application/json': { schema: reportSchema } } },
    400: problemResponse('The body is not valid.'),
    401: problemResponse('No valid token.'),
    403: problemResponse('The token does not give year_report.manage.'),
    409: problemResponse('The report is already submitted (also by someone at the same moment), or was saved since the version given.'),
    422: problemResponse('An assessment is empty or too long.'),
  },
});

/** The year report in the officer's JSON API. */
export function yearReportApiRoutes(options: { clock?: Clock } = {}) {
  const clock = options.clock ?? (() => new Date());
  const app = new OpenAPIHono<OfficerEnv>({ defaultHook: validationProblem() });
  app.on('GET', '/officer/api/year-reports/:year', requirePermission('cases.read'));
  app.on('PUT', '/officer/api/year-reports/:year', requirePermission('year_report.manage'));
  app.on('POST', '/officer/api/year-reports/:year/submission', requirePermission('year_report.manage'));

  app.openapi(getRoute, async (c) => {
    const { year } = c.req.valid('param');
    return c.json(reportJson(await yearReportView(c, year), year), 200);
  });

  app.openapi(putRoute, async (c) => {
    const { year } = c.req.valid('param');
    const body = c.req.valid('json');
    await saveDraft(c, clock, { grantYear: year, expectedVersion: body.expectedVersion, assessments: body.assessments });
    return c.json(reportJson(await yearReportView(c, year), year), 200);
  });

  app.openapi(submissionRoute, async (c) => {
    const { year } = c.req.valid('param');
    const body = c.req.valid('json');
    await submit(c, clock, { grantYear: year, expectedVersion: body.expectedVersion, ...(body.assessments ? { assessments: body.assessments } : {}) });
    c.var.logger.log('info', 'year report submitted', { grantYear: year });
    return c.json(reportJson(await yearReportView(c, year), year), 200);
  });

  return app;
}
