import {
  counterDrift,
  countersOf,
  recomputeCounters,
  sameCounters,
  type AggregateCounters,
  type AggregateRepository,
  type CounterDrift,
} from '../aggregates.js';
import type { ApplicationRepository } from '../../applications/ports.js';
import { osloDateOf } from '../../kernel/deadlines.js';
import type { CallRepository } from '../../rounds/ports.js';
import type { Clock } from '../../kernel/ports.js';
import type { TenantRepository } from '../ports.js';
import type { TenantId } from '../../kernel/tenants.js';

/** What {@link reconcileAggregates} needs from the outside world. */
export interface ReconcileAggregatesDeps {
  readonly tenants: TenantRepository;
  readonly calls: CallRepository;
  readonly applications: ApplicationRepository;
  readonly aggregates: Pick<AggregateRepository, 'get' | 'reset'>;
  readonly clock: Clock;
  /** Waits before a repair looks at a drift again (see {@link ReconcileAggregatesOptions.settleMs}). */
  readonly wait?: (ms: number) => Promise<void>;
}

/** What one run checks, and whether it repairs. */
export interface ReconcileAggregatesOptions {
  /**
   * The grant years to check. @default the previous, the current and the next grant year in Oslo
   * time: calls for next year open in the autumn, so its counters are already moving.
   */
  readonly grantYears?: readonly number[];
  /** Overwrite drifting counters with the recomputed ones. @default false (report only) */
  readonly repair?: boolean;
  /**
   * How long a repair waits before it reads a drifting tenant-year again. The round's applications
   * are read from an index, which can lag a moment behind the aggregate; a drift that is only that
   * lag changes (or vanishes) on the second read, and is then left alone. @default 0
   */
  readonly settleMs?: number;
}

/** One tenant-year whose stored counters differ from the recomputed ones; ids and numbers only. */
export interface AggregateDriftReport {
  readonly tenantId: TenantId;
  readonly grantYear: number;
  readonly stored: AggregateCounters;
  readonly recomputed: AggregateCounters;
  /** recomputed − stored, for each counter that differs. */
  readonly drift: CounterDrift;
  /**
   * `reported`: found, not repaired (report-only run). `repaired`: the stored counters now equal
   * the recomputed ones. `changed`: a repair was asked for, but the counters or the applications
   * changed while the run looked at them, so nothing was written; the next run looks again.
   */
  readonly outcome: 'reported' | 'repaired' | 'changed';
}

/** Counts of one run, and each drifting tenant-year for the log. */
export interface ReconcileAggregatesResult {
  readonly grantYears: readonly number[];
  /** Tenant-years looked at: each tenant with at least one round in a checked grant year. */
  readonly checked: number;
  readonly drifting: number;
  readonly repaired: number;
  readonly changed: number;
  readonly drifts: readonly AggregateDriftReport[];
}

/** The grant year an instant falls in, in Oslo time (1 January 00:00 Oslo starts a year). */
export function grantYearAt(now: Date): number {
  return Number(osloDateOf(now).slice(0, 4));
}

/** What a tenant-year looks like right now: the stored counters and the recomputed ones. */
interface Snapshot {
  readonly stored: AggregateCounters;
  readonly recomputed: AggregateCounters;
}

async function snapshot(deps: ReconcileAggregatesDeps, tenantId: TenantId, grantYear: number, roundIds: readonly string[]): Promise<Snapshot> {
  // The aggregate first, then the applications: a submission that commits in between is then in the
  // recomputed counters but not in the stored ones, and the repair's condition sees the stored ones
  // change. Read the other way round, a repair would overwrite that submission's addition.
  const stored = countersOf(await deps.aggregates.get(tenantId, grantYear));
  const rounds = await Promise.all(roundIds.map((roundId) => deps.applications.listSubmittedByRound(tenantId, roundId)));
  return { stored, recomputed: recomputeCounters(rounds.flat()) };
}

/**
 * Reconcile the tenant-year aggregates (the nightly job).
 *
 * Primary course: for each tenant in the register and each of its rounds in the checked grant
 * years, reads the stored aggregate, then the round's applications, and recomputes the counters as
 * the transactions write them ({@link recomputeCounters}). Tenant-years whose counters agree are
 * only counted; each one that drifts is reported with both sets of counters and the difference.
 *
 * Alternatives:
 * - `repair`: after `settleMs`, each drifting tenant-year is read again. If it looks exactly as
 *   before, its counters are overwritten with the recomputed ones by a write that holds only while
 *   the stored counters are still the ones read, so a submission or withdrawal that adds to them at
 *   the same moment is never lost: the write is refused and the tenant-year reported as `changed`.
 *   If it looks different on the second read (the applications or the counters moved), it is
 *   reported as `changed` and left for the next run.
 * - A tenant-year with no aggregate item counts as all zeros; a repair creates the item.
 * - The store fails: the error propagates and the run fails; repairs already written stay, and the
 *   next run checks everything again.
 */
export async function reconcileAggregates(deps: ReconcileAggregatesDeps, options: ReconcileAggregatesOptions = {}): Promise<ReconcileAggregatesResult> {
  const current = grantYearAt(deps.clock());
  const grantYears = [...new Set(options.grantYears ?? [current - 1, current, current + 1])].sort((a, b) => a - b);
  const found: { tenantId: TenantId; grantYear: number; roundIds: string[]; first: Snapshot }[] = [];
  let checked = 0;

  for (const tenant of await deps.tenants.list()) {
    const rounds = await deps.calls.listByTenant(tenant.tenantId);
    for (const grantYear of grantYears) {
      const roundIds = rounds.filter((round) => round.grantYear === grantYear).map((round) => round.roundId);
      if (roundIds.length === 0) continue;
      checked += 1;
      const first = await snapshot(deps, tenant.tenantId, grantYear, roundIds);
      if (!sameCounters(first.stored, first.recomputed)) found.push({ tenantId: tenant.tenantId, grantYear, roundIds, first });
    }
  }

  const drifts: AggregateDriftReport[] = [];
  if (options.repair && found.length > 0 && options.settleMs && deps.wait) await deps.wait(options.settleMs);
  for (const { tenantId, grantYear, roundIds, first } of found) {
    const report = { tenantId, grantYear, stored: first.stored, recomputed: first.recomputed, drift: counterDrift(first.stored, first.recomputed) };
    if (!options.repair) {
      drifts.push({ ...report, outcome: 'reported' });
      continue;
    }
    const second = await snapshot(deps, tenantId, grantYear, roundIds);
    const steady = sameCounters(first.stored, second.stored) && sameCounters(first.recomputed, second.recomputed);
    const outcome = steady ? await deps.aggregates.reset(tenantId, grantYear, second.recomputed, second.stored) : 'changed';
    drifts.push({ ...report, outcome: outcome === 'reset' ? 'repaired' : 'changed' });
  }

  return {
    grantYears,
    checked,
    drifting: drifts.length,
    repaired: drifts.filter((d) => d.outcome === 'repaired').length,
    changed: drifts.filter((d) => d.outcome === 'changed').length,
    drifts,
  };
}
