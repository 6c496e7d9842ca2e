/**
 * A round (utlysning): draft → published → open → closed → decided → reporting → archived.
 * Publishing announces the call before it opens; opening and closing follow the clock; a round is
 * decided only when every application in it has a decision. Until it closes, a round can be
 * cancelled (with a reason shown to applicants); a cancelled round takes no more applications.
 */
import { isBeforeDeadline } from '../kernel/deadlines.js';
import { defineMachine, allowedActions as allowed, transition as move } from '../kernel/state-machine.js';

function instant(value: Date | string): number {
  return typeof value === 'string' ? Date.parse(value) : value.getTime();
}

/** Statuses of a round. */
export const roundStatuses = ['draft', 'published', 'open', 'closed', 'decided', 'reporting', 'archived', 'cancelled'] as const;

/** One of {@link roundStatuses}. */
export type RoundStatus = (typeof roundStatuses)[number];

/** What an officer (or the scheduler) can do to a round. */
export type RoundAction = 'publish' | 'unpublish' | 'open' | 'close' | 'decide' | 'start_reporting' | 'archive' | 'cancel';

/** Facts the round guards need; the caller reads them from the store and its clock. */
export interface RoundContext {
  readonly now: Date | string;
  readonly opensAt: string;
  readonly deadline: string;
  /** Whether the settings passed `validateRoundSettings` against the year's rule set. */
  readonly settingsValid: boolean;
  /** Applications not yet granted, partly granted, rejected or withdrawn. */
  readonly undecidedApplications: number;
  /** Reports not yet approved (and repayment claims not settled). */
  readonly unsettledReports: number;
}

/** The round lifecycle. */
export const roundMachine = defineMachine<RoundStatus, RoundAction, RoundContext>({
  name: 'round',
  states: roundStatuses,
  initial: 'draft',
  terminal: ['archived', 'cancelled'],
  transitions: [
    {
      from: 'draft', action: 'publish', to: 'published',
      guard: (c) => (c.settingsValid ? undefined : { code: 'round.settings_invalid', messages: {
        nb: 'Rett opp innstillingene før utlysningen publiseres.',
        nn: 'Rett opp innstillingane før utlysinga blir publisert.',
        en: 'Correct the settings before publishing the call.',
      } }),
    },
    { from: 'published', action: 'unpublish', to: 'draft' },
    {
      from: 'published', action: 'open', to: 'open',
      guard: (c) => (instant(c.now) >= Date.parse(c.opensAt) ? undefined : { code: 'round.not_yet_open', messages: {
        nb: 'Utlysningen kan ikke åpnes før åpningstidspunktet.',
        nn: 'Utlysinga kan ikkje opnast før opningstidspunktet.',
        en: 'The call cannot open before its opening time.',
      } }),
    },
    {
      from: 'open', action: 'close', to: 'closed',
      guard: (c) => (isBeforeDeadline(c.now, c.deadline) ? { code: 'round.deadline_not_passed', messages: {
        nb: 'Utlysningen kan ikke lukkes før søknadsfristen er ute.',
        nn: 'Utlysinga kan ikkje lukkast før søknadsfristen er ute.',
        en: 'The call cannot close before the application deadline has passed.',
      } } : undefined),
    },
    {
      from: 'closed', action: 'decide', to: 'decided',
      guard: (c) => (c.undecidedApplications === 0 ? undefined : { code: 'round.undecided_applications', messages: {
        nb: `${c.undecidedApplications} søknader mangler vedtak.`,
        nn: `${c.undecidedApplications} søknader manglar vedtak.`,
        en: `${c.undecidedApplications} applications have no decision yet.`,
      } }),
    },
    { from: 'decided', action: 'start_reporting', to: 'reporting' },
    // Cancelling is possible until the call closes; after that the applications are decided instead.
    { from: 'draft', action: 'cancel', to: 'cancelled' },
    { from: 'published', action: 'cancel', to: 'cancelled' },
    { from: 'open', action: 'cancel', to: 'cancelled' },
    {
      from: 'reporting', action: 'archive', to: 'archived',
      guard: (c) => (c.unsettledReports === 0 ? undefined : { code: 'round.unsettled_reports', messages: {
        nb: `${c.unsettledReports} rapporter er ikke ferdig behandlet.`,
        nn: `${c.unsettledReports} rapportar er ikkje ferdig handsama.`,
        en: `${c.unsettledReports} reports are not settled yet.`,
      } }),
    },
  ],
});

/** Moves a round; throws `IllegalTransitionError`. */
export function transitionRound(from: RoundStatus, action: RoundAction, context: RoundContext): RoundStatus {
  return move(roundMachine, from, action, context);
}

/** The round actions allowed now. */
export function allowedRoundActions(state: RoundStatus, context: RoundContext): RoundAction[] {
  return allowed(roundMachine, state, context);
}
