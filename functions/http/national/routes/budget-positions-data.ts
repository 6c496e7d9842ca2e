import { managingMunicipalitiesOf } from '../../../../shared/national/managing-municipalities';
import type { BudgetRepository, TenantRepository } from '../../../../shared/national/ports';
import type { MunicipalityPosition } from '../../../../web/components/budget-positions-table';

/**
 * Every municipality that manages the scheme in the year, by name, with its budget position (null
 * before its first frame): the one source of IMDi's positions API and of the year page's table.
 */
export async function budgetPositionsOf(
  data: { tenants: Pick<TenantRepository, 'list'>; budget: Pick<BudgetRepository, 'get'> },
  year: number,
): Promise<MunicipalityPosition[]> {
  const managing = managingMunicipalitiesOf(await data.tenants.list(), year).sort((a, b) => a.name.localeCompare(b.name, 'nb'));
  return Promise.all(managing.map(async ({ tenantId, name }) => ({ tenantId, name, position: (await data.budget.get(tenantId, year)) ?? null })));
}
