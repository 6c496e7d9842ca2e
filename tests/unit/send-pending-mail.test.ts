/**
 * The branching of sendPendingMail with an in-memory outbox. The DynamoDB outbox and SES mailer are
 * covered by tests/integration/outbox.test.ts; this file only walks the decisions.
 */
import { describe, expect, it } from 'vitest';
import {
  MailRejectedError,
  type Mailer,
  type OutboxMessageRef,
  type OutboxRepository,
  type PendingMessage,
} from '../../shared/outbox/outbox';
import type { TenantId } from '../../shared/kernel/tenants';
import { sendPendingMail } from '../../shared/outbox/use-cases/send-pending-mail';

const clock = () => new Date('2026-11-22T10:00:00.000Z');

function pending(messageId: string, attempts = 0): PendingMessage {
  return {
    messageId,
    tenantId: 'k3201' as TenantId,
    kind: 'application-receipt',
    to: 'leder@forening.example',
    subject: 'Kvittering',
    text: 'Mottatt.',
    createdAt: '2026-11-22T09:00:00.000Z',
    attempts,
    nextAttemptAt: '2026-11-22T09:00:00.000Z',
  };
}

/** An outbox whose listing, claims and recordings the test decides; it records what it was told. */
function fakeOutbox(messages: PendingMessage[], behaviour: { claimable?: (id: string) => boolean; recordable?: boolean } = {}) {
  const recorded: { call: string; ref: OutboxMessageRef; detail?: unknown }[] = [];
  const outbox: OutboxRepository = {
    listPending: async (_now, limit) => messages.slice(0, limit),
    claim: async (ref) => ((behaviour.claimable ?? (() => true))(ref.messageId) ? messages.find((m) => m.messageId === ref.messageId) : undefined),
    markSent: async (ref, providerMessageId) => void recorded.push({ call: 'sent', ref, detail: providerMessageId }),
    markFailed: async (ref, failure) => (recorded.push({ call: 'failed', ref, detail: failure }), behaviour.recordable ?? true),
    markDead: async (ref, failure) => (recorded.push({ call: 'dead', ref, detail: failure }), behaviour.recordable ?? true),
  };
  return { outbox, recorded };
}

const mailerThrowing = (error: Error): Mailer => ({ send: () => Promise.reject(error) });
const workingMailer: Mailer = { send: async (m) => ({ providerMessageId: `ses-${m.messageId}` }) };

describe('sendPendingMail', () => {
  it('records a failed send with the next attempt a minute later', async () => {
    // Prepare
    const { outbox, recorded } = fakeOutbox([pending('a')]);

    // Act
    const result = await sendPendingMail({ outbox, mailer: mailerThrowing(Object.assign(new Error('x'), { name: 'ThrottlingException' })), clock });

    // Assess
    expect(result).toMatchObject({ sent: 0, failed: 1, dead: 0, skipped: 0 });
    expect(recorded).toEqual([
      {
        call: 'failed',
        ref: { tenantId: 'k3201', messageId: 'a' },
        detail: { attempts: 1, reason: 'ThrottlingException', now: '2026-11-22T10:00:00.000Z', nextAttemptAt: '2026-11-22T10:01:00.000Z' },
      },
    ]);
  });

  it('gives a message up when its eighth attempt fails', async () => {
    // Prepare
    const { outbox, recorded } = fakeOutbox([pending('a', 7)]);

    // Act
    const result = await sendPendingMail({ outbox, mailer: mailerThrowing(new Error('down')), clock });

    // Assess
    expect(result).toMatchObject({ failed: 0, dead: 1 });
    expect(recorded[0]).toMatchObject({ call: 'dead', detail: { attempts: 8, reason: 'Error' } });
  });

  it('gives a message up at once when the provider rejects the message itself', async () => {
    // Prepare
    const { outbox, recorded } = fakeOutbox([pending('a')]);

    // Act
    const result = await sendPendingMail({ outbox, mailer: mailerThrowing(new MailRejectedError('MessageRejected')), clock });

    // Assess
    expect(result).toMatchObject({ dead: 1 });
    expect(recorded[0]).toMatchObject({ call: 'dead', detail: { attempts: 1, reason: 'MessageRejected' } });
  });

  it('skips a message another sender claimed, and one whose result another sender recorded first', async () => {
    // Prepare
    const taken = fakeOutbox([pending('a')], { claimable: () => false });
    const raced = fakeOutbox([pending('b')], { recordable: false });

    // Act
    const first = await sendPendingMail({ outbox: taken.outbox, mailer: workingMailer, clock });
    const second = await sendPendingMail({ outbox: raced.outbox, mailer: mailerThrowing(new Error('down')), clock });

    // Assess
    expect(first).toMatchObject({ sent: 0, skipped: 1 });
    expect(taken.recorded).toEqual([]);
    expect(second).toMatchObject({ failed: 0, skipped: 1 });
  });

  it('stops when a full page held only messages others had claimed, instead of reading it again', async () => {
    // Prepare
    const messages = ['a', 'b', 'c'].map((id) => pending(id));
    let reads = 0;
    const { outbox } = fakeOutbox(messages, { claimable: () => false });
    const counting: OutboxRepository = { ...outbox, listPending: (now, limit) => (reads++, outbox.listPending(now, limit)) };

    // Act
    const result = await sendPendingMail({ outbox: counting, mailer: workingMailer, clock }, { batchSize: 3 });

    // Assess
    expect(result.skipped).toBe(3);
    expect(reads).toBe(1);
  });

  it('sends no more than the run allows', async () => {
    // Prepare
    const messages = Array.from({ length: 10 }, (_, i) => pending(`m${i}`));
    const remaining = [...messages];
    const { outbox } = fakeOutbox(messages);
    // Sent messages leave the list, as they do in the store.
    const shrinking: OutboxRepository = {
      ...outbox,
      listPending: async (_now, limit) => remaining.slice(0, limit),
      markSent: async (ref) => void remaining.splice(remaining.findIndex((m) => m.messageId === ref.messageId), 1),
    };

    // Act
    const result = await sendPendingMail({ outbox: shrinking, mailer: workingMailer, clock }, { batchSize: 3, maxMessages: 7 });

    // Assess
    expect(result.sent).toBe(7);
    expect(remaining).toHaveLength(3);
  });
});
