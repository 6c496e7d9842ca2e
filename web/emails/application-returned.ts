import type { Application, ReturnRequest } from '../../shared/applications/application';
import type { Locale } from '../../shared/kernel/i18n';
import { formatDateTime } from '../../shared/kernel/deadlines';
import type { OutgoingMessage } from '../../shared/outbox/outbox';
import type { Call } from '../../shared/rounds/call';
import { textTranslator } from '../i18n';
import { returnText, type ReturnTextKey } from '../messages/return';
import type { Envelope } from './application-messages';

/**
 * The emails of a return for more information, to the applicant in the applicant's language: the
 * municipality's request with a single-use link to continue, and the receipt when the application
 * is sent back.
 */

/** The names of the sections a request lets the applicant change, in the form's order. */
export function returnedSectionNames(request: Pick<ReturnRequest, 'sections'>, lang: Locale): string {
  const tx = textTranslator(returnText, lang);
  return request.sections.map((section) => tx(`section.${section}` as ReturnTextKey)).join(', ');
}

/** The request for more information, with the link that opens the application for the answer. */
export function returnedMessage(application: Application, call: Call, links: { url: string; resumeUrl: string; hours: number }, envelope: Envelope): OutgoingMessage {
  const lang = application.language;
  const tx = textTranslator(returnText, lang);
  const request = application.returnRequest;
  if (!request) throw new Error('A returned application carries its request');
  return {
    ...envelope,
    tenantId: application.tenantId,
    kind: 'application-returned',
    to: application.email,
    subject: tx('email.returned.subject', { reference: application.reference }),
    text: tx('email.returned.body', {
      administrator: call.administratorName,
      organisation: application.organisationName,
      call: call.title[lang],
      reference: application.reference,
      message: request.message,
      sections: returnedSectionNames(request, lang),
      hours: links.hours,
      url: links.url,
      resumeUrl: links.resumeUrl,
    }),
    relatedKey: application.applicationId,
  };
}

/** The receipt of an application sent back after a request, with a link to its status. */
export function resubmittedMessage(application: Application, call: Call, statusUrl: string, envelope: Envelope): OutgoingMessage {
  const lang = application.language;
  const tx = textTranslator(returnText, lang);
  const answered = application.returnHistory?.at(-1);
  return {
    ...envelope,
    tenantId: application.tenantId,
    kind: 'application-receipt',
    to: application.email,
    subject: tx('email.resubmitted.subject', { reference: application.reference }),
    text: tx('email.resubmitted.body', {
      administrator: call.administratorName,
      organisation: application.organisationName,
      call: call.title[lang],
      reference: application.reference,
      at: formatDateTime(answered?.resubmittedAt ?? application.updatedAt, lang),
      statusUrl,
      sections: answered ? returnedSectionNames(answered, lang) : '',
    }),
    relatedKey: application.applicationId,
  };
}
