/**
 * What signing decisions and sending preliminary replies need from the store. Each method is one
 * DynamoDB transaction: the application's guarded write, its audit event, the letter in the outbox,
 * the tenant-year counters and, for an award, the guarded budget update, so that concurrent
 * approvers can never award more than the municipality has left.
 */
import type { Application } from '../applications/application';
import type { AuditEntry } from '../applications/ports';
import type { FundingEntry } from '../applications/funding-index';
import type { TenantId } from '../kernel/tenants';
import type { Kroner } from '../kernel/money';
import type { StoredBudgetPosition } from '../national/budget-position';
import type { OutgoingMessage } from '../outbox/outbox';
import type { Call } from '../rounds/call';
import type { GrantAnswerCommitment } from './acceptance';

/** A signed decision as it is to be stored, with everything written with it. */
export interface DecisionCommitment {
  /** The application as it is to be stored: new status, `decision` set, version + 1. */
  readonly next: Application;
  /** The status the stored application must still have. */
  readonly expectedStatus: Application['status'];
  readonly audit: AuditEntry;
  /** The letter to the applicant. */
  readonly letter: OutgoingMessage;
  /** Whole kroner committed from the budget; 0 for a rejection, which leaves the budget alone. */
  readonly award: Kroner;
  /** The application's entry in the cross-tenant funding index, now with its outcome and amount. */
  readonly funding: FundingEntry;
}

/** A preliminary reply as it is to be stored. */
export interface PreliminaryReplyRecord {
  readonly next: Application;
  readonly expectedStatus: Application['status'];
  readonly audit: AuditEntry;
  readonly message: OutgoingMessage;
}

/** The store of decisions. */
export interface DecisionRepository {
  get(tenantId: TenantId, applicationId: string): Promise<Application | undefined>;
  /** A round's received applications (drafts left out). */
  listByRound(tenantId: TenantId, roundId: string): Promise<Application[]>;
  /** The tenant's budget position for the year, read consistently. */
  budget(tenantId: TenantId, grantYear: number): Promise<StoredBudgetPosition | undefined>;
  /**
   * Stores the decision with its audit events, letter and counters, and for an award the guarded
   * budget update, in one transaction. Throws `ConcurrentChangeError` when the application moved on,
   * `NotEnoughFundsError` (with what is left as read again) when the award no longer fits, and
   * writes nothing either way.
   */
  commit(commitment: DecisionCommitment): Promise<void>;
}

/** What the preliminary-reply job needs from the store. */
export interface PreliminaryReplyRepository {
  /** Closed rounds across tenants whose deadline lies before `before` (ISO-8601 UTC), read from an index. */
  listClosedRoundsWithDeadlineBefore(before: string): Promise<Call[]>;
  listByRound(tenantId: TenantId, roundId: string): Promise<Application[]>;
  /**
   * Stores `preliminaryReplyAt`, the audit event and the reply in one transaction, guarded by the
   * status and version read and by the reply not being recorded yet; `'stale'` when it was not.
   */
  recordPreliminaryReply(record: PreliminaryReplyRecord): Promise<'recorded' | 'stale'>;
}

/** A grant that waited for its answer past the deadline, as the lapse job finds it. */
export interface AwaitingGrant {
  readonly tenantId: TenantId;
  readonly applicationId: string;
  readonly deadline: string;
}

/** What answering a grant needs from the store. */
export interface GrantAnswerRepository {
  get(tenantId: TenantId, applicationId: string): Promise<Application | undefined>;
  /**
   * Stores the answer in one transaction: the application (status and version guarded, answered
   * once), its audit event, the message, the tenant-year counters, the grant's entry in the index
   * of grants awaiting an answer removed and, for a decline or lapse, the money returned to the
   * budget position by its guarded update with the budget's audit event. Throws
   * `ConcurrentChangeError` when the application moved on, and writes nothing then.
   */
  answer(commitment: GrantAnswerCommitment): Promise<void>;
}

/** What the lapse job needs from the store. */
export interface LapseRepository extends GrantAnswerRepository {
  /** Grants across tenants still awaiting an answer whose deadline lies before `before` (ISO-8601 UTC), from an index. */
  listAwaitingAnswerBefore(before: string): Promise<AwaitingGrant[]>;
}
