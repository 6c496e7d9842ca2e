import { Hono, type Context } from 'hono';
import type { Clock } from '../../../../shared/kernel/ports';
import { managesIn } from '../../../../shared/kernel/tenants';
import { osloYearOf } from '../../../../shared/national/register';
import { OfficerRoundPage } from '../../../../web/pages/officer-round-page';
import { OfficerWorkspacePage } from '../../../../web/pages/officer-workspace-page';
import { principalOf } from '../../common/authentication';
import { notFound } from '../../common/error-handling';
import { signedInPage } from '../../common/signed-in-app';
import type { OfficerEnv } from '../officer-data';
import { roundIdSchema } from './rounds-api';

/** The officer's pages: the municipality's rounds, and one round with its received applications. */
export function workspaceRoutes(options: { clock?: Clock } = {}) {
  const clock = options.clock ?? (() => new Date());
  const app = new Hono<OfficerEnv>();
  const pageFor = (c: Context<OfficerEnv>) => signedInPage(c, 'officer', async (tenantId) => (await c.var.data.tenants.getProfile(tenantId))?.name);

  app.get('/officer', async (c) => {
    const { tenantId } = principalOf(c);
    const reading = c.var.data.tenants.getProfile(tenantId);
    const [page, rounds, profile] = await Promise.all([
      signedInPage(c, 'officer', async () => (await reading)?.name), c.var.data.calls.listByTenant(tenantId), reading,
    ]);
    // A profile without periods was written before the register kept them: nothing is known to say.
    const year = osloYearOf(clock());
    const periods = profile?.managingPeriods;
    const notManaging = profile?.kind === 'municipality' && periods && !managesIn({ managingYears: [], managingPeriods: periods }, year) ? { year, periods } : undefined;
    return c.html(<OfficerWorkspacePage page={page} tenantName={page.session!.tenantName} rounds={rounds} notManaging={notManaging} />);
  });

  app.get('/officer/rounds/:roundId', async (c) => {
    const { tenantId } = principalOf(c);
    const roundId = roundIdSchema.safeParse(c.req.param('roundId'));
    const round = roundId.success ? await c.var.data.calls.get(tenantId, roundId.data) : undefined;
    if (!round) return notFound(c);
    const applications = await c.var.data.applications.listSubmittedByRound(tenantId, round.roundId);
    return c.html(<OfficerRoundPage page={await pageFor(c)} round={round} applications={applications} />);
  });

  return app;
}
