import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { csvText } from '../../../../shared/kernel/csv';
import { osloDateOf } from '../../../../shared/kernel/deadlines';
import type { TenantId } from '../../../../shared/kernel/tenants';
import type { AggregateRepository } from '../../../../shared/national/aggregates';
import { dashboardFigureNames, nationalDashboard, type NationalDashboard } from '../../../../shared/national/dashboard';
import { managingMunicipalitiesOf } from '../../../../shared/national/managing-municipalities';
import type { BudgetRepository, TenantRepository } from '../../../../shared/national/ports';
import { reportYearSchema, visibleToImdi, type YearReportReader } from '../../../../shared/year-reports/year-report';
import { textTranslator } from '../../../../web/i18n';
import { dashboardText, figureText } from '../../../../web/messages/dashboard';
import { NationalDashboardPage, NationalMunicipalityFiguresPage, nationalDashboardPath, type YearTotals } from '../../../../web/pages/national-dashboard-page';
import type { AppEnv } from '../../common/app-env';
import { notFound } from '../../common/error-handling';
import { problemResponse } from '../../common/openapi-problem';
import { signedInPage } from '../../common/signed-in-app';
import { validationProblem } from '../../common/validation-problem';

/** What the dashboard reads: the register, and per year the aggregates (one query) and the budget positions (one batch read). */
export interface DashboardData {
  tenants: Pick<TenantRepository, 'list' | 'getProfile'>;
  aggregates: Pick<AggregateRepository, 'listYear'>;
  budget: Pick<BudgetRepository, 'getMany'>;
  yearReports: YearReportReader;
}

/** The years the dashboard shows side by side at most; older years stay reachable by the year picker. */
const YEARS_SIDE_BY_SIDE = 10;

type Register = Awaited<ReturnType<TenantRepository['list']>>;

/** The year's dashboard from the register, the year's aggregates and the managing municipalities' positions. */
async function dashboardOf(data: DashboardData, register: Register, grantYear: number): Promise<NationalDashboard> {
  const municipalities = managingMunicipalitiesOf(register, grantYear);
  const [aggregates, positions] = await Promise.all([
    data.aggregates.listYear(grantYear),
    data.budget.getMany(municipalities.map((each) => each.tenantId as TenantId), grantYear),
  ]);
  return nationalDashboard({ grantYear, municipalities, aggregates, positions });
}

/** Every year any municipality manages the scheme, oldest first. */
function schemeYears(register: Register): number[] {
  return [...new Set(register.filter((tenant) => tenant.kind === 'municipality').flatMap((tenant) => tenant.managingYears))].sort((a, b) => a - b);
}

/** The country's totals of up to ten scheme years up to `grantYear`, oldest first. */
async function yearsUpTo(data: DashboardData, register: Register, grantYear: number): Promise<YearTotals[]> {
  const years = schemeYears(register).filter((year) => year <= grantYear).slice(-YEARS_SIDE_BY_SIDE);
  return Promise.all(years.map(async (year) => ({ grantYear: year, totals: (await dashboardOf(data, register, year)).totals })));
}

/** The table by municipality as CSV: UTF-8 with a byte-order mark and `;`, as Norwegian Excel opens it; the totals row last. */
export function dashboardCsv(dashboard: NationalDashboard, lang: 'nb' | 'nn' | 'en'): string {
  const tr = textTranslator(dashboardText, lang);
  const header = [tr('column.municipality'), ...dashboardFigureNames.map((name) => figureText[name][lang])];
  const rows = dashboard.rows.map((row) => [row.name, ...dashboardFigureNames.map((name) => String(row[name]))]);
  const total = [tr('total'), ...dashboardFigureNames.map((name) => String(dashboard.totals[name]))];
  return `\uFEFF${csvText([header, ...rows, total])}`;
}

const figuresSchema = z.object(Object.fromEntries(dashboardFigureNames.map((name) => [name, z.int()])) as Record<(typeof dashboardFigureNames)[number], z.ZodInt>);

const dashboardRoute = createRoute({
  method: 'get',
  path: '/national/api/dashboard/{year}',
  summary: 'Read the national dashboard of a grant year: each managing municipality’s frame, applications, awards, payments, returns and report results, and the country’s totals.',
  security: [{ bearerAuth: [] }],
  request: { params: z.object({ year: reportYearSchema.meta({ param: { name: 'year', in: 'path' }, example: 2027 }) }) },
  responses: {
    200: {
      description: 'The dashboard, municipalities by name; whole kroner and counts.',
      content: { 'application/json': { schema: z.object({ grantYear: z.int(), municipalities: z.array(figuresSchema.extend({ tenantId: z.string(), name: z.string() })), totals: figuresSchema }).meta({ id: 'NationalDashboard' }) } },
    },
    400: problemResponse('The year is not valid.'),
    401: problemResponse('No valid token.'),
    403: problemResponse('The token has no national-admin role.'),
  },
});

/** IMDi's national dashboard: the year by municipality with its charts, the years side by side, a municipality's figures, the CSV and the API. */
export function dashboardRoutes(data: DashboardData) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationProblem() });
  const pageOf = (c: Parameters<typeof signedInPage>[0]) => signedInPage(c, 'national', async (tenantId) => (await data.tenants.getProfile(tenantId))?.name);

  // The year picker sends `?year=`; without one, the current grant year (Oslo time).
  app.get('/national/dashboard', (c) => {
    const year = reportYearSchema.safeParse(c.req.query('year') ?? osloDateOf(new Date()).slice(0, 4));
    return c.redirect(nationalDashboardPath(year.success ? year.data : Number(osloDateOf(new Date()).slice(0, 4))), 303);
  });

  app.get('/national/dashboard/:year', async (c) => {
    const year = reportYearSchema.safeParse(c.req.param('year'));
    if (!year.success) return notFound(c);
    const register = await data.tenants.list();
    const [dashboard, years, page] = await Promise.all([dashboardOf(data, register, year.data), yearsUpTo(data, register, year.data), pageOf(c)]);
    const yearOptions = [...new Set([...schemeYears(register), year.data])].sort((a, b) => b - a);
    return c.html(<NationalDashboardPage page={page} dashboard={dashboard} years={years} yearOptions={yearOptions} />);
  });

  app.get('/national/dashboard/:year/municipalities.csv', async (c) => {
    const year = reportYearSchema.safeParse(c.req.param('year'));
    if (!year.success) return notFound(c);
    const lang = (['nb', 'nn', 'en'] as const).find((each) => each === c.req.query('lang')) ?? 'nb';
    const dashboard = await dashboardOf(data, await data.tenants.list(), year.data);
    return c.body(dashboardCsv(dashboard, lang), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="fordel-nasjonale-tall-${year.data}.csv"`,
    });
  });

  app.get('/national/dashboard/:year/municipalities/:tenantId', async (c) => {
    const year = reportYearSchema.safeParse(c.req.param('year'));
    if (!year.success) return notFound(c);
    const dashboard = await dashboardOf(data, await data.tenants.list(), year.data);
    const row = dashboard.rows.find((each) => each.tenantId === c.req.param('tenantId'));
    if (!row) return notFound(c);
    const [[report], page] = await Promise.all([data.yearReports.getMany([row.tenantId as TenantId], year.data), pageOf(c)]);
    return c.html(<NationalMunicipalityFiguresPage page={page} grantYear={year.data} row={row} yearReportSent={visibleToImdi(report)} />);
  });

  app.openapi(dashboardRoute, async (c) => {
    const { year } = c.req.valid('param');
    const dashboard = await dashboardOf(data, await data.tenants.list(), year);
    return c.json({ grantYear: dashboard.grantYear, municipalities: dashboard.rows.map((row) => ({ ...row })), totals: dashboard.totals }, 200);
  });

  return app;
}
