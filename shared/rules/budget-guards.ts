/**
 * Budget guards: each change to a budget position as the condition a store checks in the same
 * write, because two officers may act on the same position at once and each read it before the
 * other wrote. A guard is computed from the position as read; whatever changed concurrently, a
 * store that writes `ADD <counter> :change` only when every bound holds keeps the rules of
 * `budget.ts`:
 *
 *   adminReserved + awarded + returnedToImdi ≤ frame + carriedOver + returned,
 *   returned ≤ awarded, adminReserved ≤ adminCap, and no counter below zero.
 *
 * Counters that spend (admin reserved, awarded, returned to IMDi) are bounded from above, counters
 * that fund (carried over, returned) from below, so a guard computed from a stale read is at worst
 * refused, never wrong. The frame and the admin cap change only when IMDi publishes a corrected
 * allocation; a store pins them too (by the allocation version the guard was computed under).
 */
import { kroner, type Kroner } from '../kernel/money.js';
import { ok, type Result } from '../kernel/result.js';
import {
  available, award, carryOver, releaseAdmin, reserveAdmin, returnFunds, returnToImdi,
  type BudgetError, type BudgetPosition,
} from './budget.js';

/** The stored counters of a position that change; `frame` and `adminCap` are fixed. */
export type BudgetCounter = 'carriedOver' | 'adminReserved' | 'awarded' | 'returned' | 'returnedToImdi';

/** Every change a budget position can undergo. */
export type BudgetOperation = 'award' | 'reserve_admin' | 'release_admin' | 'return_funds' | 'return_to_imdi' | 'carry_over';

/** A change to a position and the condition under which a store may make it. */
export interface BudgetGuard {
  readonly operation: BudgetOperation;
  /** The counter the store changes. */
  readonly counter: BudgetCounter;
  /** Whole kroner added to the counter; negative for a release. */
  readonly change: number;
  /** Each listed counter, as stored at write time, must be at most this. */
  readonly atMost: Readonly<Partial<Record<BudgetCounter, Kroner>>>;
  /** Each listed counter, as stored at write time, must be at least this. */
  readonly atLeast: Readonly<Partial<Record<BudgetCounter, Kroner>>>;
}

const spending = ['adminReserved', 'awarded', 'returnedToImdi'] as const satisfies readonly BudgetCounter[];
const funding = ['carriedOver', 'returned'] as const satisfies readonly BudgetCounter[];

type SpendingCounter = (typeof spending)[number];

/**
 * A guard for spending `amount` on `counter`: the other spending counters may not have grown and the
 * funding counters may not have shrunk since `p` was read, and `counter` itself may have grown only
 * by what was left over after this amount.
 */
function spendingGuard(p: BudgetPosition, operation: BudgetOperation, counter: SpendingCounter, amount: Kroner, ceiling?: Kroner): BudgetGuard {
  const atMost: Partial<Record<BudgetCounter, Kroner>> = {};
  for (const other of spending) atMost[other] = p[other];
  const byFunds = p[counter] + available(p) - amount;
  atMost[counter] = kroner(ceiling === undefined ? byFunds : Math.min(byFunds, ceiling - amount));
  const atLeast: Partial<Record<BudgetCounter, Kroner>> = {};
  for (const source of funding) atLeast[source] = p[source];
  return { operation, counter, change: amount, atMost, atLeast };
}

function guarded(checked: Result<BudgetPosition, BudgetError>, guard: () => BudgetGuard): Result<BudgetGuard, BudgetError> {
  return checked.ok ? ok(guard()) : checked;
}

/** The guard for an award, or the error the award meets on the position as read. */
export function awardGuard(p: BudgetPosition, amount: Kroner): Result<BudgetGuard, BudgetError> {
  return guarded(award(p, amount), () => spendingGuard(p, 'award', 'awarded', amount));
}

/** The guard for reserving admin money: bounded by the funds and by the admin cap. */
export function adminReservationGuard(p: BudgetPosition, amount: Kroner): Result<BudgetGuard, BudgetError> {
  return guarded(reserveAdmin(p, amount), () => spendingGuard(p, 'reserve_admin', 'adminReserved', amount, p.adminCap));
}

/** The guard for sending unused money back to IMDi: like an award, it spends what is available. */
export function returnToImdiGuard(p: BudgetPosition, amount: Kroner): Result<BudgetGuard, BudgetError> {
  return guarded(returnToImdi(p, amount), () => spendingGuard(p, 'return_to_imdi', 'returnedToImdi', amount));
}

/**
 * The guard for awarded money coming back: `returned` may grow only to what was awarded when read.
 * Awards never shrink, so two concurrent returns of 80 000 on 100 000 awarded cannot both pass.
 */
export function returnGuard(p: BudgetPosition, amount: Kroner): Result<BudgetGuard, BudgetError> {
  return guarded(returnFunds(p, amount), () => ({
    operation: 'return_funds', counter: 'returned', change: amount,
    atMost: { returned: kroner(p.awarded - amount) }, atLeast: { awarded: p.awarded },
  }));
}

/** The guard for releasing admin money: the reservation must still hold the amount. */
export function adminReleaseGuard(p: BudgetPosition, amount: Kroner): Result<BudgetGuard, BudgetError> {
  return guarded(releaseAdmin(p, amount), () => ({
    operation: 'release_admin', counter: 'adminReserved', change: -amount, atMost: {}, atLeast: { adminReserved: amount },
  }));
}

/**
 * The guard for adding carried-over money. It only adds funds, so no rule is at risk; the counter is
 * pinned to the value read so that a job that runs twice on the same reading adds the money once.
 */
export function carryOverGuard(p: BudgetPosition, amount: Kroner): Result<BudgetGuard, BudgetError> {
  return guarded(carryOver(p, amount), () => ({
    operation: 'carry_over', counter: 'carriedOver', change: amount,
    atMost: { carriedOver: p.carriedOver }, atLeast: { carriedOver: p.carriedOver },
  }));
}

/** Whether the guard's condition holds on the position as stored now. */
export function guardHolds(stored: BudgetPosition, guard: BudgetGuard): boolean {
  const within = (bounds: BudgetGuard['atMost'], holds: (value: number, bound: number) => boolean) =>
    Object.entries(bounds).every(([counter, bound]) => bound === undefined || holds(stored[counter as BudgetCounter], bound));
  return within(guard.atMost, (value, bound) => value <= bound) && within(guard.atLeast, (value, bound) => value >= bound);
}

/** What a store does with a guard: the changed position when the condition holds, else undefined. */
export function applyGuard(stored: BudgetPosition, guard: BudgetGuard): BudgetPosition | undefined {
  if (!guardHolds(stored, guard)) return undefined;
  return { ...stored, [guard.counter]: kroner(stored[guard.counter] + guard.change) };
}
