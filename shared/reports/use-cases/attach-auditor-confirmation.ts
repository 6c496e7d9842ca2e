/**
 * The organisation attaches the auditor's confirmation of the accounts to its report (one file;
 * a new one replaces the old). The file is stored first by the caller; this records it.
 */
import type { Application, AttachmentRef } from '../../applications/application';
import { ReportNotOpenError } from '../errors';
import type { ReportDeps } from '../ports';
import { mayWriteReport, reportOf } from '../report';
import { storeReportChange } from '../report-changes';

/** Records the attachment; resolves to the application as stored and the file it replaced, for the caller to delete. */
export async function attachAuditorConfirmation(
  deps: ReportDeps,
  input: { application: Application; file: AttachmentRef; expectedVersion: number },
): Promise<{ stored: Application; replaced?: AttachmentRef }> {
  const { application } = input;
  const report = reportOf(application);
  if (!report || !mayWriteReport(application)) throw new ReportNotOpenError();
  const stored = await storeReportChange(deps, {
    application, status: application.status, action: 'report_attach', actor: `applicant:${application.applicationId}`, expectedVersion: input.expectedVersion,
    report: { ...report, auditorConfirmation: input.file },
  });
  return { stored, ...(report.auditorConfirmation ? { replaced: report.auditorConfirmation } : {}) };
}
