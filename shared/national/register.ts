/**
 * The tenant register as a history: which municipalities manage the scheme in which year. A change
 * only ever adds a period or ends one, so every year's answer stays as it was given.
 */
import { managesIn, managingPeriodsOf, type ManagingPeriod, type Tenant, type TenantId } from '../kernel/tenants.js';
import { AlreadyManagingError, NotManagingFromError, RetiredBeforeStartError } from './register-errors.js';

/** What a register change did, for its audit event: who, when, which municipality, from which year, periods before and after. */
export interface RegisterEvent {
  readonly eventId: string;
  readonly at: string;
  /** The token's subject. */
  readonly actor: string;
  readonly action: 'add' | 'retire';
  readonly tenantId: TenantId;
  readonly kommunenummer?: string;
  /** The year the municipality manages from (add) or no longer manages from (retire). */
  readonly year: number;
  readonly before: readonly ManagingPeriod[];
  readonly after: readonly ManagingPeriod[];
}

/** A register entry as read, with the version a change of it must still find. */
export interface VersionedTenant {
  readonly tenant: Tenant;
  /** 0 for an entry no register change has written yet. */
  readonly version: number;
}

/** One change of the register: the entry as it is to be, the version it was read at (none: new), and its audit event. */
export interface RegisterChange {
  readonly tenant: Tenant;
  readonly expectedVersion: number | undefined;
  readonly event: RegisterEvent;
}

/** One municipality's line in the register of a year. */
export interface RegisterLine {
  readonly tenant: Tenant;
  readonly periods: ManagingPeriod[];
  readonly managesInYear: boolean;
}

/** Periods as people read them: `2022–2025, 2027–`. */
export function periodsText(periods: readonly ManagingPeriod[]): string {
  return periods.map((period) => `${period.from}–${period.to ?? ''}`).join(', ');
}

/**
 * The register for `year`: every municipality that manages the scheme then, then those that did or
 * will in other years (retired ones stay), each group by name.
 */
export function registerOfYear(tenants: readonly Tenant[], year: number): RegisterLine[] {
  return tenants
    .filter((tenant) => tenant.kind === 'municipality')
    .map((tenant) => ({ tenant, periods: managingPeriodsOf(tenant), managesInYear: managesIn(tenant, year) }))
    .sort((a, b) => Number(b.managesInYear) - Number(a.managesInYear) || a.tenant.name.localeCompare(b.tenant.name, 'nb'));
}

/**
 * The periods after adding `year` on: a new open period. Refused with {@link AlreadyManagingError}
 * when the municipality manages the scheme in `year` or any later year already.
 */
export function periodsAfterAdding(tenant: Tenant, year: number): ManagingPeriod[] {
  const periods = managingPeriodsOf(tenant);
  if (periods.some((period) => period.to === undefined || period.to >= year)) throw new AlreadyManagingError(tenant.name, year);
  return managingPeriodsOf({ managingYears: [], managingPeriods: [...periods, { from: year }] });
}

/**
 * The periods after retiring from `year` on: the period holding `year` ends the year before.
 * Refused when it does not manage the scheme in `year` ({@link NotManagingFromError}: retired
 * already, or never then), or when `year` is its period's first ({@link RetiredBeforeStartError}),
 * which would erase a period instead of ending it.
 */
export function periodsAfterRetiring(tenant: Tenant, year: number): ManagingPeriod[] {
  const periods = managingPeriodsOf(tenant);
  const first = periods[0];
  if (first && year <= first.from) throw new RetiredBeforeStartError(tenant.name, year, first.from);
  const index = periods.findIndex((period) => period.from <= year && (period.to === undefined || year <= period.to));
  const period = periods[index];
  if (!period) throw new NotManagingFromError(tenant.name, year);
  if (year === period.from) throw new RetiredBeforeStartError(tenant.name, year, period.from);
  return periods.map((each, i) => (i === index ? { from: each.from, to: year - 1 } : each));
}

/** The calendar year in Oslo at `now`: the grant year "this year" means. */
export function osloYearOf(now: Date): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Oslo', year: 'numeric' }).format(now));
}
