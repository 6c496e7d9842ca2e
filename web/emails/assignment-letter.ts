import { formatKroner, type Kroner } from '../../shared/kernel/money';
import type { MunicipalFrame } from '../../shared/national/allocation-version';
import type { RuleSet } from '../../shared/rules/rule-set';
import type { EmailContent } from './application-emails';

/** What one municipality's assignment letter says. */
export interface AssignmentLetterInput {
  readonly grantYear: number;
  readonly version: number;
  readonly frame: MunicipalFrame;
  /** The frame in the version before, for a correction. */
  readonly previousFrame?: Kroner;
  readonly reason: string;
  readonly rules: Pick<RuleSet, 'regulation' | 'adminCostCap' | 'unspentFunds' | 'auditThreshold' | 'appealDeadlineWeeks' | 'reportingDeadlineDefault' | 'amounts'>;
}

const nb = (amount: Kroner) => formatKroner(amount, 'nb');

function percent(rate: string): string {
  return `${(Number(rate) * 100).toLocaleString('nb-NO', { maximumFractionDigits: 2 })} %`;
}

/**
 * The oppdragsbrev: the municipality's frame for the year, what it may keep for administration, the
 * rules it grants under and the deadlines. IMDi writes to the municipalities in bokmål, so the
 * letter is in bokmål whatever language the publisher used.
 */
export function assignmentLetterEmail(input: AssignmentLetterInput): EmailContent {
  const { grantYear, frame, rules } = input;
  const correction = input.version > 1;
  const deadline = `${rules.reportingDeadlineDefault.day}.${rules.reportingDeadlineDefault.month}.${grantYear + 1}`;
  const lines = [
    `Til ${frame.name}`,
    '',
    correction
      ? `IMDi har publisert en korrigert fordeling (versjon ${input.version}) av tilskuddet til integreringsarbeid i regi av frivillige organisasjoner for ${grantYear}.`
      : `IMDi har fordelt tilskuddet til integreringsarbeid i regi av frivillige organisasjoner for ${grantYear}.`,
    '',
    `Kommunens ramme for ${grantYear}: ${nb(frame.frame)}.`,
    ...(correction && input.previousFrame !== undefined ? [`Rammen var ${nb(input.previousFrame)} i forrige versjon.`] : []),
    ...(input.reason ? [`Begrunnelse: ${input.reason}`] : []),
    `Kommunen kan bruke inntil ${percent(rules.adminCostCap.rate)} av rammen til egen administrasjon: ${nb(frame.adminCap)}.`,
    `Rammen er beregnet etter antall innbyggere med innvandrerbakgrunn (SSB): ${frame.key.toLocaleString('nb-NO')}, en andel på ${frame.share} av potten til kommunene.`,
    '',
    'Regler',
    `- Tilskuddet forvaltes etter ${rules.regulation.title.nb} (${rules.regulation.reference}).`,
    `- Tilskudd må brukes i tildelingsåret ${grantYear}.`,
    `- Hver søknad kan få fra ${nb(rules.amounts.minPerApplication)} til ${nb(rules.amounts.maxPerApplication)}.`,
    `- Tilskudd på ${nb(rules.auditThreshold)} eller mer krever regnskap bekreftet av revisor.`,
    rules.unspentFunds === 'carry_over'
      ? '- Midler kommunen ikke tildeler, kan overføres til neste år.'
      : '- Midler kommunen ikke tildeler, skal tilbakeføres til IMDi.',
    '',
    'Frister',
    `- Klagefristen på vedtak er ${rules.appealDeadlineWeeks} uker.`,
    `- Organisasjonene rapporterer innen ${deadline}, og kommunen rapporterer året til IMDi etter det.`,
    '',
    'Rammen og budsjettet ser dere i Fordel under Budsjett.',
    '',
    'Med hilsen',
    'IMDi',
  ];
  return {
    subject: `Oppdragsbrev ${grantYear}${correction ? ` (versjon ${input.version})` : ''}: ramme for ${frame.name}`,
    text: lines.join('\n'),
  };
}
