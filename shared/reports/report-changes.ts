/**
 * What every report change has in common: the application written over the status and version it
 * was read with, its audit event (machine `report`) and, when one is sent, the email in the same
 * transaction; and, when someone else changed the application first, the reason in words.
 */
import type { Application } from '../applications/application';
import { ConcurrentChangeError } from '../applications/errors';
import type { AggregateDelta, AuditEntry } from '../applications/ports';
import { messageToApplicant } from '../outbox/outbox';
import type { ReportStatus } from './lifecycle';
import type { ComposeReportMessage, ReportDeps, ReportMessageKind } from './ports';
import type { GrantReport } from './report';

const mailKindOf = { submitted: 'report-receipt', returned: 'report-returned', approved: 'report-approved' } as const;

/** One report change as the use case decided it. */
export interface ReportChange {
  readonly application: Application;
  readonly report: GrantReport;
  /** The application's status after the change (unchanged unless the report moves it on). */
  readonly status: Application['status'];
  /** The audit action, named apart from the application's own (`submit`), so the case timeline tells them apart. */
  readonly action: 'report_save' | 'report_attach' | 'report_submit' | 'report_approve' | 'report_return';
  readonly actor: string;
  readonly expectedVersion: number;
  readonly email?: { readonly kind: ReportMessageKind; readonly compose: ComposeReportMessage };
  readonly aggregate?: AggregateDelta;
}

/**
 * Stores the change; resolves to the application as stored. `whenTaken` names the error to throw
 * when the application changed meanwhile, given the application as it is now, so the loser of two
 * submits or two reviews hears what happened instead of a bare conflict.
 */
export async function storeReportChange(
  deps: ReportDeps,
  change: ReportChange,
  whenTaken?: (current: Application | undefined) => Error | undefined,
): Promise<Application> {
  const { application, report, status, actor } = change;
  const at = deps.clock().toISOString();
  // A version the page was not shown with means someone else changed the report: the same refusal.
  if (change.expectedVersion !== application.version) throw whenTaken?.(application) ?? new ConcurrentChangeError();
  const next: Application = { ...application, report, status, version: application.version + 1, updatedAt: at };
  const from: ReportStatus = application.report?.status ?? 'due';
  const audit: AuditEntry = { eventId: deps.newId(), at, actor, machine: 'report', action: change.action, from, to: report.status };
  const email = change.email;
  const outbox = email
    ? [messageToApplicant(next, mailKindOf[email.kind], email.compose({ kind: email.kind, application: next, report }), { messageId: deps.newId(), createdAt: at })]
    : [];
  try {
    await deps.applications.change({ next, expectedStatus: application.status, audit, outbox, ...(change.aggregate ? { aggregate: change.aggregate } : {}) });
  } catch (error) {
    if (!(error instanceof ConcurrentChangeError) || !whenTaken) throw error;
    const current = await deps.applications.get(application.tenantId, application.applicationId);
    throw whenTaken(current) ?? error;
  }
  return next;
}
