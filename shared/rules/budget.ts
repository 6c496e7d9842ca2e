/**
 * An administrator's budget position for one grant year, and the rules that keep it honest:
 *
 *   available = frame + carried over − admin reserved − awarded + returned
 *
 * The admin reservation never exceeds the cap (5 % of the frame in the default rule sets), an award
 * never exceeds what is available, and nothing is returned that was not awarded. The cap is computed
 * on the frame alone: carried-over money was already part of an earlier year's cap base.
 *
 * The functions are pure and return the new position or a named error. The store applies the same
 * rule atomically with {@link awardGuard} / {@link adminReservationGuard}, which turn the rule into
 * plain bounds for a DynamoDB condition expression, because two officers may decide at once.
 */
import { DomainError } from '../kernel/errors.js';
import { applyRate, formatKroner, kroner, type Kroner } from '../kernel/money.js';
import { err, ok, type Result } from '../kernel/result.js';
import type { RuleSet } from './rule-set.js';

/** The money of one administrator (municipality or IMDi) in one grant year. */
export interface BudgetPosition {
  readonly frame: Kroner;
  readonly carriedOver: Kroner;
  /** Most that may be reserved for administration; fixed when the position is opened. */
  readonly adminCap: Kroner;
  readonly adminReserved: Kroner;
  readonly awarded: Kroner;
  /** Awarded money that came back (withdrawn, reduced, unspent or repaid). */
  readonly returned: Kroner;
}

/** A budget rule refused a change. */
export class BudgetError extends DomainError {}

/** The amount is not a positive whole number of kroner. */
export class InvalidBudgetAmountError extends BudgetError {
  constructor(amount: number) {
    super('budget.invalid_amount', {
      nb: 'Beløpet må være et helt antall kroner, større enn null.',
      nn: 'Beløpet må vere eit heilt tal kroner, større enn null.',
      en: 'The amount must be a whole number of kroner, greater than zero.',
    }, { details: { amount } });
  }
}

/** The award or reservation is more than what is available. */
export class InsufficientFundsError extends BudgetError {
  constructor(amount: Kroner, available: Kroner) {
    super('budget.insufficient_funds', {
      nb: `Beløpet (${formatKroner(amount, 'nb')}) er større enn det som er igjen av rammen (${formatKroner(available, 'nb')}).`,
      nn: `Beløpet (${formatKroner(amount, 'nn')}) er større enn det som er att av ramma (${formatKroner(available, 'nn')}).`,
      en: `The amount (${formatKroner(amount, 'en')}) is more than what is left of the frame (${formatKroner(available, 'en')}).`,
    }, { details: { amount, available } });
  }
}

/** The admin reservation would exceed the cap. */
export class AdminCapExceededError extends BudgetError {
  constructor(amount: Kroner, room: Kroner, cap: Kroner) {
    super('budget.admin_cap_exceeded', {
      nb: `Kommunen kan bruke inntil ${formatKroner(cap, 'nb')} til administrasjon; det er ${formatKroner(room, 'nb')} igjen.`,
      nn: `Kommunen kan bruke inntil ${formatKroner(cap, 'nn')} til administrasjon; det er ${formatKroner(room, 'nn')} att.`,
      en: `Up to ${formatKroner(cap, 'en')} may be used for administration; ${formatKroner(room, 'en')} is left.`,
    }, { details: { amount, room, cap } });
  }
}

/** More would be returned than was awarded. */
export class ReturnExceedsAwardedError extends BudgetError {
  constructor(amount: Kroner, outstanding: Kroner) {
    super('budget.return_exceeds_awarded', {
      nb: `Det kan ikke tilbakeføres mer enn det som er tildelt (${formatKroner(outstanding, 'nb')}).`,
      nn: `Det kan ikkje tilbakeførast meir enn det som er tildelt (${formatKroner(outstanding, 'nn')}).`,
      en: `No more can be returned than was awarded (${formatKroner(outstanding, 'en')}).`,
    }, { details: { amount, outstanding } });
  }
}

/** More admin reservation would be released than is reserved. */
export class ReleaseExceedsReservedError extends BudgetError {
  constructor(amount: Kroner, reserved: Kroner) {
    super('budget.release_exceeds_reserved', {
      nb: `Det er bare reservert ${formatKroner(reserved, 'nb')} til administrasjon.`,
      nn: `Det er berre reservert ${formatKroner(reserved, 'nn')} til administrasjon.`,
      en: `Only ${formatKroner(reserved, 'en')} is reserved for administration.`,
    }, { details: { amount, reserved } });
  }
}

/** The admin-cost cap of a frame: 5 % of 702 897 is 35 145 under the 2023 rules (half-up). */
export function adminCostCap(rules: Pick<RuleSet, 'adminCostCap'>, frame: Kroner): Kroner {
  return applyRate(frame, rules.adminCostCap.rate, rules.adminCostCap.rounding);
}

/** Opens a year's position with nothing reserved, awarded or returned. */
export function openBudget(rules: Pick<RuleSet, 'adminCostCap'>, frame: Kroner, carriedOver: Kroner = kroner(0)): BudgetPosition {
  if (!Number.isSafeInteger(frame) || frame < 0) throw new InvalidBudgetAmountError(frame);
  if (!Number.isSafeInteger(carriedOver) || carriedOver < 0) throw new InvalidBudgetAmountError(carriedOver);
  const zero = kroner(0);
  return { frame, carriedOver, adminCap: adminCostCap(rules, frame), adminReserved: zero, awarded: zero, returned: zero };
}

/** What can still be awarded or reserved. */
export function available(p: BudgetPosition): Kroner {
  return kroner(p.frame + p.carriedOver - p.adminReserved - p.awarded + p.returned);
}

/** Admin reservation still allowed under the cap (ignoring available funds). */
export function adminRoom(p: BudgetPosition): Kroner {
  return kroner(p.adminCap - p.adminReserved);
}

function positive(amount: number): amount is Kroner {
  return Number.isSafeInteger(amount) && amount > 0;
}

/** Reserves money for administration; refused above the cap or above what is available. */
export function reserveAdmin(p: BudgetPosition, amount: Kroner): Result<BudgetPosition, BudgetError> {
  if (!positive(amount)) return err(new InvalidBudgetAmountError(amount));
  if (amount > adminRoom(p)) return err(new AdminCapExceededError(amount, adminRoom(p), p.adminCap));
  if (amount > available(p)) return err(new InsufficientFundsError(amount, available(p)));
  return ok({ ...p, adminReserved: kroner(p.adminReserved + amount) });
}

/** Gives back part of the admin reservation, e.g. when the year's admin cost turned out lower. */
export function releaseAdmin(p: BudgetPosition, amount: Kroner): Result<BudgetPosition, BudgetError> {
  if (!positive(amount)) return err(new InvalidBudgetAmountError(amount));
  if (amount > p.adminReserved) return err(new ReleaseExceedsReservedError(amount, p.adminReserved));
  return ok({ ...p, adminReserved: kroner(p.adminReserved - amount) });
}

/** Records an award; refused above what is available. */
export function award(p: BudgetPosition, amount: Kroner): Result<BudgetPosition, BudgetError> {
  if (!positive(amount)) return err(new InvalidBudgetAmountError(amount));
  if (amount > available(p)) return err(new InsufficientFundsError(amount, available(p)));
  return ok({ ...p, awarded: kroner(p.awarded + amount) });
}

/** Records awarded money coming back; refused above what was awarded and not yet returned. */
export function returnFunds(p: BudgetPosition, amount: Kroner): Result<BudgetPosition, BudgetError> {
  if (!positive(amount)) return err(new InvalidBudgetAmountError(amount));
  const outstanding = kroner(p.awarded - p.returned);
  if (amount > outstanding) return err(new ReturnExceedsAwardedError(amount, outstanding));
  return ok({ ...p, returned: kroner(p.returned + amount) });
}

/** Whether a position keeps every budget rule; for reconcile jobs and tests. */
export function isConsistent(p: BudgetPosition): boolean {
  const values = [p.frame, p.carriedOver, p.adminCap, p.adminReserved, p.awarded, p.returned];
  return values.every((v) => Number.isSafeInteger(v) && v >= 0) && p.adminReserved <= p.adminCap && p.returned <= p.awarded && available(p) >= 0;
}

/**
 * Bounds that make an award safe even if the stored position changed since it was read. The store
 * writes `ADD awarded :amount` with the condition
 * `awarded <= :maxAwardedBefore AND adminReserved <= :adminReservedAtMost AND returned >= :returnedAtLeast
 *  AND carriedOver >= :carriedOverAtLeast` (frame is fixed). Whatever changed concurrently, that
 * proves awarded + amount ≤ frame + carriedOver − adminReserved + returned.
 */
export interface AwardGuard {
  readonly amount: Kroner;
  /** The highest `awarded` may be before adding `amount`. */
  readonly maxAwardedBefore: Kroner;
  /** The highest `awarded` may be after adding `amount` (= frame + carriedOver − adminReserved + returned as read). */
  readonly maxAwardedAfter: Kroner;
  readonly adminReservedAtMost: Kroner;
  readonly returnedAtLeast: Kroner;
  readonly carriedOverAtLeast: Kroner;
}

/** The award rule as condition bounds for the store, or the error the award would meet now. */
export function awardGuard(p: BudgetPosition, amount: Kroner): Result<AwardGuard, BudgetError> {
  const checked = award(p, amount);
  if (!checked.ok) return checked;
  const maxAwardedAfter = kroner(p.frame + p.carriedOver - p.adminReserved + p.returned);
  return ok({
    amount,
    maxAwardedBefore: kroner(maxAwardedAfter - amount),
    maxAwardedAfter,
    adminReservedAtMost: p.adminReserved,
    returnedAtLeast: p.returned,
    carriedOverAtLeast: p.carriedOver,
  });
}

/**
 * Bounds that make an admin reservation safe under concurrency: the store writes
 * `ADD adminReserved :amount` with `adminReserved <= :maxAdminReservedBefore AND awarded <= :awardedAtMost
 *  AND returned >= :returnedAtLeast AND carriedOver >= :carriedOverAtLeast`.
 */
export interface AdminReservationGuard {
  readonly amount: Kroner;
  readonly maxAdminReservedBefore: Kroner;
  /** min(cap, frame + carriedOver − awarded + returned as read). */
  readonly maxAdminReservedAfter: Kroner;
  readonly awardedAtMost: Kroner;
  readonly returnedAtLeast: Kroner;
  readonly carriedOverAtLeast: Kroner;
}

/** The admin-reservation rule as condition bounds for the store, or the error it would meet now. */
export function adminReservationGuard(p: BudgetPosition, amount: Kroner): Result<AdminReservationGuard, BudgetError> {
  const checked = reserveAdmin(p, amount);
  if (!checked.ok) return checked;
  const byFunds = p.frame + p.carriedOver - p.awarded + p.returned;
  const maxAdminReservedAfter = kroner(Math.min(p.adminCap, byFunds));
  return ok({
    amount,
    maxAdminReservedBefore: kroner(maxAdminReservedAfter - amount),
    maxAdminReservedAfter,
    awardedAtMost: p.awarded,
    returnedAtLeast: p.returned,
    carriedOverAtLeast: p.carriedOver,
  });
}
