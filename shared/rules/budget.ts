/**
 * An administrator's budget position for one grant year, and the rules that keep it honest:
 *
 *   available = frame + carried over + returned − admin reserved − awarded − returned to IMDi
 *               − carried forward
 *
 * Money comes in as the frame, as money carried over from the year before and as awarded money
 * that came back; it goes out as the admin reservation, awards, transfers back to IMDi and, when
 * the year is closed under the `carry_over` rule, as money carried forward to the next year.
 *
 * The admin reservation never exceeds the cap (5 % of the frame in the default rule sets), an award
 * or a transfer back to IMDi never exceeds what is available, and nothing comes back that was not
 * awarded. The cap is computed on the frame alone: carried-over money was already part of an earlier
 * year's cap base.
 *
 * The functions are pure and return the new position or a named error. The store applies the same
 * rules atomically with the guards in `budget-guards.ts`, because two officers may act at once.
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
  /** Awarded money that came back (withdrawn, reduced, unspent or repaid); available again. */
  readonly returned: Kroner;
  /** Money sent back to IMDi (policy `return_to_imdi`); no longer available to this administrator. */
  readonly returnedToImdi: Kroner;
  /** Money moved on to next year's position when this year was closed (policy `carry_over`). */
  readonly carriedForward: Kroner;
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
  return { frame, carriedOver, adminCap: adminCostCap(rules, frame), adminReserved: zero, awarded: zero, returned: zero, returnedToImdi: zero, carriedForward: zero };
}

/** What can still be awarded, reserved or sent back to IMDi. */
export function available(p: BudgetPosition): Kroner {
  return kroner(p.frame + p.carriedOver + p.returned - p.adminReserved - p.awarded - p.returnedToImdi - p.carriedForward);
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

// Awards and transfers to IMDi both spend what is available, so they share one rule.
function spendAvailable(p: BudgetPosition, amount: Kroner, counter: 'awarded' | 'returnedToImdi'): Result<BudgetPosition, BudgetError> {
  if (!positive(amount)) return err(new InvalidBudgetAmountError(amount));
  if (amount > available(p)) return err(new InsufficientFundsError(amount, available(p)));
  return ok({ ...p, [counter]: kroner(p[counter] + amount) });
}

/** Records an award; refused above what is available. */
export function award(p: BudgetPosition, amount: Kroner): Result<BudgetPosition, BudgetError> {
  return spendAvailable(p, amount, 'awarded');
}

/** Records awarded money coming back; refused above what was awarded and not yet returned. */
export function returnFunds(p: BudgetPosition, amount: Kroner): Result<BudgetPosition, BudgetError> {
  if (!positive(amount)) return err(new InvalidBudgetAmountError(amount));
  const outstanding = kroner(p.awarded - p.returned);
  if (amount > outstanding) return err(new ReturnExceedsAwardedError(amount, outstanding));
  return ok({ ...p, returned: kroner(p.returned + amount) });
}

/** Sends money this administrator will not use back to IMDi; refused above what is available. */
export function returnToImdi(p: BudgetPosition, amount: Kroner): Result<BudgetPosition, BudgetError> {
  return spendAvailable(p, amount, 'returnedToImdi');
}

/** Adds last year's carried-over money (policy `carry_over`) to the position. */
export function carryOver(p: BudgetPosition, amount: Kroner): Result<BudgetPosition, BudgetError> {
  if (!positive(amount)) return err(new InvalidBudgetAmountError(amount));
  return ok({ ...p, carriedOver: kroner(p.carriedOver + amount) });
}

/** Whether a position keeps every budget rule; for reconcile jobs and tests. */
export function isConsistent(p: BudgetPosition): boolean {
  const values = [p.frame, p.carriedOver, p.adminCap, p.adminReserved, p.awarded, p.returned, p.returnedToImdi, p.carriedForward];
  return values.every((v) => Number.isSafeInteger(v) && v >= 0) && p.adminReserved <= p.adminCap && p.returned <= p.awarded && available(p) >= 0;
}
