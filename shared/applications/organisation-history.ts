/**
 * The same organisation's earlier applications in this municipality, for screening: what it applied
 * for before, how that went, and whether last year's grant still lacks an approved report after
 * its reporting deadline (which the officer weighs before granting again).
 */
import type { Application } from './application';
import type { ApplicationStatus } from './lifecycle';

/** Statuses of a granted application whose report is not (yet) approved. */
const grantedWithoutApprovedReport: readonly ApplicationStatus[] = ['granted', 'partly_granted', 'accepted', 'paid', 'reported', 'repayment_claimed'];

/** Statuses that count as reported and approved (reports come later; `closed` follows an approval). */
export const reportApprovedStatuses: readonly ApplicationStatus[] = ['approved', 'closed'];

/** The organisation's other applications here, newest first; drafts are the applicant's own and left out. */
export function earlierApplications(current: Pick<Application, 'applicationId'>, applications: readonly Application[]): Application[] {
  return applications
    .filter((each) => each.applicationId !== current.applicationId && each.status !== 'draft')
    .sort((a, b) => b.grantYear - a.grantYear || (b.submittedAt ?? b.createdAt).localeCompare(a.submittedAt ?? a.createdAt));
}

/**
 * Last year's granted applications of the organisation that have no approved report although the
 * reporting deadline their decision states has passed at `now`. A grant without a recorded
 * deadline is not flagged: nothing says the report is late.
 */
export function overdueReports(current: Pick<Application, 'grantYear'>, earlier: readonly Application[], now: Date | string): Application[] {
  const instant = typeof now === 'string' ? now : now.toISOString();
  return earlier.filter(
    (each) =>
      each.grantYear === current.grantYear - 1 &&
      grantedWithoutApprovedReport.includes(each.status) &&
      each.decision?.reportingDeadline !== undefined &&
      each.decision.reportingDeadline < instant,
  );
}
