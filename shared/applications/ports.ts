/**
 * What the application use cases need from the store. The adapter turns each method into one
 * DynamoDB transaction, so a change, its audit event, its emails and its counters are written
 * together or not at all.
 */
import type { OutgoingMessage } from '../outbox/outbox';
import type { Orgnr } from '../kernel/orgnr';
import type { RegistryRecord } from './registry-record.js';
import type { TenantId } from '../kernel/tenants';
import type { Application } from './application';
import type { FundingEntry } from './funding-index';

/** An audit event as a use case describes it; the store adds ids and keys. */
export interface AuditEntry {
  eventId: string;
  at: string;
  /** Who did it: `applicant:<applicationId>`, `officer:<userId>` or `system:<job>`. Never a name. */
  actor: string;
  action: string;
  from?: string;
  to?: string;
  /** The audit machine the event belongs to; `application` unless the action is of a case step (e.g. `decision`). */
  machine?: 'application' | 'assessment' | 'decision' | 'payment' | 'report' | 'appeal';
  /** Whole kroner the action concerns (a recommended or decided amount). */
  amount?: number;
}

/** Counters of the tenant-year aggregate that a change adds to (negative to subtract). */
export type AggregateDelta = Partial<
  Record<
    | 'applicationsSubmitted' | 'applicationsWithdrawn' | 'amountApplied'
    | 'reportsApproved' | 'participantsReached' | 'firstTimeParticipants' | 'volunteerHours' | 'amountSpent' | 'amountUnspent',
    number
  >
>;

/** A change to an application, with everything that must be written with it. */
export interface ApplicationChange {
  /** The application as it is to be stored; its `version` is the previous version + 1. */
  next: Application;
  /** The status the stored item must still have; anything else means someone got there first. */
  expectedStatus: Application['status'];
  audit: AuditEntry;
  outbox?: OutgoingMessage[];
  /** Records of single-use links the change's emails carry (a returned application's link to continue). */
  links?: MagicLinkRecord[];
  aggregate?: AggregateDelta;
  /** Further audit events of the same change (e.g. assigning a caseworker also starts the assessment). */
  alsoAudit?: AuditEntry[];
  /** The application's entry in the cross-tenant funding index, written (or replaced) with the change. */
  funding?: FundingEntry;
}

/** The store of applications. */
export interface ApplicationRepository {
  /** Stores a new application with its audit event, its emails and their links; refuses an existing id. */
  create(application: Application, audit: AuditEntry, outbox: OutgoingMessage[], links: MagicLinkRecord[]): Promise<void>;
  get(tenantId: TenantId, applicationId: string): Promise<Application | undefined>;
  /**
   * Stores a change if the stored item still has the expected status and the version before
   * `next.version`; otherwise throws `ConcurrentChangeError` and writes nothing.
   */
  change(change: ApplicationChange): Promise<void>;
  /** The applications a round has received (drafts are the applicant's own and are left out). */
  listSubmittedByRound(tenantId: TenantId, roundId: string): Promise<Application[]>;
  /**
   * The organisations with a received application (not a draft) in the round: the round's `byList`
   * partition read for the orgnr and status only, so a tenant-scoped role can tell first-time
   * applicants without reading across tenants.
   */
  listOrganisationsByRound(tenantId: TenantId, roundId: string): Promise<Set<Orgnr>>;
  /** Every application of one organisation, newest grant year first (for prefill and resume). */
  listByOrganisation(orgnr: Orgnr): Promise<Application[]>;
  /**
   * One organisation's applications in one tenant, every year, newest first: read from the
   * tenant's own index keys only (`T#<tenantId>#ORG#<orgnr>`), never the cross-tenant index.
   */
  listOfOrganisationInTenant(tenantId: TenantId, orgnr: Orgnr): Promise<Application[]>;
}

/** A signed link's server-side record, which makes the link single-use. */
export interface MagicLinkRecord {
  tenantId: TenantId;
  tokenId: string;
  applicationId: string;
  expiresAt: string;
}

/** An email that carries a link, and the link's record: written together or not at all. */
export interface LinkEmail {
  message: OutgoingMessage;
  link: MagicLinkRecord;
}

/** Single-use records of emailed links. */
export interface MagicLinkStore {
  /** Stores the link's record and queues the email that carries it, in one transaction. */
  issue(email: LinkEmail): Promise<void>;
  /** Marks the link used; says why not when it cannot be used (again). */
  consume(tenantId: TenantId, tokenId: string, now: Date): Promise<'consumed' | 'already_used' | 'expired' | 'unknown'>;
}

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
