import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { tenantSchema, type Tenant } from '../../../../shared/kernel/tenants';
import type { TenantRepository } from '../../../../shared/national/ports';
import { roundStatuses, type RoundStatus } from '../../../../shared/rounds/lifecycle';
import type { CallRepository } from '../../../../shared/rounds/ports';
import { NationalOverviewPage, type AdministratorOverview } from '../../../../web/pages/national-overview-page';
import type { AppEnv } from '../../common/app-env';
import { problemResponse } from '../../common/openapi-problem';
import { signedInPage } from '../../common/signed-in-app';
import { validationProblem } from '../../common/validation-problem';

/** What the overview reads. */
export interface OverviewData {
  calls: Pick<CallRepository, 'listByTenant'>;
  tenants: Pick<TenantRepository, 'list' | 'getProfile'>;
}

const administratorSchema = tenantSchema
  .extend({
    roundsByStatus: z.partialRecord(z.enum(roundStatuses), z.number().int().min(0)).meta({
      description: 'Number of rounds in each status; statuses with no rounds are left out.',
    }),
  })
  .meta({ id: 'Administrator' });

const listTenantsRoute = createRoute({
  method: 'get',
  path: '/national/api/tenants',
  summary: 'The tenant register (IMDi and the managing municipalities) with each administrator’s rounds counted by status.',
  security: [{ bearerAuth: [] }],
  responses: {
    200: { description: 'The register.', content: { 'application/json': { schema: z.object({ tenants: z.array(administratorSchema) }) } } },
    401: problemResponse('No valid token.'),
    403: problemResponse('The token has no national-admin role.'),
  },
});

/** IMDi first, then municipalities by name, as the scheme's documents list them. */
function byRegisterOrder(a: Tenant, b: Tenant): number {
  return Number(a.kind === 'municipality') - Number(b.kind === 'municipality') || a.name.localeCompare(b.name, 'nb');
}

/**
 * Each administrator's rounds counted by status: one query per tenant partition (about 41), in
 * parallel. The tenant-year aggregates will replace this when they exist (ARCHITECTURE.md §3).
 */
async function overview(data: OverviewData): Promise<AdministratorOverview[]> {
  const tenants = (await data.tenants.list()).sort(byRegisterOrder);
  return Promise.all(
    tenants.map(async (tenant) => {
      const roundsByStatus: Partial<Record<RoundStatus, number>> = {};
      for (const round of await data.calls.listByTenant(tenant.tenantId)) {
        roundsByStatus[round.status] = (roundsByStatus[round.status] ?? 0) + 1;
      }
      return { tenant, roundsByStatus };
    }),
  );
}

/** IMDi's overview of the administrators and their rounds, as a page and in the API. */
export function overviewRoutes(data: OverviewData) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationProblem() });

  app.get('/national', async (c) => {
    const [administrators, page] = await Promise.all([
      overview(data),
      signedInPage(c, 'national', async (tenantId) => (await data.tenants.getProfile(tenantId))?.name),
    ]);
    return c.html(<NationalOverviewPage page={page} administrators={administrators} />);
  });

  app.openapi(listTenantsRoute, async (c) => {
    const administrators = await overview(data);
    return c.json({ tenants: administrators.map(({ tenant, roundsByStatus }) => ({ ...tenant, roundsByStatus })) }, 200);
  });

  return app;
}
