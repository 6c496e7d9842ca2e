import {
  MailRejectedError,
  nextAttemptAfter,
  type Mailer,
  type MailKind,
  type OutboxRepository,
  type PendingMessage,
} from '../outbox.js';
import type { Clock } from '../../kernel/ports.js';

/** What {@link sendPendingMail} needs from the outside world. */
export interface SendPendingMailDeps {
  readonly outbox: OutboxRepository;
  readonly mailer: Mailer;
  readonly clock: Clock;
}

/** Limits of one run. */
export interface SendPendingMailOptions {
  /** Messages read per query. @default 25 */
  readonly batchSize?: number;
  /** At most this many messages per run, so one run ends well within its time limit. @default 200 */
  readonly maxMessages?: number;
  /**
   * How long a claim hides a message from other senders. Longer than one send can take (the SES
   * client gives up after 10 s), so a slow send is never claimed twice. @default 60
   */
  readonly leaseSeconds?: number;
}

/** What happened to one message; ids and kinds only, so it can be logged. */
export interface MailOutcome {
  readonly tenantId: string;
  readonly messageId: string;
  readonly kind: MailKind | undefined;
  readonly outcome: 'sent' | 'failed' | 'dead' | 'skipped';
  readonly attempts: number;
  /** Error name of a failed or dead message. */
  readonly reason?: string;
}

/** Counts of one run, and each message's outcome for the log. */
export interface SendPendingMailResult {
  readonly sent: number;
  readonly failed: number;
  readonly dead: number;
  /** Listed but taken by another sender (or already done) before this run could claim it. */
  readonly skipped: number;
  readonly outcomes: readonly MailOutcome[];
}

/**
 * Send pending mail (the outbox job).
 *
 * Primary course: reads the pending messages that are due now, earliest first; claims each one
 * (a conditional write, so concurrent runs never both get it), sends it, and records it as sent,
 * which erases the address and the bodies.
 *
 * Alternatives:
 * - Another run claimed the message first, or it is no longer pending: skipped.
 * - The mailer fails: the attempt is counted and the message waits 1, 5, 15, 60 … minutes
 *   ({@link nextAttemptAfter}); after the eighth failure (`MAX_SEND_ATTEMPTS`) it is dead.
 * - The mailer throws {@link MailRejectedError} (the message itself is refused): dead at once.
 * - Recording a result fails (the store is unreachable): the error propagates and the run fails;
 *   the claim expires and a later run tries again. For a message that SES had already accepted
 *   this is the one way an email can arrive twice.
 */
export async function sendPendingMail(deps: SendPendingMailDeps, options: SendPendingMailOptions = {}): Promise<SendPendingMailResult> {
  const batchSize = options.batchSize ?? 25;
  const maxMessages = options.maxMessages ?? 200;
  const leaseSeconds = options.leaseSeconds ?? 60;
  const outcomes: MailOutcome[] = [];

  while (outcomes.length < maxMessages) {
    const limit = Math.min(batchSize, maxMessages - outcomes.length);
    const batch = await deps.outbox.listPending(deps.clock().toISOString(), limit);
    let progressed = false;
    for (const listed of batch) {
      const outcome = await sendOne(deps, listed, leaseSeconds);
      outcomes.push(outcome);
      progressed ||= outcome.outcome !== 'skipped';
    }
    // A short page means nothing else is due; a page that only held others' claims (the index can
    // lag) would come back the same, so stop rather than spin.
    if (batch.length < limit || !progressed) break;
  }

  const count = (outcome: MailOutcome['outcome']) => outcomes.filter((o) => o.outcome === outcome).length;
  return { sent: count('sent'), failed: count('failed'), dead: count('dead'), skipped: count('skipped'), outcomes };
}

async function sendOne(deps: SendPendingMailDeps, listed: PendingMessage, leaseSeconds: number): Promise<MailOutcome> {
  const ref = { tenantId: listed.tenantId, messageId: listed.messageId };
  const base = { ...ref, kind: listed.kind };
  const message = await deps.outbox.claim(ref, deps.clock().toISOString(), leaseSeconds);
  if (!message) return { ...base, outcome: 'skipped', attempts: listed.attempts };

  let providerMessageId: string;
  try {
    ({ providerMessageId } = await deps.mailer.send(message));
  } catch (error) {
    const now = deps.clock();
    const attempts = message.attempts + 1;
    const reason = error instanceof MailRejectedError ? error.reason : ((error as { name?: string })?.name ?? 'Error');
    const retryAt = error instanceof MailRejectedError ? undefined : nextAttemptAfter(attempts, now);
    const failure = { attempts, reason, now: now.toISOString() };
    const recorded = retryAt
      ? await deps.outbox.markFailed(ref, { ...failure, nextAttemptAt: retryAt.toISOString() })
      : await deps.outbox.markDead(ref, failure);
    if (!recorded) return { ...base, outcome: 'skipped', attempts: message.attempts };
    return { ...base, outcome: retryAt ? 'failed' : 'dead', attempts, reason };
  }

  await deps.outbox.markSent(ref, providerMessageId, deps.clock().toISOString());
  return { ...base, outcome: 'sent', attempts: message.attempts };
}
