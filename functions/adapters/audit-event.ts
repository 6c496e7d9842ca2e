import { keys } from '../../shared/table';

/** An audit event as written next to the change it records. */
export interface AuditEventItem {
  tenantId: string;
  /** Sort key of the item the event is about. */
  entityKey: string;
  eventId: string;
  at: string;
  actor: string;
  machine: 'round' | 'application';
  action: string;
  from?: string;
  to?: string;
  version?: number;
  /** Ids only, never personal data. */
  ids?: Record<string, string>;
}

/** The `Put` of an audit event inside a transaction; the event id makes a retry write it once. */
export function auditEventPut(tableName: string, event: AuditEventItem) {
  const { ids, entityKey, ...fields } = event;
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...keys.auditEvent(event.tenantId, entityKey, event.at, event.eventId),
        entity: 'audit-event',
        ...fields,
        ...ids,
      },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
}
