import type { Context } from 'hono';
import type { Clock } from '../../../../shared/kernel/ports';
import { osloYearOf } from '../../../../shared/national/register';
import type { BudgetPanelData } from '../../../../web/components/budget-panel';
import { principalOf } from '../../common/authentication';
import type { OfficerEnv } from '../officer-data';


/**
 * The budget panel's data for the start page: the current year's position (or `?year=` within
 * reason) and its frame versions, read only through the tenant seam (`c.var.data`), from the
 * tenant's own budget partition; the officer role may not read the national allocation.
 */
export async function budgetPanelData(c: Context<OfficerEnv>, clock: Clock): Promise<BudgetPanelData> {
  const { tenantId } = principalOf(c);
  const asked = Number(c.req.query('year'));
  const grantYear = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : osloYearOf(clock());
  const [position, history] = await Promise.all([c.var.data.budget.get(tenantId, grantYear), c.var.data.budget.frameHistory(tenantId, grantYear)]);
  return { grantYear, ...(position ? { position } : {}), history };
}
