import type { TenantId } from '../../../shared/kernel/tenants';
import { tenantPrefix } from '../../../shared/table';
import type { Item, ItemKey } from './item';

/** An audit event as written next to the change it records. */
export interface AuditEvent {
  tenantId: TenantId;
  /** Key of the item the event is about. */
  entityKey: string;
  eventId: string;
  at: string;
  actor: string;
  machine: 'round' | 'application' | 'assessment' | 'decision' | 'allocation' | 'register' | 'rule-set' | 'budget' | 'standard-texts';
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

/** A tenant's audit trail is one partition in order of time; the event id keeps equal instants apart. */
export const auditEventItem = {
  key: (tenantId: TenantId, at: string, eventId: string): ItemKey => ({ PK: auditEventItem.partitionOf(tenantId), SK: `${at}#${eventId}` }),
  partitionOf: (tenantId: TenantId) => `${tenantPrefix(tenantId)}AUDIT`,
  toItem(event: AuditEvent): Item {
    const { ids, ...fields } = event;
    return { ...auditEventItem.key(event.tenantId, event.at, event.eventId), entity: 'audit-event', ...fields, ...ids };
  },
};
