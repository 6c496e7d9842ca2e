import type { Application } from '../../shared/applications/application';
import type { OutgoingMessage } from '../../shared/outbox/outbox';
import type { Call } from '../../shared/rounds/call';
import { linkEmail, receiptEmail, type EmailContent } from './application-emails';

/**
 * The outbox messages of the application journey, addressed to the applicant in their language.
 * Routes and jobs queue the same messages, so an email reads the same whoever sends it.
 */

/** What makes a message one of its own: its id and when it was written. */
export interface Envelope {
  readonly messageId: string;
  readonly createdAt: string;
}

function toApplicant(application: Application, kind: OutgoingMessage['kind'], content: EmailContent, envelope: Envelope): OutgoingMessage {
  return { ...envelope, tenantId: application.tenantId, kind, to: application.email, ...content, relatedKey: application.applicationId };
}

/** The email with a single-use link back to the application. */
export function linkMessage(application: Application, call: Call, links: { url: string; resumeUrl: string; hours: number }, envelope: Envelope): OutgoingMessage {
  return toApplicant(application, 'magic-link', linkEmail(application, call, links), envelope);
}

/** The receipt of a submitted application, with a link to follow its status. */
export function receiptMessage(application: Application, call: Call, statusUrl: string, envelope: Envelope): OutgoingMessage {
  return toApplicant(application, 'application-receipt', receiptEmail(application, call, statusUrl), envelope);
}
