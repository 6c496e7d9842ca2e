/**
 * The decision letter (enkeltvedtak) in the applicant's language, as an email and as the printable
 * page. Its parts are the ones the Public Administration Act (forvaltningsloven, fvl.) requires:
 * the decision and the amount; the conditions; the reasons (§§ 24–25: the rules applied, the facts,
 * the main considerations); the right to appeal, the deadline and how it is counted, the appeal body,
 * where to send an appeal and what it must contain (§§ 28–32); the right to see the case documents
 * (§§ 18–19, § 27 third paragraph); and, for a grant, the reporting deadline and what the report
 * must contain. Everything it states comes from the decision as signed, so it never changes.
 */
import type { Application } from '../../shared/applications/application';
import type { Decision } from '../../shared/decisions/decision';
import { formatDate } from '../../shared/kernel/deadlines';
import type { LocalizedText } from '../../shared/kernel/i18n';
import { formatKroner, kroner } from '../../shared/kernel/money';
import type { Call } from '../../shared/rounds/call';
import type { Language } from '../i18n';
import { paymentPlanLine } from './payment-plan-line';
import type { EmailContent } from './application-emails';

/** One part of the letter: a heading, its paragraphs and, where the law asks for a list, its points. */
export interface LetterSection {
  /** Stable id: `decision`, `conditions`, `reasons`, `reporting`, `appeal`, `access`. */
  readonly id: 'decision' | 'conditions' | 'reasons' | 'reporting' | 'appeal' | 'access';
  readonly heading: string;
  readonly paragraphs: readonly string[];
  readonly points?: readonly string[];
}

/** The whole letter, ready for the email or the page. */
export interface DecisionLetter {
  readonly lang: Language;
  readonly title: string;
  readonly subject: string;
  /** Sender, addressee, date and reference, in that order. */
  readonly header: readonly { readonly label: string; readonly value: string }[];
  readonly sections: readonly LetterSection[];
  /** The closing: who signed, and that the letter is approved electronically. */
  readonly signature: readonly string[];
}

export interface DecisionLetterInput {
  readonly decision: Decision;
  readonly application: Pick<Application, 'organisationName' | 'reference' | 'budget' | 'grantYear' | 'project'>;
  readonly call: Pick<Call, 'title' | 'administratorName' | 'grantYear'>;
}

type Texts = Record<string, LocalizedText>;

const t = {
  title: { nb: 'Vedtak om tilskudd', nn: 'Vedtak om tilskot', en: 'Decision on your grant application' },
  'subject.grant': { nb: 'Vedtak: søknaden {reference} er innvilget', nn: 'Vedtak: søknaden {reference} er innvilga', en: 'Decision: application {reference} is granted' },
  'subject.grant_partly': { nb: 'Vedtak: søknaden {reference} er delvis innvilget', nn: 'Vedtak: søknaden {reference} er delvis innvilga', en: 'Decision: application {reference} is partly granted' },
  'subject.reject': { nb: 'Vedtak: søknaden {reference} er avslått', nn: 'Vedtak: søknaden {reference} er avslått', en: 'Decision: application {reference} is rejected' },
  from: { nb: 'Fra', nn: 'Frå', en: 'From' },
  to: { nb: 'Til', nn: 'Til', en: 'To' },
  date: { nb: 'Dato', nn: 'Dato', en: 'Date' },
  reference: { nb: 'Saksnummer', nn: 'Saksnummer', en: 'Reference' },
  'h.decision': { nb: 'Vedtak', nn: 'Vedtak', en: 'Decision' },
  'decision.grant': {
    nb: '{administrator} innvilger søknaden om tilskudd fra «{call}». Dere får {amount}, som er det dere søkte om.',
    nn: '{administrator} innvilgar søknaden om tilskot frå «{call}». De får {amount}, som er det de søkte om.',
    en: '{administrator} grants your application for a grant from “{call}”. You are awarded {amount}, the amount you applied for.',
  },
  'decision.grant_partly': {
    nb: '{administrator} innvilger søknaden om tilskudd fra «{call}» delvis. Dere får {amount} av {applied} dere søkte om.',
    nn: '{administrator} innvilgar søknaden om tilskot frå «{call}» delvis. De får {amount} av {applied} de søkte om.',
    en: '{administrator} grants your application for a grant from “{call}” in part. You are awarded {amount} of the {applied} you applied for.',
  },
  'decision.reject': {
    nb: '{administrator} avslår søknaden om tilskudd fra «{call}». Dere søkte om {applied}.',
    nn: '{administrator} avslår søknaden om tilskot frå «{call}». De søkte om {applied}.',
    en: '{administrator} rejects your application for a grant from “{call}”. You applied for {applied}.',
  },
  'h.conditions': { nb: 'Vilkår for tilskuddet', nn: 'Vilkår for tilskotet', en: 'Conditions of the grant' },
  'conditions.lead': { nb: 'Tilskuddet gis på disse vilkårene:', nn: 'Tilskotet blir gitt på desse vilkåra:', en: 'The grant is given on these conditions:' },
  'conditions.year': {
    nb: 'Tilskuddet skal brukes til tiltaket det er gitt til, i tilskuddsåret {year}.',
    nn: 'Tilskotet skal brukast til tiltaket det er gitt til, i tilskotsåret {year}.',
    en: 'The grant must be used for the activity it is given for, within the grant year {year}.',
  },
  'conditions.report': { nb: 'Dere skal rapportere innen {deadline} (se under).', nn: 'De skal rapportere innan {deadline} (sjå under).', en: 'You must report by {deadline} (see below).' },
  'conditions.unused': {
    nb: 'Midler som ikke er brukt etter formålet innen tilskuddsåret, skal betales tilbake.',
    nn: 'Midlar som ikkje er brukte etter formålet innan tilskotsåret, skal betalast tilbake.',
    en: 'Money not used for the purpose within the grant year must be paid back.',
  },
  'conditions.changes': {
    nb: 'Dere skal straks melde fra til {administrator} om endringer i tiltaket, i framdriften eller i økonomien.',
    nn: 'De skal straks melde frå til {administrator} om endringar i tiltaket, i framdrifta eller i økonomien.',
    en: 'You must tell {administrator} at once about any change to the activity, its progress or its finances.',
  },
  'conditions.accept': {
    nb: 'Dere må ta imot tilskuddet og vilkårene innen {acceptBy} på statussiden til søknaden (lenken i e-posten). Takker dere nei, eller svarer ikke innen fristen, faller tilskuddet bort.',
    nn: 'De må ta imot tilskotet og vilkåra innan {acceptBy} på statussida til søknaden (lenkja i e-posten). Seier de nei, eller svarer ikkje innan fristen, fell tilskotet bort.',
    en: 'You must accept the grant and its conditions by {acceptBy} on the application’s status page (the link in the email). If you decline, or do not answer by then, the grant lapses.',
  },
  'conditions.extra': { nb: 'I tillegg gjelder: {conditions}', nn: 'I tillegg gjeld: {conditions}', en: 'In addition: {conditions}' },
  'h.reasons': { nb: 'Begrunnelse', nn: 'Grunngiving', en: 'Reasons' },
  'reasons.rules': {
    nb: 'Regler: Vedtaket er gjort etter {regulation} ({reference}), utlysningen «{call}» og de nasjonale reglene for {year} (versjon {version}).',
    nn: 'Reglar: Vedtaket er gjort etter {regulation} ({reference}), utlysinga «{call}» og dei nasjonale reglane for {year} (versjon {version}).',
    en: 'Rules: The decision is made under {regulation} ({reference}), the call “{call}” and the national rules for {year} (version {version}).',
  },
  'reasons.facts': {
    nb: 'Faktum: {organisation} søkte om {applied} til «{project}».',
    nn: 'Faktum: {organisation} søkte om {applied} til «{project}».',
    en: 'Facts: {organisation} applied for {applied} for “{project}”.',
  },
  'reasons.considerations': { nb: 'Hovedhensyn: {reasons}', nn: 'Hovudomsyn: {reasons}', en: 'Main considerations: {reasons}' },
  'h.reporting': { nb: 'Rapportering', nn: 'Rapportering', en: 'Reporting' },
  'reporting.deadline': {
    nb: 'Rapporten skal være sendt innen {deadline}. Den skal inneholde:',
    nn: 'Rapporten skal vere send innan {deadline}. Han skal innehalde:',
    en: 'The report must be sent by {deadline}. It must contain:',
  },
  'reporting.activities': { nb: 'hvilke aktiviteter som ble gjennomført', nn: 'kva aktivitetar som vart gjennomførte', en: 'the activities carried out' },
  'reporting.participants': { nb: 'antall deltakere og hvem de var', nn: 'talet på deltakarar og kven dei var', en: 'the number of participants and who they were' },
  'reporting.results': { nb: 'hvilke resultater tiltaket ga', nn: 'kva resultat tiltaket gav', en: 'the results of the activity' },
  'reporting.accounts': { nb: 'regnskap for bruken av tilskuddet', nn: 'rekneskap for bruken av tilskotet', en: 'accounts of how the grant was used' },
  'reporting.audited': {
    nb: 'Fordi tilskuddet er {threshold} eller mer, skal regnskapet være bekreftet av revisor.',
    nn: 'Fordi tilskotet er {threshold} eller meir, skal rekneskapen vere stadfesta av revisor.',
    en: 'Because the grant is {threshold} or more, the accounts must be confirmed by an auditor.',
  },
  'reporting.notAudited': {
    nb: 'Tilskudd på {threshold} eller mer krever regnskap bekreftet av revisor; for dette tilskuddet holder det at styret bekrefter regnskapet.',
    nn: 'Tilskot på {threshold} eller meir krev rekneskap stadfesta av revisor; for dette tilskotet held det at styret stadfestar rekneskapen.',
    en: 'Grants of {threshold} or more need accounts confirmed by an auditor; for this grant, accounts confirmed by your board are enough.',
  },
  'h.appeal': { nb: 'Dere kan klage', nn: 'De kan klage', en: 'You may appeal' },
  'appeal.right': {
    nb: 'Dere kan klage på vedtaket (forvaltningsloven §§ 28–32).',
    nn: 'De kan klage på vedtaket (forvaltningslova §§ 28–32).',
    en: 'You may appeal against this decision (Public Administration Act, sections 28–32).',
  },
  'appeal.deadline': {
    nb: 'Klagefristen er {weeks} uker fra den dagen dere mottok dette brevet. Fristen går ut samme ukedag {weeks} uker senere; faller den på en lørdag, søndag eller helligdag, går den ut neste virkedag. Klagen er kommet fram i tide hvis den er sendt før fristen går ut (forvaltningsloven §§ 29–30).',
    nn: 'Klagefristen er {weeks} veker frå den dagen de fekk dette brevet. Fristen går ut same vekedag {weeks} veker seinare; fell han på ein laurdag, sundag eller heilagdag, går han ut neste yrkedag. Klaga er komen fram i tide om ho er send før fristen går ut (forvaltningslova §§ 29–30).',
    en: 'The deadline for appeal is {weeks} weeks from the day you received this letter. It ends on the same weekday {weeks} weeks later; if that is a Saturday, Sunday or public holiday, it ends on the next working day. An appeal is in time if it is sent before the deadline ends (sections 29–30).',
  },
  'appeal.body': {
    nb: 'Klagen behandles av {body}.',
    nn: 'Klaga blir handsama av {body}.',
    en: 'The appeal is decided by {body}.',
  },
  'appeal.where': {
    nb: 'Send klagen til {administrator}, som gjorde vedtaket. Kommunen kan selv endre vedtaket; ellers sender den klagen videre til klageinstansen (forvaltningsloven § 32 og § 33).',
    nn: 'Send klaga til {administrator}, som gjorde vedtaket. Kommunen kan sjølv endre vedtaket; elles sender han klaga vidare til klageinstansen (forvaltningslova § 32 og § 33).',
    en: 'Send your appeal to {administrator}, which made the decision. It may change the decision itself; otherwise it sends the appeal on to the appeal body (sections 32 and 33).',
  },
  'appeal.contents': { nb: 'Klagen skal', nn: 'Klaga skal', en: 'Your appeal must' },
  'appeal.contents.decision': { nb: 'vise til vedtaket det klages over (saksnummer {reference})', nn: 'vise til vedtaket det blir klaga over (saksnummer {reference})', en: 'name the decision you appeal against (reference {reference})' },
  'appeal.contents.change': { nb: 'si hvilken endring dere ønsker', nn: 'seie kva endring de ønskjer', en: 'say what change you want' },
  'appeal.contents.reasons': { nb: 'begrunne klagen', nn: 'grunngi klaga', en: 'give the reasons for the appeal' },
  'appeal.contents.signed': { nb: 'være underskrevet av den som klager eller en fullmektig', nn: 'vere underskriven av den som klagar eller ein fullmektig', en: 'be signed by the appellant or their representative' },
  'h.access': { nb: 'Rett til innsyn', nn: 'Rett til innsyn', en: 'Right to see the case documents' },
  'access.right': {
    nb: 'Dere har rett til å se dokumentene i saken (forvaltningsloven §§ 18 og 19). Be om innsyn hos {administrator} og oppgi saksnummer {reference}.',
    nn: 'De har rett til å sjå dokumenta i saka (forvaltningslova §§ 18 og 19). Be om innsyn hos {administrator} og oppgi saksnummer {reference}.',
    en: 'You have the right to see the documents of your case (Public Administration Act, sections 18 and 19). Ask {administrator} and give reference {reference}.',
  },
  'access.law': {
    nb: 'Dette brevet gir opplysningene forvaltningsloven §§ 24–27 krever: begrunnelse, klageadgang, klagefrist, klageinstans, fremgangsmåte og retten til å se sakens dokumenter (§ 27 tredje ledd).',
    nn: 'Dette brevet gir opplysningane forvaltningslova §§ 24–27 krev: grunngiving, klagetilgang, klagefrist, klageinstans, framgangsmåte og retten til å sjå dokumenta i saka (§ 27 tredje ledd).',
    en: 'This letter gives what sections 24–27 of the Act require: the reasons, the right and deadline to appeal, the appeal body, the procedure and the right to see the case documents (section 27, third paragraph).',
  },
  'signature.by': { nb: 'Vedtaket er gjort av {name} {date}.', nn: 'Vedtaket er gjort av {name} {date}.', en: 'Decided by {name} on {date}.' },
  'signature.electronic': {
    nb: 'Brevet er godkjent elektronisk og har derfor ingen håndskreven signatur.',
    nn: 'Brevet er godkjent elektronisk og har difor ingen handskriven signatur.',
    en: 'This letter is approved electronically and therefore has no handwritten signature.',
  },
  'body.imdi': { nb: 'IMDi (Integrerings- og mangfoldsdirektoratet)', nn: 'IMDi (Integrerings- og mangfaldsdirektoratet)', en: 'IMDi (the Directorate of Integration and Diversity)' },
  'body.municipal_appeals_committee': { nb: 'kommunens klagenemnd', nn: 'klagenemnda i kommunen', en: "the municipality's appeals committee" },
  'body.named': { nb: '{name} ({kind})', nn: '{name} ({kind})', en: '{name} ({kind})' },
  'email.link': {
    nb: 'Dere finner vedtaksbrevet for utskrift på statussiden for søknaden.',
    nn: 'De finn vedtaksbrevet for utskrift på statussida for søknaden.',
    en: 'You find the letter for printing on the status page of your application.',
  },
} satisfies Texts;

type Key = keyof typeof t;

function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** The appeal body as the letter names it: the round's name for it, with the kind from the rule set. */
function appealBodyText(decision: Decision, lang: Language): string {
  const kind = t[`body.${decision.appealBody}`][lang];
  const name = decision.appealBodyName?.[lang];
  return name ? fill(t['body.named'][lang], { name, kind }) : kind;
}

/** The letter of a signed decision, in the decision's language (the applicant's). */
export function decisionLetter(input: DecisionLetterInput): DecisionLetter {
  const { decision, application, call } = input;
  const lang = decision.language;
  const tx = (key: Key, values: Record<string, string | number> = {}) => fill(t[key][lang], values);
  const kr = (amount: number) => formatKroner(kroner(amount), lang);
  const administrator = decision.administratorName ?? call.administratorName;
  const applied = kr(application.budget?.amountApplied ?? 0);
  const granted = decision.outcome !== 'reject';
  const values = {
    administrator, call: call.title[lang], amount: kr(decision.amount), applied, reference: application.reference,
    organisation: application.organisationName, year: call.grantYear, weeks: decision.appealDeadlineWeeks,
    deadline: decision.reportingDeadline ? formatDate(decision.reportingDeadline, lang) : '',
    acceptBy: decision.acceptanceDeadline ? formatDate(decision.acceptanceDeadline, lang) : '',
  };
  const sections: LetterSection[] = [{ id: 'decision', heading: tx('h.decision'), paragraphs: [tx(`decision.${decision.outcome}`, values)] }];
  if (granted) {
    sections.push({
      id: 'conditions',
      heading: tx('h.conditions'),
      paragraphs: [tx('conditions.lead')],
      points: [
        tx('conditions.year', values),
        tx('conditions.report', values),
        tx('conditions.unused'),
        tx('conditions.changes', values),
        ...(decision.conditions.trim() ? [tx('conditions.extra', { conditions: decision.conditions.trim() })] : []),
        ...(decision.paymentPlan ? [paymentPlanLine(decision.paymentPlan, lang)] : []),
        // Decisions signed before acceptance was asked for state no deadline, so they say nothing of it.
        ...(decision.acceptanceDeadline ? [tx('conditions.accept', values)] : []),
      ],
    });
  }
  sections.push({
    id: 'reasons',
    heading: tx('h.reasons'),
    paragraphs: [
      tx('reasons.rules', {
        ...values,
        regulation: decision.regulation?.title[lang] ?? '',
        reference: decision.regulation?.reference ?? '',
        version: decision.ruleSetVersion,
      }),
      tx('reasons.facts', { ...values, project: application.project?.title ?? call.title[lang] }),
      tx('reasons.considerations', { reasons: decision.reasons.trim() }),
    ],
  });
  if (granted) {
    const threshold = kr(decision.auditThreshold ?? 0);
    const audited = decision.auditThreshold !== undefined && decision.amount >= decision.auditThreshold;
    sections.push({
      id: 'reporting',
      heading: tx('h.reporting'),
      paragraphs: [tx('reporting.deadline', values)],
      points: [
        tx('reporting.activities'),
        tx('reporting.participants'),
        tx('reporting.results'),
        tx('reporting.accounts'),
        tx(audited ? 'reporting.audited' : 'reporting.notAudited', { threshold }),
      ],
    });
  }
  sections.push({
    id: 'appeal',
    heading: tx('h.appeal'),
    paragraphs: [tx('appeal.right'), tx('appeal.deadline', values), tx('appeal.body', { body: appealBodyText(decision, lang) }), tx('appeal.where', values), `${tx('appeal.contents')}:`],
    points: [tx('appeal.contents.decision', values), tx('appeal.contents.change'), tx('appeal.contents.reasons'), tx('appeal.contents.signed')],
  });
  sections.push({ id: 'access', heading: tx('h.access'), paragraphs: [tx('access.right', values), tx('access.law')] });
  const date = formatDate(decision.decidedAt, lang);
  return {
    lang,
    title: tx('title'),
    subject: tx(`subject.${decision.outcome}`, values),
    header: [
      { label: tx('from'), value: administrator },
      { label: tx('to'), value: application.organisationName },
      { label: tx('date'), value: date },
      { label: tx('reference'), value: application.reference },
    ],
    sections,
    signature: [tx('signature.by', { name: decision.decidedByName ?? decision.decidedBy, date }), tx('signature.electronic')],
  };
}

/** The letter as plain text, for the email (and tests). */
export function letterText(letter: DecisionLetter): string {
  const lines = [letter.title, '', ...letter.header.map(({ label, value }) => `${label}: ${value}`), ''];
  for (const section of letter.sections) {
    lines.push(section.heading, ...section.paragraphs, ...(section.points ?? []).map((point) => `- ${point}`), '');
  }
  lines.push(...letter.signature);
  return lines.join('\n');
}

/** The email that brings the letter to the applicant: the whole letter, and where to print it. */
export function decisionLetterEmail(input: DecisionLetterInput): EmailContent {
  const letter = decisionLetter(input);
  return { subject: letter.subject, text: `${letterText(letter)}\n\n${fill(t['email.link'][letter.lang], {})}` };
}
