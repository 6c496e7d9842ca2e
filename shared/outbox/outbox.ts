/**
 * The email outbox (ARCHITECTURE.md §5). A use case that must tell someone about a change writes an
 * {@link OutgoingMessage} in the same DynamoDB transaction as the change; a job sends it later. So
 * an email is never lost when SES or the process fails after the change, and never sent for a
 * change that did not happen.
 *
 * Delivery is at least once: the sender claims a message before sending and records the result
 * after, so two senders never send the same message, and a failed send is retried with backoff.
 * Only a process that dies between SES accepting a message and the store recording it can cause a
 * second copy, after the claim has expired; SES has no idempotency key that could prevent that.
 */
import { z } from 'zod';
import { utcInstantSchema } from '../kernel/deadlines.js';
import { tenantIdSchema, type TenantId } from '../kernel/tenants.js';

/** What an email is about. Extend the list when a use case starts sending a new kind. */
export const mailKinds = [
  'application-receipt',
  'magic-link',
  'decision-notice',
  'report-reminder',
  'appeal-receipt',
  'appeal-update',
  'assignment-letter',
  'application-returned',
  'preliminary-reply',
  'grant-answer-receipt',
  'grant-lapsed',
  'report-receipt',
  'report-returned',
  'report-approved',
] as const;

/** One of {@link mailKinds}; logged and kept after sending, so never personal data. */
export type MailKind = (typeof mailKinds)[number];

/** An email to send, as a use case writes it to the outbox. */
export const outgoingMessageSchema = z.object({
  /** ULID chosen by the writer; sending is idempotent by this id. */
  messageId: z.ulid(),
  tenantId: tenantIdSchema,
  kind: z.enum(mailKinds),
  to: z.email(),
  // RFC 5322 allows 998 characters per header line; a subject longer than a line is a bug.
  subject: z.string().min(1).max(900),
  text: z.string().min(1),
  html: z.string().min(1).optional(),
  createdAt: utcInstantSchema,
  /** Key of the item the email reports on (e.g. an application's sort key), for tracing. */
  relatedKey: z.string().min(1).optional(),
});

/** An email to send. */
export type OutgoingMessage = z.infer<typeof outgoingMessageSchema>;

/**
 * A composed email to an application's own address, traced to the application: what a case step
 * (a decision letter, the answer to a grant) queues beside its change.
 */
export function messageToApplicant(
  application: { readonly tenantId: TenantId; readonly applicationId: string; readonly email: string },
  kind: MailKind,
  content: { readonly subject: string; readonly text: string; readonly html?: string },
  stamp: { readonly messageId: string; readonly createdAt: string },
): OutgoingMessage {
  return {
    messageId: stamp.messageId,
    tenantId: application.tenantId,
    kind,
    to: application.email,
    subject: content.subject,
    text: content.text,
    ...(content.html ? { html: content.html } : {}),
    createdAt: stamp.createdAt,
    relatedKey: application.applicationId,
  };
}

/**
 * Where a message is: `pending` until sent; `sent` keeps only metadata (the address and the
 * bodies are erased); `dead` after {@link MAX_SEND_ATTEMPTS} failures or a permanent rejection.
 */
export const outboxStatuses = ['pending', 'sent', 'dead'] as const;

/** One of {@link outboxStatuses}. */
export type OutboxStatus = (typeof outboxStatuses)[number];

/** Identifies a message in the store: the outbox belongs to a tenant. */
export interface OutboxMessageRef {
  readonly tenantId: TenantId;
  readonly messageId: string;
}

/** A message waiting to be sent, with its delivery state. */
export interface PendingMessage extends OutgoingMessage {
  /** Failed sends so far. */
  readonly attempts: number;
  /** Earliest time the message may be tried (again); while claimed, the end of the claim. */
  readonly nextAttemptAt: string;
}

/**
 * Sends one email. Throws {@link MailRejectedError} when the provider refuses the message for good
 * (retrying would not help); any other error counts as temporary.
 */
export interface Mailer {
  send(message: OutgoingMessage): Promise<{ providerMessageId: string }>;
}

/** The provider refused the message itself (e.g. a malformed address): retrying cannot help. */
export class MailRejectedError extends Error {
  /** The provider's error name, safe to log (never the address). */
  readonly reason: string;

  constructor(reason: string, options?: { cause?: unknown }) {
    super(`The mail provider rejected the message: ${reason}`, options);
    this.name = 'MailRejectedError';
    this.reason = reason;
  }
}

/** Failure facts to record; `reason` is an error name, never a provider message (it may quote the address). */
export interface SendFailure {
  readonly attempts: number;
  readonly reason: string;
  readonly now: string;
}

/** Reads and updates the outbox. Writing a message happens inside the caller's own transaction. */
export interface OutboxRepository {
  /**
   * Up to `limit` pending messages whose next attempt is due at `now`, earliest first, across
   * tenants. The list may be slightly stale: claim before sending.
   */
  listPending(now: string, limit: number): Promise<PendingMessage[]>;
  /**
   * Takes a due message for `leaseSeconds` with a conditional write, so two senders never both get
   * it; the message returns to the list when the lease ends without a result. Resolves to the
   * message as claimed, or `undefined` when it is no longer pending and due (someone else has it).
   */
  claim(ref: OutboxMessageRef, now: string, leaseSeconds: number): Promise<PendingMessage | undefined>;
  /** Records the send and erases the address, subject and bodies; kind, status and times remain. */
  markSent(ref: OutboxMessageRef, providerMessageId: string, now: string): Promise<void>;
  /**
   * Records a failed attempt and when to try again. Resolves to false when the message is no longer
   * pending (another sender recorded a result first).
   */
  markFailed(ref: OutboxMessageRef, failure: SendFailure & { readonly nextAttemptAt: string }): Promise<boolean>;
  /**
   * Gives up on a message: it leaves the pending list for the dead list, where an operator finds it;
   * its content is erased after 30 days. Resolves to false when the message is no longer pending.
   */
  markDead(ref: OutboxMessageRef, failure: SendFailure): Promise<boolean>;
}

/** After this many failed sends a message is dead. */
export const MAX_SEND_ATTEMPTS = 8;

/**
 * Minutes to wait after the n-th failure (index n − 1). Short first, because most failures are a
 * brief SES or network hiccup; then long enough to ride out an outage of some hours.
 */
export const RETRY_DELAY_MINUTES = [1, 5, 15, 60, 180, 360, 720] as const;

/**
 * When to try again after `attempts` failed sends, or `undefined` when the message should be given
 * up ({@link MAX_SEND_ATTEMPTS} reached).
 */
export function nextAttemptAfter(attempts: number, now: Date): Date | undefined {
  if (!Number.isInteger(attempts) || attempts < 1) throw new RangeError(`attempts must be a positive integer, got ${attempts}`);
  if (attempts >= MAX_SEND_ATTEMPTS) return undefined;
  const minutes = RETRY_DELAY_MINUTES[Math.min(attempts, RETRY_DELAY_MINUTES.length) - 1]!;
  return new Date(now.getTime() + minutes * 60_000);
}
