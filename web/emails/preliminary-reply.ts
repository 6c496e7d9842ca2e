/**
 * The preliminary reply (foreløpig svar, forvaltningsloven § 11a) in the applicant's language: the
 * application is received and being handled, why the decision takes time, and when it is expected.
 */
import type { Application } from '../../shared/applications/application';
import { formatDate, type LocalDate } from '../../shared/kernel/deadlines';
import type { Call } from '../../shared/rounds/call';
import type { EmailContent } from './application-emails';

export interface PreliminaryReplyInput {
  readonly application: Pick<Application, 'language' | 'organisationName' | 'reference'>;
  readonly call: Pick<Call, 'title' | 'administratorName'>;
  /** The date the decision is expected by. */
  readonly expectedBy: LocalDate;
  /** Whether the round stated the date; otherwise it is the stated fallback. */
  readonly fromRound: boolean;
}

const texts = {
  nb: {
    subject: (i: Values) => `Foreløpig svar på søknaden ${i.reference}`,
    body: (i: Values) => [
      `Til ${i.organisation}`,
      '',
      `${i.administrator} har mottatt søknaden deres om tilskudd fra «${i.call}» (saksnummer ${i.reference}) og behandler den nå.`,
      'Hvorfor det tar tid: alle søknadene i utlysningen vurderes og rangeres samlet før midlene fordeles, slik at de blir behandlet likt. Derfor kan vi ikke svare innen en måned etter søknadsfristen.',
      i.fromRound
        ? `Vi regner med å fatte vedtak innen ${i.date}.`
        : `Kommunen har ikke fastsatt en dato for vedtakene ennå; vi regner med å fatte vedtak innen ${i.date}.`,
      'Dere får vedtaket skriftlig med begrunnelse og informasjon om klageadgang.',
      '',
      'Dette foreløpige svaret sendes etter forvaltningsloven § 11a.',
      '',
      'Med hilsen',
      i.administrator,
    ],
  },
  nn: {
    subject: (i: Values) => `Førebels svar på søknaden ${i.reference}`,
    body: (i: Values) => [
      `Til ${i.organisation}`,
      '',
      `${i.administrator} har fått søknaden dykkar om tilskot frå «${i.call}» (saksnummer ${i.reference}) og handsamar han no.`,
      'Kvifor det tek tid: alle søknadene i utlysinga blir vurderte og rangerte samla før midlane blir fordelte, slik at dei blir handsama likt. Difor kan vi ikkje svare innan ein månad etter søknadsfristen.',
      i.fromRound
        ? `Vi reknar med å gjere vedtak innan ${i.date}.`
        : `Kommunen har ikkje fastsett ein dato for vedtaka enno; vi reknar med å gjere vedtak innan ${i.date}.`,
      'De får vedtaket skriftleg med grunngiving og informasjon om klagetilgang.',
      '',
      'Dette førebelse svaret blir sendt etter forvaltningslova § 11a.',
      '',
      'Med helsing',
      i.administrator,
    ],
  },
  en: {
    subject: (i: Values) => `Preliminary reply to application ${i.reference}`,
    body: (i: Values) => [
      `To ${i.organisation}`,
      '',
      `${i.administrator} has received your application for a grant from “${i.call}” (reference ${i.reference}) and is handling it.`,
      'Why it takes time: all applications to the call are assessed and ranked together before the money is shared out, so that they are treated alike. That is why we cannot answer within a month of the application deadline.',
      i.fromRound
        ? `We expect to decide by ${i.date}.`
        : `The municipality has not set a date for its decisions yet; we expect to decide by ${i.date}.`,
      'You will receive the decision in writing, with its reasons and how to appeal.',
      '',
      'This preliminary reply is sent under section 11a of the Public Administration Act.',
      '',
      'Kind regards',
      i.administrator,
    ],
  },
} as const;

interface Values {
  organisation: string;
  administrator: string;
  call: string;
  reference: string;
  date: string;
  fromRound: boolean;
}

/** The preliminary reply's subject and text. */
export function preliminaryReplyEmail(input: PreliminaryReplyInput): EmailContent {
  const lang = input.application.language;
  const values: Values = {
    organisation: input.application.organisationName,
    administrator: input.call.administratorName,
    call: input.call.title[lang],
    reference: input.application.reference,
    date: formatDate(input.expectedBy, lang),
    fromRound: input.fromRound,
  };
  return { subject: texts[lang].subject(values), text: texts[lang].body(values).join('\n') };
}
