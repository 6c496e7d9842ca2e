/**
 * The organisation submits its final report: once, when it is due, and again after the municipality
 * returns it for changes. The first submission moves the application on to `reported` (from
 * `accepted` or `paid`; the payout is left as it is). The report, its audit event and the receipt
 * email are one transaction.
 *
 * Alternatives: no report to submit (`report.not_open`), submitted already, also by the loser of two
 * clicks at once (`report.already_submitted`), no auditor's confirmation for a grant at or above the
 * audit threshold (`report.auditor_confirmation_missing`).
 */
import type { Application } from '../../applications/application';
import { transitionApplication } from '../../applications/lifecycle';
import { kroner } from '../../kernel/money';
import { AuditorConfirmationMissingError, ReportAlreadySubmittedError, ReportNotOpenError } from '../errors';
import { transitionReport } from '../lifecycle';
import type { ComposeReportMessage, ReportDeps } from '../ports';
import { amountAwardedOf, mayWriteReport, needsAuditorConfirmation, reportOf, type ReportContent } from '../report';
import { storeReportChange } from '../report-changes';

/** Submits the report; resolves to the application as stored. */
export async function submitReport(
  deps: ReportDeps & { readonly composeReportMessage: ComposeReportMessage },
  input: { application: Application; content: ReportContent; auditThreshold: number; expectedVersion: number },
): Promise<Application> {
  const { application } = input;
  const report = reportOf(application);
  const alreadySubmitted = (current: Application | undefined) => (current?.report?.status === 'submitted' || current?.report?.status === 'approved' ? new ReportAlreadySubmittedError() : undefined);
  if (!report) throw new ReportNotOpenError();
  if (!mayWriteReport(application)) throw alreadySubmitted(application) ?? new ReportNotOpenError();
  const awarded = amountAwardedOf(application);
  const needsAuditor = needsAuditorConfirmation(awarded, input.auditThreshold);
  if (needsAuditor && !report.auditorConfirmation) throw new AuditorConfirmationMissingError(kroner(input.auditThreshold));
  const reportStatus = transitionReport(report.status, 'submit', {
    complete: true, amountAwarded: awarded, auditThreshold: input.auditThreshold, auditedAccountsAttached: Boolean(report.auditorConfirmation),
  });
  const now = deps.clock();
  const status = application.status === 'reported' ? application.status : transitionApplication(application.status, 'report', { now });
  const { draft: _submittedDraft, returned: _answered, ...kept } = report;
  return storeReportChange(
    deps,
    {
      application, status, action: 'report_submit', actor: `applicant:${application.applicationId}`, expectedVersion: input.expectedVersion,
      report: { ...kept, status: reportStatus, content: input.content, submittedAt: now.toISOString(), submissions: report.submissions + 1 },
      email: { kind: 'submitted', compose: deps.composeReportMessage },
    },
    alreadySubmitted,
  );
}
