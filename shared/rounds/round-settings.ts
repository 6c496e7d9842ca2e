/**
 * A managing municipality's (or IMDi's) settings for one round (utlysning). A round may narrow or
 * add to the national rules — later or earlier deadline, lower maximum, priorities, extra questions —
 * but never break them. The schema checks that the settings make sense on their own; the national
 * rules are checked by {@link validateRoundSettings}, because they depend on the year's rule set.
 */
import { z } from 'zod';
import { grantYearEnd, grantYearStart, utcInstantSchema } from '../kernel/deadlines.js';
import { DomainError, type FieldError } from '../kernel/errors.js';
import { addLocalizedIssue, localizedTextSchema, type LocalizedText } from '../kernel/i18n.js';
import { formatKroner, kronerSchema, type Kroner } from '../kernel/money.js';
import { err, ok, type Result } from '../kernel/result.js';
import type { RuleSet } from '../rules/rule-set.js';
import { subGoalCodeSchema } from '../rules/sub-goals.js';

const idSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'Use lower-case letters, digits and hyphens.');

/** An extra question a round asks every applicant. */
export const extraQuestionSchema = z.object({
  id: idSchema,
  label: localizedTextSchema,
  required: z.boolean(),
  /** Characters allowed in the answer; keeps forms short for organisations with evening-only capacity. */
  maxLength: z.int().min(1).max(10_000),
});

/** A criterion applications are scored against; weights are relative. */
export const criterionSchema = z.object({
  id: idSchema,
  label: localizedTextSchema,
  weight: z.int().min(1).max(100).default(1),
});

/** A pot from the year's rule set that the round offers, with the amount set aside for it, if any. */
export const roundPotSchema = z.object({
  id: idSchema,
  setAside: kronerSchema.optional(),
});

function unique<T>(items: readonly T[], key: (item: T) => string): boolean {
  return new Set(items.map(key)).size === items.length;
}

/**
 * Schema for round settings, shared by the officer's form, the API and the store. Instants are
 * UTC ISO strings (convert typed Oslo times with `parseOsloLocal` first); amounts whole kroner.
 */
export const roundSettingsSchema = z
  .object({
    grantYear: z.int().min(2000).max(2100),
    opensAt: utcInstantSchema,
    deadline: utcInstantSchema,
    subGoals: z.array(subGoalCodeSchema).min(1),
    minAmount: kronerSchema,
    maxAmount: kronerSchema,
    reportingDeadline: utcInstantSchema,
    extraQuestions: z.array(extraQuestionSchema).max(30).default([]),
    criteria: z.array(criterionSchema).default([]),
    /** Local priorities, shown in the call; they add to the national goals, never replace them. */
    priorities: z.array(localizedTextSchema).default([]),
    pots: z.array(roundPotSchema).default([]),
  })
  .superRefine((s, ctx) => {
    if (Date.parse(s.opensAt) >= Date.parse(s.deadline)) {
      addLocalizedIssue(ctx, { code: 'round.opens_after_deadline', messages: {
        nb: 'Utlysningen må åpne før søknadsfristen.',
        nn: 'Utlysinga må opne før søknadsfristen.',
        en: 'The call must open before the application deadline.',
      } }, ['deadline']);
    }
    if (Date.parse(s.reportingDeadline) <= Date.parse(s.deadline)) {
      addLocalizedIssue(ctx, { code: 'round.reporting_before_deadline', messages: {
        nb: 'Rapporteringsfristen må være etter søknadsfristen.',
        nn: 'Rapporteringsfristen må vere etter søknadsfristen.',
        en: 'The reporting deadline must be after the application deadline.',
      } }, ['reportingDeadline']);
    }
    if (s.minAmount > s.maxAmount) {
      addLocalizedIssue(ctx, { code: 'round.min_above_max', messages: {
        nb: 'Minstebeløpet kan ikke være større enn maksbeløpet.',
        nn: 'Minstebeløpet kan ikkje vere større enn maksbeløpet.',
        en: 'The minimum amount cannot be larger than the maximum amount.',
      } }, ['minAmount']);
    }
    const duplicates: [string, boolean][] = [
      ['subGoals', unique(s.subGoals, (g) => g)],
      ['extraQuestions', unique(s.extraQuestions, (q) => q.id)],
      ['criteria', unique(s.criteria, (c) => c.id)],
      ['pots', unique(s.pots, (p) => p.id)],
    ];
    for (const [field, isUnique] of duplicates) {
      if (!isUnique) addLocalizedIssue(ctx, { code: 'round.duplicate', messages: {
        nb: 'Samme verdi står to ganger.', nn: 'Same verdi står to gonger.', en: 'The same value is listed twice.',
      } }, [field]);
    }
  });

/** Round settings as parsed (defaults filled in). */
export type RoundSettings = z.infer<typeof roundSettingsSchema>;

/** Round settings as sent by a client, before defaults. */
export type RoundSettingsInput = z.input<typeof roundSettingsSchema>;

/** A local setting that breaks a national rule. */
export interface RuleViolation {
  /** Stable code, e.g. `round.max_amount_above_national`. */
  readonly code: string;
  /** The rule-set field broken, e.g. `amounts.maxPerApplication`. */
  readonly rule: string;
  /** The round-settings field to correct. */
  readonly field: string;
  readonly messages: LocalizedText;
}

/** Thrown by {@link assertRoundSettings}: the settings break one or more national rules. */
export class RoundSettingsRejectedError extends DomainError {
  readonly violations: readonly RuleViolation[];

  constructor(violations: readonly RuleViolation[]) {
    const fields: FieldError[] = violations.map((v) => ({ field: v.field, code: v.code, messages: v.messages }));
    super('round.settings_break_national_rules', {
      nb: 'Innstillingene for utlysningen bryter med de nasjonale reglene.',
      nn: 'Innstillingane for utlysinga bryt med dei nasjonale reglane.',
      en: 'The round settings break the national rules.',
    }, { fields, details: { rules: violations.map((v) => v.rule) } });
    this.violations = violations;
  }
}

function kr(amount: Kroner): { nb: string; en: string } {
  return { nb: formatKroner(amount, 'nb'), en: formatKroner(amount, 'en') };
}

/**
 * Checks a round's settings against the year's national rules. Returns the settings, or every
 * violation at once so the officer can fix them in one go.
 */
export function validateRoundSettings(ruleSet: RuleSet, settings: RoundSettings): Result<RoundSettings, readonly RuleViolation[]> {
  const violations: RuleViolation[] = [];
  const add = (code: string, rule: string, field: string, messages: LocalizedText) => violations.push({ code, rule, field, messages });

  if (settings.grantYear !== ruleSet.grantYear) {
    add('round.grant_year_mismatch', 'grantYear', 'grantYear', {
      nb: `Utlysningen gjelder ${settings.grantYear}, men reglene gjelder ${ruleSet.grantYear}.`,
      nn: `Utlysinga gjeld ${settings.grantYear}, men reglane gjeld ${ruleSet.grantYear}.`,
      en: `The round is for ${settings.grantYear}, but the rules are for ${ruleSet.grantYear}.`,
    });
  }
  const nationalMin = ruleSet.amounts.minPerApplication;
  if (settings.minAmount < nationalMin) {
    add('round.min_amount_below_national', 'amounts.minPerApplication', 'minAmount', {
      nb: `Minstebeløpet kan ikke være lavere enn det nasjonale minstebeløpet på ${kr(nationalMin).nb}.`,
      nn: `Minstebeløpet kan ikkje vere lågare enn det nasjonale minstebeløpet på ${kr(nationalMin).nb}.`,
      en: `The minimum amount cannot be lower than the national minimum of ${kr(nationalMin).en}.`,
    });
  }
  const nationalMax = ruleSet.amounts.maxPerApplication;
  if (settings.maxAmount > nationalMax) {
    add('round.max_amount_above_national', 'amounts.maxPerApplication', 'maxAmount', {
      nb: `Maksbeløpet kan ikke være høyere enn det nasjonale maksbeløpet på ${kr(nationalMax).nb}.`,
      nn: `Maksbeløpet kan ikkje vere høgare enn det nasjonale maksbeløpet på ${kr(nationalMax).nb}.`,
      en: `The maximum amount cannot be higher than the national maximum of ${kr(nationalMax).en}.`,
    });
  }
  const nationalGoals = new Set(ruleSet.subGoals.map((g) => g.code));
  for (const goal of settings.subGoals) {
    if (!nationalGoals.has(goal)) {
      add('round.sub_goal_not_in_rule_set', 'subGoals', 'subGoals', {
        nb: `Delmål ${goal} finnes ikke i reglene for ${ruleSet.grantYear}.`,
        nn: `Delmål ${goal} finst ikkje i reglane for ${ruleSet.grantYear}.`,
        en: `Sub-goal ${goal} is not in the rules for ${ruleSet.grantYear}.`,
      });
    }
  }
  for (const pot of settings.pots) {
    if (!ruleSet.pots.some((p) => p.id === pot.id)) {
      add('round.pot_not_in_rule_set', 'pots', 'pots', {
        nb: `Potten «${pot.id}» finnes ikke i reglene for ${ruleSet.grantYear}.`,
        nn: `Potten «${pot.id}» finst ikkje i reglane for ${ruleSet.grantYear}.`,
        en: `The pot "${pot.id}" is not in the rules for ${ruleSet.grantYear}.`,
      });
    }
  }
  // Funds must be used within the grant year, so the whole call must happen inside it.
  const yearStart = Date.parse(grantYearStart(settings.grantYear));
  const yearEnd = Date.parse(grantYearEnd(settings.grantYear));
  const deadline = Date.parse(settings.deadline);
  if (deadline < yearStart || deadline > yearEnd) {
    add('round.deadline_outside_grant_year', 'grantYear', 'deadline', {
      nb: `Søknadsfristen må ligge i tilskuddsåret ${settings.grantYear}, fordi tilskuddet må brukes i tildelingsåret.`,
      nn: `Søknadsfristen må liggje i tilskotsåret ${settings.grantYear}, fordi tilskotet må brukast i tildelingsåret.`,
      en: `The application deadline must be in the grant year ${settings.grantYear}, because the grant must be used within that year.`,
    });
  }
  if (Date.parse(settings.reportingDeadline) <= yearEnd) {
    add('round.reporting_deadline_inside_grant_year', 'reportingDeadlineDefault', 'reportingDeadline', {
      nb: 'Rapporteringsfristen må være etter at tilskuddsåret er slutt, fordi midlene kan brukes hele året.',
      nn: 'Rapporteringsfristen må vere etter at tilskotsåret er slutt, fordi midlane kan brukast heile året.',
      en: 'The reporting deadline must be after the grant year ends, because the funds may be used all year.',
    });
  }
  return violations.length === 0 ? ok(settings) : err(violations);
}

/** Like {@link validateRoundSettings}, throwing {@link RoundSettingsRejectedError}. */
export function assertRoundSettings(ruleSet: RuleSet, settings: RoundSettings): RoundSettings {
  const result = validateRoundSettings(ruleSet, settings);
  if (!result.ok) throw new RoundSettingsRejectedError(result.error);
  return result.value;
}
