import { describe, expect, it } from 'vitest';
import { outboxPut } from '../../functions/adapters/outbox-repository';
import { MAX_SEND_ATTEMPTS, nextAttemptAfter, type OutgoingMessage } from '../../shared/outbox/outbox';
import type { TenantId } from '../../shared/kernel/tenants';

const now = new Date('2026-11-22T10:00:00.000Z');
const minutesAfterNow = (date: Date | undefined) => (date ? (date.getTime() - now.getTime()) / 60_000 : undefined);

const message: OutgoingMessage = {
  messageId: '01JDV3Z8Q4N7W2X5Y6Z7A8B9C0',
  tenantId: 'k3201' as TenantId,
  kind: 'application-receipt',
  to: 'leder@forening.example',
  subject: 'Kvittering',
  text: 'Vi har mottatt søknaden.',
  createdAt: '2026-11-22T10:00:00Z',
};

describe('retry backoff', () => {
  it('waits 1, 5, 15, 60, 180, 360 and 720 minutes after the first seven failures', () => {
    // Prepare
    const failures = [1, 2, 3, 4, 5, 6, 7];

    // Act
    const delays = failures.map((attempts) => minutesAfterNow(nextAttemptAfter(attempts, now)));

    // Assess
    expect(delays).toEqual([1, 5, 15, 60, 180, 360, 720]);
  });

  it('gives up after the eighth failure', () => {
    // Act / Assess
    expect(MAX_SEND_ATTEMPTS).toBe(8);
    expect(nextAttemptAfter(8, now)).toBeUndefined();
    expect(nextAttemptAfter(9, now)).toBeUndefined();
  });

  it('refuses an attempt count below one', () => {
    // Act / Assess
    expect(() => nextAttemptAfter(0, now)).toThrow(RangeError);
  });
});

describe('outboxPut', () => {
  it('queues the message as pending, due at once, and refuses to overwrite the same message id', () => {
    // Act
    const { Put } = outboxPut('fordel-test', message);

    // Assess
    expect(Put.ConditionExpression).toBe('attribute_not_exists(PK)');
    expect(Put.Item).toMatchObject({
      PK: 'T#k3201#OUTBOX',
      SK: `MSG#${message.messageId}`,
      GSI1PK: 'OUTBOX#PENDING',
      GSI1SK: `2026-11-22T10:00:00.000Z#${message.messageId}`,
      status: 'pending',
      attempts: 0,
      createdAt: '2026-11-22T10:00:00.000Z',
      nextAttemptAt: '2026-11-22T10:00:00.000Z',
    });
  });

  it('refuses a message with a malformed address', () => {
    // Act / Assess
    expect(() => outboxPut('fordel-test', { ...message, to: 'not-an-address' })).toThrow();
  });
});
