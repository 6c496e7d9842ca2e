import type { Application } from '../../shared/applications/application';
import type { AuditEntry } from '../../shared/applications/ports';
import { applicationItem } from './entities/application-item';
import { auditEventItem } from './entities/audit-event-item';
import { concurrencyGuard, putNew, type Change } from './unit-of-work';

/**
 * The writes every later step of a case (decision, answer, payment) makes to its application: the
 * application itself, guarded, and its event on the case timeline.
 */

/** The application's event on the case timeline: keyed by the application item's PK, with its ids. */
export function applicationAudit(application: Application, entry: AuditEntry, machine: NonNullable<AuditEntry['machine']>): Change {
  return putNew(
    auditEventItem.toItem({
      tenantId: application.tenantId,
      entityKey: applicationItem.key(application.tenantId, application.applicationId).PK,
      machine,
      version: application.version,
      ids: { applicationId: application.applicationId, roundId: application.roundId },
      ...entry,
    }),
  );
}

/** The application's write, only over the status and version it was read with (and `extra`, a further condition). */
export function guardedApplication(next: Application, expectedStatus: Application['status'], extra?: string): Change {
  return {
    type: 'put',
    item: applicationItem.toItem(next),
    condition: {
      expression: ['#status = :expectedStatus AND #version = :expectedVersion', ...(extra ? [extra] : [])].join(' AND '),
      names: { '#status': 'status', '#version': 'version' },
      values: { ':expectedStatus': expectedStatus, ':expectedVersion': next.version - 1 },
      guard: concurrencyGuard,
    },
  };
}
