/**
 * Reads what a year report is computed from, through the repositories the officer already has: the
 * grant year's rounds, their received applications, the organisations of earlier years' rounds
 * (the first-time test, as the ranking's filter reads them) and the year's budget position.
 */
import type { Application } from '../applications/application';
import type { ApplicationRepository } from '../applications/ports';
import type { Orgnr } from '../kernel/orgnr';
import type { TenantId } from '../kernel/tenants';
import { emptyPosition } from '../national/budget-position';
import type { BudgetRepository } from '../national/ports';
import type { CallRepository } from '../rounds/ports';
import { yearReportFigures, type MeasureLine, type YearReportFigures } from './figures';

/** The reads a year report's figures need. */
export interface YearReportSources {
  readonly calls: Pick<CallRepository, 'listByTenant'>;
  readonly applications: Pick<ApplicationRepository, 'listSubmittedByRound' | 'listOrganisationsByRound'>;
  readonly budget: Pick<BudgetRepository, 'get'>;
}

/** The figures and measures of the tenant's year as the data stands now. */
export async function currentYearReportFigures(
  sources: YearReportSources,
  tenantId: TenantId,
  grantYear: number,
): Promise<{ figures: YearReportFigures; measures: MeasureLine[] }> {
  const rounds = await sources.calls.listByTenant(tenantId);
  const ofYear = rounds.filter((round) => round.grantYear === grantYear);
  const earlier = rounds.filter((round) => round.grantYear < grantYear);
  const [applications, earlierSets, position] = await Promise.all([
    Promise.all(ofYear.map((round) => sources.applications.listSubmittedByRound(tenantId, round.roundId))),
    Promise.all(earlier.map((round) => sources.applications.listOrganisationsByRound(tenantId, round.roundId))),
    sources.budget.get(tenantId, grantYear),
  ]);
  return yearReportFigures({
    grantYear,
    position: position ?? emptyPosition(tenantId, grantYear),
    applications: applications.flat() as Application[],
    earlierOrganisations: new Set<Orgnr>(earlierSets.flatMap((set) => [...set])),
  });
}
