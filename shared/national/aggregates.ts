/**
 * The tenant-year aggregate: one tenant's counters for one grant year. Every change to an
 * application adds to them in its own transaction (`AggregateDelta`), so the national roll-up reads
 * about 41 of these items a year instead of the applications. The reconcile job recomputes them
 * from the applications with {@link recomputeCounters} and reports any {@link counterDrift}.
 */
import { z } from 'zod';
import type { Application } from '../applications/application';
import { amountAwardedOf, approvedReportCounters } from '../reports/report';
import { tenantIdSchema, type TenantId } from '../kernel/tenants';

/** Names of the counters, in the order reports list them. */
export const counterNames = [
  'applicationsSubmitted', 'applicationsWithdrawn', 'amountApplied',
  'decisionsMade', 'applicationsGranted', 'amountAwarded',
  'grantsAccepted', 'grantsDeclined', 'grantsLapsed', 'amountReturnedUnaccepted',
  'paymentsRecorded', 'amountPaid',
  'reportsApproved', 'participantsReached', 'firstTimeParticipants', 'volunteerHours', 'amountSpent', 'amountUnspent',
] as const;

/** One counter of the tenant-year aggregate. */
export type CounterName = (typeof counterNames)[number];

/** The counters of one tenant-year; a counter that was never added to is 0. */
export type AggregateCounters = Record<CounterName, number>;

/**
 * The aggregate item as stored. A counter is absent until the first `ADD` reaches it, so absent
 * means 0; counters are whole numbers (kroner for `amountApplied`).
 */
export const aggregateItemSchema = z.object({
  tenantId: tenantIdSchema,
  grantYear: z.number().int(),
  applicationsSubmitted: z.number().int().default(0),
  applicationsWithdrawn: z.number().int().default(0),
  amountApplied: z.number().int().default(0),
  /** Decisions signed, those that granted money (fully or partly), and the kroner awarded. */
  decisionsMade: z.number().int().default(0),
  applicationsGranted: z.number().int().default(0),
  amountAwarded: z.number().int().default(0),
  grantsAccepted: z.number().int().default(0),
  grantsDeclined: z.number().int().default(0),
  grantsLapsed: z.number().int().default(0),
  /** Kroner of grants declined or lapsed, which went back to the municipality's available budget. */
  amountReturnedUnaccepted: z.number().int().default(0),
  /** Instalments recorded for payment, and their kroner. */
  paymentsRecorded: z.number().int().default(0),
  amountPaid: z.number().int().default(0),
  /** The round's results, from approved final reports only: how many, whom they reached, and the grant used and unused (kroner). */
  reportsApproved: z.number().int().default(0),
  participantsReached: z.number().int().default(0),
  firstTimeParticipants: z.number().int().default(0),
  volunteerHours: z.number().int().default(0),
  amountSpent: z.number().int().default(0),
  amountUnspent: z.number().int().default(0),
});

/** An aggregate as read from the store. */
export type AggregateItem = z.infer<typeof aggregateItemSchema>;

/** Counters of a tenant-year that has none yet. */
export const ZERO_COUNTERS: AggregateCounters = Object.freeze(Object.fromEntries(counterNames.map((name) => [name, 0])) as AggregateCounters);

/** Just the counters of an item (or zeros when there is no item). */
export function countersOf(item: AggregateItem | undefined): AggregateCounters {
  if (!item) return { ...ZERO_COUNTERS };
  return Object.fromEntries(counterNames.map((name) => [name, item[name]])) as AggregateCounters;
}

/**
 * The counters as the transactions write them, from a tenant-year's applications: submitting adds
 * one application and its amount; withdrawing moves it from submitted to withdrawn and takes the
 * amount off again. Later statuses (assessment, decisions, payment) leave these counters alone, so
 * an application counts as submitted from submission on, unless it is withdrawn. A signed decision
 * counts once, with the amount it awarded. A grant's answer
 * (accepted, declined, or lapsed at its deadline) counts once, whatever happens to the case later;
 * a declined or lapsed grant's amount went back to the budget. Each recorded instalment counts once
 * with its amount (the application's payout). An approved final report adds its figures once,
 * whatever happens to the case later. Drafts count for nothing; callers may pass them.
 */
export function recomputeCounters(applications: readonly (Pick<Application, 'status' | 'budget' | 'acceptance' | 'decision'> & Partial<Pick<Application, 'report' | 'payout'>>)[]): AggregateCounters {
  const counters = { ...ZERO_COUNTERS };
  for (const application of applications) {
    if (application.status === 'draft') continue;
    if (application.status === 'withdrawn') {
      counters.applicationsWithdrawn += 1;
    } else {
      counters.applicationsSubmitted += 1;
      counters.amountApplied += application.budget?.amountApplied ?? 0;
    }
    const decision = application.decision;
    if (decision) {
      counters.decisionsMade += 1;
      if (decision.outcome !== 'reject') {
        counters.applicationsGranted += 1;
        counters.amountAwarded += decision.amount;
      }
    }
    const answer = application.acceptance?.outcome;
    if (answer) counters[grantAnswerCounters[answer] as CounterName] += 1;
    if (answer === 'declined' || answer === 'lapsed') counters.amountReturnedUnaccepted += application.decision?.amount ?? 0;
    counters.paymentsRecorded += application.payout?.paidInstalments.length ?? 0;
    counters.amountPaid += application.payout?.amountPaid ?? 0;
    const report = application.report;
    if (report?.status === 'approved' && report.content) {
      for (const [name, value] of Object.entries(approvedReportCounters(report.content, amountAwardedOf(application)))) counters[name as CounterName] += value ?? 0;
    }
  }
  return counters;
}

/** The counter each answer to a grant adds one to. */
export const grantAnswerCounters = { accepted: 'grantsAccepted', declined: 'grantsDeclined', lapsed: 'grantsLapsed' } as const satisfies Record<string, CounterName>;

/** How far the stored counters are off: recomputed − stored, for the counters that differ only. */
export type CounterDrift = Partial<Record<CounterName, number>>;

/** The drift of `stored` against `recomputed`; empty when they agree. */
export function counterDrift(stored: AggregateCounters, recomputed: AggregateCounters): CounterDrift {
  const drift: CounterDrift = {};
  for (const name of counterNames) {
    const difference = recomputed[name] - stored[name];
    if (difference !== 0) drift[name] = difference;
  }
  return drift;
}

/** Whether two sets of counters are equal. */
export function sameCounters(a: AggregateCounters, b: AggregateCounters): boolean {
  return counterNames.every((name) => a[name] === b[name]);
}

/** The store of tenant-year aggregates, as the reconcile job needs it. */
export interface AggregateRepository {
  /** The aggregate of one tenant-year, read consistently; `undefined` when nothing was ever added. */
  get(tenantId: TenantId, grantYear: number): Promise<AggregateItem | undefined>;
  /** Every tenant's aggregate of one grant year (one query of the year's index partition, about 41 items). */
  listYear(grantYear: number): Promise<AggregateItem[]>;
  /**
   * Overwrites the counters with `counters` if the stored counters still equal `expected` (absent
   * counters, or no item, count as 0). Resolves to `'changed'`, writing nothing, when they do not:
   * a change added to them since they were read, and overwriting would lose its addition.
   */
  reset(tenantId: TenantId, grantYear: number, counters: AggregateCounters, expected: AggregateCounters): Promise<'reset' | 'changed'>;
}
