/**
 * The grant's final report (sluttrapport) as the organisation writes it and the officer reviews it.
 * It is kept on the application item, beside the decision and the answer it follows from, so every
 * guard (the application's status and version) covers it in one conditional write, and the
 * reconcile job recomputes the round's results from the applications alone.
 */
import type { Application, AttachmentRef } from '../applications/application';
import type { AggregateDelta } from '../applications/ports';
import { kroner, ZERO, type Kroner } from '../kernel/money';
import type { SubGoalCode } from '../rules/sub-goals';
import type { ReportStatus } from './lifecycle';

/** One row of the application's cost budget with what was actually spent on it. */
export interface ReportSpendingLine {
  readonly label: string;
  /** What the application's budget said, for comparison. */
  readonly budgeted: Kroner;
  readonly spent: Kroner;
}

/** Participants reached in one of the sub-goals the application was for. */
export interface ParticipantsOfSubGoal {
  readonly subGoal: SubGoalCode;
  readonly participants: number;
}

/** A complete report, as submitted: every field checked, the sums exact to the krone. */
export interface ReportContent {
  readonly whatWasDone: string;
  readonly results: string;
  readonly participants: readonly ParticipantsOfSubGoal[];
  readonly firstTimeParticipants: number;
  readonly volunteerHours: number;
  readonly spending: readonly ReportSpendingLine[];
  /** The total the organisation states; the rows add up to it. */
  readonly totalSpent: Kroner;
  /** The grant not used (awarded − spent, never negative), stated explicitly: it is paid back. */
  readonly unspent: Kroner;
}

/** The officer's request to correct the report, with its message (sent by email as well). */
export interface ReportReturn {
  readonly message: string;
  readonly at: string;
  /** The officer's user id. */
  readonly by: string;
}

/** The report as stored on the application. */
export interface GrantReport {
  readonly status: ReportStatus;
  /** What was typed and saved but not yet submitted, field by field as the form names them. */
  readonly draft?: Readonly<Record<string, string>>;
  readonly savedAt?: string;
  /** The last submitted report. */
  readonly content?: ReportContent;
  /** The auditor's confirmation of the accounts, needed at or above the audit threshold. */
  readonly auditorConfirmation?: AttachmentRef;
  readonly submittedAt?: string;
  /** How often it has been submitted (a returned report is submitted again). */
  readonly submissions: number;
  /** The open request to correct it, while the status is `returned_for_changes`. */
  readonly returned?: ReportReturn;
  /** Earlier requests to correct it, oldest first. */
  readonly returnHistory?: readonly ReportReturn[];
  readonly approvedAt?: string;
  readonly approvedBy?: string;
}

/** The statuses of an application whose grant a report may be written for before the first submission. */
export const reportableStatuses: readonly Application['status'][] = ['accepted', 'paid'];

/** The amount the report accounts for: the grant as decided. */
export function amountAwardedOf(application: Pick<Application, 'decision'>): Kroner {
  return application.decision && application.decision.outcome !== 'reject' ? application.decision.amount : ZERO;
}

/** The grant not used: awarded − spent, never negative (spending above the grant is the organisation's own money). */
export function unspentOf(awarded: Kroner, totalSpent: Kroner): Kroner {
  return totalSpent >= awarded ? ZERO : kroner(awarded - totalSpent);
}

/** Whether the grant is large enough that an auditor must confirm the accounts. */
export function needsAuditorConfirmation(awarded: Kroner, auditThreshold: number): boolean {
  return awarded >= auditThreshold;
}

/**
 * The report of an application, as it stands: the stored one, or a fresh `due` one when the grant
 * has been accepted (or paid) and nothing is saved yet; `undefined` when there is no grant to report on.
 */
export function reportOf(application: Pick<Application, 'status' | 'decision'> & { readonly report?: GrantReport }): GrantReport | undefined {
  if (application.report) return application.report;
  if (reportableStatuses.includes(application.status) && amountAwardedOf(application) > 0) return { status: 'due', submissions: 0 };
  return undefined;
}

/** Whether the organisation may change and submit the report now: before its first submission, or after a return. */
export function mayWriteReport(application: Pick<Application, 'status' | 'decision'> & { readonly report?: GrantReport }): boolean {
  const report = reportOf(application);
  return report?.status === 'due' || report?.status === 'returned_for_changes';
}

/** The counters an approved report adds to the round's results: the grant used and unused add up to the grant. */
export function approvedReportCounters(content: ReportContent, awarded: number): AggregateDelta {
  return {
    reportsApproved: 1,
    participantsReached: content.participants.reduce((total, each) => total + each.participants, 0),
    firstTimeParticipants: content.firstTimeParticipants,
    volunteerHours: content.volunteerHours,
    amountSpent: awarded - content.unspent,
    amountUnspent: content.unspent,
  };
}
