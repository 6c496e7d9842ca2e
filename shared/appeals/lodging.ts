/**
 * Lodging an appeal: the organisation appeals its application's current decision (a rejection, a
 * lower amount than applied for, the conditions of a grant) on the status page, in the same
 * magic-link session. The deadline is the one the decision letter states: the rule set's weeks,
 * counted by `appealDeadlineUnder` from the day the letter was sent (it is queued in the signing's
 * transaction, so `decidedAt` is when it was sent). After the deadline the appeal is still taken,
 * with the organisation's reason for being late (fvl. § 31), and recorded as late.
 */
import type { Application } from '../applications/application';
import type { AuditEntry } from '../applications/ports';
import type { Decision } from '../decisions/decision';
import { isBeforeDeadline, type AppealDeadline } from '../kernel/deadlines';
import { messageToApplicant, type OutgoingMessage } from '../outbox/outbox';
import { appealDeadlineUnder } from './appeal-deadline';
import { isOpenAppeal, type Appeal, type AppealInput } from './appeal';
import { AppealAlreadyLodgedError, NothingToAppealError } from './errors';

/** The deadline to appeal a decision, as its letter states it. */
export function appealDeadlineOf(decision: Pick<Decision, 'decidedAt' | 'appealDeadlineWeeks'>): AppealDeadline {
  return appealDeadlineUnder({ appealDeadlineWeeks: decision.appealDeadlineWeeks }, decision.decidedAt);
}

/** The appeal against the application's current decision, if one was lodged. */
export function appealOfCurrentDecision(application: Pick<Application, 'decision' | 'appeal'>): Appeal | undefined {
  const { decision, appeal } = application;
  return decision && appeal?.decisionId === decision.decisionId ? appeal : undefined;
}

/** What the status page offers: nothing, the form (on time or late, with the deadline), or the appeal lodged. */
export type AppealOption =
  | { readonly kind: 'none' }
  | { readonly kind: 'may_appeal'; readonly late: boolean; readonly deadline: AppealDeadline }
  | { readonly kind: 'lodged'; readonly appeal: Appeal };

/** Where the organisation stands with appealing the current decision at `now`. */
export function appealOptionOf(application: Pick<Application, 'decision' | 'appeal'>, now: Date | string): AppealOption {
  const decision = application.decision;
  if (!decision) return { kind: 'none' };
  const appeal = appealOfCurrentDecision(application);
  if (appeal) return { kind: 'lodged', appeal };
  const deadline = appealDeadlineOf(decision);
  return { kind: 'may_appeal', late: !isBeforeDeadline(now, deadline.endsAt), deadline };
}

/** The receipt, composed in the applicant's language (`web/emails/appeal-receipt.ts`). */
export type ComposeAppealReceipt = (input: { application: Application; appeal: Appeal }) => { subject: string; text: string; html?: string };

/** A lodged appeal as it is to be stored, with everything written with it. */
export interface AppealCommitment {
  /** The application as it is to be stored: the appeal set, version + 1 (its status unchanged unless reopened). */
  readonly next: Application;
  readonly expectedStatus: Application['status'];
  readonly audit: AuditEntry;
  /** The receipt or notice to the organisation, when the step tells it something. */
  readonly message?: OutgoingMessage;
  /** A reversal of a grant that waited for its answer: the lapse job's entry goes with it. */
  readonly removesAwaitingAnswer?: boolean;
}

/** What the caller passes in for one appeal. */
export interface LodgeAppealInput {
  readonly application: Application;
  readonly input: AppealInput;
  readonly now: Date;
  readonly newId: () => string;
  readonly compose: ComposeAppealReceipt;
}

/**
 * The appeal and everything written with it, or the refusal: no decision ({@link NothingToAppealError}),
 * or an appeal against this decision already lodged ({@link AppealAlreadyLodgedError}). Whether it is
 * late is decided here, from the clock, not from what the form believed when it was shown.
 */
export function lodgeAppeal({ application, input, now, newId, compose }: LodgeAppealInput): AppealCommitment {
  const decision = application.decision;
  if (!decision) throw new NothingToAppealError();
  const existing = appealOfCurrentDecision(application);
  if (existing) throw new AppealAlreadyLodgedError(existing.lodgedAt);
  const deadline = appealDeadlineOf(decision);
  const late = !isBeforeDeadline(now, deadline.endsAt);
  const at = now.toISOString();
  const appeal: Appeal = {
    appealId: newId(),
    decisionId: decision.decisionId,
    decisionOutcome: decision.outcome,
    status: 'lodged',
    lodgedAt: at,
    deadline: deadline.endsAt,
    late,
    ...(late && input.latenessReason ? { latenessReason: input.latenessReason } : {}),
    reasons: input.reasons,
    steps: [],
  };
  // An appeal against an earlier decision (reversed, then decided anew) is kept, not overwritten.
  const earlier = application.appeal ? [...(application.earlierAppeals ?? []), application.appeal] : application.earlierAppeals;
  const next: Application = {
    ...application,
    appeal,
    ...(earlier ? { earlierAppeals: earlier } : {}),
    version: application.version + 1,
    updatedAt: at,
  };
  const audit: AuditEntry = {
    eventId: newId(), at, actor: `applicant:${application.applicationId}`, machine: 'appeal',
    action: late ? 'lodge_late' : 'lodge', to: 'lodged',
  };
  const message = messageToApplicant(application, 'appeal-receipt', compose({ application: next, appeal }), { messageId: newId(), createdAt: at });
  return { next, expectedStatus: application.status, audit, message };
}

/** Whether the application has an appeal still being handled; used by the register's filters. */
export function hasOpenAppeal(application: Pick<Application, 'appeal'>): boolean {
  return application.appeal ? isOpenAppeal(application.appeal) : false;
}
