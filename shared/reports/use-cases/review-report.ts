/**
 * The officer reviews a submitted report: approves it, or returns it with a message saying what to
 * correct (the organisation then changes and submits it again). Approval needs the auditor's
 * confirmation at or above the audit threshold (the report machine's guard), moves the application
 * on to `approved`, and adds the report's figures to the round's results (the tenant-year
 * counters) in the same transaction. Both are refused to an officer who declared a conflict of
 * interest, and when two officers act at once exactly one wins; the other hears who did what.
 */
import type { Application } from '../../applications/application';
import { transitionApplication } from '../../applications/lifecycle';
import { ActorRecusedError } from '../../applications/errors';
import { ReportNotAwaitingReviewError } from '../errors';
import { transitionReport } from '../lifecycle';
import type { ComposeReportMessage, ReportDeps } from '../ports';
import { amountAwardedOf, approvedReportCounters, reportOf } from '../report';
import { storeReportChange } from '../report-changes';

/** Longest message to the organisation when returning a report. */
export const MAX_REPORT_RETURN_MESSAGE = 4000;

/** What a review is given. */
export interface ReviewInput {
  readonly application: Application;
  /** The officer's user id. */
  readonly actor: string;
  readonly auditThreshold: number;
  readonly expectedVersion: number;
}

/** Why a review lost: the report was approved or returned meanwhile; a report still waiting (resubmitted since) is a plain change. */
const decidedMeanwhile = (current: Application | undefined) =>
  current?.report?.status === 'submitted' ? undefined : new ReportNotAwaitingReviewError(current?.report?.status);

/** The report under review, or the refusal: recused (403), or nothing submitted to review (409). */
function underReview(input: ReviewInput) {
  const { application, actor } = input;
  if (application.recusedUserIds?.includes(actor)) throw new ActorRecusedError();
  const report = reportOf(application);
  if (report?.status !== 'submitted' || !report.content) throw new ReportNotAwaitingReviewError(report?.status);
  return { report, content: report.content, awarded: amountAwardedOf(application) };
}

/** Approves the report; resolves to the application as stored. */
export async function approveReport(deps: ReportDeps & { readonly composeReportMessage: ComposeReportMessage }, input: ReviewInput): Promise<Application> {
  const { application, actor } = input;
  const { report, content, awarded } = underReview(input);
  const reportStatus = transitionReport(report.status, 'approve', {
    complete: true, amountAwarded: awarded, auditThreshold: input.auditThreshold, auditedAccountsAttached: Boolean(report.auditorConfirmation),
  });
  const now = deps.clock();
  const status = transitionApplication(application.status, 'approve_report', { now, actorRecused: false });
  return storeReportChange(
    deps,
    {
      application, status, action: 'report_approve', actor: `officer:${actor}`, expectedVersion: input.expectedVersion,
      report: { ...report, status: reportStatus, approvedAt: now.toISOString(), approvedBy: actor },
      email: { kind: 'approved', compose: deps.composeReportMessage },
      aggregate: approvedReportCounters(content, awarded),
    },
    decidedMeanwhile,
  );
}

/** Returns the report with `message` (already checked: 1 to {@link MAX_REPORT_RETURN_MESSAGE} characters); resolves to the application as stored. */
export async function returnReport(deps: ReportDeps & { readonly composeReportMessage: ComposeReportMessage }, input: ReviewInput & { readonly message: string }): Promise<Application> {
  const { application, actor } = input;
  const { report, awarded } = underReview(input);
  const reportStatus = transitionReport(report.status, 'return_for_changes', {
    complete: true, amountAwarded: awarded, auditThreshold: input.auditThreshold, auditedAccountsAttached: Boolean(report.auditorConfirmation), hasReasons: input.message.trim() !== '',
  });
  const returned = { message: input.message.trim(), at: deps.clock().toISOString(), by: actor };
  return storeReportChange(
    deps,
    {
      // The application stays `reported`: the report, not the case, goes back for changes.
      application, status: application.status, action: 'report_return', actor: `officer:${actor}`, expectedVersion: input.expectedVersion,
      report: { ...report, status: reportStatus, returned, returnHistory: [...(report.returnHistory ?? []), returned] },
      email: { kind: 'returned', compose: deps.composeReportMessage },
    },
    decidedMeanwhile,
  );
}
