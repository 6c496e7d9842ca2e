import type { TenantId } from '../kernel/tenants.js';
import type { RuleSetVersion } from '../rules/rule-set-version.js';
import type { Call } from './call.js';
import type { RoundStatus } from './lifecycle.js';

/** What the round use cases need from the store. */

/** Reads and writes calls (rounds as the public sees them). */
export interface CallRepository {
  /** Every call whose status is `open`, earliest deadline first. */
  listOpen(): Promise<Call[]>;
  /** One call, or `undefined` when the tenant has no such round. */
  get(tenantId: TenantId, roundId: string): Promise<Call | undefined>;
  /**
   * Stores a call; refuses to overwrite an existing one. With `lock`, the rule-set version the
   * call names is marked locked (and stored, if it was the code default) in the same transaction,
   * so no round ever uses a version that is not locked.
   */
  create(call: Call, lock?: RuleSetVersion, audit?: RoundAudit): Promise<void>;
  /** One round with its stored version, or `undefined`. */
  getVersioned(tenantId: TenantId, roundId: string): Promise<VersionedCall | undefined>;
  /**
   * Stores a round's new content (an edit, publication, correction or cancellation) with its audit
   * event, in one transaction, only if the round is still at `expectedVersion` and `expectedStatus`.
   * Throws `RoundChangedMeanwhileError` otherwise.
   */
  change(change: RoundChange): Promise<void>;
  /**
   * Published rounds whose opening time lies before `now`, across tenants, from an index (may be
   * slightly stale: {@link CallRepository.open} checks again).
   */
  listPublishedWithOpeningBefore(now: string): Promise<VersionedCall[]>;
  /** Opens a published round and writes its audit event; `'stale'` when it changed meanwhile. */
  open(opening: RoundOpening): Promise<'opened' | 'stale'>;
  /**
   * Every round of one tenant, whatever its status, newest round id first. Reads only the
   * tenant's own partition, so it is the officer workspace's list.
   */
  listByTenant(tenantId: TenantId): Promise<Call[]>;
  /**
   * Open calls whose deadline lies before `now` (ISO-8601 UTC), earliest deadline first, across
   * tenants. Read from an index, so the list may be slightly stale: {@link CallRepository.close}
   * checks again.
   */
  listOpenWithDeadlineBefore(now: string): Promise<VersionedCall[]>;
  /**
   * Closes an open round and writes its audit event, in one transaction. Resolves to `'stale'`
   * (and changes nothing) when the round is no longer open at `expectedVersion`, e.g. because an
   * officer moved the deadline or another run closed it first.
   */
  close(closing: RoundClosing): Promise<'closed' | 'stale'>;
}

/** A call as stored, with the version that the next conditional update of its round must expect. */
export type VersionedCall = Call & { readonly version: number };

/** A round to close, as the store's conditional update and audit event need it. */
export interface RoundClosing {
  readonly tenantId: TenantId;
  readonly roundId: string;
  readonly expectedVersion: number;
  /** When the round closed (ISO-8601 UTC), for `updatedAt` and the audit event. */
  readonly at: string;
  /** Id of the audit event (a ULID). */
  readonly eventId: string;
  /** Who closed it, for the audit trail: a user id, or `system:<job>` for the scheduler. */
  readonly actor: string;
}

/** Who made a change to a round, for its audit event. */
export interface RoundAudit {
  readonly eventId: string;
  /** ISO-8601 UTC. */
  readonly at: string;
  /** A user id, or `system:<job>`. */
  readonly actor: string;
  /** What was done: `create`, `edit`, `publish`, `correct`, `move_deadline`, `cancel`. */
  readonly action: string;
}

/** A round's new content and what the stored one must still be. */
export interface RoundChange {
  readonly call: Call;
  readonly expectedVersion: number;
  readonly expectedStatus: RoundStatus;
  readonly audit: RoundAudit;
}

/** A round to open: as a closing, with the deadline of the listed version, for the list of open calls. */
export interface RoundOpening extends RoundClosing {
  readonly deadline: string;
}
