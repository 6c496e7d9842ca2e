/**
 * The national rules of one grant year, as data. IMDi edits them; code never hard-codes a rule
 * parameter, because the rules change from year to year (a new regulation in 2024, another consulted
 * in 2025). Defaults are in `default-rule-sets.ts`.
 */
import { z } from 'zod';
import { isCalendarDate } from '../kernel/deadlines.js';
import { decimalToFraction, roundingModes } from '../kernel/fraction.js';
import { addLocalizedIssue, localizedTextSchema } from '../kernel/i18n.js';
import { kronerSchema } from '../kernel/money.js';
import { subGoalCodeSchema } from './sub-goals.js';

/** A share written as exact decimal text between 0 and 1, e.g. `"0.70"`; never a float. */
export const rateTextSchema = z.string().regex(/^(?:0(?:\.\d+)?|1(?:\.0+)?)$/, 'A share is decimal text from "0" to "1", e.g. "0.70".');

/** Schema for a rounding mode. */
export const roundingModeSchema = z.enum(roundingModes);

/** Who handles an appeal against a municipality's decision. */
export const appealBodies = ['imdi', 'municipal_appeals_committee'] as const;

/** One of {@link appealBodies}. */
export type AppealBody = (typeof appealBodies)[number];

/** What happens to money a municipality has not awarded, or that is paid back. */
export const unspentFundsPolicies = ['return_to_imdi', 'carry_over'] as const;

/** One of {@link unspentFundsPolicies}. */
export type UnspentFundsPolicy = (typeof unspentFundsPolicies)[number];

/** National rules an earmarked pot may waive for the applications in it. */
export const waivableRules = ['operatingGrant.minYearsInOperation', 'operatingGrant.minCountedMembers'] as const;

/** One of {@link waivableRules}. */
export type WaivableRule = (typeof waivableRules)[number];

/** Schema for an earmarked pot (e.g. small and new organisations) with its eligibility overrides. */
export const potSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/),
  name: localizedTextSchema,
  /** Highest amount per application in the pot. */
  maxAmount: kronerSchema,
  /** Rules that do not apply to applications in the pot. */
  waives: z.array(z.enum(waivableRules)).default([]),
  /** Extra conditions for the pot, beyond the ordinary ones. */
  eligibility: z
    .object({
      /** The organisation must have been founded less than this many years before the round's deadline. */
      maxYearsSinceFounded: z.int().positive().optional(),
    })
    .default({}),
});

/** An earmarked pot. */
export type Pot = z.infer<typeof potSchema>;

/** Schema for one year's national rules. Refuses internally inconsistent rule sets. */
export const ruleSetSchema = z
  .object({
    grantYear: z.int().min(2000).max(2100),
    /** The legal basis a call must reference. */
    regulation: z.object({ reference: z.string().min(1), title: localizedTextSchema }),
    /** Share of the national frame that goes to the managing municipalities (rest: IMDi's own call). */
    municipalShare: rateTextSchema,
    /** How the municipal pool is rounded; IMDi's share is the frame minus the pool, so they always add up. */
    splitRounding: roundingModeSchema,
    /** Most a municipality may keep of its frame for its own administration. */
    adminCostCap: z.object({ rate: rateTextSchema, rounding: roundingModeSchema }),
    /** Sub-goals open this year, with IMDi's advisory split (guidance only, never enforced). */
    subGoals: z
      .array(z.object({ code: subGoalCodeSchema, name: localizedTextSchema, advisoryShare: rateTextSchema, operatingGrant: z.boolean() }))
      .min(1),
    /** Grants of at least this amount need accounts confirmed by an auditor. */
    auditThreshold: kronerSchema,
    /** Weeks to appeal a decision (fvl. § 29); every appeal deadline of the year is counted with it. */
    appealDeadlineWeeks: z.int().min(1).max(52),
    appealBody: z.enum(appealBodies),
    /**
     * Weeks the organisation has to accept a grant, counted from the decision to the end of that
     * Oslo day; a grant not accepted by then lapses and its money goes back to the municipality.
     * Rule sets stored before the parameter existed read as the usual three weeks.
     */
    acceptanceWeeks: z.int().min(1).max(12).default(3),
    /** Default reporting deadline: this day of the year after the grant year, end of day in Europe/Oslo; must exist that year. */
    reportingDeadlineDefault: z.object({ month: z.int().min(1).max(12), day: z.int().min(1).max(31) }),
    amounts: z.object({ minPerApplication: kronerSchema, maxPerApplication: kronerSchema }),
    operatingGrant: z.object({
      minYearsInOperation: z.int().min(0),
      /** Applies to local immigrant organisations; counted members are self-declared. */
      minCountedMembers: z.int().min(0),
    }),
    /** Enhetsregisteret organisation-form codes that may apply (public and commercial forms may not). */
    eligibleOrganisationForms: z.array(z.string().regex(/^[A-Z]{2,5}$/)).min(1),
    pots: z.array(potSchema).default([]),
    unspentFunds: z.enum(unspentFundsPolicies),
  })
  .superRefine((rules, ctx) => {
    const codes = rules.subGoals.map((g) => g.code);
    if (new Set(codes).size !== codes.length) {
      addLocalizedIssue(ctx, { code: 'rule_set.duplicate_sub_goal', messages: {
        nb: 'Et delmål står to ganger.', nn: 'Eit delmål står to gonger.', en: 'A sub-goal is listed twice.',
      } }, ['subGoals']);
    }
    const advisory = rules.subGoals.reduce((total, g) => {
      const f = decimalToFraction(g.advisoryShare);
      return { n: total.n * f.denominator + f.numerator * total.d, d: total.d * f.denominator };
    }, { n: 0n, d: 1n });
    if (advisory.n !== advisory.d) {
      addLocalizedIssue(ctx, { code: 'rule_set.advisory_split_not_whole', messages: {
        nb: 'Den anbefalte fordelingen på delmål må til sammen bli 100 %.',
        nn: 'Den tilrådde fordelinga på delmål må til saman bli 100 %.',
        en: 'The advisory split across sub-goals must add up to 100 %.',
      } }, ['subGoals']);
    }
    if (rules.amounts.minPerApplication > rules.amounts.maxPerApplication) {
      addLocalizedIssue(ctx, { code: 'rule_set.min_above_max', messages: {
        nb: 'Minstebeløpet kan ikke være større enn maksbeløpet.',
        nn: 'Minstebeløpet kan ikkje vere større enn maksbeløpet.',
        en: 'The minimum amount cannot be larger than the maximum amount.',
      } }, ['amounts', 'minPerApplication']);
    }
    const { month, day } = rules.reportingDeadlineDefault;
    if (!isCalendarDate(rules.grantYear + 1, month, day)) {
      addLocalizedIssue(ctx, { code: 'rule_set.reporting_deadline_not_a_date', messages: {
        nb: `Standard rapporteringsfrist ${day}.${month}. finnes ikke i ${rules.grantYear + 1}.`,
        nn: `Standard rapporteringsfrist ${day}.${month}. finst ikkje i ${rules.grantYear + 1}.`,
        en: `The default reporting deadline ${day}/${month} does not exist in ${rules.grantYear + 1}.`,
      } }, ['reportingDeadlineDefault']);
    }
    const potIds = rules.pots.map((p) => p.id);
    if (new Set(potIds).size !== potIds.length) {
      addLocalizedIssue(ctx, { code: 'rule_set.duplicate_pot', messages: {
        nb: 'To potter har samme id.', nn: 'To pottar har same id.', en: 'Two pots have the same id.',
      } }, ['pots']);
    }
  });

/** One year's national rules, as parsed. */
export type RuleSet = z.infer<typeof ruleSetSchema>;

/** A rule set as written in data files and the database, before parsing. */
export type RuleSetInput = z.input<typeof ruleSetSchema>;
