import type { Call } from './calls';
import type { Tenant, TenantId } from './tenants';
import type { Orgnr } from './orgnr.js';
import type { RegistryRecord } from './registry-record.js';

/**
 * Ports: what the use cases need from the outside world. Adapters in `functions/adapters/`
 * implement them against DynamoDB, SES and S3; nothing here knows which runtime it is in.
 */

/** Reads and writes calls (rounds as the public sees them). */
export interface CallRepository {
  /** Every call whose status is `open`, earliest deadline first. */
  listOpen(): Promise<Call[]>;
  /** One call, or `undefined` when the tenant has no such round. */
  get(tenantId: TenantId, roundId: string): Promise<Call | undefined>;
  /** Stores a call; refuses to overwrite an existing one. */
  create(call: Call): Promise<void>;
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
}

/** What a tenant's own partition knows about the tenant: who it is, for its workspace. */
export type TenantProfile = Pick<Tenant, 'tenantId' | 'kind' | 'name' | 'kommunenummer'>;

/** Tells whether the data store can be reached, for the health endpoint. */
export interface HealthProbe {
  check(): Promise<{ ok: true } | { ok: false; reason: string }>;
}

/**
 * The current time. Domain code never reads the clock itself, so tests fix it and the same code
 * runs in Lambda and locally. Production passes `() => new Date()`.
 */
export type Clock = () => Date;

/** A new unique id (ULID in production, so ids sort by creation time). */
export type IdGenerator = () => string;

/**
 * What Enhetsregisteret answered for one organisasjonsnummer. Every outcome of asking is a value,
 * so the applicant journey decides what to show (and whether to let the applicant go on) instead
 * of catching errors:
 * - `found`: the entity, parsed with {@link RegistryRecord}'s schema;
 * - `not_found`: the registry has never heard of the number (HTTP 404);
 * - `removed`: the entity was deleted from the register (HTTP 410, or a struck-off entity's
 *   reduced record); `removedAt` is its `slettedato` when the registry gave one;
 * - `unavailable`: no usable answer in time (`timeout`), or a failure (`error`: 5xx, network
 *   error, a body that is not a valid record). `detail` is for logs, never for users.
 */
export type RegistryLookup =
  | { readonly status: 'found'; readonly record: RegistryRecord }
  | { readonly status: 'not_found' }
  | { readonly status: 'removed'; readonly removedAt?: string }
  | { readonly status: 'unavailable'; readonly reason: 'timeout' | 'error'; readonly detail?: string };

/** Looks organisations up in Enhetsregisteret (data.brreg.no in production, a local stand-in otherwise). */
export interface OrganisationRegistry {
  /**
   * Asks the registry about one organisation. Never rejects for anything the registry or the
   * network does (see {@link RegistryLookup}); it throws `InvalidValueError` only for a string that
   * is not a valid organisasjonsnummer, which the branded type should already have ruled out.
   */
  lookup(orgnr: Orgnr): Promise<RegistryLookup>;
}

/**
 * Private storage for application attachments (statutes, annual reports, accounts). Callers check
 * the content first (`validateAttachment` in `attachments.ts`); the store only keeps bytes and
 * hands out short-lived download links that always download, never display inline.
 */
export interface AttachmentStore {
  /**
   * Stores the bytes under `key`, replacing any object there. `filename` (already made safe) is
   * what a download is saved as; without it the download keeps the key's name.
   */
  put(key: string, bytes: Uint8Array, contentType: string, filename?: string): Promise<void>;
  /** A link that downloads the object as `filename` for `expiresSeconds` seconds (1 s to 7 days). */
  getDownloadUrl(key: string, filename: string, expiresSeconds: number): Promise<string>;
  /** Removes the object; removing one that does not exist is not an error. */
  delete(key: string): Promise<void>;
}
