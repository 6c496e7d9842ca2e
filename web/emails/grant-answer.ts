/**
 * What the organisation hears after its grant is answered, in its language: the receipt for
 * accepting or declining, and the notice that an unanswered grant lapsed at its deadline.
 */
import type { Application } from '../../shared/applications/application';
import type { GrantAnswerOutcome } from '../../shared/decisions/acceptance';
import type { Decision } from '../../shared/decisions/decision';
import { formatDate, formatDateTime } from '../../shared/kernel/deadlines';
import { formatKroner } from '../../shared/kernel/money';
import type { EmailContent } from './application-emails';

interface Values {
  organisation: string;
  administrator: string;
  reference: string;
  amount: string;
  at: string;
  deadline: string;
}

type Texts = Record<GrantAnswerOutcome, { subject: (v: Values) => string; body: (v: Values) => string[] }>;

const texts: Record<Application['language'], Texts> = {
  nb: {
    accepted: {
      subject: (v) => `Dere har tatt imot tilskuddet (${v.reference})`,
      body: (v) => [`Til ${v.organisation}`, '', `${v.organisation} tok imot tilskuddet på ${v.amount} og vilkårene i vedtaket ${v.at} (saksnummer ${v.reference}).`, 'Husk vilkårene: bruk tilskuddet i tilskuddsåret, rapporter innen fristen, betal tilbake det som ikke er brukt, og meld fra om endringer.', '', 'Med hilsen', v.administrator],
    },
    declined: {
      subject: (v) => `Dere har takket nei til tilskuddet (${v.reference})`,
      body: (v) => [`Til ${v.organisation}`, '', `${v.organisation} takket nei til tilskuddet på ${v.amount} ${v.at} (saksnummer ${v.reference}). Pengene går tilbake til ${v.administrator} og kan gis til andre.`, '', 'Med hilsen', v.administrator],
    },
    lapsed: {
      subject: (v) => `Tilskuddet er falt bort (${v.reference})`,
      body: (v) => [`Til ${v.organisation}`, '', `Tilskuddet på ${v.amount} (saksnummer ${v.reference}) ble ikke tatt imot innen fristen ${v.deadline}, og har falt bort. Pengene går tilbake til ${v.administrator}.`, `Ta kontakt med ${v.administrator} hvis dere mener dette er feil.`, '', 'Med hilsen', v.administrator],
    },
  },
  nn: {
    accepted: {
      subject: (v) => `De har teke imot tilskotet (${v.reference})`,
      body: (v) => [`Til ${v.organisation}`, '', `${v.organisation} tok imot tilskotet på ${v.amount} og vilkåra i vedtaket ${v.at} (saksnummer ${v.reference}).`, 'Hugs vilkåra: bruk tilskotet i tilskotsåret, rapporter innan fristen, betal tilbake det som ikkje er brukt, og meld frå om endringar.', '', 'Med helsing', v.administrator],
    },
    declined: {
      subject: (v) => `De har sagt nei til tilskotet (${v.reference})`,
      body: (v) => [`Til ${v.organisation}`, '', `${v.organisation} sa nei til tilskotet på ${v.amount} ${v.at} (saksnummer ${v.reference}). Pengane går tilbake til ${v.administrator} og kan bli gitt til andre.`, '', 'Med helsing', v.administrator],
    },
    lapsed: {
      subject: (v) => `Tilskotet har falle bort (${v.reference})`,
      body: (v) => [`Til ${v.organisation}`, '', `Tilskotet på ${v.amount} (saksnummer ${v.reference}) vart ikkje teke imot innan fristen ${v.deadline}, og har falle bort. Pengane går tilbake til ${v.administrator}.`, `Ta kontakt med ${v.administrator} om de meiner dette er feil.`, '', 'Med helsing', v.administrator],
    },
  },
  en: {
    accepted: {
      subject: (v) => `You have accepted the grant (${v.reference})`,
      body: (v) => [`To ${v.organisation}`, '', `${v.organisation} accepted the grant of ${v.amount} and the conditions of the decision on ${v.at} (reference ${v.reference}).`, 'Remember the conditions: use the grant within the grant year, report by the deadline, pay back what is not used, and tell us about changes.', '', 'Kind regards', v.administrator],
    },
    declined: {
      subject: (v) => `You have declined the grant (${v.reference})`,
      body: (v) => [`To ${v.organisation}`, '', `${v.organisation} declined the grant of ${v.amount} on ${v.at} (reference ${v.reference}). The money goes back to ${v.administrator} and may be given to others.`, '', 'Kind regards', v.administrator],
    },
    lapsed: {
      subject: (v) => `The grant has lapsed (${v.reference})`,
      body: (v) => [`To ${v.organisation}`, '', `The grant of ${v.amount} (reference ${v.reference}) was not accepted by the deadline, ${v.deadline}, and has lapsed. The money goes back to ${v.administrator}.`, `Contact ${v.administrator} if you believe this is a mistake.`, '', 'Kind regards', v.administrator],
    },
  },
};

/** The receipt or notice of an answer to a grant, in the application's language. */
export function grantAnswerEmail(input: { outcome: GrantAnswerOutcome; application: Application; decision: Decision }): EmailContent {
  const { outcome, application, decision } = input;
  const lang = application.language;
  const values: Values = {
    organisation: application.organisationName,
    administrator: decision.administratorName ?? application.tenantId,
    reference: application.reference,
    amount: formatKroner(decision.amount, lang),
    at: formatDateTime(application.acceptance?.at ?? application.updatedAt, lang),
    deadline: decision.acceptanceDeadline ? formatDate(decision.acceptanceDeadline, lang) : '',
  };
  return { subject: texts[lang][outcome].subject(values), text: texts[lang][outcome].body(values).join('\n') };
}
