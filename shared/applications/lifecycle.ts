/**
 * An application (søknad):
 *
 *   draft → submitted → withdrawn
 *                     → under_assessment → granted | partly_granted | rejected
 *   submitted | under_assessment → returned (for more information) → under_assessment (resubmitted)
 *   granted | partly_granted → accepted → paid → reported → approved | repayment_claimed → closed
 *   accepted → reported (the final report may come before the payment is recorded)
 *   granted | partly_granted → declined (by the organisation) | lapsed (not accepted by the deadline)
 *
 * An appeal that is reversed (omgjøring) reopens the assessment of a rejected or partly granted
 * application. Guards hold the rules a button must not bypass: the deadline, conflicts of interest
 * (fvl. § 6), the amount relation that distinguishes granted from partly granted.
 */
import { isBeforeDeadline } from '../kernel/deadlines.js';
import type { GuardFailure } from '../kernel/state-machine.js';
import { defineMachine, allowedActions as allowed, transition as move } from '../kernel/state-machine.js';

/** Statuses of an application. */
export const applicationStatuses = [
  'draft', 'submitted', 'withdrawn', 'under_assessment', 'returned', 'granted', 'partly_granted', 'rejected',
  'accepted', 'paid', 'reported', 'approved', 'repayment_claimed', 'closed', 'declined', 'lapsed',
] as const;

/** One of {@link applicationStatuses}. */
export type ApplicationStatus = (typeof applicationStatuses)[number];

/** What an applicant, officer or job can do to an application. */
export type ApplicationAction =
  | 'submit' | 'withdraw' | 'start_assessment' | 'return_to_applicant' | 'resubmit' | 'grant' | 'grant_partly' | 'reject' | 'reopen'
  | 'accept' | 'decline' | 'lapse' | 'pay' | 'report' | 'approve_report' | 'claim_repayment' | 'close';

/** Facts the application guards need. Fields a given action does not use may be omitted. */
export interface ApplicationContext {
  readonly now: Date | string;
  /** The round's application deadline. */
  readonly deadline?: string;
  /** Whether the round is open (status `open`). */
  readonly roundOpen?: boolean;
  /** Whether eligibility screening found anything blocking; submission is allowed either way, granting is not. */
  readonly hasBlockingFindings?: boolean;
  readonly amountAppliedFor?: number;
  /** The amount the officer proposes to award. */
  readonly amountAwarded?: number;
  /** The acting officer has declared a conflict of interest in this case. */
  readonly actorRecused?: boolean;
  /** A reversed appeal exists for the decision. */
  readonly appealReversed?: boolean;
  /** The repayment claim has been paid or written off. */
  readonly repaymentSettled?: boolean;
}

const recused: GuardFailure = {
  code: 'application.actor_recused',
  messages: {
    nb: 'Du har meldt deg inhabil i denne saken og kan ikke behandle den.',
    nn: 'Du har meldt deg inhabil i denne saka og kan ikkje handsame ho.',
    en: 'You have declared a conflict of interest in this case and cannot handle it.',
  },
};

function notRecused(c: ApplicationContext): GuardFailure | undefined {
  return c.actorRecused ? recused : undefined;
}

function decisionGuard(kind: 'grant' | 'grant_partly'): (c: ApplicationContext) => GuardFailure | undefined {
  return (c) => {
    if (c.actorRecused) return recused;
    if (c.hasBlockingFindings) return { code: 'application.not_eligible', messages: {
      nb: 'Søknaden oppfyller ikke vilkårene og kan ikke innvilges.',
      nn: 'Søknaden oppfyller ikkje vilkåra og kan ikkje innvilgast.',
      en: 'The application does not meet the conditions and cannot be granted.',
    } };
    const applied = c.amountAppliedFor ?? 0;
    const awarded = c.amountAwarded ?? 0;
    const fits = kind === 'grant' ? awarded === applied && awarded > 0 : awarded > 0 && awarded < applied;
    if (fits) return undefined;
    return kind === 'grant'
      ? { code: 'application.grant_amount_differs', messages: {
          nb: 'Full innvilgelse krever at beløpet er det samme som det er søkt om.',
          nn: 'Full innvilging krev at beløpet er det same som det er søkt om.',
          en: 'A full grant must be for the amount applied for.',
        } }
      : { code: 'application.partial_amount_out_of_range', messages: {
          nb: 'Delvis innvilgelse må være mer enn 0 kr og mindre enn beløpet det er søkt om.',
          nn: 'Delvis innvilging må vere meir enn 0 kr og mindre enn beløpet det er søkt om.',
          en: 'A partial grant must be more than 0 and less than the amount applied for.',
        } };
  };
}

/** The application lifecycle. */
export const applicationMachine = defineMachine<ApplicationStatus, ApplicationAction, ApplicationContext>({
  name: 'application',
  states: applicationStatuses,
  initial: 'draft',
  terminal: ['withdrawn', 'closed', 'declined', 'lapsed'],
  transitions: [
    {
      from: 'draft', action: 'submit', to: 'submitted',
      guard: (c) => {
        if (c.roundOpen === false) return { code: 'application.round_not_open', messages: {
          nb: 'Utlysningen er ikke åpen for søknader.', nn: 'Utlysinga er ikkje open for søknader.', en: 'The call is not open for applications.',
        } };
        if (c.deadline !== undefined && !isBeforeDeadline(c.now, c.deadline)) return { code: 'application.deadline_passed', messages: {
          nb: 'Søknadsfristen er ute.', nn: 'Søknadsfristen er ute.', en: 'The application deadline has passed.',
        } };
        return undefined;
      },
    },
    { from: ['submitted', 'returned'], action: 'withdraw', to: 'withdrawn' },
    { from: 'submitted', action: 'start_assessment', to: 'under_assessment', guard: notRecused },
    // Returning asks the organisation for more information or a correction; its answer goes back to
    // assessment, not to the queue, because the case is already being handled.
    { from: ['submitted', 'under_assessment'], action: 'return_to_applicant', to: 'returned', guard: notRecused },
    { from: 'returned', action: 'resubmit', to: 'under_assessment' },
    { from: 'under_assessment', action: 'grant', to: 'granted', guard: decisionGuard('grant') },
    { from: 'under_assessment', action: 'grant_partly', to: 'partly_granted', guard: decisionGuard('grant_partly') },
    { from: 'under_assessment', action: 'reject', to: 'rejected', guard: notRecused },
    {
      from: ['rejected', 'partly_granted'], action: 'reopen', to: 'under_assessment',
      guard: (c) => (c.appealReversed ? undefined : { code: 'application.no_reversed_appeal', messages: {
        nb: 'Et vedtak kan bare åpnes igjen når en klage er tatt til følge.',
        nn: 'Eit vedtak kan berre opnast att når ei klage er teken til følgje.',
        en: 'A decision can only be reopened when an appeal has been upheld by reversal.',
      } }),
    },
    { from: ['granted', 'partly_granted'], action: 'accept', to: 'accepted' },
    // A grant the organisation turns down, or does not accept in time, ends the case; its money goes
    // back to the municipality in the same transaction (shared/decisions/acceptance.ts).
    { from: ['granted', 'partly_granted'], action: 'decline', to: 'declined' },
    { from: ['granted', 'partly_granted'], action: 'lapse', to: 'lapsed' },
    { from: 'accepted', action: 'pay', to: 'paid' },
    // The report may come before the payment is recorded (a grant paid outside Fordel, or paid late);
    // `accepted → paid` stays for payments recorded before the report.
    { from: ['accepted', 'paid'], action: 'report', to: 'reported' },
    { from: 'reported', action: 'approve_report', to: 'approved', guard: notRecused },
    { from: 'reported', action: 'claim_repayment', to: 'repayment_claimed', guard: notRecused },
    { from: 'approved', action: 'close', to: 'closed' },
    {
      from: 'repayment_claimed', action: 'close', to: 'closed',
      guard: (c) => (c.repaymentSettled ? undefined : { code: 'application.repayment_unsettled', messages: {
        nb: 'Saken kan ikke avsluttes før tilbakebetalingskravet er gjort opp.',
        nn: 'Saka kan ikkje avsluttast før tilbakebetalingskravet er gjort opp.',
        en: 'The case cannot be closed before the repayment claim is settled.',
      } }),
    },
  ],
});

/** Moves an application; throws `IllegalTransitionError`. */
export function transitionApplication(from: ApplicationStatus, action: ApplicationAction, context: ApplicationContext): ApplicationStatus {
  return move(applicationMachine, from, action, context);
}

/** The application actions allowed now. */
export function allowedApplicationActions(state: ApplicationStatus, context: ApplicationContext): ApplicationAction[] {
  return allowed(applicationMachine, state, context);
}
