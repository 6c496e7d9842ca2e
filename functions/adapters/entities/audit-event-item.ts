import type { TenantId } from '../../../shared/kernel/tenants';
import { tenantPrefix } from '../../../shared/table';
import { withoutPlacement, type Item, type ItemKey } from './item';

/** An audit event as written next to the change it records. */
export interface AuditEvent {
  tenantId: TenantId;
  /** Key of the item the event is about. */
  entityKey: string;
  eventId: string;
  at: string;
  actor: string;
  machine: 'round' | 'application' | 'assessment' | 'decision' | 'allocation' | 'register' | 'rule-set' | 'budget' | 'standard-texts' | 'staff' | 'payment' | 'report' | 'appeal' | 'year-report';
  action: string;
  from?: string;
  to?: string;
  version?: number;
  /** Ids only, never personal data. */
  ids?: Record<string, string>;
  /** A budget change: the grant year, the amount, and the position's figures before and after. */
  grantYear?: number;
  amount?: number;
  before?: Record<string, number>;
  after?: Record<string, number>;
}

/**
 * A tenant's audit trail is one partition in order of time; the event id keeps equal instants apart.
 *
 * An event about an application (its `entityKey` is the application item's PK, `T#<t>#APP#<id>`)
 * is also placed in the `byList` index under `<entityKey>#EVENTS`, sorted the same way, so the case
 * timeline reads one application's events with one Query, whichever repository wrote them. The
 * index partition starts with the tenant prefix, so the officer session role may query it.
 */
export const auditEventItem = {
  key: (tenantId: TenantId, at: string, eventId: string): ItemKey => ({ PK: auditEventItem.partitionOf(tenantId), SK: `${at}#${eventId}` }),
  partitionOf: (tenantId: TenantId) => `${tenantPrefix(tenantId)}AUDIT`,
  /** The `byList` partition of the events about one entity (an application). */
  eventsOf: (entityKey: string) => `${entityKey}#EVENTS`,
  /** Index keys of an event about an application; none for events about anything else. */
  indexKeys(event: Pick<AuditEvent, 'tenantId' | 'entityKey' | 'at' | 'eventId'>): Item {
    if (!event.entityKey.startsWith(`${tenantPrefix(event.tenantId)}APP#`)) return {};
    return { GSI1PK: auditEventItem.eventsOf(event.entityKey), GSI1SK: `${event.at}#${event.eventId}` };
  },
  toItem(event: AuditEvent): Item {
    const { ids, ...fields } = event;
    return { ...auditEventItem.key(event.tenantId, event.at, event.eventId), ...auditEventItem.indexKeys(event), entity: 'audit-event', ...fields, ...ids };
  },
  /** The event as stored, its placement attributes left out (its ids stay flat beside the fields). */
  fromItem(item: Item): AuditEvent & Record<string, unknown> {
    return withoutPlacement(item) as unknown as AuditEvent & Record<string, unknown>;
  },
};
