/**
 * Accepting a grant (aksept): after a grant decision the organisation accepts the grant and its
 * conditions, or declines it, by the deadline the letter states; a grant not answered by then
 * lapses. Declining and lapsing give the awarded money back to the municipality's available budget
 * in the same transaction as the answer (the budget position's `returned` counter, so `awarded`
 * keeps the history). An answer is given once.
 */
import type { Application } from '../applications/application';
import { fundingEntryOf, type FundingEntry } from '../applications/funding-index';
import { transitionApplication } from '../applications/lifecycle';
import type { AuditEntry } from '../applications/ports';
import { addDays, endOfOsloDay, isBeforeDeadline, osloDateOf } from '../kernel/deadlines';
import { kroner, type Kroner } from '../kernel/money';
import { messageToApplicant, type OutgoingMessage } from '../outbox/outbox';
import { ConcurrentChangeError } from '../applications/errors';
import type { Decision } from './decision';
import { AcceptanceDeadlinePassedError, GrantAlreadyAnsweredError, NotGrantedError } from './errors';

/** How a grant was answered: by the organisation (accepted, declined) or by the deadline passing (lapsed). */
export const grantAnswerOutcomes = ['accepted', 'declined', 'lapsed'] as const;

/** One of {@link grantAnswerOutcomes}. */
export type GrantAnswerOutcome = (typeof grantAnswerOutcomes)[number];

/** The answer to a grant as stored on the application; set once. */
export interface GrantAnswer {
  readonly outcome: GrantAnswerOutcome;
  /** When it was answered (ISO-8601 UTC). */
  readonly at: string;
  /** Who answered: `applicant:<applicationId>` or `system:<job>`. Never a name. */
  readonly by: string;
}

/**
 * The deadline to accept a grant decided at `decidedAt`: `weeks` weeks later, at the end of that
 * day in Oslo, whatever zone the host runs in.
 */
export function acceptanceDeadlineOf(decidedAt: Date | string, weeks: number): string {
  return endOfOsloDay(addDays(osloDateOf(decidedAt), weeks * 7));
}

/** Where a grant stands with its acceptance, for the status and case pages. */
export type AcceptanceState =
  | { readonly kind: 'awaiting'; readonly deadline?: string }
  | { readonly kind: GrantAnswerOutcome; readonly at: string; readonly deadline?: string };

const grantedStatuses: readonly Application['status'][] = ['granted', 'partly_granted'];

/** The acceptance state of an application; `undefined` when it has no grant to answer. */
export function acceptanceStateOf(application: Pick<Application, 'status' | 'decision' | 'acceptance'>): AcceptanceState | undefined {
  const deadline = application.decision?.acceptanceDeadline;
  const withDeadline = deadline ? { deadline } : {};
  if (application.acceptance) return { kind: application.acceptance.outcome, at: application.acceptance.at, ...withDeadline };
  if (grantedStatuses.includes(application.status) && application.decision && application.decision.outcome !== 'reject') return { kind: 'awaiting', ...withDeadline };
  return undefined;
}

/** Whether the organisation may still accept or decline the grant at `now`. */
export function mayAnswerGrant(application: Pick<Application, 'status' | 'decision' | 'acceptance'>, now: Date | string): boolean {
  const state = acceptanceStateOf(application);
  return state?.kind === 'awaiting' && (state.deadline === undefined || isBeforeDeadline(now, state.deadline));
}

/** The message that confirms an answer, composed in the applicant's language (`web/emails/grant-answer.ts`). */
export type ComposeGrantAnswerMessage = (input: { outcome: GrantAnswerOutcome; application: Application; decision: Decision }) => {
  subject: string;
  text: string;
  html?: string;
};

/** What the organisation's answers (accept, decline) need from the outside world. */
export interface AnswerGrantDeps {
  readonly grants: {
    get(tenantId: Application['tenantId'], applicationId: string): Promise<Application | undefined>;
    answer(commitment: GrantAnswerCommitment): Promise<void>;
  };
  readonly clock: () => Date;
  readonly newId: () => string;
  readonly composeGrantAnswer: ComposeGrantAnswerMessage;
}

/** An answer as it is to be stored, with everything written with it. */
export interface GrantAnswerCommitment {
  readonly outcome: GrantAnswerOutcome;
  /** The application as it is to be stored: new status, `acceptance` set, version + 1. */
  readonly next: Application;
  readonly expectedStatus: Application['status'];
  readonly audit: AuditEntry;
  /** The receipt (or, for a lapse, the notice) to the organisation. */
  readonly message: OutgoingMessage;
  /** Whole kroner going back to the municipality's budget: the grant for a decline or lapse, else 0. */
  readonly returned: Kroner;
  /**
   * The application's funding index entry with the answer, so other municipalities see a declined or
   * lapsed grant as such; absent for a decision stored before decisions named their administrator.
   */
  readonly funding?: FundingEntry;
}

/** What the use cases pass in for one answer. */
export interface GrantAnswerInput {
  readonly application: Application;
  readonly outcome: GrantAnswerOutcome;
  /** `applicant:<applicationId>` or `system:<job>`. */
  readonly actor: string;
  readonly now: Date;
  readonly newId: () => string;
  readonly compose: ComposeGrantAnswerMessage;
}

const actionOf = { accepted: 'accept', declined: 'decline', lapsed: 'lapse' } as const;

/**
 * The answer and everything written with it, or the error that refuses it: no grant
 * ({@link NotGrantedError}), already answered ({@link GrantAlreadyAnsweredError}), or the
 * organisation answering after the deadline ({@link AcceptanceDeadlinePassedError}). A lapse is
 * refused before the deadline the same way, so a job on a lagging index never lapses a grant early.
 */
export function answerGrant(input: GrantAnswerInput): GrantAnswerCommitment {
  const { application, outcome, now } = input;
  if (application.acceptance) throw new GrantAlreadyAnsweredError(application.acceptance.outcome);
  const decision = application.decision;
  if (!decision || decision.outcome === 'reject' || !grantedStatuses.includes(application.status)) throw new NotGrantedError();
  const deadline = decision.acceptanceDeadline;
  const beforeDeadline = deadline === undefined || isBeforeDeadline(now, deadline);
  if (outcome !== 'lapsed' && !beforeDeadline) throw new AcceptanceDeadlinePassedError(deadline!);
  if (outcome === 'lapsed' && beforeDeadline) throw new NotGrantedError();

  const at = now.toISOString();
  const status = transitionApplication(application.status, actionOf[outcome], { now });
  const next: Application = {
    ...application,
    status,
    acceptance: { outcome, at, by: input.actor },
    version: application.version + 1,
    updatedAt: at,
  };
  const returned = outcome === 'accepted' ? kroner(0) : decision.amount;
  const audit: AuditEntry = {
    eventId: input.newId(), at, actor: input.actor, machine: 'decision', action: actionOf[outcome],
    from: application.status, to: status, amount: decision.amount,
  };
  const content = input.compose({ outcome, application: next, decision });
  const kind = outcome === 'lapsed' ? 'grant-lapsed' : 'grant-answer-receipt';
  const message = messageToApplicant(application, kind, content, { messageId: input.newId(), createdAt: at });
  const funding = decision.administratorName ? fundingEntryOf(next, { administratorName: decision.administratorName }) : undefined;
  return { outcome, next, expectedStatus: application.status, audit, message, returned, ...(funding ? { funding } : {}) };
}

/**
 * Stores an answer; when another answer got there first (two tabs, a double click, the lapse job at
 * the last second), says which, so exactly one answer stands and the other hears why.
 */
export async function storeGrantAnswer(grants: AnswerGrantDeps['grants'], commitment: GrantAnswerCommitment): Promise<void> {
  try {
    await grants.answer(commitment);
  } catch (error) {
    if (!(error instanceof ConcurrentChangeError)) throw error;
    const current = await grants.get(commitment.next.tenantId, commitment.next.applicationId);
    if (current?.acceptance) throw new GrantAlreadyAnsweredError(current.acceptance.outcome);
    throw error;
  }
}
