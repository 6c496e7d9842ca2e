/**
 * The arithmetic of reconciling tenant-year aggregates, and the branching of reconcileAggregates
 * with small in-memory stores. The DynamoDB reads, the conditional repair and its race with a real
 * submission are covered by tests/integration/reconcile-aggregates.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  counterDrift,
  recomputeCounters,
  ZERO_COUNTERS,
  type AggregateCounters,
  type AggregateItem,
  type AggregateRepository,
} from '../../shared/national/aggregates';
import type { Application } from '../../shared/applications/application';
import type { AggregateDelta, ApplicationRepository } from '../../shared/applications/ports';
import type { Call } from '../../shared/rounds/call';
import type { ApplicationStatus } from '../../shared/applications/lifecycle';
import type { Kroner } from '../../shared/kernel/money';
import type { CallRepository } from '../../shared/rounds/ports';
import type { TenantRepository } from '../../shared/national/ports';
import type { Tenant, TenantId } from '../../shared/kernel/tenants';
import { grantYearAt, reconcileAggregates } from '../../shared/national/use-cases/reconcile-aggregates';

type Counted = Pick<Application, 'status' | 'budget'>;

function counted(status: ApplicationStatus, amountApplied?: number): Counted {
  return {
    status,
    budget: amountApplied === undefined ? undefined : { costs: [], otherIncome: [], ownContribution: 0 as Kroner, amountApplied: amountApplied as Kroner },
  };
}

describe('recomputeCounters', () => {
  it('counts submitted and later statuses with their amounts, withdrawn ones without, drafts not at all', () => {
    // Prepare
    const applications = [
      counted('draft', 99_000),
      counted('submitted', 50_000),
      counted('under_assessment', 20_000),
      counted('granted', 10_000),
      counted('withdrawn', 70_000),
      counted('submitted'),
    ];

    // Act
    const counters = recomputeCounters(applications);

    // Assess
    expect(counters).toEqual({ ...ZERO_COUNTERS, applicationsSubmitted: 4, applicationsWithdrawn: 1, amountApplied: 80_000 });
  });

  it('gives zeros for a tenant-year without applications', () => {
    expect(recomputeCounters([])).toEqual(ZERO_COUNTERS);
  });
});

describe('counterDrift', () => {
  it('names only the counters that differ, as recomputed minus stored', () => {
    // Prepare
    const stored = { ...ZERO_COUNTERS, applicationsSubmitted: 5, applicationsWithdrawn: 1, amountApplied: 100_000 };
    const recomputed = { ...ZERO_COUNTERS, applicationsSubmitted: 4, applicationsWithdrawn: 1, amountApplied: 130_000 };

    // Act
    const drift = counterDrift(stored, recomputed);

    // Assess
    expect(drift).toEqual({ applicationsSubmitted: -1, amountApplied: 30_000 });
    expect(counterDrift(stored, stored)).toEqual({});
  });

  it('reports drift that brings the stored counters back when added to them', () => {
    fc.assert(
      fc.property(counters(), counters(), (stored, recomputed) => {
        const drift = counterDrift(stored, recomputed);
        for (const name of Object.keys(stored) as (keyof AggregateCounters)[]) {
          expect(stored[name] + (drift[name] ?? 0)).toBe(recomputed[name]);
        }
      }),
    );
  });
});

function counters(): fc.Arbitrary<AggregateCounters> {
  return fc.record({
    applicationsSubmitted: fc.integer({ min: 0, max: 500 }),
    applicationsWithdrawn: fc.integer({ min: 0, max: 500 }),
    amountApplied: fc.integer({ min: 0, max: 50_000_000 }),
    decisionsMade: fc.integer({ min: 0, max: 500 }),
    applicationsGranted: fc.integer({ min: 0, max: 500 }),
    amountAwarded: fc.integer({ min: 0, max: 50_000_000 }),
    grantsAccepted: fc.integer({ min: 0, max: 500 }),
    grantsDeclined: fc.integer({ min: 0, max: 500 }),
    grantsLapsed: fc.integer({ min: 0, max: 500 }),
    amountReturnedUnaccepted: fc.integer({ min: 0, max: 50_000_000 }),
    paymentsRecorded: fc.integer({ min: 0, max: 1_000 }),
    amountPaid: fc.integer({ min: 0, max: 50_000_000 }),
    reportsApproved: fc.integer({ min: 0, max: 500 }),
    participantsReached: fc.integer({ min: 0, max: 100_000 }),
    firstTimeParticipants: fc.integer({ min: 0, max: 100_000 }),
    volunteerHours: fc.integer({ min: 0, max: 100_000 }),
    amountSpent: fc.integer({ min: 0, max: 50_000_000 }),
    amountUnspent: fc.integer({ min: 0, max: 50_000_000 }),
  });
}

describe('recomputed counters against the transactions', () => {
  type Event = { kind: 'submit'; index: number; amount: number } | { kind: 'withdraw'; index: number } | { kind: 'assess'; index: number };
  const event: fc.Arbitrary<Event> = fc.oneof(
    fc.record({ kind: fc.constant('submit' as const), index: fc.nat(9), amount: fc.integer({ min: 0, max: 1_000_000 }) }),
    fc.record({ kind: fc.constant('withdraw' as const), index: fc.nat(9) }),
    fc.record({ kind: fc.constant('assess' as const), index: fc.nat(9) }),
  );

  /** What the use cases add to the aggregate for an event, as submit/withdraw-application do; nothing for a refused one. */
  function apply(application: Counted, e: Event): { next: Counted; delta: AggregateDelta } | undefined {
    if (e.kind === 'submit' && application.status === 'draft') {
      return { next: counted('submitted', e.amount), delta: { applicationsSubmitted: 1, amountApplied: e.amount } };
    }
    if (e.kind === 'withdraw' && application.status === 'submitted') {
      const amount = application.budget?.amountApplied ?? 0;
      return { next: { ...application, status: 'withdrawn' }, delta: { applicationsSubmitted: -1, applicationsWithdrawn: 1, amountApplied: -amount } };
    }
    if (e.kind === 'assess' && application.status === 'submitted') return { next: { ...application, status: 'under_assessment' }, delta: {} };
    return undefined;
  }

  it('equal the fold of the deltas over any sequence of submissions and withdrawals, and never go negative', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 80 }), (events) => {
        // Prepare
        const applications: Counted[] = Array.from({ length: 10 }, () => counted('draft'));
        const folded: AggregateCounters = { ...ZERO_COUNTERS };

        // Act
        for (const e of events) {
          const applied = apply(applications[e.index]!, e);
          if (!applied) continue;
          applications[e.index] = applied.next;
          for (const [name, value] of Object.entries(applied.delta) as [keyof AggregateCounters, number][]) folded[name] += value;
          // Assess (at every step)
          expect(Object.values(folded).every((value) => value >= 0)).toBe(true);
        }

        // Assess
        const recomputed = recomputeCounters(applications);
        expect(recomputed).toEqual(folded);
        expect(Object.values(recomputed).every((value) => value >= 0)).toBe(true);
        expect(counterDrift(folded, recomputed)).toEqual({});
      }),
    );
  });
});

describe('grantYearAt', () => {
  it('follows the Oslo calendar across New Year', () => {
    expect(grantYearAt(new Date('2026-12-31T22:59:59.000Z'))).toBe(2026);
    expect(grantYearAt(new Date('2026-12-31T23:00:00.000Z'))).toBe(2027);
  });
});

/** One tenant with one round per given grant year, its applications and its stored aggregate, in memory. */
function fakeStore(options: { rounds: Record<number, Counted[]>; stored: Record<number, AggregateCounters>; resetAnswer?: 'reset' | 'changed' }) {
  const tenantId = 'k3201' as TenantId;
  const resets: { grantYear: number; counters: AggregateCounters; expected: AggregateCounters }[] = [];
  const reads: number[] = [];
  const tenants = { list: async () => [{ tenantId } as Tenant] } as Pick<TenantRepository, 'list'> as TenantRepository;
  const calls = {
    listByTenant: async () => Object.keys(options.rounds).map((year) => ({ tenantId, roundId: `r${year}`, grantYear: Number(year) }) as Call),
  } as Pick<CallRepository, 'listByTenant'> as CallRepository;
  const applications = {
    listSubmittedByRound: async (_tenant: TenantId, roundId: string) => (options.rounds[Number(roundId.slice(1))] ?? []) as Application[],
  } as Pick<ApplicationRepository, 'listSubmittedByRound'> as ApplicationRepository;
  const aggregates: Pick<AggregateRepository, 'get' | 'reset'> = {
    get: async (_tenant, grantYear) => {
      reads.push(grantYear);
      const stored = options.stored[grantYear];
      return stored ? ({ tenantId, grantYear, ...stored } as AggregateItem) : undefined;
    },
    reset: async (_tenant, grantYear, next, expected) => {
      resets.push({ grantYear, counters: next, expected });
      return options.resetAnswer ?? 'reset';
    },
  };
  return { tenantId, resets, reads, deps: { tenants, calls, applications, aggregates, clock: () => new Date('2027-03-01T12:00:00.000Z') } };
}

describe('reconcileAggregates', () => {
  it('checks the previous, current and next grant year by default and only reports drift', async () => {
    // Prepare
    const { deps, resets, reads } = fakeStore({
      rounds: { 2025: [], 2027: [counted('submitted', 40_000)], 2028: [], 2030: [counted('submitted', 1)] },
      stored: { 2027: { ...ZERO_COUNTERS, applicationsSubmitted: 2, applicationsWithdrawn: 0, amountApplied: 90_000 } },
    });

    // Act
    const result = await reconcileAggregates(deps);

    // Assess
    expect(result.grantYears).toEqual([2026, 2027, 2028]);
    expect(reads.sort()).toEqual([2027, 2028]);
    expect(result).toMatchObject({ checked: 2, drifting: 1, repaired: 0, changed: 0 });
    expect(result.drifts).toEqual([
      {
        tenantId: 'k3201',
        grantYear: 2027,
        stored: { ...ZERO_COUNTERS, applicationsSubmitted: 2, applicationsWithdrawn: 0, amountApplied: 90_000 },
        recomputed: { ...ZERO_COUNTERS, applicationsSubmitted: 1, applicationsWithdrawn: 0, amountApplied: 40_000 },
        drift: { applicationsSubmitted: -1, amountApplied: -50_000 },
        outcome: 'reported',
      },
    ]);
    expect(resets).toEqual([]);
  });

  it('repairs a steady drift with a write that expects the counters it read', async () => {
    // Prepare
    const { deps, resets } = fakeStore({ rounds: { 2027: [counted('withdrawn', 5_000)] }, stored: {} });
    const waited: number[] = [];

    // Act
    const result = await reconcileAggregates({ ...deps, wait: async (ms) => void waited.push(ms) }, { grantYears: [2027], repair: true, settleMs: 250 });

    // Assess
    expect(result).toMatchObject({ checked: 1, drifting: 1, repaired: 1, changed: 0 });
    expect(waited).toEqual([250]);
    expect(resets).toEqual([{ grantYear: 2027, counters: { ...ZERO_COUNTERS, applicationsWithdrawn: 1 }, expected: ZERO_COUNTERS }]);
  });

  it('reports a repair the store refuses as changed meanwhile', async () => {
    // Prepare
    const { deps } = fakeStore({ rounds: { 2027: [counted('submitted', 5_000)] }, stored: {}, resetAnswer: 'changed' });

    // Act
    const result = await reconcileAggregates(deps, { grantYears: [2027], repair: true });

    // Assess
    expect(result).toMatchObject({ drifting: 1, repaired: 0, changed: 1 });
    expect(result.drifts[0]?.outcome).toBe('changed');
  });

  it('leaves a drift alone when the applications look different on the second read', async () => {
    // Prepare: the index shows a submission on the second read that the first read missed
    const rounds: Record<number, Counted[]> = { 2027: [] };
    const stored = { 2027: { ...ZERO_COUNTERS, applicationsSubmitted: 1, applicationsWithdrawn: 0, amountApplied: 7_000 } };
    const { deps, resets } = fakeStore({ rounds, stored });

    // Act
    const result = await reconcileAggregates(
      { ...deps, wait: async () => void (rounds[2027] = [counted('submitted', 7_000)]) },
      { grantYears: [2027], repair: true, settleMs: 1 },
    );

    // Assess
    expect(result).toMatchObject({ drifting: 1, repaired: 0, changed: 1 });
    expect(resets).toEqual([]);
  });
});
