/**
 * Closing a grant year's budget position, by the rule set's `unspentFunds` rule.
 *
 * What is unspent is exactly what is still available (`budget.ts`):
 *
 *   unspent = frame + carried over + returned − admin reserved − awarded − returned to IMDi
 *             − carried forward
 *
 * that is the frame and the money carried in, less what is committed (awarded and not come back)
 * and the admin reservation, plus money returned, less what was already sent back to IMDi during
 * the year. Awarded money that came back (`returned`) is counted once, as part of `unspent`.
 *
 * Closing moves all of it out of the year, so the closed position has nothing available:
 * - `return_to_imdi`: `returnedToImdi` grows by `unspent` (IMDi gets it back);
 * - `carry_over`: `carriedForward` grows by `unspent`, and next year's `carriedOver` by the same.
 *
 * Money is conserved to the krone: available(this year) + available(next year) + returned to IMDi
 * (both years) is the same before and after. A closed position takes no further change.
 */
import { DomainError } from '../kernel/errors.js';
import { kroner, type Kroner } from '../kernel/money.js';
import { available, type BudgetPosition } from './budget.js';
import type { UnspentFundsPolicy } from './rule-set.js';

/** What happened to a closed year's unspent money. */
export type CloseOutcome = 'carried_over' | 'returned_to_imdi';

/** The outcome the year's rule prescribes. */
export function closeOutcomeOf(policy: UnspentFundsPolicy): CloseOutcome {
  return policy === 'carry_over' ? 'carried_over' : 'returned_to_imdi';
}

/** What a year's position leaves unspent: what is still available. */
export function unspent(p: BudgetPosition): Kroner {
  return available(p);
}

/** The two positions after a close: the closed year and next year's (credited when carried over). */
export interface ClosedPositions<P extends BudgetPosition> {
  readonly outcome: CloseOutcome;
  readonly amount: Kroner;
  readonly closed: P;
  /** Next year's position as given, with the carried-over money added under `carry_over`. */
  readonly next: P;
}

/** Closes `current` into `next` by the rule; pure, for the store and the tests to agree on. */
export function closePosition<P extends BudgetPosition>(current: P, next: P, policy: UnspentFundsPolicy): ClosedPositions<P> {
  const amount = unspent(current);
  const outcome = closeOutcomeOf(policy);
  if (outcome === 'returned_to_imdi') {
    return { outcome, amount, closed: { ...current, returnedToImdi: kroner(current.returnedToImdi + amount) }, next };
  }
  return {
    outcome,
    amount,
    closed: { ...current, carriedForward: kroner(current.carriedForward + amount) },
    next: { ...next, carriedOver: kroner(next.carriedOver + amount) },
  };
}

/** A year cannot be closed before it has ended (31 December 23:59:59, Oslo time). */
export class YearNotEndedError extends DomainError {
  constructor(grantYear: number, closableFrom: string) {
    super('budget.year_not_ended', {
      nb: `Tilskuddsåret ${grantYear} er ikke slutt ennå. Året kan lukkes fra 1. januar ${grantYear + 1}.`,
      nn: `Tilskotsåret ${grantYear} er ikkje slutt enno. Året kan lukkast frå 1. januar ${grantYear + 1}.`,
      en: `The grant year ${grantYear} has not ended yet. The year can be closed from 1 January ${grantYear + 1}.`,
    }, { details: { grantYear, closableFrom } });
  }
}

/** The position's year is closed: its money has been carried over or returned, and it takes no change. */
export class YearClosedError extends DomainError {
  constructor(grantYear: number) {
    super('budget.year_closed', {
      nb: `Tilskuddsåret ${grantYear} er lukket. Budsjettet kan ikke endres.`,
      nn: `Tilskotsåret ${grantYear} er lukka. Budsjettet kan ikkje endrast.`,
      en: `The grant year ${grantYear} is closed. The budget can no longer be changed.`,
    }, { details: { grantYear } });
  }
}
