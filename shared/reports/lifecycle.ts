/**
 * A report (rapport) on a grant: due → submitted → approved, or returned for changes and submitted
 * again, as often as needed. Approval needs audited accounts when the grant is at or above the
 * audit threshold.
 */
import type { GuardFailure } from '../kernel/state-machine.js';
import { defineMachine, allowedActions as allowed, transition as move } from '../kernel/state-machine.js';

/** Statuses of a report. */
export const reportStatuses = ['due', 'submitted', 'returned_for_changes', 'approved'] as const;

/** One of {@link reportStatuses}. */
export type ReportStatus = (typeof reportStatuses)[number];

/** What the organisation and the officer can do to a report. */
export type ReportAction = 'submit' | 'approve' | 'return_for_changes';

/** Facts the report guards need. */
export interface ReportContext {
  /** Every required field of the report form is filled in. */
  readonly complete: boolean;
  readonly amountAwarded: number;
  /** From the year's rule set. */
  readonly auditThreshold: number;
  readonly auditedAccountsAttached: boolean;
  /** Written reason, required when returning a report. */
  readonly hasReasons?: boolean;
}

/** The report lifecycle. */
export const reportMachine = defineMachine<ReportStatus, ReportAction, ReportContext>({
  name: 'report',
  states: reportStatuses,
  initial: 'due',
  terminal: ['approved'],
  transitions: [
    {
      from: ['due', 'returned_for_changes'], action: 'submit', to: 'submitted',
      guard: (c) => (c.complete ? undefined : { code: 'report.incomplete', messages: {
        nb: 'Fyll ut alle obligatoriske felt før du sender rapporten.',
        nn: 'Fyll ut alle obligatoriske felt før du sender rapporten.',
        en: 'Fill in every required field before sending the report.',
      } }),
    },
    {
      from: 'submitted', action: 'approve', to: 'approved',
      guard: (c): GuardFailure | undefined => (c.amountAwarded >= c.auditThreshold && !c.auditedAccountsAttached ? { code: 'report.audited_accounts_missing', messages: {
        nb: 'Tilskuddet krever regnskap bekreftet av revisor før rapporten kan godkjennes.',
        nn: 'Tilskotet krev rekneskap stadfesta av revisor før rapporten kan godkjennast.',
        en: 'The grant needs accounts confirmed by an auditor before the report can be approved.',
      } } : undefined),
    },
    {
      from: 'submitted', action: 'return_for_changes', to: 'returned_for_changes',
      guard: (c) => (c.hasReasons ? undefined : { code: 'report.reasons_missing', messages: {
        nb: 'Skriv hva som må endres.', nn: 'Skriv kva som må endrast.', en: 'Write what needs to change.',
      } }),
    },
  ],
});

/** Moves a report; throws `IllegalTransitionError`. */
export function transitionReport(from: ReportStatus, action: ReportAction, context: ReportContext): ReportStatus {
  return move(reportMachine, from, action, context);
}

/** The report actions allowed now. */
export function allowedReportActions(state: ReportStatus, context: ReportContext): ReportAction[] {
  return allowed(reportMachine, state, context);
}
