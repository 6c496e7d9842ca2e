import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kroner } from '../../shared/kernel/money.js';
import { closeYear } from '../../shared/national/use-cases/close-year.js';
import { award, available, carryOver, isConsistent, openBudget, releaseAdmin, reserveAdmin, returnFunds, returnToImdi, type BudgetPosition } from '../../shared/rules/budget.js';
import { closePosition, unspent } from '../../shared/rules/budget-close.js';
import { ruleSetFor } from '../../shared/rules/index.js';
import type { UnspentFundsPolicy } from '../../shared/rules/rule-set.js';

const rules = ruleSetFor(2023);
const operations = { award, reserveAdmin, releaseAdmin, returnFunds, returnToImdi, carryOver } as const;
type Operation = keyof typeof operations;

/** A position reached from a frame by any sequence of changes the rules let through. */
const positionArbitrary = fc
  .record({
    frame: fc.integer({ min: 0, max: 2_000_000 }),
    carriedIn: fc.integer({ min: 0, max: 200_000 }),
    steps: fc.array(fc.record({ operation: fc.constantFrom<Operation>(...(Object.keys(operations) as Operation[])), amount: fc.integer({ min: 1, max: 400_000 }) }), { maxLength: 25 }),
  })
  .map(({ frame, carriedIn, steps }) => {
    let position = openBudget(rules, kroner(frame), kroner(carriedIn));
    for (const { operation, amount } of steps) {
      const next = operations[operation](position, kroner(amount));
      if (next.ok) position = next.value;
    }
    return position;
  });

/** committed + admin reservation ≤ frame + carried over − returned to IMDi, with committed = awarded − returned. */
function invariantHolds(p: BudgetPosition): boolean {
  return p.awarded - p.returned + p.adminReserved <= p.frame + p.carriedOver - p.returnedToImdi;
}

/** All the money of both years: what is still available and what went back to IMDi. */
const moneyOf = (a: BudgetPosition, b: BudgetPosition) => available(a) + available(b) + a.returnedToImdi + b.returnedToImdi;

describe('year close', () => {
  it('conserves money to the krone and keeps the invariant in both years, under either rule', () => {
    fc.assert(
      fc.property(positionArbitrary, positionArbitrary, fc.constantFrom<UnspentFundsPolicy>('carry_over', 'return_to_imdi'), (current, next, policy) => {
        // Act
        const result = closePosition(current, next, policy);
        // Assess
        expect(result.amount).toBe(unspent(current));
        expect(moneyOf(result.closed, result.next)).toBe(moneyOf(current, next));
        expect(available(result.closed)).toBe(0);
        expect(available(result.next)).toBe(available(next) + (policy === 'carry_over' ? result.amount : 0));
        for (const position of [result.closed, result.next]) {
          expect(isConsistent(position)).toBe(true);
          expect(invariantHolds(position)).toBe(true);
        }
      }),
    );
  });

  it('counts unspent as frame + carried over + returned − reserved − awarded − already returned to IMDi', () => {
    // Prepare: 702 897 frame, 10 000 carried in, 35 145 reserved, 600 000 awarded, 20 000 back, 5 000 sent to IMDi
    let p = openBudget(rules, kroner(702_897), kroner(10_000));
    for (const [change, amount] of [[reserveAdmin, 35_145], [award, 600_000], [returnFunds, 20_000], [returnToImdi, 5_000]] as const) {
      const next = change(p, kroner(amount));
      if (!next.ok) throw next.error;
      p = next.value;
    }
    // Act / Assess
    expect(unspent(p)).toBe(702_897 + 10_000 + 20_000 - 35_145 - 600_000 - 5_000);
    expect(closePosition(p, openBudget(rules, kroner(0)), 'return_to_imdi').closed.returnedToImdi).toBe(5_000 + 92_752);
  });
});

describe('closing a year', () => {
  const deps = (now: string, closes: unknown[]) => ({
    tenants: { list: async () => [{ tenantId: 'k1', kind: 'municipality', name: 'K1', kommunenummer: '3035', managingYears: [2026] }] as never },
    budget: { get: async () => undefined },
    yearClose: { close: async (order: unknown) => (closes.push(order), 'closed' as const) },
    clock: () => new Date(now),
  });

  it('is refused until the year has ended in Oslo, and writes nothing', async () => {
    // Prepare: 23:59:59.999 on 31 December in Oslo is 22:59:59.999 UTC
    const closes: unknown[] = [];
    // Act
    const attempt = closeYear(deps('2026-12-31T22:59:59.999Z', closes), { grantYear: 2026, policy: 'carry_over', actor: 'imdi-1' });
    // Assess
    await expect(attempt).rejects.toMatchObject({ code: 'budget.year_not_ended' });
    expect(closes).toEqual([]);
  });

  it('closes every managing municipality from midnight Oslo time, naming who closed it', async () => {
    // Prepare
    const closes: unknown[] = [];
    // Act
    const summary = await closeYear(deps('2026-12-31T23:00:00.000Z', closes), { grantYear: 2026, policy: 'carry_over', actor: 'imdi-1' });
    // Assess
    expect(closes).toEqual([{ tenantId: 'k1', grantYear: 2026, policy: 'carry_over', actor: 'imdi-1', at: '2026-12-31T23:00:00.000Z' }]);
    expect(summary.municipalities[0]).toMatchObject({ tenantId: 'k1', status: 'none' });
  });
});

