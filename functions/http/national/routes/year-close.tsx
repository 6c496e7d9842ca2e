import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { grantYearStart } from '../../../../shared/kernel/deadlines';
import type { Clock } from '../../../../shared/kernel/ports';
import type { BudgetRepository, TenantRepository } from '../../../../shared/national/ports';
import { closeYear } from '../../../../shared/national/use-cases/close-year';
import { readYearClose, type YearCloseRepository } from '../../../../shared/national/year-close';
import type { UnspentFundsPolicy } from '../../../../shared/rules/rule-set';
import type { RuleSets } from '../../../../shared/rules/ports';
import { NationalYearClosePage } from '../../../../web/pages/national-year-close-page';
import type { AppEnv } from '../../common/app-env';
import { principalOf } from '../../common/authentication';
import { grantYearParam } from '../../common/budget-schemas';
import { formRoute, type FormState, type FormStatus } from '../../common/form-cycle';
import { problemResponse } from '../../common/openapi-problem';
import { signedInPage } from '../../common/signed-in-app';
import { validationProblem } from '../../common/validation-problem';

/** What the year close reads and writes. */
export interface YearCloseData {
  tenants: Pick<TenantRepository, 'list' | 'getProfile'>;
  budget: Pick<BudgetRepository, 'get'>;
  yearClose: YearCloseRepository;
  clock: Clock;
  /** The year's rules as IMDi last saved them: their `unspentFunds` rule decides where unspent money goes. */
  ruleSets: Pick<RuleSets, 'current'>;
}

const security = [{ bearerAuth: [] }];
const signedIn = { 401: problemResponse('No valid token.'), 403: problemResponse('The token has no national-admin role.') };

const kroner = z.number().int().min(0);
const totalsSchema = z.object({ carriedOver: kroner, returnedToImdi: kroner });
const summarySchema = z
  .object({
    grantYear: z.number().int(),
    policy: z.enum(['return_to_imdi', 'carry_over']).meta({ description: 'The year’s rule for unspent money.' }),
    municipalities: z
      .array(
        z.object({
        tenantId: z.string(),
        name: z.string(),
        status: z.enum(['open', 'closed', 'none']).meta({ description: '`none`: no position for the year, nothing to close.' }),
        outcome: z.enum(['carried_over', 'returned_to_imdi']),
        amount: kroner.meta({ description: 'Unspent now (open), or what was moved at the close (closed).' }),
        closedAt: z.string().optional(),
        closedBy: z.string().optional(),
        }),
      )
      .readonly(),
    pending: totalsSchema.meta({ description: 'What the open positions would move, by where it goes.' }),
    closed: totalsSchema.meta({ description: 'What the closed positions moved, by where it went.' }),
    complete: z.boolean(),
  })
  .meta({ id: 'YearCloseSummary' });

const summaryRoute = createRoute({
  method: 'get',
  path: '/national/api/years/{year}/close',
  summary: 'Show the year close: each municipality’s unspent money, whether it is carried over or returned to IMDi, and the totals still to close and closed.',
  security,
  request: { params: grantYearParam },
  responses: { 200: { description: 'The summary.', content: { 'application/json': { schema: summarySchema } } }, ...signedIn },
});

const closeRoute = createRoute({
  method: 'post',
  path: '/national/api/years/{year}/close',
  summary: 'Close the year: carry over or return to IMDi every managing municipality’s unspent money, one transaction each; run again to complete a close that stopped part-way.',
  security,
  request: {
    params: grantYearParam,
    body: {
      description: 'Nothing to send: `{}` as `application/json` (a post without a JSON content type is refused as a cross-site form).',
      content: { 'application/json': { schema: z.object({}) } },
      required: false,
    },
  },
  responses: {
    200: { description: 'The summary after the close.', content: { 'application/json': { schema: summarySchema } } },
    ...signedIn,
    409: problemResponse('The year has not ended yet (Oslo time), or next year’s position is already closed.'),
  },
});

function yearOf(c: Context<AppEnv>): number | undefined {
  const parsed = grantYearParam.safeParse({ year: c.req.param('year') });
  return parsed.success ? parsed.data.year : undefined;
}

/** IMDi's year close, as a page with its button and in the API. */
export function yearCloseRoutes(data: YearCloseData) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationProblem() });
  const policyOf = async (year: number): Promise<UnspentFundsPolicy> => (await data.ruleSets.current(year)).ruleSet.unspentFunds;
  const summaryOf = async (year: number) => readYearClose(data, year, await policyOf(year));
  const close = async (c: Context<AppEnv>, year: number) =>
    closeYear(data, { grantYear: year, policy: await policyOf(year), actor: principalOf(c).userId });

  const render = async (c: Context<AppEnv>, state: Partial<FormState>, status: 200 | FormStatus = 200) => {
    const year = yearOf(c)!;
    const [summary, page] = await Promise.all([summaryOf(year), signedInPage(c, 'national', async (id) => (await data.tenants.getProfile(id))?.name)]);
    const closable = data.clock().getTime() >= Date.parse(grantYearStart(year + 1));
    return c.html(<NationalYearClosePage page={page} summary={summary} closable={closable} formError={state.formError} />, status);
  };

  app.get('/national/years/:year{[0-9]{4}}/close', (c) => (yearOf(c) ? render(c, {}) : c.notFound()));
  app.post(
    '/national/years/:year{[0-9]{4}}/close',
    ...formRoute<AppEnv, Record<string, never>>({
      schema: () => z.object({}) as unknown as z.ZodType<Record<string, never>>,
      read: () => ({}),
      render: (c, state, status) => render(c, state, status),
      act: async (c) => {
        const year = yearOf(c);
        if (!year) return c.notFound();
        await close(c, year);
        return `/national/years/${year}/close`;
      },
    }),
  );

  app.openapi(summaryRoute, async (c) => c.json(await summaryOf(c.req.valid('param').year), 200));
  app.openapi(closeRoute, async (c) => c.json(await close(c, c.req.valid('param').year), 200));

  return app;
}
