/**
 * An appeal (klage), fvl. §§ 28–33: lodged with the body that decided, which either reverses its
 * own decision (omgjøring) or upholds it and forwards the case to the appeal body, which decides.
 * Whether an appeal may be lodged at all (the rule set's deadline) is checked with `appealDeadlineUnder`
 * before the appeal exists; a late appeal may still be considered (fvl. § 31), so lateness does not
 * stop it from being reversed or forwarded. A late appeal may also be dismissed (avvisning) without
 * being considered; an appeal lodged in time may not, since the deadline is the only ground for
 * dismissal Fordel can judge.
 */
import type { GuardFailure } from '../kernel/state-machine.js';
import { defineMachine, allowedActions as allowed, transition as move } from '../kernel/state-machine.js';

/** Statuses of an appeal. */
export const appealStatuses = ['lodged', 'reversed', 'upheld_and_forwarded', 'decided', 'dismissed'] as const;

/** One of {@link appealStatuses}. */
export type AppealStatus = (typeof appealStatuses)[number];

/** What the deciding body and the appeal body can do. */
export const appealActions = ['reverse', 'uphold_and_forward', 'decide', 'dismiss'] as const;

/** One of {@link appealActions}. */
export type AppealAction = (typeof appealActions)[number];

/** Facts the appeal guards need. */
export interface AppealContext {
  /** Written reasons for the step (fvl. §§ 24–25, 33); required for every step. */
  readonly hasReasons: boolean;
  /** The acting person has declared a conflict of interest. */
  readonly actorRecused?: boolean;
  /** The acting person belongs to the appeal body (only it decides a forwarded appeal). */
  readonly actorIsAppealBody?: boolean;
  /** The appeal was lodged after the deadline (fvl. § 31); only such an appeal may be dismissed as late. */
  readonly late?: boolean;
}

function reasoned(c: AppealContext): GuardFailure | undefined {
  if (c.actorRecused) return { code: 'appeal.actor_recused', messages: {
    nb: 'Du har meldt deg inhabil i denne saken.', nn: 'Du har meldt deg inhabil i denne saka.', en: 'You have declared a conflict of interest in this case.',
  } };
  if (!c.hasReasons) return { code: 'appeal.reasons_missing', messages: {
    nb: 'Skriv en begrunnelse.', nn: 'Skriv ei grunngiving.', en: 'Write the reasons.',
  } };
  return undefined;
}

/** The appeal lifecycle. */
export const appealMachine = defineMachine<AppealStatus, AppealAction, AppealContext>({
  name: 'appeal',
  states: appealStatuses,
  initial: 'lodged',
  terminal: ['reversed', 'decided', 'dismissed'],
  transitions: [
    { from: 'lodged', action: 'reverse', to: 'reversed', guard: reasoned },
    { from: 'lodged', action: 'uphold_and_forward', to: 'upheld_and_forwarded', guard: reasoned },
    {
      from: 'lodged', action: 'dismiss', to: 'dismissed',
      guard: (c) => (c.late ? reasoned(c) : { code: 'appeal.not_late', messages: {
        nb: 'Klagen kom inn innen fristen og kan ikke avvises som for sent fremsatt.',
        nn: 'Klaga kom inn innan fristen og kan ikkje avvisast som for seint fremja.',
        en: 'The appeal was lodged in time and cannot be dismissed as late.',
      } }),
    },
    {
      from: 'upheld_and_forwarded', action: 'decide', to: 'decided',
      guard: (c) => (c.actorIsAppealBody ? reasoned(c) : { code: 'appeal.not_appeal_body', messages: {
        nb: 'Bare klageinstansen kan avgjøre en oversendt klage.',
        nn: 'Berre klageinstansen kan avgjere ei oversend klage.',
        en: 'Only the appeal body can decide a forwarded appeal.',
      } }),
    },
  ],
});

/** Moves an appeal; throws `IllegalTransitionError`. */
export function transitionAppeal(from: AppealStatus, action: AppealAction, context: AppealContext): AppealStatus {
  return move(appealMachine, from, action, context);
}

/** The appeal actions allowed now. */
export function allowedAppealActions(state: AppealStatus, context: AppealContext): AppealAction[] {
  return allowed(appealMachine, state, context);
}
