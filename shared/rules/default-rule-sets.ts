/**
 * Default national rule sets for 2021–2027, as data. 2027 repeats 2026 until IMDi publishes its rules
 * for the year (a new regulation was consulted on in autumn 2025), so calls for 2027 can open in autumn 2026. Values from public sources are marked with
 * their source; the rest are defaults IMDi is expected to confirm or edit (the 2024 regulation's
 * text could not be confirmed for them), and are marked "default".
 */
import type { LocalizedText } from '../kernel/i18n.js';
import { ruleSetSchema, type RuleSet, type RuleSetInput } from './rule-set.js';
import { subGoalNames2024, subGoalCodes } from './sub-goals.js';

const circular: RuleSetInput['regulation'] = {
  reference: 'IMDi-regelverk for tilskudd til integreringsarbeid i regi av frivillige organisasjoner (kap. 671 post 71)',
  title: {
    nb: 'Regelverk for tilskudd til integreringsarbeid i regi av frivillige organisasjoner',
    nn: 'Regelverk for tilskot til integreringsarbeid i regi av frivillige organisasjonar',
    en: 'Rules for grants for integration work by voluntary organisations',
  },
};

const regulation2024: RuleSetInput['regulation'] = {
  reference: 'Forskrift 2. januar 2024 om tilskudd til integreringsarbeid i regi av frivillige organisasjoner',
  title: {
    nb: 'Forskrift om tilskudd til integreringsarbeid i regi av frivillige organisasjoner',
    nn: 'Forskrift om tilskot til integreringsarbeid i regi av frivillige organisasjonar',
    en: 'Regulation on grants for integration work by voluntary organisations',
  },
};

// IMDi's 2023 advice: 30/30/30/10 across A/B/C/D, "may be departed from".
const advisoryShare = { A: '0.30', B: '0.30', C: '0.30', D: '0.10' } as const;

const smallAndNewOrganisations: NonNullable<RuleSetInput['pots']>[number] = {
  id: 'small-new-organisations',
  name: {
    nb: 'Små og nye organisasjoner',
    nn: 'Små og nye organisasjonar',
    en: 'Small and new organisations',
  } satisfies LocalizedText,
  // NTNU 2025 (seeds/002): up to 110 000 kr a year; organisations under 5 years old; IMDi proposes
  // waiving the years-in-operation rule.
  maxAmount: 110_000,
  waives: ['operatingGrant.minYearsInOperation'],
  eligibility: { maxYearsSinceFounded: 5 },
};

function ruleSet(grantYear: number): RuleSetInput {
  return {
    grantYear,
    regulation: grantYear >= 2024 ? regulation2024 : circular,
    // 70/30 since the move to 40 municipalities in 2022, 60/40 before (Proba 2025-22 §6.8).
    municipalShare: grantYear >= 2022 ? '0.70' : '0.60',
    splitRounding: 'half-up', // default
    // "inntil 5 % av midlene til egen administrasjon" (oppdragsbrev 2023); Eidsvoll 702 897 → 35 145.
    adminCostCap: { rate: '0.05', rounding: 'half-up' },
    subGoals: subGoalCodes.map((code) => ({
      code,
      name: subGoalNames2024[code],
      advisoryShare: advisoryShare[code],
      operatingGrant: code === 'D',
    })),
    auditThreshold: 100_000, // NTNU 2025, municipal pages
    appealDeadlineWeeks: 3, // forvaltningsloven § 29
    acceptanceWeeks: 3,
    appealBody: 'imdi', // default; a setting because the regulation decides it
    reportingDeadlineDefault: { month: 3, day: 1 }, // seen: 1 Feb or 1 Mar the year after
    amounts: { minPerApplication: 1_000, maxPerApplication: 2_000_000 }, // default; municipalities narrow (Oslo: 10 000 – 1 000 000)
    operatingGrant: { minYearsInOperation: 1, minCountedMembers: 20 },
    eligibleOrganisationForms: ['FLI', 'STI', 'AS'], // AS only when non-profit, which Frivillighetsregisteret requires
    // The trial ran outside the ordinary scheme 2022–2024; the set-aside is IMDi's proposal from 2025.
    pots: grantYear >= 2025 ? [smallAndNewOrganisations] : [],
    unspentFunds: 'return_to_imdi', // carry-over is recommended by the evaluation, not yet the rule
  };
}

/** The default rule sets, one per grant year 2021–2027, validated by {@link ruleSetSchema}. */
export const defaultRuleSets: readonly RuleSet[] = [2021, 2022, 2023, 2024, 2025, 2026, 2027].map((year) =>
  ruleSetSchema.parse(ruleSet(year)),
);
