/**
 * What the application use cases need from the store. The adapter turns each method into one
 * DynamoDB transaction, so a change, its audit event, its emails and its counters are written
 * together or not at all.
 */
import type { OutgoingMessage } from '../outbox';
import type { Orgnr } from '../orgnr';
import type { TenantId } from '../tenants';
import type { Application } from './application';

/** An audit event as a use case describes it; the store adds ids and keys. */
export interface AuditEntry {
  eventId: string;
  at: string;
  /** Who did it: `applicant:<applicationId>`, `officer:<userId>` or `system:<job>`. Never a name. */
  actor: string;
  action: string;
  from?: string;
  to?: string;
}

/** Counters of the tenant-year aggregate that a change adds to (negative to subtract). */
export type AggregateDelta = Partial<Record<'applicationsSubmitted' | 'applicationsWithdrawn' | 'amountApplied', number>>;

/** A change to an application, with everything that must be written with it. */
export interface ApplicationChange {
  /** The application as it is to be stored; its `version` is the previous version + 1. */
  next: Application;
  /** The status the stored item must still have; anything else means someone got there first. */
  expectedStatus: Application['status'];
  audit: AuditEntry;
  outbox?: OutgoingMessage[];
  aggregate?: AggregateDelta;
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
  /** Every application of one organisation, newest grant year first (for prefill and resume). */
  listByOrganisation(orgnr: Orgnr): Promise<Application[]>;
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
