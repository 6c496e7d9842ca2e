import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CaseEvent, CaseEventReader } from '../../shared/applications/case-events';
import { indexNames } from '../../shared/table';
import { applicationItem } from './entities/application-item';
import { auditEventItem } from './entities/audit-event-item';
import { queryAll } from './query-all';

/** The case timeline from the audit events' `byList` index keys (`<application PK>#EVENTS`). */
export function createCaseEventRepository(db: DynamoDBDocumentClient, tableName: string): CaseEventReader {
  return {
    async listForApplication(tenantId, applicationId) {
      const items = await queryAll(db, {
        TableName: tableName,
        IndexName: indexNames.byList,
        KeyConditionExpression: 'GSI1PK = :events',
        ExpressionAttributeValues: { ':events': auditEventItem.eventsOf(applicationItem.key(tenantId, applicationId).PK) },
        ScanIndexForward: true,
      });
      return items.map((item): CaseEvent => {
        const event = auditEventItem.fromItem(item);
        return {
          eventId: event.eventId,
          at: event.at,
          actor: event.actor,
          machine: event.machine,
          action: event.action,
          ...(event.from === undefined ? {} : { from: event.from }),
          ...(event.to === undefined ? {} : { to: event.to }),
        };
      });
    },
  };
}
