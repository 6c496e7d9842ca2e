/**
 * Eligibility screening: the first step of assessment. It lists findings rather than answering
 * yes/no, because an officer must see every reason at once and give written reasons (fvl. § 25);
 * `blocking` findings make the application ineligible, `warning`s are facts the officer or applicant
 * must act on (e.g. audited accounts). Findings are in the order the checks run: organisation,
 * then call and pot, then sub-goals, then amount.
 */
import { osloDateOf } from '../kernel/deadlines.js';
import type { LocalizedText } from '../kernel/i18n.js';
import { sameKommune, type KommuneRef, type Kommunenummer } from '../kernel/kommunenummer.js';
import { formatKroner, min, type Kroner } from '../kernel/money.js';
import type { RegistryRecord } from '../applications/registry-record.js';
import type { RoundSettings } from '../rounds/round-settings.js';
import type { Pot, RuleSet } from './rule-set.js';
import { checkExcludedActivities, checkOtherStateOperatingGrant, checkRegionalOrganisation, type ExcludedActivities } from './eligibility-case-rules.js';
import { OPERATING_GRANT_SUB_GOAL, type SubGoalCode } from './sub-goals.js';

export { isRegionalOrganisation, REGIONAL_MIN_MUNICIPALITIES, type ExcludedActivities } from './eligibility-case-rules.js';
export { registryRecordSchema, registryAddressSchema, type RegistryRecord, type RegistryAddress } from '../applications/registry-record.js';

/** How much a finding matters. */
export type Severity = 'blocking' | 'warning';

/** One result of screening. */
export interface EligibilityFinding {
  /** Stable code, e.g. `organisation.not_in_frivillighetsregisteret`. */
  readonly code: string;
  readonly severity: Severity;
  /** The rule-set field or round setting applied, e.g. `ruleSet.auditThreshold`, `round.maxAmount`. */
  readonly rule: string;
  /** The legal basis the rule comes from (the year's regulation). */
  readonly legalBasis: string;
  readonly messages: LocalizedText;
}

/** What the applicant states in the application. */
export interface ApplicationFacts {
  readonly amountAppliedFor: Kroner;
  readonly subGoals: readonly SubGoalCode[];
  readonly isOperatingGrant: boolean;
  /** The organisation declares itself a local immigrant organisation (the member rule applies). */
  readonly isLocalImmigrantOrganisation?: boolean;
  /** Self-declared counted members (tellende medlemmer). */
  readonly countedMembers?: number;
  /** The earmarked pot applied to, if any. */
  readonly potId?: string;
  /** The founding date the applicant states (`YYYY-MM-DD`); used only when the register has none. */
  readonly foundedOn?: string;
  /** The organisation already has an operating grant from another state scheme this year. */
  readonly hasOtherStateOperatingGrant?: boolean;
  /** Activities the scheme does not fund, as the applicant declares them. */
  readonly excludedActivities?: ExcludedActivities;
  /**
   * The municipalities the organisation is active in (kommunenummer valid in the grant year): asked
   * only for IMDi's operating grant, where the regional-organisation rule applies.
   */
  readonly activeMunicipalities?: readonly Kommunenummer[];
}

/** Whose call the application is for. */
export type CallScope = { readonly kind: 'municipal'; readonly kommune: KommuneRef } | { readonly kind: 'national' };

/** The rules the application is screened against. */
export interface EligibilityContext {
  readonly ruleSet: RuleSet;
  readonly round: RoundSettings;
  readonly call: CallScope;
  /** The moment ages are measured at, from the caller's clock (usually the round's deadline). */
  readonly asOf: Date | string;
}

/** Full years from a `YYYY-MM-DD` date to another. */
export function fullYearsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  const beforeAnniversary = tm < fm || (tm === fm && td < fd);
  return ty - fy - (beforeAnniversary ? 1 : 0);
}

/**
 * Screens an application. `registry` is the organisation's Enhetsregisteret record, or null when
 * the registry answered 404/410. Returns every finding; the application is eligible when none is
 * blocking (see {@link isEligible}).
 */
export function assessEligibility(facts: ApplicationFacts, context: EligibilityContext, registry: RegistryRecord | null): EligibilityFinding[] {
  const { ruleSet, round, call } = context;
  const legalBasis = ruleSet.regulation.reference;
  const findings: EligibilityFinding[] = [];
  const add = (severity: Severity, code: string, rule: string, messages: LocalizedText) =>
    findings.push({ code, severity, rule, legalBasis, messages });

  const pot: Pot | undefined = facts.potId === undefined ? undefined : ruleSet.pots.find((p) => p.id === facts.potId);
  const asOfDate = osloDateOf(context.asOf);

  if (!registry || registry.slettedato !== undefined) {
    add('blocking', 'organisation.not_found', 'ruleSet.eligibleOrganisationForms', {
      nb: 'Organisasjonen finnes ikke i Enhetsregisteret. Bare registrerte organisasjoner kan søke.',
      nn: 'Organisasjonen finst ikkje i Einingsregisteret. Berre registrerte organisasjonar kan søkje.',
      en: 'The organisation is not in the Central Coordinating Register. Only registered organisations can apply.',
    });
  } else {
    if (!registry.registrertIFrivillighetsregisteret) {
      add('blocking', 'organisation.not_in_frivillighetsregisteret', 'ruleSet.eligibleOrganisationForms', {
        nb: 'Organisasjonen må være registrert i Frivillighetsregisteret for å kunne søke.',
        nn: 'Organisasjonen må vere registrert i Frivilligregisteret for å kunne søkje.',
        en: 'The organisation must be registered in the Register of Non-Profit Organisations to apply.',
      });
    }
    if (registry.konkurs) {
      add('blocking', 'organisation.bankrupt', 'ruleSet.eligibleOrganisationForms', {
        nb: 'Organisasjonen er konkurs og kan ikke få tilskudd.',
        nn: 'Organisasjonen er konkurs og kan ikkje få tilskot.',
        en: 'The organisation is bankrupt and cannot receive a grant.',
      });
    }
    if (registry.underAvvikling || registry.underTvangsavviklingEllerTvangsopplosning) {
      add('blocking', 'organisation.under_liquidation', 'ruleSet.eligibleOrganisationForms', {
        nb: 'Organisasjonen er under avvikling og kan ikke få tilskudd.',
        nn: 'Organisasjonen er under avvikling og kan ikkje få tilskot.',
        en: 'The organisation is being wound up and cannot receive a grant.',
      });
    }
    const form = registry.organisasjonsform.kode;
    if (!ruleSet.eligibleOrganisationForms.includes(form)) {
      add('blocking', 'organisation.form_not_eligible', 'ruleSet.eligibleOrganisationForms', {
        nb: `Organisasjonsformen ${form} kan ikke søke. Ordningen er for frivillige organisasjoner, ikke offentlige eller kommersielle virksomheter.`,
        nn: `Organisasjonsforma ${form} kan ikkje søkje. Ordninga er for frivillige organisasjonar, ikkje offentlege eller kommersielle verksemder.`,
        en: `Organisations of form ${form} cannot apply. The scheme is for voluntary organisations, not public or commercial bodies.`,
      });
    }
    if (call.kind === 'municipal') checkAddress(registry, call.kommune, context, add);
    const founded = registry.stiftelsesdato ?? facts.foundedOn;
    if (facts.isOperatingGrant) checkOperatingGrantAge(founded, asOfDate, ruleSet, pot, add);
    if (pot?.eligibility.maxYearsSinceFounded !== undefined) checkPotAge(founded, asOfDate, pot, add);
  }

  if (facts.isOperatingGrant && facts.isLocalImmigrantOrganisation && !pot?.waives.includes('operatingGrant.minCountedMembers')) {
    const required = ruleSet.operatingGrant.minCountedMembers;
    if (facts.countedMembers === undefined) {
      add('blocking', 'organisation.counted_members_missing', 'ruleSet.operatingGrant.minCountedMembers', {
        nb: 'Oppgi antall tellende medlemmer i egenerklæringen.',
        nn: 'Oppgi talet på tellande medlemmer i eigenfråsegna.',
        en: 'State the number of counted members in the self-declaration.',
      });
    } else if (facts.countedMembers < required) {
      add('blocking', 'organisation.too_few_counted_members', 'ruleSet.operatingGrant.minCountedMembers', {
        nb: `Lokale innvandrerorganisasjoner må ha minst ${required} tellende medlemmer for å få driftstilskudd.`,
        nn: `Lokale innvandrarorganisasjonar må ha minst ${required} tellande medlemmer for å få driftstilskot.`,
        en: `Local immigrant organisations need at least ${required} counted members for an operating grant.`,
      });
    }
  }

  if (facts.potId !== undefined && (!pot || !round.pots.some((p) => p.id === facts.potId))) {
    add('blocking', 'pot.not_in_round', 'round.pots', {
      nb: 'Denne utlysningen har ikke den potten det er søkt fra.',
      nn: 'Denne utlysinga har ikkje den potten det er søkt frå.',
      en: 'This call does not include the pot applied to.',
    });
  }

  checkOtherStateOperatingGrant(facts, add);
  checkExcludedActivities(facts, add);
  if (call.kind === 'national' && facts.isOperatingGrant) checkRegionalOrganisation(facts, add);
  checkSubGoals(facts, round, add);
  checkAmount(facts, ruleSet, round, pot, add);
  return findings;
}

/** Whether screening found nothing blocking. */
export function isEligible(findings: readonly EligibilityFinding[]): boolean {
  return findings.every((f) => f.severity !== 'blocking');
}

/** Adds one finding; each check is given it and adds what it finds. */
export type Add = (severity: Severity, code: string, rule: string, messages: LocalizedText) => void;

function checkAddress(registry: RegistryRecord, kommune: KommuneRef, context: EligibilityContext, add: Add): void {
  // The business address is the registered address; the postal address only stands in when the
  // registry has no business address (common for small associations).
  const registered = registry.forretningsadresse?.kommunenummer ?? registry.postadresse?.kommunenummer;
  // Enhetsregisteret answers in the numbering of the day it is asked.
  const registryYear = Number(osloDateOf(context.asOf).slice(0, 4));
  const inMunicipality =
    registered !== undefined && sameKommune({ kommunenummer: registered as Kommunenummer, validFrom: registryYear }, kommune);
  if (!inMunicipality) {
    add('blocking', 'organisation.address_outside_municipality', 'call.kommune', {
      nb: 'Organisasjonen må være registrert med adresse i kommunen for å søke i kommunens utlysning.',
      nn: 'Organisasjonen må vere registrert med adresse i kommunen for å søkje i utlysinga til kommunen.',
      en: "The organisation must be registered at an address in the municipality to apply to the municipality's call.",
    });
  }
}

// The registration date is not a stand-in for the founding date: an old organisation that registered
// late would look new. When neither the register nor the applicant gives a date, the applicant is asked.
const foundingDateMissing: LocalizedText = {
  nb: 'Enhetsregisteret har ikke stiftelsesdato for organisasjonen. Skriv inn når organisasjonen ble stiftet, under «Prosjektet».',
  nn: 'Einingsregisteret har ikkje skipingsdato for organisasjonen. Skriv inn når organisasjonen vart skipa, under «Prosjektet».',
  en: 'The register has no founding date for the organisation. Enter when the organisation was founded, under "Project".',
};

function checkOperatingGrantAge(founded: string | undefined, asOf: string, ruleSet: RuleSet, pot: Pot | undefined, add: Add): void {
  const required = ruleSet.operatingGrant.minYearsInOperation;
  if (required === 0 || pot?.waives.includes('operatingGrant.minYearsInOperation')) return;
  if (founded === undefined) {
    add('blocking', 'organisation.founding_date_missing', 'ruleSet.operatingGrant.minYearsInOperation', foundingDateMissing);
    return;
  }
  if (fullYearsBetween(founded, asOf) < required) {
    add('blocking', 'organisation.too_young_for_operating_grant', 'ruleSet.operatingGrant.minYearsInOperation', {
      nb: `Organisasjonen må ha vært i drift i minst ${required} år for å få driftstilskudd.`,
      nn: `Organisasjonen må ha vore i drift i minst ${required} år for å få driftstilskot.`,
      en: `The organisation must have operated for at least ${required} year(s) to receive an operating grant.`,
    });
  }
}

function checkPotAge(founded: string | undefined, asOf: string, pot: Pot, add: Add): void {
  const maxYears = pot.eligibility.maxYearsSinceFounded;
  if (maxYears === undefined) return;
  if (founded === undefined) {
    add('blocking', 'pot.founding_date_missing', `ruleSet.pots.${pot.id}.eligibility.maxYearsSinceFounded`, foundingDateMissing);
  } else if (fullYearsBetween(founded, asOf) >= maxYears) {
    add('blocking', 'pot.organisation_too_old', `ruleSet.pots.${pot.id}.eligibility.maxYearsSinceFounded`, {
      nb: `Potten «${pot.name.nb}» er for organisasjoner som er yngre enn ${maxYears} år.`,
      nn: `Potten «${pot.name.nn}» er for organisasjonar som er yngre enn ${maxYears} år.`,
      en: `The pot "${pot.name.en}" is for organisations younger than ${maxYears} years.`,
    });
  }
}

function checkSubGoals(facts: ApplicationFacts, round: RoundSettings, add: Add): void {
  if (facts.subGoals.length === 0) {
    add('blocking', 'application.no_sub_goal', 'round.subGoals', {
      nb: 'Velg minst ett delmål.', nn: 'Vel minst eitt delmål.', en: 'Choose at least one sub-goal.',
    });
  }
  for (const goal of facts.subGoals) {
    if (!round.subGoals.includes(goal)) {
      add('blocking', 'application.sub_goal_not_in_round', 'round.subGoals', {
        nb: `Utlysningen gjelder ikke delmål ${goal}.`,
        nn: `Utlysinga gjeld ikkje delmål ${goal}.`,
        en: `The call does not cover sub-goal ${goal}.`,
      });
    }
  }
  const hasOperatingGoal = facts.subGoals.includes(OPERATING_GRANT_SUB_GOAL);
  if (facts.isOperatingGrant !== hasOperatingGoal) {
    add('blocking', 'application.operating_grant_sub_goal_mismatch', 'ruleSet.subGoals', {
      nb: 'Driftstilskudd søkes under delmål D, og delmål D gjelder bare driftstilskudd.',
      nn: 'Driftstilskot blir søkt under delmål D, og delmål D gjeld berre driftstilskot.',
      en: 'Operating grants are applied for under sub-goal D, and sub-goal D is only for operating grants.',
    });
  }
}

function checkAmount(facts: ApplicationFacts, ruleSet: RuleSet, round: RoundSettings, pot: Pot | undefined, add: Add): void {
  const amount = facts.amountAppliedFor;
  const nationalMax = ruleSet.amounts.maxPerApplication;
  // A pot narrows the round's maximum, never widens it: a round capped at 50 000 kr stays capped.
  const roundMax = min(round.maxAmount, nationalMax);
  const [maxAmount, maxRule] = pot && pot.maxAmount < roundMax
    ? [pot.maxAmount, `ruleSet.pots.${pot.id}.maxAmount`]
    : [roundMax, 'round.maxAmount'];
  if (amount > maxAmount) {
    add('blocking', 'amount.above_max', maxRule, {
      nb: `Du kan søke om høyst ${formatKroner(maxAmount, 'nb')}.`,
      nn: `Du kan søkje om høgst ${formatKroner(maxAmount, 'nn')}.`,
      en: `You can apply for at most ${formatKroner(maxAmount, 'en')}.`,
    });
  }
  if (amount < round.minAmount) {
    add('blocking', 'amount.below_min', 'round.minAmount', {
      nb: `Du må søke om minst ${formatKroner(round.minAmount, 'nb')}.`,
      nn: `Du må søkje om minst ${formatKroner(round.minAmount, 'nn')}.`,
      en: `You must apply for at least ${formatKroner(round.minAmount, 'en')}.`,
    });
  }
  if (amount >= ruleSet.auditThreshold) {
    add('warning', 'amount.audit_required', 'ruleSet.auditThreshold', {
      nb: `Tilskudd på ${formatKroner(ruleSet.auditThreshold, 'nb')} eller mer krever regnskap bekreftet av revisor.`,
      nn: `Tilskot på ${formatKroner(ruleSet.auditThreshold, 'nn')} eller meir krev rekneskap stadfesta av revisor.`,
      en: `Grants of ${formatKroner(ruleSet.auditThreshold, 'en')} or more need accounts confirmed by an auditor.`,
    });
  }
}
