/**
 * IMDi's national dashboard: for one grant year, each managing municipality's budget position
 * beside its tenant-year counters, and the country's totals. Built from about 41 aggregate items
 * and 41 budget positions a year, never from the applications, so it costs the same for 40
 * applications as for 40 000.
 */
import type { StoredBudgetPosition } from './budget-position';
import type { ManagingMunicipality } from './key-matching';
import { countersOf, type AggregateCounters, type AggregateItem } from './aggregates';

/** The figures of one municipality (or of the whole country) in the dashboard, all whole numbers (kroner or counts). */
export interface DashboardFigures {
  readonly frame: number;
  readonly adminCap: number;
  readonly adminReserved: number;
  readonly applications: number;
  readonly amountApplied: number;
  readonly grants: number;
  readonly amountAwarded: number;
  readonly amountPaid: number;
  /** Awarded money that came back (declined, lapsed, withdrawn or repaid), as the budget position holds it. */
  readonly returned: number;
  readonly carriedOver: number;
  readonly reportsApproved: number;
  readonly participantsReached: number;
  readonly firstTimeParticipants: number;
}

/** The names of {@link DashboardFigures}, in the order the tables and exports list them. */
export const dashboardFigureNames = [
  'frame', 'adminCap', 'adminReserved', 'applications', 'amountApplied', 'grants', 'amountAwarded', 'amountPaid',
  'returned', 'carriedOver', 'reportsApproved', 'participantsReached', 'firstTimeParticipants',
] as const satisfies readonly (keyof DashboardFigures)[];

/** One managing municipality's row. */
export interface DashboardRow extends DashboardFigures {
  readonly tenantId: string;
  readonly name: string;
}

/** The dashboard of one grant year. */
export interface NationalDashboard {
  readonly grantYear: number;
  /** By municipality name. */
  readonly rows: readonly DashboardRow[];
  /** The sum of every row, to the krone. */
  readonly totals: DashboardFigures;
}

/** One municipality's figures from its position (absent before its first frame) and counters (absent before its first application). */
export function figuresOf(position: StoredBudgetPosition | undefined, counters: AggregateCounters): DashboardFigures {
  return {
    frame: position?.frame ?? 0,
    adminCap: position?.adminCap ?? 0,
    adminReserved: position?.adminReserved ?? 0,
    applications: counters.applicationsSubmitted,
    amountApplied: counters.amountApplied,
    grants: counters.applicationsGranted,
    amountAwarded: counters.amountAwarded,
    amountPaid: counters.amountPaid,
    returned: position?.returned ?? 0,
    carriedOver: position?.carriedOver ?? 0,
    reportsApproved: counters.reportsApproved,
    participantsReached: counters.participantsReached,
    firstTimeParticipants: counters.firstTimeParticipants,
  };
}

/** The figure-by-figure sum of `figures`; all zero for none. */
export function sumFigures(figures: readonly DashboardFigures[]): DashboardFigures {
  const total = Object.fromEntries(dashboardFigureNames.map((name) => [name, 0])) as Record<keyof DashboardFigures, number>;
  for (const each of figures) for (const name of dashboardFigureNames) total[name] += each[name];
  return total;
}

/**
 * The year's dashboard: one row per managing municipality, by name (Norwegian order), whether or not
 * it has a position or counters yet; aggregates and positions of tenants not managing the year are left out.
 */
export function nationalDashboard(input: {
  grantYear: number;
  municipalities: readonly Pick<ManagingMunicipality, 'tenantId' | 'name'>[];
  aggregates: readonly AggregateItem[];
  positions: readonly StoredBudgetPosition[];
}): NationalDashboard {
  const counters = new Map(input.aggregates.map((item) => [item.tenantId as string, item]));
  const positions = new Map(input.positions.map((position) => [position.tenantId as string, position]));
  const rows = [...input.municipalities]
    .sort((a, b) => a.name.localeCompare(b.name, 'nb'))
    .map(({ tenantId, name }) => ({ tenantId, name, ...figuresOf(positions.get(tenantId), countersOf(counters.get(tenantId))) }));
  return { grantYear: input.grantYear, rows, totals: sumFigures(rows) };
}
