import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AdminCapExceededError, InsufficientFundsError, InvalidBudgetAmountError, ReleaseExceedsReservedError, ReturnExceedsAwardedError,
  adminCostCap, available, award, carryOver, isConsistent, openBudget, releaseAdmin, reserveAdmin, returnFunds, returnToImdi,
  type BudgetPosition,
} from '../../shared/rules/budget.js';
import { kroner } from '../../shared/kernel/money.js';
import { ruleSetFor } from '../../shared/rules/index.js';
import { value } from './builders.js';

const rules = ruleSetFor(2023);
const eidsvoll = () => openBudget(rules, kroner(702_897));


describe('budget position', () => {
  it('opens with the admin cap of the frame and everything available', () => {
    // Act
    const position = openBudget(rules, kroner(702_897), kroner(10_000));
    // Assess
    expect(position.adminCap).toBe(35_145);
    expect(available(position)).toBe(712_897);
    expect(adminCostCap(rules, kroner(702_897))).toBe(35_145);
  });

  it('computes available as frame + carried over + returned − admin reserved − awarded − returned to IMDi', () => {
    // Prepare
    const position: BudgetPosition = {
      frame: kroner(1000), carriedOver: kroner(100), adminCap: kroner(50), adminReserved: kroner(40), awarded: kroner(700), returned: kroner(30), returnedToImdi: kroner(90), carriedForward: kroner(0),
    };
    // Act / Assess
    expect(available(position)).toBe(300);
  });

  it('sends to IMDi only what is available and adds carried-over money', () => {
    // Prepare
    const position = value(award(eidsvoll(), kroner(700_000)));
    // Act
    const tooMuch = returnToImdi(position, kroner(2_898));
    const rest = value(returnToImdi(position, kroner(2_897)));
    const carried = value(carryOver(eidsvoll(), kroner(5_000)));
    // Assess
    expect(tooMuch.ok ? undefined : tooMuch.error).toBeInstanceOf(InsufficientFundsError);
    expect(available(rest)).toBe(0);
    expect(available(carried)).toBe(707_897);
  });

  it('reserves admin up to the cap and refuses a krone more', () => {
    // Prepare
    const reserved = value(reserveAdmin(eidsvoll(), kroner(35_000)));
    // Act
    const atCap = reserveAdmin(reserved, kroner(145));
    const aboveCap = reserveAdmin(reserved, kroner(146));
    // Assess
    expect(atCap.ok && atCap.value.adminReserved).toBe(35_145);
    expect(aboveCap.ok ? undefined : aboveCap.error).toBeInstanceOf(AdminCapExceededError);
    expect(aboveCap.ok ? undefined : aboveCap.error.code).toBe('budget.admin_cap_exceeded');
  });

  it('refuses an admin reservation larger than what is left even under the cap', () => {
    // Prepare
    const spent = value(award(eidsvoll(), kroner(700_000)));
    // Act
    const result = reserveAdmin(spent, kroner(3_000));
    // Assess
    expect(result.ok ? undefined : result.error).toBeInstanceOf(InsufficientFundsError);
  });

  it('refuses a decision above the remaining frame', () => {
    // Prepare
    const position = value(reserveAdmin(eidsvoll(), kroner(35_145)));
    // Act
    const exact = award(position, kroner(667_752));
    const over = award(position, kroner(667_753));
    // Assess
    expect(exact.ok && available(exact.value)).toBe(0);
    expect(over.ok ? undefined : over.error).toBeInstanceOf(InsufficientFundsError);
    expect(over.ok ? undefined : over.error.details).toEqual({ amount: 667_753, available: 667_752 });
  });

  it('makes returned funds available again but never more than was awarded', () => {
    // Prepare
    const awarded = value(award(eidsvoll(), kroner(100_000)));
    // Act
    const returned = value(returnFunds(awarded, kroner(40_000)));
    const tooMuch = returnFunds(returned, kroner(60_001));
    // Assess
    expect(available(returned)).toBe(642_897);
    expect(tooMuch.ok ? undefined : tooMuch.error).toBeInstanceOf(ReturnExceedsAwardedError);
  });

  it('releases admin reservation only up to what is reserved', () => {
    const reserved = value(reserveAdmin(eidsvoll(), kroner(10_000)));
    expect(value(releaseAdmin(reserved, kroner(10_000))).adminReserved).toBe(0);
    const result = releaseAdmin(reserved, kroner(10_001));
    expect(result.ok ? undefined : result.error).toBeInstanceOf(ReleaseExceedsReservedError);
  });

  it.each([0, -5, 1.5])('refuses an amount of %s', (amount) => {
    const result = award(eidsvoll(), amount as never);
    expect(result.ok ? undefined : result.error).toBeInstanceOf(InvalidBudgetAmountError);
  });
});

type Operation = { kind: 'reserve' | 'release' | 'award' | 'return' | 'toImdi' | 'carry'; amount: number };

describe('budget invariants', () => {
  it('hold for any sequence of reservations, releases, awards, returns, transfers to IMDi and carry-overs', () => {
    const operation: fc.Arbitrary<Operation> = fc.record({
      kind: fc.constantFrom('reserve', 'release', 'award', 'return', 'toImdi', 'carry'),
      amount: fc.integer({ min: -10, max: 400_000 }),
    });
    fc.assert(fc.property(fc.integer({ min: 0, max: 2_000_000 }), fc.integer({ min: 0, max: 100_000 }), fc.array(operation, { maxLength: 60 }), (frame, carried, ops) => {
      // Prepare
      let position = openBudget(rules, kroner(frame), kroner(carried));
      const cap = position.adminCap;
      for (const op of ops) {
        // Act
        const apply = { reserve: reserveAdmin, release: releaseAdmin, award, return: returnFunds, toImdi: returnToImdi, carry: carryOver }[op.kind];
        const before = position;
        const result = apply(position, op.amount as never);
        if (result.ok) position = result.value;
        // Assess
        expect(isConsistent(position)).toBe(true);
        expect(position.adminReserved).toBeLessThanOrEqual(cap);
        expect(available(position)).toBeGreaterThanOrEqual(0);
        if (!result.ok) expect(position).toBe(before);
        if (result.ok && (op.kind === 'award' || op.kind === 'toImdi')) expect(op.amount).toBeLessThanOrEqual(available(before));
      }
    }));
  });
});
