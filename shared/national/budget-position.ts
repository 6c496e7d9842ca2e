/**
 * A managing municipality's budget position for one grant year as the store keeps it, and the one
 * change to it that comes from IMDi rather than from the municipality: a published allocation
 * setting its frame and admin cap. Every other change goes through a guard of
 * `rules/budget-guards.ts`.
 *
 * A correction (a later allocation version) may lower a frame, but never below what the
 * municipality has already committed: awards, admin reservation and money sent back to IMDi,
 * less what came back and what was carried over. The admin cap may not drop below the reservation
 * either. Both would leave a position that breaks the rules of `rules/budget.ts`.
 */
import { DomainError } from '../kernel/errors.js';
import { formatKroner, kroner, type Kroner } from '../kernel/money.js';
import { err, ok, type Result } from '../kernel/result.js';
import type { TenantId } from '../kernel/tenants.js';
import { available, type BudgetPosition } from '../rules/budget.js';
import type { CloseOutcome } from '../rules/budget-close.js';

/** A budget position as stored: the rules' position plus what the store needs to keep it. */
export interface StoredBudgetPosition extends BudgetPosition {
  readonly tenantId: TenantId;
  readonly grantYear: number;
  /** Paid out of what was awarded; kept here for the year's report, bounded by the payment rules. */
  readonly paid: Kroner;
  /** Raised by every change, so a reader can tell two readings apart. */
  readonly version: number;
  /** The allocation version whose frame this position holds; 0 before the first. */
  readonly allocationVersion: number;
  /** Set once, when the year is closed (`rules/budget-close.ts`); a closed position takes no change. */
  readonly closed?: YearClosing;
}

/** How a position's year was closed: when, by whom, and where its unspent money went. */
export interface YearClosing {
  readonly at: string;
  readonly by: string;
  readonly outcome: CloseOutcome;
  readonly amount: Kroner;
}

/** What the municipality has bound of its frame: everything spent less what came back or was carried over. */
export function committedOfFrame(p: BudgetPosition): number {
  return p.adminReserved + p.awarded + p.returnedToImdi + p.carriedForward - p.returned - p.carriedOver;
}

/** A correction would take a municipality's frame below what it has already committed. */
export class FrameBelowCommittedError extends DomainError {
  constructor(municipality: string, frame: Kroner, committed: Kroner) {
    super('allocation.frame_below_committed', {
      nb: `${municipality} har allerede tildelt og reservert ${formatKroner(committed, 'nb')}, mer enn den nye rammen på ${formatKroner(frame, 'nb')}.`,
      nn: `${municipality} har allereie tildelt og reservert ${formatKroner(committed, 'nn')}, meir enn den nye ramma på ${formatKroner(frame, 'nn')}.`,
      en: `${municipality} has already awarded and reserved ${formatKroner(committed, 'en')}, more than the new frame of ${formatKroner(frame, 'en')}.`,
    }, { details: { municipality, frame, committed } });
  }
}

/** A correction would take a municipality's admin cap below what it has already reserved. */
export class AdminCapBelowReservedError extends DomainError {
  constructor(municipality: string, adminCap: Kroner, reserved: Kroner) {
    super('allocation.admin_cap_below_reserved', {
      nb: `${municipality} har reservert ${formatKroner(reserved, 'nb')} til administrasjon, mer enn det nye taket på ${formatKroner(adminCap, 'nb')}.`,
      nn: `${municipality} har reservert ${formatKroner(reserved, 'nn')} til administrasjon, meir enn det nye taket på ${formatKroner(adminCap, 'nn')}.`,
      en: `${municipality} has reserved ${formatKroner(reserved, 'en')} for administration, more than the new cap of ${formatKroner(adminCap, 'en')}.`,
    }, { details: { municipality, adminCap, reserved } });
  }
}

/** No allocation has given this municipality a frame for the year yet. */
export class BudgetNotOpenError extends DomainError {
  constructor(grantYear: number) {
    super('budget.not_open', {
      nb: `Kommunen har ingen ramme for ${grantYear} ennå.`,
      nn: `Kommunen har inga ramme for ${grantYear} enno.`,
      en: `The municipality has no frame for ${grantYear} yet.`,
    }, { details: { grantYear } });
  }
}

/** The position of a municipality that has never had a frame: all zero. */
export function emptyPosition(tenantId: TenantId, grantYear: number): StoredBudgetPosition {
  const zero = kroner(0);
  return {
    tenantId, grantYear, frame: zero, carriedOver: zero, adminCap: zero, adminReserved: zero, awarded: zero,
    returned: zero, returnedToImdi: zero, carriedForward: zero, paid: zero, version: 0, allocationVersion: 0,
  };
}

/**
 * The position with the frame and cap of a new allocation version, or the error naming the
 * municipality when what it has committed would no longer fit.
 */
export function correctFrame(
  p: BudgetPosition,
  change: { readonly municipality: string; readonly frame: Kroner; readonly adminCap: Kroner },
): Result<BudgetPosition, FrameBelowCommittedError | AdminCapBelowReservedError> {
  const next = { ...p, frame: change.frame, adminCap: change.adminCap };
  if (available(next) < 0) return err(new FrameBelowCommittedError(change.municipality, change.frame, kroner(Math.max(0, committedOfFrame(p)))));
  if (p.adminReserved > change.adminCap) return err(new AdminCapBelowReservedError(change.municipality, change.adminCap, p.adminReserved));
  return ok(next);
}
