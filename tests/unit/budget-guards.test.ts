import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { available, award, openBudget, reserveAdmin, type BudgetError, type BudgetPosition } from '../../shared/rules/budget.js';
import {
  adminReleaseGuard, adminReservationGuard, applyGuard, awardGuard, carryOverGuard, returnGuard, returnToImdiGuard, type BudgetGuard,
} from '../../shared/rules/budget-guards.js';
import { kroner, type Kroner } from '../../shared/kernel/money.js';
import type { Result } from '../../shared/kernel/result.js';
import { ruleSetFor } from '../../shared/rules/index.js';
import { value } from './builders.js';

const rules = ruleSetFor(2023);
const eidsvoll = () => openBudget(rules, kroner(702_897));


describe('budget guards', () => {
  it('turns an award into bounds on every counter for a condition expression', () => {
    // Prepare
    const position = value(award(value(reserveAdmin(eidsvoll(), kroner(35_145))), kroner(600_000)));
    // Act
    const guard = value(awardGuard(position, kroner(50_000)));
    // Assess: 600 000 + 667 752 − 600 000 − 35 145 − 50 000 leaves awarded at most 617 752 before the write
    expect(guard).toEqual({
      operation: 'award', counter: 'awarded', change: 50_000,
      atMost: { adminReserved: 35_145, awarded: 617_752, returnedToImdi: 0 }, atLeast: { carriedOver: 0, returned: 0 },
    });
  });

  it('refuses to build a guard for an award that is already too large', () => {
    expect(awardGuard(eidsvoll(), kroner(800_000)).ok).toBe(false);
  });

  it('bounds an admin reservation by the cap and by the funds', () => {
    // Prepare
    const position = value(award(eidsvoll(), kroner(690_000)));
    // Act
    const guard = value(adminReservationGuard(position, kroner(10_000)));
    // Assess
    expect(guard.atMost.adminReserved).toBe(2_897);
    expect(guard.atMost.awarded).toBe(690_000);
  });

  it('lets only one of two concurrent returns of 80 000 on 100 000 awarded through', () => {
    // Prepare: both officers read the same position
    const read = value(award(eidsvoll(), kroner(100_000)));
    const first = value(returnGuard(read, kroner(80_000)));
    const second = value(returnGuard(read, kroner(80_000)));
    // Act
    const afterFirst = applyGuard(read, first);
    const afterSecond = afterFirst && applyGuard(afterFirst, second);
    // Assess
    expect(afterFirst?.returned).toBe(80_000);
    expect(afterSecond).toBeUndefined();
  });

  it('adds a carry-over once even when the same reading is applied twice', () => {
    // Prepare
    const read = eidsvoll();
    const guard = value(carryOverGuard(read, kroner(20_000)));
    // Act
    const once = applyGuard(read, guard);
    const twice = once && applyGuard(once, guard);
    // Assess
    expect(once?.carriedOver).toBe(20_000);
    expect(twice).toBeUndefined();
  });
});

type Kind = 'award' | 'reserve' | 'release' | 'return' | 'toImdi' | 'carry';
const builders: Record<Kind, (p: BudgetPosition, amount: Kroner) => Result<BudgetGuard, BudgetError>> = {
  award: awardGuard, reserve: adminReservationGuard, release: adminReleaseGuard, return: returnGuard, toImdi: returnToImdiGuard, carry: carryOverGuard,
};

describe('budget guards under concurrency', () => {
  it('never let committed money and admin exceed the funds, go negative or return more than was awarded, whatever was read when', () => {
    const operation = fc.record({
      kind: fc.constantFrom<Kind>('award', 'reserve', 'release', 'return', 'toImdi', 'carry'),
      amount: fc.integer({ min: 1, max: 400_000 }),
      // Which earlier stored state the officer read: stale reads are the point
      readAgo: fc.nat({ max: 5 }),
    });
    fc.assert(fc.property(fc.integer({ min: 0, max: 2_000_000 }), fc.array(operation, { maxLength: 60 }), (frame, ops) => {
      // Prepare
      const history: BudgetPosition[] = [openBudget(rules, kroner(frame))];
      for (const op of ops) {
        const stored = history[history.length - 1] as BudgetPosition;
        const read = history[Math.max(0, history.length - 1 - op.readAgo)] as BudgetPosition;
        // Act
        const guard = builders[op.kind](read, kroner(op.amount));
        const next = guard.ok ? applyGuard(stored, guard.value) : undefined;
        if (next) history.push(next);
        // Assess
        const p = history[history.length - 1] as BudgetPosition;
        expect(p.awarded + p.adminReserved + p.returnedToImdi).toBeLessThanOrEqual(p.frame + p.carriedOver + p.returned);
        expect(p.returned).toBeLessThanOrEqual(p.awarded);
        expect(p.adminReserved).toBeLessThanOrEqual(p.adminCap);
        for (const counter of [p.carriedOver, p.adminReserved, p.awarded, p.returned, p.returnedToImdi]) expect(counter).toBeGreaterThanOrEqual(0);
      }
    }));
  });
});

describe('a declined or lapsed grant returning its money', () => {
  it('gives each answered grant back once, into returned, so available is frame − reserved − awarded + returned and awarded keeps its history', () => {
    const step = fc.record({
      amount: fc.integer({ min: 1, max: 300_000 }),
      // Whether the grant is later declined (or lapses), and how stale the budget read for it is
      answeredBack: fc.boolean(),
      readAgo: fc.nat({ max: 4 }),
    });
    fc.assert(fc.property(fc.integer({ min: 0, max: 2_000_000 }), fc.array(step, { maxLength: 40 }), (frame, steps) => {
      // Prepare: awards, each from a possibly stale reading, refused when the money is not there
      const history: BudgetPosition[] = [openBudget(rules, kroner(frame))];
      const granted: Kroner[] = [];
      for (const s of steps) {
        const read = history[Math.max(0, history.length - 1 - s.readAgo)]!;
        const guard = awardGuard(read, kroner(s.amount));
        const next = guard.ok ? applyGuard(history.at(-1)!, guard.value) : undefined;
        if (next) {
          history.push(next);
          if (s.answeredBack) granted.push(kroner(s.amount));
        }
      }
      const awarded = history.at(-1)!.awarded;

      // Act: each answered grant returns its money once (the application's own guard allows one
      // answer), from a stale reading first and, when that guard no longer holds, a fresh one
      for (const [i, amount] of granted.entries()) {
        const before = history.at(-1)!;
        const stale = history[Math.max(0, history.length - 1 - (i % 3))]!;
        const first = returnGuard(stale, amount);
        const next = (first.ok ? applyGuard(before, first.value) : undefined) ?? applyGuard(before, value(returnGuard(before, amount)));
        // Assess: the whole amount is available again at once, and nothing else moved
        expect(next).toBeDefined();
        expect(available(next!)).toBe(available(before) + amount);
        expect(next!.awarded).toBe(before.awarded);
        history.push(next!);
      }

      // Assess
      const p = history.at(-1)!;
      expect(p.awarded).toBe(awarded);
      expect(p.returned).toBe(granted.reduce((sum, amount) => sum + amount, 0));
      expect(p.returned).toBeLessThanOrEqual(p.awarded);
      expect(available(p)).toBe(p.frame - p.adminReserved - p.awarded + p.returned);
      expect(available(p)).toBeGreaterThanOrEqual(0);
    }));
  });
});
