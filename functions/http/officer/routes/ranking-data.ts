import type { Context } from 'hono';
import { needsEarlierOrganisations, rankApplications, rankingFilterSchema, type Ranking, type RankingFilter } from '../../../../shared/decisions/ranking';
import type { Orgnr } from '../../../../shared/kernel/orgnr';
import type { Call } from '../../../../shared/rounds/call';
import { available } from '../../../../shared/rules/budget';
import { principalOf } from '../../common/authentication';
import type { OfficerEnv } from '../officer-data';

/**
 * The filter from a query string, for the page and the API alike: `firstTime` is `yes`/`no`
 * (`true`/`false` too); an empty value means "all". Unknown values are left out on the page (the
 * form only offers valid ones) and refused by the API's own schema.
 */
export function filterFromQuery(query: Record<string, string | undefined>): RankingFilter {
  const value = (name: string) => (query[name] === undefined || query[name] === '' ? undefined : query[name]);
  const firstTime = value('firstTime');
  const candidate = {
    subGoal: value('subGoal'),
    status: value('status'),
    findings: value('findings'),
    firstTime: firstTime === 'yes' || firstTime === 'true' ? true : firstTime === 'no' || firstTime === 'false' ? false : undefined,
    recommendation: value('recommendation'),
  };
  const filter: Record<string, unknown> = {};
  for (const [name, each] of Object.entries(candidate)) {
    if (each === undefined) continue;
    const field = rankingFilterSchema.shape[name as keyof RankingFilter];
    const parsed = field.safeParse(each);
    if (parsed.success) filter[name] = parsed.data;
  }
  return filter as RankingFilter;
}

/**
 * The round's ranking: one `byList` query for the round's applications (paginated, never a scan)
 * and one read of the year's budget position, side by side. Only the first-time filter reads
 * more: the organisations of the municipality's rounds of earlier grant years, each from its own
 * `byList` partition with the orgnr and status only.
 */
export async function rankingOf(c: Context<OfficerEnv>, round: Call, filter: RankingFilter): Promise<Ranking> {
  const { tenantId } = principalOf(c);
  const data = c.var.data;
  const earlier = needsEarlierOrganisations(filter) ? earlierOrganisations(c, round) : Promise.resolve(undefined);
  const [applications, position, earlierOrgs] = await Promise.all([
    data.applications.listSubmittedByRound(tenantId, round.roundId),
    data.budget.get(tenantId, round.grantYear),
    earlier,
  ]);
  return rankApplications(applications, {
    ...(position && position.allocationVersion > 0 ? { available: available(position) } : {}),
    filter,
    ...(earlierOrgs ? { earlierOrganisations: earlierOrgs } : {}),
  });
}

async function earlierOrganisations(c: Context<OfficerEnv>, round: Call): Promise<Set<Orgnr>> {
  const { tenantId } = principalOf(c);
  const rounds = await c.var.data.calls.listByTenant(tenantId);
  const earlier = rounds.filter((each) => each.grantYear < round.grantYear);
  const sets = await Promise.all(earlier.map((each) => c.var.data.applications.listOrganisationsByRound(tenantId, each.roundId)));
  return new Set(sets.flatMap((set) => [...set]));
}
