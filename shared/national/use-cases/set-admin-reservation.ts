import { InvalidBudgetAmountError } from '../../rules/budget.js';
import { kroner, type Kroner } from '../../kernel/money.js';
import type { TenantId } from '../../kernel/tenants.js';
import { BudgetNotOpenError, type StoredBudgetPosition } from '../budget-position.js';
import type { BudgetRepository } from '../ports.js';

/** What {@link setAdminReservation} needs. */
export interface SetAdminReservationDeps {
  readonly budget: Pick<BudgetRepository, 'get' | 'change'>;
}

/**
 * The municipality's admin sets how much of the year's frame it keeps for its own administration.
 *
 * Primary course: the reservation moves from what is stored to `amount`; a raise is reserved under
 * the admin cap and what is still available, a cut is released, all in one guarded write, so an
 * officer awarding at the same moment can never take the position past the frame.
 *
 * Alternatives:
 * - `amount` is not a whole number of kroner, zero or more: `InvalidBudgetAmountError`.
 * - Above the cap: `AdminCapExceededError`; above what is left of the frame: `InsufficientFundsError`,
 *   each with the amounts as stored when the write was refused.
 * - The year has no frame yet: `BudgetNotOpenError`.
 * - Equal to what is reserved: nothing is written.
 * - The year is closed: `YearClosedError`.
 * Every change is recorded as an audit event naming `actor` (the token's subject), in the same write.
 * - Two admins set it at the same moment: each moves the reservation by the difference it read, and
 *   the guards still hold the cap and the frame; the position answered is what is stored after.
 */
export async function setAdminReservation(
  deps: SetAdminReservationDeps,
  input: { readonly tenantId: TenantId; readonly grantYear: number; readonly amount: number; readonly actor: string },
): Promise<StoredBudgetPosition> {
  const { tenantId, grantYear, amount, actor } = input;
  if (!Number.isSafeInteger(amount) || amount < 0) throw new InvalidBudgetAmountError(amount);
  const current = await deps.budget.get(tenantId, grantYear);
  if (!current || current.allocationVersion === 0) throw new BudgetNotOpenError(grantYear);
  const difference = amount - current.adminReserved;
  if (difference === 0) return current;
  return difference > 0
    ? deps.budget.change(tenantId, grantYear, 'reserve_admin', kroner(difference), actor)
    : deps.budget.change(tenantId, grantYear, 'release_admin', kroner(-difference) as Kroner, actor);
}
