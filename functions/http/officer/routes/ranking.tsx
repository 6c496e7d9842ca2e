import { Hono } from 'hono';
import { OfficerRankingPage } from '../../../../web/pages/officer-ranking-page';
import { principalOf } from '../../common/authentication';
import { notFound } from '../../common/error-handling';
import { signedInPage } from '../../common/signed-in-app';
import type { OfficerEnv } from '../officer-data';
import { requirePermission } from '../permissions';
import { filterFromQuery, rankingOf } from './ranking-data';
import { roundIdSchema } from './rounds-api';

/** The ranking page of a round: rank order, running total against the budget, and GET filters. */
export function rankingRoutes() {
  const app = new Hono<OfficerEnv>();

  app.get('/officer/rounds/:roundId/ranking', requirePermission('cases.read'), async (c) => {
    const { tenantId } = principalOf(c);
    const roundId = roundIdSchema.safeParse(c.req.param('roundId'));
    const round = roundId.success ? await c.var.data.calls.get(tenantId, roundId.data) : undefined;
    if (!round) return notFound(c);
    const filter = filterFromQuery(c.req.query());
    const [page, ranking] = await Promise.all([
      signedInPage(c, 'officer', async (id) => (await c.var.data.tenants.getProfile(id))?.name),
      rankingOf(c, round, filter),
    ]);
    return c.html(<OfficerRankingPage page={page} round={round} ranking={ranking} filter={filter} />);
  });

  return app;
}
