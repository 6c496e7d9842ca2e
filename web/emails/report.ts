/**
 * What the organisation hears about its final report, in its language: the receipt when it is
 * sent, the municipality's message when it is returned for changes, and that it was approved.
 * The message from the officer is quoted as written; the link to correct it is the one the
 * organisation already has (the status page's link in earlier emails, or a new one from the page).
 */
import type { Application } from '../../shared/applications/application';
import { formatDateTime } from '../../shared/kernel/deadlines';
import { formatKroner } from '../../shared/kernel/money';
import type { ReportMessageKind } from '../../shared/reports/ports';
import type { GrantReport } from '../../shared/reports/report';
import type { EmailContent } from './application-emails';

interface Values {
  organisation: string;
  administrator: string;
  reference: string;
  at: string;
  spent: string;
  unspent: string;
  message: string;
}

type Texts = Record<ReportMessageKind, { subject: (v: Values) => string; body: (v: Values) => string[] }>;

const texts: Record<Application['language'], Texts> = {
  nb: {
    submitted: {
      subject: (v) => `Kvittering for sluttrapporten (${v.reference})`,
      body: (v) => [`Til ${v.organisation}`, '', `Vi mottok sluttrapporten ${v.at} (saksnummer ${v.reference}).`, `Brukt: ${v.spent}. Ubrukte midler: ${v.unspent}.`, 'Kommunen behandler rapporten og gir beskjed.', '', 'Med hilsen', v.administrator],
    },
    returned: {
      subject: (v) => `Sluttrapporten må rettes (${v.reference})`,
      body: (v) => [`Til ${v.organisation}`, '', `Kommunen ber dere rette sluttrapporten (saksnummer ${v.reference}):`, '', v.message, '', 'Åpne saken med lenken dere fikk på e-post, rett rapporten og send den igjen.', '', 'Med hilsen', v.administrator],
    },
    approved: {
      subject: (v) => `Sluttrapporten er godkjent (${v.reference})`,
      body: (v) => [`Til ${v.organisation}`, '', `Sluttrapporten (saksnummer ${v.reference}) ble godkjent ${v.at}. Takk for innsatsen!`, '', 'Med hilsen', v.administrator],
    },
  },
  nn: {
    submitted: {
      subject: (v) => `Kvittering for sluttrapporten (${v.reference})`,
      body: (v) => [`Til ${v.organisation}`, '', `Vi tok imot sluttrapporten ${v.at} (saksnummer ${v.reference}).`, `Brukt: ${v.spent}. Ubrukte midlar: ${v.unspent}.`, 'Kommunen handsamar rapporten og gir melding.', '', 'Med helsing', v.administrator],
    },
    returned: {
      subject: (v) => `Sluttrapporten må rettast (${v.reference})`,
      body: (v) => [`Til ${v.organisation}`, '', `Kommunen ber dykk rette sluttrapporten (saksnummer ${v.reference}):`, '', v.message, '', 'Opne saka med lenkja de fekk på e-post, rett rapporten og send han igjen.', '', 'Med helsing', v.administrator],
    },
    approved: {
      subject: (v) => `Sluttrapporten er godkjend (${v.reference})`,
      body: (v) => [`Til ${v.organisation}`, '', `Sluttrapporten (saksnummer ${v.reference}) vart godkjend ${v.at}. Takk for innsatsen!`, '', 'Med helsing', v.administrator],
    },
  },
  en: {
    submitted: {
      subject: (v) => `Receipt for the final report (${v.reference})`,
      body: (v) => [`To ${v.organisation}`, '', `We received the final report on ${v.at} (reference ${v.reference}).`, `Spent: ${v.spent}. Unspent: ${v.unspent}.`, 'The municipality will review the report and let you know.', '', 'Kind regards', v.administrator],
    },
    returned: {
      subject: (v) => `The final report needs changes (${v.reference})`,
      body: (v) => [`To ${v.organisation}`, '', `The municipality asks you to correct the final report (reference ${v.reference}):`, '', v.message, '', 'Open the case with the link you received by email, correct the report and send it again.', '', 'Kind regards', v.administrator],
    },
    approved: {
      subject: (v) => `The final report is approved (${v.reference})`,
      body: (v) => [`To ${v.organisation}`, '', `The final report (reference ${v.reference}) was approved on ${v.at}. Thank you for your work!`, '', 'Kind regards', v.administrator],
    },
  },
};

/** The email of a report change, in the application's language. */
export function reportEmail(input: { kind: ReportMessageKind; application: Application; report: GrantReport }): EmailContent {
  const { kind, application, report } = input;
  const lang = application.language;
  const content = report.content;
  const at = kind === 'approved' ? report.approvedAt : kind === 'returned' ? report.returned?.at : report.submittedAt;
  const values: Values = {
    organisation: application.organisationName,
    administrator: application.decision?.administratorName ?? application.tenantId,
    reference: application.reference,
    at: formatDateTime(at ?? application.updatedAt, lang),
    spent: content ? formatKroner(content.totalSpent, lang) : '',
    unspent: content ? formatKroner(content.unspent, lang) : '',
    message: report.returned?.message ?? '',
  };
  return { subject: texts[lang][kind].subject(values), text: texts[lang][kind].body(values).join('\n') };
}
