/**
 * Budget positions against the real DynamoDB Local: every change is a guarded write, so whatever
 * sequence of awards, reservations, returns and corrections reaches the store, and whoever acts at
 * the same moment, the position keeps the rules and equals the pure model of `rules/budget.ts`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBudgetRepository } from '../../functions/adapters/budget-repository';
import { kroner, type Kroner } from '../../shared/kernel/money';
import type { TenantId } from '../../shared/kernel/tenants';
import { correctFrame, emptyPosition, type StoredBudgetPosition } from '../../shared/national/budget-position';
import type { FrameSetting } from '../../shared/national/ports';
import { setAdminReservation } from '../../shared/national/use-cases/set-admin-reservation';
import { adminCostCap, award, available, carryOver, isConsistent, releaseAdmin, reserveAdmin, returnFunds, returnToImdi, type BudgetPosition } from '../../shared/rules/budget';
import type { BudgetOperation } from '../../shared/rules/budget-guards';
import { ruleSetFor } from '../../shared/rules/rule-set-for';
import { freshTenantId, testAdapters, testConfig } from '../support/test-environment';

const config = testConfig();
const adapters = testAdapters(config);
const budget = createBudgetRepository(adapters.db, config.TABLE_NAME);
const rules = ruleSetFor(2027);

function frameSetting(tenantId: TenantId, frame: number, allocationVersion: number): FrameSetting {
  return {
    tenantId, name: `Kommune ${tenantId}`, grantYear: 2027, frame: kroner(frame), adminCap: adminCostCap(rules, kroner(frame)),
    allocationVersion,
  };
}

const modelOf: Record<BudgetOperation, (p: BudgetPosition, amount: Kroner) => ReturnType<typeof award>> = {
  award, reserve_admin: reserveAdmin, release_admin: releaseAdmin, return_funds: returnFunds, return_to_imdi: returnToImdi, carry_over: carryOver,
};

type Step = { kind: 'change'; operation: BudgetOperation; amount: number } | { kind: 'correction'; frame: number };

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('change' as const),
    operation: fc.constantFrom<BudgetOperation>('award', 'award', 'reserve_admin', 'release_admin', 'return_funds', 'return_to_imdi', 'carry_over'),
    amount: fc.integer({ min: 1, max: 40_000 }),
  }),
  fc.record({ kind: fc.constant('correction' as const), frame: fc.integer({ min: 0, max: 150_000 }) }),
);

function countersOf(p: StoredBudgetPosition | BudgetPosition) {
  const { frame, carriedOver, adminCap, adminReserved, awarded, returned, returnedToImdi, carriedForward } = p;
  return { frame, carriedOver, adminCap, adminReserved, awarded, returned, returnedToImdi, carriedForward };
}

describe('budget positions in the store', () => {
  it('keeps committed + admin reservation within frame + carried over − returned to IMDi under any sequence of changes, and equals the pure model', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 120_000 }), fc.array(stepArbitrary, { minLength: 1, maxLength: 10 }), async (frame, steps) => {
        // Prepare: a fresh municipality with its first frame
        const tenantId = freshTenantId('bp');
        await budget.setFrame(frameSetting(tenantId, frame, 1), undefined);
        let model: BudgetPosition = countersOf({ ...emptyPosition(tenantId, 2027), frame: kroner(frame), adminCap: adminCostCap(rules, kroner(frame)) });
        let allocationVersion = 1;

        for (const step of steps) {
          // Act
          const expected = step.kind === 'change'
            ? modelOf[step.operation](model, kroner(step.amount))
            : correctFrame(model, { municipality: tenantId, frame: kroner(step.frame), adminCap: adminCostCap(rules, kroner(step.frame)) });
          const outcome = await (step.kind === 'change'
            ? budget.change(tenantId, 2027, step.operation, kroner(step.amount), 'officer-1')
            : budget.setFrame(frameSetting(tenantId, step.frame, allocationVersion + 1), undefined)
          ).then(() => undefined, (error: { code?: string }) => error.code ?? String(error));

          // Assess
          expect(outcome).toBe(expected.ok ? undefined : expected.error.code);
          if (expected.ok) {
            model = expected.value;
            if (step.kind === 'correction') allocationVersion += 1;
          }
          const stored = (await budget.get(tenantId, 2027))!;
          expect(countersOf(stored)).toEqual(model);
          expect(stored.allocationVersion).toBe(allocationVersion);
          expect(isConsistent(stored)).toBe(true);
          expect(stored.awarded - stored.returned + stored.adminReserved).toBeLessThanOrEqual(stored.frame + stored.carriedOver - stored.returnedToImdi);
        }
      }),
      { numRuns: 20 },
    );
  }, 120_000);

  it('never lets an admin reservation and an award of the last kroner together pass the frame; the loser is told why with the amounts', async () => {
    // Prepare: 100 000 kr frame (cap 5 000), 96 000 already awarded, so 4 000 are left
    const tenantId = freshTenantId('br');
    await budget.setFrame(frameSetting(tenantId, 100_000, 1), undefined);
    await budget.change(tenantId, 2027, 'award', kroner(96_000), 'officer-1');

    // Act: the municipal admin reserves 4 000 while an officer awards 4 000
    const [reservation, awarding] = await Promise.allSettled([
      setAdminReservation({ budget }, { tenantId, grantYear: 2027, amount: 4_000, actor: 'admin-1' }),
      budget.change(tenantId, 2027, 'award', kroner(4_000), 'officer-1'),
    ]);

    // Assess
    const stored = (await budget.get(tenantId, 2027))!;
    expect(available(stored)).toBe(0);
    expect(stored.awarded + stored.adminReserved).toBe(100_000);
    const refused = [reservation, awarding].filter((result) => result.status === 'rejected');
    expect(refused).toHaveLength(1);
    const error = (refused[0] as PromiseRejectedResult).reason as { code: string; details: Record<string, number> };
    expect(error.code).toBe('budget.insufficient_funds');
    expect(error.details).toEqual({ amount: 4_000, available: 0 });
  });

  it('refuses an admin reservation above the cap and names the cap', async () => {
    // Prepare
    const tenantId = freshTenantId('bc');
    await budget.setFrame(frameSetting(tenantId, 702_897, 1), undefined);

    // Act
    const attempt = setAdminReservation({ budget }, { tenantId, grantYear: 2027, amount: 35_146, actor: 'admin-1' });

    // Assess
    await expect(attempt).rejects.toMatchObject({ code: 'budget.admin_cap_exceeded', details: { cap: 35_145 } });
    expect((await setAdminReservation({ budget }, { tenantId, grantYear: 2027, amount: 35_145, actor: 'admin-1' })).adminReserved).toBe(35_145);
  });

  it('refuses a change before the year has a frame', async () => {
    // Act
    const attempt = budget.change(freshTenantId('bn'), 2027, 'award', kroner(1), 'officer-1');

    // Assess
    await expect(attempt).rejects.toMatchObject({ code: 'budget.not_open' });
  });
});
