import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { TenantId } from '../../../../shared/kernel/tenants';
import { managingMunicipalitiesOf } from '../../../../shared/national/managing-municipalities';
import type { TenantRepository } from '../../../../shared/national/ports';
import { reportYearSchema, visibleToImdi, type YearReportReader } from '../../../../shared/year-reports/year-report';
import { NationalYearReportPage, NationalYearReportsPage, type MunicipalityReportStatus } from '../../../../web/pages/national-year-reports-page';
import type { AppEnv } from '../../common/app-env';
import { notFound } from '../../common/error-handling';
import { problemResponse } from '../../common/openapi-problem';
import { signedInPage } from '../../common/signed-in-app';
import { validationProblem } from '../../common/validation-problem';
import { measureSchema, yearReportFiguresSchema } from '../../common/year-report-schemas';

/** What IMDi's year report pages read. */
export interface YearReportsData {
  tenants: Pick<TenantRepository, 'list' | 'getProfile'>;
  yearReports: YearReportReader;
}

/**
 * Every managing municipality of the year, by name, with its report's status. A draft is the
 * municipality's own: IMDi learns only that one exists, never its texts or figures.
 */
async function statusesOf(data: YearReportsData, grantYear: number): Promise<MunicipalityReportStatus[]> {
  const managing = managingMunicipalitiesOf(await data.tenants.list(), grantYear).sort((a, b) => a.name.localeCompare(b.name, 'nb'));
  const reports = new Map((await data.yearReports.getMany(managing.map((each) => each.tenantId), grantYear)).map((report) => [report.tenantId, report]));
  return managing.map(({ tenantId, name }) => {
    const report = reports.get(tenantId);
    if (visibleToImdi(report)) return { tenantId, name, status: 'submitted', submittedAt: report.submittedAt! };
    return { tenantId, name, status: report ? 'draft' : 'not_started' };
  });
}

/** One municipality's submitted report with its name; undefined for a draft, none, or a tenant not managing that year. */
async function submittedReport(data: YearReportsData, grantYear: number, tenantId: string) {
  const municipality = managingMunicipalitiesOf(await data.tenants.list(), grantYear).find((each) => each.tenantId === tenantId);
  if (!municipality) return undefined;
  const [report] = await data.yearReports.getMany([municipality.tenantId as TenantId], grantYear);
  return visibleToImdi(report) ? { name: municipality.name, report } : undefined;
}

const yearParam = z.object({ year: z.coerce.number().int().min(2000).max(2100).meta({ param: { name: 'year', in: 'path' }, example: 2027 }) });
const security = [{ bearerAuth: [] }];

const listRoute = createRoute({
  method: 'get',
  path: '/national/api/year-reports/{year}',
  summary: 'Every managing municipality of the year with its year report’s status (not started, draft or submitted with the time); drafts are not shown.',
  security,
  request: { params: yearParam },
  responses: {
    200: {
      description: 'The statuses, by municipality name.',
      content: { 'application/json': { schema: z.object({ municipalities: z.array(z.object({ tenantId: z.string(), name: z.string(), status: z.enum(['not_started', 'draft', 'submitted']), submittedAt: z.string().optional() })) }) } },
    },
    400: problemResponse('The year is not valid.'),
    401: problemResponse('No valid token.'),
    403: problemResponse('The token has no national-admin role.'),
  },
});

const reportRoute = createRoute({
  method: 'get',
  path: '/national/api/year-reports/{year}/{tenantId}',
  summary: 'One municipality’s submitted year report: the figures and measures as frozen at submission, and its assessments.',
  security,
  request: { params: yearParam.extend({ tenantId: z.string().max(64).meta({ param: { name: 'tenantId', in: 'path' } }) }) },
  responses: {
    200: {
      description: 'The submitted report.',
      content: {
        'application/json': {
          schema: z.object({
            tenantId: z.string(), name: z.string(), grantYear: z.int(), submittedAt: z.string(),
            assessments: z.object({ experiences: z.string(), cooperation: z.string(), challenges: z.string() }),
            figures: yearReportFiguresSchema, measures: z.array(measureSchema),
          }),
        },
      },
    },
    401: problemResponse('No valid token.'),
    403: problemResponse('The token has no national-admin role.'),
    404: problemResponse('The municipality has not submitted its report for the year (or does not manage the scheme that year).'),
  },
});

/** IMDi's reading of the municipalities' year reports, as pages and in the API. */
export function yearReportsRoutes(data: YearReportsData) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationProblem() });
  const pageOf = (c: Parameters<typeof signedInPage>[0]) => signedInPage(c, 'national', async (tenantId) => (await data.tenants.getProfile(tenantId))?.name);

  app.get('/national/year-reports/:year', async (c) => {
    const year = reportYearSchema.safeParse(c.req.param('year'));
    if (!year.success) return notFound(c);
    const [municipalities, page] = await Promise.all([statusesOf(data, year.data), pageOf(c)]);
    return c.html(<NationalYearReportsPage page={page} grantYear={year.data} municipalities={municipalities} />);
  });

  app.get('/national/year-reports/:year/:tenantId', async (c) => {
    const year = reportYearSchema.safeParse(c.req.param('year'));
    const found = year.success ? await submittedReport(data, year.data, c.req.param('tenantId')) : undefined;
    if (!found) return notFound(c);
    return c.html(<NationalYearReportPage page={await pageOf(c)} name={found.name} report={found.report} />);
  });

  app.openapi(listRoute, async (c) => {
    const { year } = c.req.valid('param');
    return c.json({ municipalities: await statusesOf(data, year) }, 200);
  });

  app.openapi(reportRoute, async (c) => {
    const { year, tenantId } = c.req.valid('param');
    const found = await submittedReport(data, year, tenantId);
    if (!found) return notFound(c) as never;
    const { report } = found;
    return c.json({
      tenantId: report.tenantId, name: found.name, grantYear: report.grantYear, submittedAt: report.submittedAt!,
      assessments: { ...report.assessments },
      figures: { ...report.figures!, bySubGoal: [...report.figures!.bySubGoal] },
      measures: (report.measures ?? []).map((measure) => ({ ...measure, subGoals: [...measure.subGoals] })),
    }, 200);
  });

  return app;
}
