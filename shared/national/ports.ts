import type { Kroner } from '../kernel/money.js';
import type { Tenant, TenantId } from '../kernel/tenants.js';
import type { OutgoingMessage } from '../outbox/outbox.js';
import type { BudgetOperation } from '../rules/budget-guards.js';
import type { AllocationVersion } from './allocation-version.js';
import type { StoredBudgetPosition } from './budget-position.js';
import type { RegisterChange, VersionedTenant } from './register.js';

/** What the national use cases need from the store. */

/** The register of tenants (managing municipalities and IMDi) that IMDi maintains. */
export interface TenantRepository {
  list(): Promise<Tenant[]>;
  get(tenantId: TenantId): Promise<Tenant | undefined>;
  /** Adds or replaces a tenant in the register, and its profile in the tenant's own partition. */
  put(tenant: Tenant): Promise<void>;
  /**
   * The tenant's own copy of its register entry, kept under its `T#<tenantId>#` prefix so that a
   * role held to that prefix (the officer app) can show the tenant's name without reading national data.
   */
  getProfile(tenantId: TenantId): Promise<TenantProfile | undefined>;
  /** An entry with the version a register change of it must name (a consistent read). */
  read(tenantId: TenantId): Promise<VersionedTenant | undefined>;
  /**
   * Writes a register change: the entry, its profile and the audit event in IMDi's trail, in one
   * transaction, only if the entry is still at the version read (or, for a new one, still absent).
   * Throws `ConcurrentChangeError` when someone changed it first; nothing is written then.
   */
  record(change: RegisterChange): Promise<void>;
}

/**
 * What a tenant's own partition knows about the tenant: who it is and, for a municipality's
 * officers, in which years it manages the scheme (absent on profiles written before periods).
 */
export type TenantProfile = Pick<Tenant, 'tenantId' | 'kind' | 'name' | 'kommunenummer' | 'managingPeriods'>;

/**
 * The budget positions of the municipality-years. Every change is one conditional write: the
 * guard's bounds, or for a frame the counters as read, so a concurrent change can never carry a
 * position past a rule; a refused write is re-read and tried again, and reported with the amounts
 * as they then stand.
 */
export interface BudgetRepository {
  /** The position as stored now (a consistent read); `undefined` before the year's first allocation. */
  get(tenantId: TenantId, grantYear: number): Promise<StoredBudgetPosition | undefined>;
  /** The positions of the given tenants in one grant year that exist (one batch read of up to 100). */
  getMany(tenantIds: readonly TenantId[], grantYear: number): Promise<StoredBudgetPosition[]>;
  /**
   * Awards, reserves or releases admin money, returns funds or sends money back to IMDi by
   * `amount`, under the guard of `rules/budget-guards.ts`, with an audit event naming `actor` (the
   * token's subject) in the same transaction. Throws the operation's `BudgetError` (with the
   * amounts), `BudgetNotOpenError` when the year has no frame, `YearClosedError` once it is closed.
   */
  change(tenantId: TenantId, grantYear: number, operation: BudgetOperation, amount: Kroner, actor: string): Promise<StoredBudgetPosition>;
  /**
   * Sets the frame and admin cap of an allocation version, with the municipality's assignment letter
   * when it has an address. The letter is IMDi's (in IMDi's outbox) and the version's audit event
   * records the frames, so the write touches no other partition of the municipality than its
   * budget, which is all the national role may write there. Idempotent by allocation version: a position that already holds this
   * version or a later one is left alone (`'already_applied'`), so a publish can be completed by
   * running it again. Throws `FrameBelowCommittedError` or `AdminCapBelowReservedError`, and
   * `YearClosedError` once the year is closed (its money has moved on).
   */
  setFrame(frame: FrameSetting, letter: OutgoingMessage | undefined): Promise<'applied' | 'already_applied'>;
  /**
   * The frames the year's allocation versions gave the municipality, oldest first: written beside
   * the position by `setFrame`, in the tenant's own budget partition, so the municipality's
   * workspace can show the history without reading national data.
   */
  frameHistory(tenantId: TenantId, grantYear: number): Promise<FrameHistoryEntry[]>;
}

/** One allocation version's frame as the municipality received it. */
export interface FrameHistoryEntry {
  readonly allocationVersion: number;
  /** When the version was published (or, without that, when the frame was applied). */
  readonly publishedAt: string;
  readonly frame: Kroner;
  readonly adminCap: Kroner;
  /** The frame before this version (0 for the first). */
  readonly previousFrame: Kroner;
}

/** One municipality's frame and cap in an allocation version, as written to its position. */
export interface FrameSetting {
  readonly tenantId: TenantId;
  readonly name: string;
  readonly grantYear: number;
  readonly frame: Kroner;
  readonly adminCap: Kroner;
  readonly allocationVersion: number;
  /** When the version was published, for the municipality's history of frames. */
  readonly publishedAt?: string;
}

/** A published allocation version and how far its frames have reached the positions. */
export interface StoredAllocationVersion extends AllocationVersion {
  /** `applying` until every municipality's position holds this version's frame. */
  readonly status: 'applying' | 'published';
}

/** The published allocation versions of each grant year (national data). */
export interface AllocationRepository {
  /** Every version of the year, oldest first. */
  list(grantYear: number): Promise<StoredAllocationVersion[]>;
  latest(grantYear: number): Promise<StoredAllocationVersion | undefined>;
  /**
   * Writes the version, `applying`, with its audit event, only if no version with its number
   * exists. Throws `AllocationPublishedMeanwhileError` when another publish got there first.
   */
  create(version: AllocationVersion, audit: { readonly tenantId: TenantId; readonly eventId: string }): Promise<StoredAllocationVersion>;
  /** Marks the version published once every frame is applied. */
  markPublished(grantYear: number, version: number): Promise<void>;
}
