/**
 * The rule-set form's fields and the rule set they stand for. Shares are typed as percentages
 * ("70", "12,5") and become exact decimal text ("0.70", "0.125") by moving the decimal point in
 * the text, never through a float; kroner may be typed with spaces ("110 000").
 */
import type { Language } from '../../../web/i18n';
import type { RuleSet } from '../../../shared/rules/rule-set';
import { subGoalCodes, subGoalNames2024, type SubGoalCode } from '../../../shared/rules/sub-goals';
import { locales } from '../../../shared/kernel/i18n';
import { many, single, type FormValues } from '../common/form-cycle';

/** "70" → "0.70", "12,5 %" → "0.125"; anything else is returned as typed, for the schema to refuse. */
export function percentToRate(typed: string): string {
  const match = /^\s*(\d{1,3})(?:[.,](\d{1,8}))?\s*%?\s*$/.exec(typed);
  if (!match) return typed;
  const [, whole = '', fraction = ''] = match;
  const digits = whole.padStart(3, '0') + fraction;
  const point = digits.length - fraction.length - 2;
  const integer = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  return `${integer}.${digits.slice(point)}`;
}

/** "0.705" → "70,5" (or "70.5" in English): the share as a percentage, exactly. */
export function rateToPercent(rate: string, lang: Language): string {
  const [integer = '0', fraction = ''] = rate.split('.');
  const padded = fraction.padEnd(2, '0');
  const whole = `${integer}${padded.slice(0, 2)}`.replace(/^0+(?=\d)/, '');
  const rest = padded.slice(2).replace(/0+$/, '');
  return rest ? `${whole}${lang === 'en' ? '.' : ','}${rest}` : whole;
}

/** A whole number as typed, spaces allowed; anything else as typed, for the schema to refuse. */
function whole(typed: string | string[] | undefined): number | string {
  const text = single(typed).replace(/[\s\u00a0\u202f]/g, '');
  return /^\d{1,15}$/.test(text) ? Number(text) : text;
}

function optionalWhole(typed: string | string[] | undefined): number | string | undefined {
  return single(typed).trim() === '' ? undefined : whole(typed);
}

const localized = (values: FormValues, name: string) => Object.fromEntries(locales.map((lang) => [lang, single(values[`${name}.${lang}`])]));

/** The sub-goals the form has ticked, in code order: the order of `subGoals` in the rule set it makes. */
export function includedSubGoals(values: FormValues): SubGoalCode[] {
  return subGoalCodes.filter((code) => single(values[`subGoals.${code}.included`]) === 'on');
}

/** How many pots the form carries. */
export function potCount(values: FormValues): number {
  return Object.keys(values).filter((name) => /^pots\.\d+\.id$/.test(name)).length;
}

/** The rule set, with `basedOnVersion`, that the posted fields stand for; the schema checks it. */
export function ruleSetFromForm(values: FormValues, grantYear: number): Record<string, unknown> {
  const text = (name: string) => single(values[name]).trim();
  return {
    basedOnVersion: whole(values.basedOnVersion),
    grantYear,
    regulation: { reference: text('regulation.reference'), title: localized(values, 'regulation.title') },
    municipalShare: percentToRate(text('municipalShare')),
    splitRounding: text('splitRounding'),
    adminCostCap: { rate: percentToRate(text('adminCostCap.rate')), rounding: text('adminCostCap.rounding') },
    subGoals: includedSubGoals(values).map((code) => ({
      code,
      name: localized(values, `subGoals.${code}.name`),
      advisoryShare: percentToRate(text(`subGoals.${code}.advisoryShare`)),
      operatingGrant: text(`subGoals.${code}.operatingGrant`) === 'true',
    })),
    auditThreshold: whole(values.auditThreshold),
    appealDeadlineWeeks: whole(values.appealDeadlineWeeks),
    acceptanceWeeks: whole(values.acceptanceWeeks),
    appealBody: text('appealBody'),
    reportingDeadlineDefault: { month: whole(values['reportingDeadlineDefault.month']), day: whole(values['reportingDeadlineDefault.day']) },
    amounts: { minPerApplication: whole(values['amounts.minPerApplication']), maxPerApplication: whole(values['amounts.maxPerApplication']) },
    operatingGrant: {
      minYearsInOperation: whole(values['operatingGrant.minYearsInOperation']),
      minCountedMembers: whole(values['operatingGrant.minCountedMembers']),
    },
    eligibleOrganisationForms: text('eligibleOrganisationForms').toUpperCase().split(/[\s,;]+/).filter(Boolean),
    pots: Array.from({ length: potCount(values) }, (_, i) => {
      const maxYears = optionalWhole(values[`pots.${i}.eligibility.maxYearsSinceFounded`]);
      return {
        id: text(`pots.${i}.id`),
        name: localized(values, `pots.${i}.name`),
        maxAmount: whole(values[`pots.${i}.maxAmount`]),
        waives: many(values[`pots.${i}.waives`]),
        eligibility: maxYears === undefined ? {} : { maxYearsSinceFounded: maxYears },
      };
    }),
    unspentFunds: text('unspentFunds'),
  };
}

/** The form's fields filled from a version of the rules. */
export function formValuesOf(ruleSet: RuleSet, basedOnVersion: number, lang: Language): FormValues {
  const values: FormValues = {
    basedOnVersion: String(basedOnVersion),
    'regulation.reference': ruleSet.regulation.reference,
    municipalShare: rateToPercent(ruleSet.municipalShare, lang),
    splitRounding: ruleSet.splitRounding,
    'adminCostCap.rate': rateToPercent(ruleSet.adminCostCap.rate, lang),
    'adminCostCap.rounding': ruleSet.adminCostCap.rounding,
    auditThreshold: String(ruleSet.auditThreshold),
    appealDeadlineWeeks: String(ruleSet.appealDeadlineWeeks),
    acceptanceWeeks: String(ruleSet.acceptanceWeeks),
    appealBody: ruleSet.appealBody,
    'reportingDeadlineDefault.month': String(ruleSet.reportingDeadlineDefault.month),
    'reportingDeadlineDefault.day': String(ruleSet.reportingDeadlineDefault.day),
    'amounts.minPerApplication': String(ruleSet.amounts.minPerApplication),
    'amounts.maxPerApplication': String(ruleSet.amounts.maxPerApplication),
    'operatingGrant.minYearsInOperation': String(ruleSet.operatingGrant.minYearsInOperation),
    'operatingGrant.minCountedMembers': String(ruleSet.operatingGrant.minCountedMembers),
    eligibleOrganisationForms: ruleSet.eligibleOrganisationForms.join(', '),
    unspentFunds: ruleSet.unspentFunds,
  };
  for (const lang of locales) values[`regulation.title.${lang}`] = ruleSet.regulation.title[lang];
  for (const code of subGoalCodes) {
    const goal = ruleSet.subGoals.find((g) => g.code === code);
    if (goal) values[`subGoals.${code}.included`] = 'on';
    values[`subGoals.${code}.advisoryShare`] = goal ? rateToPercent(goal.advisoryShare, lang) : '0';
    values[`subGoals.${code}.operatingGrant`] = String(goal?.operatingGrant ?? code === 'D');
    for (const l of locales) values[`subGoals.${code}.name.${l}`] = (goal?.name ?? subGoalNames2024[code])[l];
  }
  ruleSet.pots.forEach((pot, i) => {
    values[`pots.${i}.id`] = pot.id;
    for (const l of locales) values[`pots.${i}.name.${l}`] = pot.name[l];
    values[`pots.${i}.maxAmount`] = String(pot.maxAmount);
    values[`pots.${i}.waives`] = [...pot.waives];
    if (pot.eligibility.maxYearsSinceFounded !== undefined) values[`pots.${i}.eligibility.maxYearsSinceFounded`] = String(pot.eligibility.maxYearsSinceFounded);
  });
  return values;
}

/**
 * The schema names a sub-goal by its place in the list (`subGoals.2.advisoryShare`); the form
 * names it by its code (`subGoals.C.advisoryShare`), so each error lands next to its field.
 */
export function formFieldOf(path: string, values: FormValues): string {
  const match = /^subGoals\.(\d+)(\..*)?$/.exec(path);
  if (!match) return path;
  const code = includedSubGoals(values)[Number(match[1])];
  return code ? `subGoals.${code}${match[2] ?? ''}` : 'subGoals';
}
