import { inject } from 'vitest';
import { ulid } from 'ulid';

/** An email as the SES stand-in keeps it (`GET /store`). */
export interface StoredEmail {
  messageId: string;
  from: string;
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  body: { text?: string; html?: string };
  at: number;
}

/**
 * The emails the SES stand-in holds for `recipient`. Test files share one inbox and run in
 * parallel, so a test reads only its own unique recipients and never clears the store.
 */
export async function emailsTo(recipient: string): Promise<StoredEmail[]> {
  const response = await fetch(`${inject('mailEndpoint')}/store`);
  if (!response.ok) throw new Error(`The SES stand-in answered ${response.status}`);
  const { emails } = (await response.json()) as { emails: StoredEmail[] };
  return emails.filter((email) => email.destination.to.includes(recipient));
}

/** An address no other test uses. */
export function freshRecipient(label = 'mottaker'): string {
  return `${label}-${ulid().toLowerCase()}@example.org`;
}
