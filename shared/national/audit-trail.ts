/**
 * The audit trail as IMDi reads it: the events of IMDi's own partition and of every managing
 * municipality's (`T#<tenant>#AUDIT`), each partition queried by time, never scanned.
 */
import { z } from 'zod';
import { grantYearStart, startOfOsloDay, addDays, type LocalDate } from '../kernel/deadlines.js';
import type { TenantId } from '../kernel/tenants.js';

/** One recorded change: who, when, what kind of thing, what was done, and for money the figures. */
export interface AuditEntry {
  readonly tenantId: string;
  readonly at: string;
  readonly eventId: string;
  readonly actor: string;
  /** What the event is about: `budget`, `allocation`, `round`, `application`, … */
  readonly kind: string;
  readonly action: string;
  readonly grantYear?: number;
  readonly amount?: number;
  readonly before?: Readonly<Record<string, number>>;
  readonly after?: Readonly<Record<string, number>>;
  readonly from?: string;
  readonly to?: string;
  /** Any other ids the event recorded. */
  readonly details: Readonly<Record<string, string>>;
}

/** A tenant's audit partition, read between two instants (from inclusive, to exclusive). */
export interface AuditTrailRepository {
  list(tenantId: TenantId, range: AuditRange): Promise<AuditEntry[]>;
}

/** Instants as UTC ISO; `to` is exclusive. */
export interface AuditRange {
  readonly from: string;
  readonly to: string;
}

/** The kinds the filter offers; other kinds are listed too when no kind is chosen. */
export const auditKinds = ['budget', 'allocation', 'register', 'rule-set', 'round', 'application'] as const;

const localDate = z.iso.date();

/**
 * The filters of the audit trail. `year`: the calendar year of the events (Oslo time); `from`/`to`:
 * days (Oslo time, both included), which win over `year`; neither: the current year.
 */
export const auditFilterSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  from: localDate.optional(),
  to: localDate.optional(),
  tenantId: z.string().regex(/^[a-z0-9-]{1,40}$/).optional(),
  kind: z.string().regex(/^[a-z-]{1,30}$/).optional(),
});

/** The parsed filters. */
export type AuditFilter = z.infer<typeof auditFilterSchema>;

/** The instants a filter covers. */
export function auditRangeOf(filter: AuditFilter, now: Date): AuditRange {
  if (filter.from || filter.to) {
    const from = filter.from ? startOfOsloDay(filter.from) : grantYearStart(2000);
    const to = filter.to ? startOfOsloDay(addDays(filter.to as LocalDate, 1)) : grantYearStart(2101);
    return { from, to };
  }
  const year = filter.year ?? Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Oslo', year: 'numeric' }).format(now));
  return { from: grantYearStart(year), to: grantYearStart(year + 1) };
}
