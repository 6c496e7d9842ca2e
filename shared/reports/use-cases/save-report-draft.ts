/**
 * The organisation saves what it has typed of the report so far, to come back to it later with the
 * link from its email (the status page's session). Nothing is checked but length: a draft may be
 * half done. Saved over the version the page was shown with, so two tabs never overwrite each other.
 */
import type { Application } from '../../applications/application';
import { ReportNotOpenError } from '../errors';
import type { ReportDeps } from '../ports';
import { mayWriteReport, reportOf } from '../report';
import type { ReportFormInput } from '../report-form';
import { storeReportChange } from '../report-changes';

/** Saves the draft; resolves to the application as stored. */
export async function saveReportDraft(deps: ReportDeps, input: { application: Application; values: ReportFormInput; expectedVersion: number }): Promise<Application> {
  const { application } = input;
  const report = reportOf(application);
  if (!report || !mayWriteReport(application)) throw new ReportNotOpenError();
  return storeReportChange(deps, {
    application, status: application.status, action: 'report_save', actor: `applicant:${application.applicationId}`, expectedVersion: input.expectedVersion,
    report: { ...report, draft: input.values, savedAt: deps.clock().toISOString() },
  });
}
