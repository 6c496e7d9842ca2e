import type { Context } from 'hono';
import type { Clock } from '../../../../shared/kernel/ports';
import { osloYearOf } from '../../../../shared/national/register';
import type { AdminReservationState } from '../../../../web/components/admin-reservation-form';
import type { BudgetPanelData } from '../../../../web/components/budget-panel';
import { principalOf } from '../../common/authentication';
import type { OfficerEnv } from '../officer-data';


/**
 * The budget panel's data for the start page: the current year's position (or `?year=` within
 * reason) and its frame versions, read only through the tenant seam (`c.var.data`), from the
 * tenant's own budget partition; the officer role may not read the national allocation.
 * A `municipal-admin` also gets the admin reservation form: `reservation` is its state after a
 * post (the year posted to), or just saved (`?reservation=saved`).
 */
export async function budgetPanelData(c: Context<OfficerEnv>, clock: Clock, reservation?: { grantYear: number; state: AdminReservationState }): Promise<BudgetPanelData> {
  const { tenantId, roles } = principalOf(c);
  const asked = Number(c.req.query('year'));
  const grantYear = reservation?.grantYear ?? (Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : osloYearOf(clock()));
  const [position, history] = await Promise.all([c.var.data.budget.get(tenantId, grantYear), c.var.data.budget.frameHistory(tenantId, grantYear)]);
  const state = reservation?.state ?? { saved: c.req.query('reservation') === 'saved' };
  return { grantYear, ...(position ? { position } : {}), history, ...(roles.includes('municipal-admin') ? { reservation: state } : {}) };
}
