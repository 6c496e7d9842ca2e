/**
 * What the organisation hears about its appeal, in its language: the receipt when it is lodged
 * (late or not), and a notice of each step the municipality takes: reversed (the case is assessed
 * again), forwarded to the appeal body, the appeal body's outcome, or dismissed as late.
 */
import type { Appeal, AppealStep } from '../../shared/appeals/appeal';
import type { AppealAction } from '../../shared/appeals/lifecycle';
import type { Application } from '../../shared/applications/application';
import { formatDate, formatDateTime } from '../../shared/kernel/deadlines';
import type { EmailContent } from './application-emails';

type Lang = Application['language'];

interface Values {
  organisation: string;
  reference: string;
  at: string;
  deadline: string;
  reasons: string;
  forwardedOn: string;
}

const greeting = { nb: 'Til', nn: 'Til', en: 'To' } as const;
const closing = { nb: 'Med hilsen', nn: 'Med helsing', en: 'Kind regards' } as const;

const receipt: Record<Lang, { subject: (v: Values) => string; body: (v: Values, late: boolean) => string[] }> = {
  nb: {
    subject: (v) => `Vi har mottatt klagen (${v.reference})`,
    body: (v, late) => [
      `${v.organisation} klaget på vedtaket ${v.at} (saksnummer ${v.reference}).`,
      late ? `Klagefristen gikk ut ${v.deadline}. Kommunen vurderer om klagen likevel kan behandles (forvaltningsloven § 31), og tar hensyn til det dere skrev om hvorfor den kom sent.` : 'Klagen kom inn innen fristen.',
      'Kommunen går gjennom saken på nytt. Enten endrer den vedtaket selv, eller så sender den klagen videre til klageinstansen. Dere får beskjed om hva som skjer.',
    ],
  },
  nn: {
    subject: (v) => `Vi har fått klaga (${v.reference})`,
    body: (v, late) => [
      `${v.organisation} klaga på vedtaket ${v.at} (saksnummer ${v.reference}).`,
      late ? `Klagefristen gjekk ut ${v.deadline}. Kommunen vurderer om klaga likevel kan handsamast (forvaltningslova § 31), og tek omsyn til det de skreiv om kvifor ho kom seint.` : 'Klaga kom inn innan fristen.',
      'Kommunen går gjennom saka på nytt. Anten endrar han vedtaket sjølv, eller så sender han klaga vidare til klageinstansen. De får melding om kva som skjer.',
    ],
  },
  en: {
    subject: (v) => `We have received your appeal (${v.reference})`,
    body: (v, late) => [
      `${v.organisation} appealed against the decision on ${v.at} (reference ${v.reference}).`,
      late ? `The appeal deadline was ${v.deadline}. The municipality will consider whether the appeal can still be heard (Public Administration Act, section 31), taking into account what you wrote about why it is late.` : 'The appeal arrived within the deadline.',
      'The municipality will review the case. It either changes the decision itself or forwards the appeal to the appeal body. You will be told what happens.',
    ],
  },
};

const updates: Record<Lang, Record<AppealAction, { subject: (v: Values) => string; lead: (v: Values) => string }>> = {
  nb: {
    reverse: { subject: (v) => `Klagen er tatt til følge (${v.reference})`, lead: () => 'Kommunen har omgjort vedtaket etter klagen deres. Søknaden behandles på nytt, og dere får et nytt vedtak.' },
    uphold_and_forward: { subject: (v) => `Klagen er sendt til klageinstansen (${v.reference})`, lead: (v) => `Kommunen opprettholder vedtaket og sendte klagen til klageinstansen ${v.forwardedOn}. Klageinstansen avgjør saken og gir dere svar.` },
    decide: { subject: (v) => `Klageinstansen har avgjort klagen (${v.reference})`, lead: () => 'Klageinstansen har avgjort klagen deres. Avgjørelsen er endelig og kan ikke påklages.' },
    dismiss: { subject: (v) => `Klagen er avvist (${v.reference})`, lead: () => 'Kommunen har avvist klagen fordi den kom etter klagefristen, og behandler den ikke.' },
  },
  nn: {
    reverse: { subject: (v) => `Klaga er teken til følgje (${v.reference})`, lead: () => 'Kommunen har gjort om vedtaket etter klaga dykkar. Søknaden blir handsama på nytt, og de får eit nytt vedtak.' },
    uphold_and_forward: { subject: (v) => `Klaga er send til klageinstansen (${v.reference})`, lead: (v) => `Kommunen held fast på vedtaket og sende klaga til klageinstansen ${v.forwardedOn}. Klageinstansen avgjer saka og gir dykk svar.` },
    decide: { subject: (v) => `Klageinstansen har avgjort klaga (${v.reference})`, lead: () => 'Klageinstansen har avgjort klaga dykkar. Avgjerda er endeleg og kan ikkje klagast på.' },
    dismiss: { subject: (v) => `Klaga er avvist (${v.reference})`, lead: () => 'Kommunen har avvist klaga fordi ho kom etter klagefristen, og handsamar henne ikkje.' },
  },
  en: {
    reverse: { subject: (v) => `Your appeal has been upheld (${v.reference})`, lead: () => 'The municipality has reversed its decision after your appeal. The application will be assessed again, and you will receive a new decision.' },
    uphold_and_forward: { subject: (v) => `Your appeal has been sent to the appeal body (${v.reference})`, lead: (v) => `The municipality stands by its decision and sent your appeal to the appeal body on ${v.forwardedOn}. The appeal body decides the case and will answer you.` },
    decide: { subject: (v) => `The appeal body has decided your appeal (${v.reference})`, lead: () => 'The appeal body has decided your appeal. Its decision is final and cannot be appealed.' },
    dismiss: { subject: (v) => `Your appeal has been dismissed (${v.reference})`, lead: () => 'The municipality has dismissed your appeal because it arrived after the appeal deadline, and will not consider it.' },
  },
};

const reasonsHeading = { nb: 'Begrunnelse:', nn: 'Grunngiving:', en: 'Reasons:' } as const;

function valuesOf(application: Application, appeal: Appeal, step?: AppealStep): Values {
  const lang = application.language;
  return {
    organisation: application.organisationName,
    reference: application.reference,
    at: formatDateTime(appeal.lodgedAt, lang),
    deadline: formatDate(appeal.deadline, lang),
    reasons: step?.reasons ?? appeal.reasons,
    forwardedOn: step?.forwardedOn ? formatDate(`${step.forwardedOn}T12:00:00.000Z`, lang) : '',
  };
}

/** The receipt of a lodged appeal, in the application's language. */
export function appealReceiptEmail(input: { application: Application; appeal: Appeal }): EmailContent {
  const { application, appeal } = input;
  const lang = application.language;
  const v = valuesOf(application, appeal);
  const body = [`${greeting[lang]} ${v.organisation}`, '', ...receipt[lang].body(v, appeal.late), '', closing[lang], application.decision?.administratorName ?? application.tenantId];
  return { subject: receipt[lang].subject(v), text: body.join('\n') };
}

/** The notice of a step on an appeal, with the step's reasons, in the application's language. */
export function appealUpdateEmail(input: { application: Application; appeal: Appeal; step: AppealStep }): EmailContent {
  const { application, appeal, step } = input;
  const lang = application.language;
  const v = valuesOf(application, appeal, step);
  const texts = updates[lang][step.action];
  const administrator = application.decision?.administratorName ?? application.reversedDecisions?.at(-1)?.administratorName ?? application.tenantId;
  const body = [`${greeting[lang]} ${v.organisation}`, '', texts.lead(v), '', reasonsHeading[lang], step.reasons, '', closing[lang], administrator];
  return { subject: texts.subject(v), text: body.join('\n') };
}
