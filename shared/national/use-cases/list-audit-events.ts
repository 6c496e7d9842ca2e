import type { Clock } from '../../kernel/ports.js';
import { NATIONAL_TENANT_ID, type TenantId } from '../../kernel/tenants.js';
import { auditRangeOf, type AuditEntry, type AuditFilter, type AuditRange, type AuditTrailRepository } from '../audit-trail.js';
import type { TenantRepository } from '../ports.js';

/** What {@link listAuditEvents} needs. */
export interface ListAuditEventsDeps {
  readonly tenants: Pick<TenantRepository, 'list'>;
  readonly auditTrail: AuditTrailRepository;
  readonly clock: Clock;
}

/** The events found, newest first, and the range they were read from. */
export interface AuditListing {
  readonly range: AuditRange;
  readonly events: readonly AuditEntry[];
  /** More events matched than are listed; narrow the filter. */
  readonly truncated: boolean;
}

/** The most events one listing holds. */
export const AUDIT_LISTING_LIMIT = 1000;

/**
 * IMDi reads the audit trail.
 *
 * Primary course: the events in the filter's time range (a year, a date range, or this year) from
 * IMDi's own audit partition and every registered tenant's, one query per partition by time, then
 * narrowed to a municipality and a kind; newest first.
 *
 * Alternatives:
 * - A municipality chosen: only its partition is read.
 * - More than {@link AUDIT_LISTING_LIMIT} events: the newest are listed and `truncated` is set.
 */
export async function listAuditEvents(deps: ListAuditEventsDeps, filter: AuditFilter): Promise<AuditListing> {
  const range = auditRangeOf(filter, deps.clock());
  const tenantIds: TenantId[] = filter.tenantId
    ? [filter.tenantId as TenantId]
    : [...new Set([NATIONAL_TENANT_ID, ...(await deps.tenants.list()).map((tenant) => tenant.tenantId)])];
  const lists = await Promise.all(tenantIds.map((tenantId) => deps.auditTrail.list(tenantId, range)));
  const events = lists
    .flat()
    .filter((event) => !filter.kind || event.kind === filter.kind)
    .sort((a, b) => b.at.localeCompare(a.at) || b.eventId.localeCompare(a.eventId));
  return { range, events: events.slice(0, AUDIT_LISTING_LIMIT), truncated: events.length > AUDIT_LISTING_LIMIT };
}
