/**
 * The municipality's steps on an appeal (fvl. § 33): it reverses its own decision (omgjøring), or
 * upholds it and forwards the case to the appeal body; it records the appeal body's outcome when it
 * comes; and it may dismiss an appeal lodged too late (avvisning). Every step has reasons, is refused
 * to an officer who declared a conflict of interest, is written with its audit event (machine
 * `appeal`) and a message to the organisation in one transaction, and is guarded by the version
 * the officer read, so of two officers acting at once one wins and the other is told.
 */
import type { Application } from '../applications/application';
import { ActorRecusedError, ConcurrentChangeError } from '../applications/errors';
import { transitionApplication } from '../applications/lifecycle';
import type { AuditEntry } from '../applications/ports';
import { osloDateOf } from '../kernel/deadlines';
import { messageToApplicant } from '../outbox/outbox';
import type { Appeal, AppealStep, AppealStepInput } from './appeal';
import { AppealChangedError, ForwardingDateError, NoAppealError } from './errors';
import { transitionAppeal, type AppealAction } from './lifecycle';
import type { AppealCommitment } from './lodging';

/** The message about a step, composed in the applicant's language (`web/emails/appeal-update.ts`). */
export type ComposeAppealUpdate = (input: { application: Application; appeal: Appeal; step: AppealStep }) => { subject: string; text: string; html?: string };

/** What an officer's step needs. */
export interface AppealStepRequest {
  readonly application: Application;
  readonly action: AppealAction;
  readonly input: AppealStepInput;
  /** The acting officer's user id (the token's subject). */
  readonly actor: string;
  /** The application version the officer's page showed. */
  readonly expectedVersion: number;
  readonly now: Date;
  readonly newId: () => string;
  readonly compose: ComposeAppealUpdate;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** The date the appeal was sent to the appeal body: as typed, or today in Oslo; never after today or before it was lodged. */
function forwardingDateOf(typed: string | undefined, appeal: Appeal, now: Date): string {
  const today = osloDateOf(now);
  if (!typed) return today;
  const valid = isoDate.test(typed) && !Number.isNaN(Date.parse(`${typed}T12:00:00Z`)) && new Date(`${typed}T12:00:00Z`).toISOString().startsWith(typed);
  if (!valid || typed > today || typed < osloDateOf(appeal.lodgedAt)) throw new ForwardingDateError(typed);
  return typed;
}

/**
 * The step and everything written with it, or the refusal: no appeal, a recused officer, a page
 * read before someone else's step ({@link AppealChangedError}), or the machines' own guards
 * (reasons, only a late appeal dismissed, a decision that can be reopened).
 */
export function takeAppealStep(request: AppealStepRequest): AppealCommitment {
  const { application, action, input, now } = request;
  const appeal = application.appeal;
  if (!appeal) throw new NoAppealError();
  const actorRecused = application.recusedUserIds?.includes(request.actor) ?? false;
  if (actorRecused) throw new ActorRecusedError();
  if (request.expectedVersion !== application.version) throw new AppealChangedError();
  const status = transitionAppeal(appeal.status, action, {
    hasReasons: input.reasons.length > 0,
    actorRecused,
    late: appeal.late,
    // The appeal body (statsforvalteren, the appeal board) has no account in Fordel: the officer
    // records its outcome from its letter, so recording is acting on the appeal body's behalf.
    actorIsAppealBody: action === 'decide',
  });
  const at = now.toISOString();
  const step: AppealStep = {
    action, at, by: `officer:${request.actor}`, reasons: input.reasons,
    ...(action === 'uphold_and_forward' ? { forwardedOn: forwardingDateOf(input.forwardedOn, appeal, now) } : {}),
  };
  const nextAppeal: Appeal = { ...appeal, status, steps: [...appeal.steps, step] };
  const base = action === 'reverse' ? reopenAfterReversal(application, now) : application;
  const next: Application = { ...base, appeal: nextAppeal, version: application.version + 1, updatedAt: at };
  const audit: AuditEntry = { eventId: request.newId(), at, actor: `officer:${request.actor}`, machine: 'appeal', action, from: appeal.status, to: status };
  const message = messageToApplicant(application, 'appeal-update', request.compose({ application: next, appeal: nextAppeal, step }), { messageId: request.newId(), createdAt: at });
  const awaitedAnswer = action === 'reverse' && application.decision?.acceptanceDeadline !== undefined && !application.acceptance;
  return { next, expectedStatus: application.status, audit, message, ...(awaitedAnswer ? { removesAwaitingAnswer: true } : {}) };
}

/**
 * A reversal reopens the case for assessment through the application machine's `reopen`, so a new
 * decision can be signed: the reversed decision moves to `reversedDecisions` and the old
 * recommendation goes, since the caseworker recommends anew on the appeal's grounds.
 *
 * Money a reversed (partial) grant awarded stays counted as awarded in the budget, as `heldAward`.
 * Returning it now and awarding again later would free it for other applications in between, and
 * the organisation, whose appeal was just found right, could then lose to a budget already spent;
 * the new decision commits only the difference (`shared/decisions/signing.ts`).
 */
function reopenAfterReversal(application: Application, now: Date): Application {
  const decision = application.decision!;
  const status = transitionApplication(application.status, 'reopen', { now, appealReversed: true });
  // The budget counts the reversed decision's whole amount as awarded (a held award before it was
  // settled by that decision's signing), so that amount is what is held now.
  const held = decision.outcome === 'reject' ? 0 : decision.amount;
  const { decision: _reversed, recommendation: _old, acceptance: _answer, heldAward: _settled, ...rest } = application;
  return {
    ...rest,
    status,
    reversedDecisions: [...(application.reversedDecisions ?? []), decision],
    ...(held > 0 ? { heldAward: held } : {}),
  };
}

/** Stores a step; when another officer's step got there first, says so (409), so one step stands. */
export async function storeAppealStep(store: { record(commitment: AppealCommitment): Promise<void> }, commitment: AppealCommitment): Promise<void> {
  try {
    await store.record(commitment);
  } catch (error) {
    if (error instanceof ConcurrentChangeError) throw new AppealChangedError();
    throw error;
  }
}
