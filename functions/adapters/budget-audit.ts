import type { StoredBudgetPosition } from '../../shared/national/budget-position';
import { available } from '../../shared/rules/budget';
import { auditEventItem } from './entities/audit-event-item';
import { budgetPositionItem } from './entities/budget-position-item';
import { putNew, type Change } from './unit-of-work';

/** The figures of a position an audit event records before and after a change. */
export function figuresOf(p: StoredBudgetPosition): Record<string, number> {
  return {
    frame: p.frame, adminCap: p.adminCap, carriedOver: p.carriedOver, adminReserved: p.adminReserved, awarded: p.awarded,
    returned: p.returned, returnedToImdi: p.returnedToImdi, carriedForward: p.carriedForward, paid: p.paid, available: available(p),
  };
}

/** Who made a budget change, when, and the id of its audit event. */
export interface BudgetAuditStamp {
  readonly actor: string;
  readonly at: string;
  readonly eventId: string;
}

/**
 * The audit event of one change to a budget position, written in the same transaction as the
 * change, in the municipality's own audit partition (`T#<tenant>#AUDIT`): who, when, the operation,
 * the amount and the position's figures before and after. The figures are exact because the change
 * it goes with is pinned to the version it was computed from.
 */
export function budgetAuditChange(
  before: StoredBudgetPosition,
  after: StoredBudgetPosition,
  operation: string,
  amount: number,
  stamp: BudgetAuditStamp,
): Change {
  const key = budgetPositionItem.key(before.tenantId, before.grantYear);
  return putNew(
    auditEventItem.toItem({
      tenantId: before.tenantId,
      entityKey: `${key.PK}#${key.SK}`,
      eventId: stamp.eventId,
      at: stamp.at,
      actor: stamp.actor,
      machine: 'budget',
      action: operation,
      version: after.version,
      grantYear: before.grantYear,
      amount,
      before: figuresOf(before),
      after: figuresOf(after),
    }),
  );
}
