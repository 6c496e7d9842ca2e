/**
 * The outbox against the real DynamoDB Local and the real SES stand-in.
 *
 * The pending list is one index partition shared by every test file, so each test here runs its
 * sender at a fixed instant in the 1990s: it then sees only messages due by then, which are this
 * file's, and never sends (or fails) another file's mail. Every test ends with its messages sent or
 * dead, so nothing of this file stays pending for other senders.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { auditEventItem } from '../../functions/adapters/entities/audit-event-item';
import { outboxMessageItem } from '../../functions/adapters/entities/outbox-message-item';
import { queueMessage } from '../../functions/adapters/outbox-repository';
import { createUnitOfWork, putNew } from '../../functions/adapters/unit-of-work';
import { createSesClient, createSesMailer } from '../../functions/adapters/ses-mailer';
import { freePort } from '../../infra/local/ports';
import type { OutgoingMessage } from '../../shared/outbox/outbox';
import { indexNames } from '../../shared/table';
import { sendPendingMail } from '../../shared/outbox/use-cases/send-pending-mail';
import { emailsTo, freshRecipient } from '../support/mail-inbox';
import { freshTenantId, testAdapters, testConfig } from '../support/test-environment';

const config = testConfig();
const adapters = testAdapters(config);
const tenantId = freshTenantId('mail');

const fixedClock = (iso: string) => () => new Date(iso);

function receipt(to: string, createdAt: string, overrides: Partial<OutgoingMessage> = {}): OutgoingMessage {
  return {
    messageId: ulid(),
    tenantId,
    kind: 'application-receipt',
    to,
    subject: 'Kvittering: søknaden er mottatt',
    text: 'Vi har mottatt søknaden om tilskudd til integreringsarbeid.',
    createdAt,
    relatedKey: `APPLICATION#${ulid()}`,
    ...overrides,
  };
}

/** Writes the messages in one transaction with an audit event, as a use case reporting a change does. */
async function writeWithChange(messages: OutgoingMessage[], at: string): Promise<void> {
  await createUnitOfWork(adapters.db, config.TABLE_NAME).commit([
    putNew(
      auditEventItem.toItem({
        tenantId,
        entityKey: `APPLICATION#${ulid()}`,
        eventId: ulid(),
        at,
        actor: 'test',
        machine: 'application',
        action: 'submit',
        from: 'draft',
        to: 'submitted',
      }),
    ),
    ...messages.map(queueMessage),
  ]);
}

async function storedItem(message: OutgoingMessage): Promise<Record<string, unknown> | undefined> {
  const result = await adapters.db.send(
    new GetCommand({ TableName: config.TABLE_NAME, Key: outboxMessageItem.key(message.tenantId, message.messageId), ConsistentRead: true }),
  );
  return result.Item;
}

async function isListed(list: string, message: OutgoingMessage): Promise<boolean> {
  const result = await adapters.db.send(
    new QueryCommand({
      TableName: config.TABLE_NAME,
      IndexName: indexNames.byList,
      KeyConditionExpression: 'GSI1PK = :list',
      FilterExpression: 'messageId = :id',
      ExpressionAttributeValues: { ':list': list, ':id': message.messageId },
    }),
  );
  return (result.Items ?? []).length > 0;
}

/** A mailer whose SES endpoint is a port nobody listens on. */
async function unreachableMailer() {
  const port = await freePort();
  return createSesMailer(createSesClient({ AWS_REGION: config.AWS_REGION, SES_ENDPOINT: `http://127.0.0.1:${port}` }), config);
}

describe('the email outbox', () => {
  it('sends each message written in a transaction exactly once when two senders run at the same time', async () => {
    // Prepare
    const recipients = Array.from({ length: 5 }, () => freshRecipient('kvittering'));
    const messages = recipients.map((to) => receipt(to, '1991-03-01T10:00:00.000Z'));
    await writeWithChange(messages, '1991-03-01T10:00:00.000Z');
    const deps = { outbox: adapters.outbox, mailer: adapters.mailer, clock: fixedClock('1991-03-01T10:00:05.000Z') };

    // Act
    const [first, second] = await Promise.all([sendPendingMail(deps), sendPendingMail(deps)]);

    // Assess
    const ids = new Set(messages.map((m) => m.messageId));
    const sentBy = (run: typeof first) => run.outcomes.filter((o) => ids.has(o.messageId) && o.outcome === 'sent').map((o) => o.messageId);
    expect([...sentBy(first), ...sentBy(second)].sort()).toEqual([...ids].sort());
    for (const to of recipients) expect(await emailsTo(to)).toHaveLength(1);
    for (const message of messages) expect((await storedItem(message))?.status).toBe('sent');
  });

  it('erases the address, the subject and the bodies once a message is sent, and keeps what it was', async () => {
    // Prepare
    const to = freshRecipient('magisk');
    const message = receipt(to, '1992-05-01T08:00:00.000Z', {
      kind: 'magic-link',
      subject: 'Lenke for å logge inn – søknad om tilskot (æøå)',
      text: 'Bruk lenka for å halde fram med søknaden.',
      html: '<p>Bruk <a href="https://fordel.example/inn">lenka</a> for å halde fram.</p>',
    });
    await writeWithChange([message], message.createdAt);

    // Act
    const result = await sendPendingMail({ outbox: adapters.outbox, mailer: adapters.mailer, clock: fixedClock('1992-05-01T08:00:01.000Z') });

    // Assess
    expect(result.outcomes.find((o) => o.messageId === message.messageId)?.outcome).toBe('sent');
    const [email] = await emailsTo(to);
    expect(email).toMatchObject({ from: config.MAIL_FROM, subject: message.subject, body: { text: message.text, html: message.html } });
    const item = await storedItem(message);
    expect(item).toMatchObject({ status: 'sent', kind: 'magic-link', createdAt: message.createdAt, sentAt: '1992-05-01T08:00:01.000Z' });
    expect(item?.providerMessageId).toEqual(expect.any(String));
    for (const erased of ['to', 'subject', 'text', 'html', 'GSI1PK', 'GSI1SK']) expect(item).not.toHaveProperty(erased);
    expect(JSON.stringify(item)).not.toContain(to);
  });

  it('keeps a message and tries again after a minute when SES cannot be reached', async () => {
    // Prepare
    const to = freshRecipient('nede');
    const message = receipt(to, '1993-01-10T12:00:00.000Z');
    await writeWithChange([message], message.createdAt);
    const mailer = await unreachableMailer();

    // Act
    const failedRun = await sendPendingMail({ outbox: adapters.outbox, mailer, clock: fixedClock('1993-01-10T12:00:02.000Z') });
    const item = await storedItem(message);
    const tooEarly = await sendPendingMail({ outbox: adapters.outbox, mailer: adapters.mailer, clock: fixedClock('1993-01-10T12:00:30.000Z') });
    const retry = await sendPendingMail({ outbox: adapters.outbox, mailer: adapters.mailer, clock: fixedClock('1993-01-10T12:01:03.000Z') });

    // Assess
    expect(failedRun.outcomes.find((o) => o.messageId === message.messageId)).toMatchObject({ outcome: 'failed', attempts: 1 });
    expect(item).toMatchObject({
      status: 'pending',
      attempts: 1,
      to,
      text: message.text,
      nextAttemptAt: '1993-01-10T12:01:02.000Z',
      GSI1SK: `1993-01-10T12:01:02.000Z#${message.messageId}`,
    });
    expect(item?.lastError).toEqual(expect.any(String));
    expect(String(item?.lastError)).not.toContain('@');
    expect(tooEarly.outcomes.map((o) => o.messageId)).not.toContain(message.messageId);
    expect(retry.outcomes.find((o) => o.messageId === message.messageId)?.outcome).toBe('sent');
    expect(await emailsTo(to)).toHaveLength(1);
  });

  it('gives a message up after its eighth failed attempt and lists it for an operator', async () => {
    // Prepare
    const to = freshRecipient('dod');
    const message = receipt(to, '1994-02-01T00:00:00.000Z');
    await writeWithChange([message], message.createdAt);
    const mailer = await unreachableMailer();

    // Act: each run happens when the previous one said to try again
    const outcomes = [];
    let now = Date.parse('1994-02-01T00:00:00.000Z');
    for (let attempt = 1; attempt <= 8; attempt++) {
      const run = await sendPendingMail({ outbox: adapters.outbox, mailer, clock: () => new Date(now) });
      outcomes.push(run.outcomes.find((o) => o.messageId === message.messageId)?.outcome);
      const item = await storedItem(message);
      if (typeof item?.nextAttemptAt === 'string') now = Date.parse(item.nextAttemptAt);
    }

    // Assess
    expect(outcomes).toEqual([...Array(7).fill('failed'), 'dead']);
    const item = await storedItem(message);
    expect(item).toMatchObject({ status: 'dead', attempts: 8, to });
    expect(item?.expiresAt).toEqual(expect.any(Number));
    expect(await isListed(outboxMessageItem.pendingList, message)).toBe(false);
    expect(await isListed(outboxMessageItem.deadList, message)).toBe(true);
    expect(await emailsTo(to)).toHaveLength(0);
  });

  it('refuses to queue a message id twice', async () => {
    // Prepare
    const message = receipt(freshRecipient('dobbel'), '1990-01-01T00:00:00.000Z');
    await writeWithChange([message], message.createdAt);

    // Act
    const again = writeWithChange([message], message.createdAt);

    // Assess
    await expect(again).rejects.toMatchObject({ name: 'TransactionCanceledException' });
    await sendPendingMail({ outbox: adapters.outbox, mailer: adapters.mailer, clock: fixedClock('1990-01-01T00:00:01.000Z') });
    expect(await emailsTo(message.to)).toHaveLength(1);
  });
});
