/**
 * The report form, checked the way the application's budget is: every field typed in, each
 * spending row a whole-kroner amount, the rows adding up to the stated total to the krone, and the
 * unspent grant stated explicitly and equal to awarded − spent (never below 0). The HTML form and
 * the JSON API validate alike, and every message names what to type in the user's language.
 */
import { z } from 'zod';
import type { Application } from '../applications/application';
import { amountField, countField, requiredText } from '../applications/form-fields';
import { addLocalizedIssue } from '../kernel/i18n';
import { formatKroner, sum, type Kroner } from '../kernel/money';
import type { SubGoalCode } from '../rules/sub-goals';
import { amountAwardedOf, unspentOf, type ReportContent } from './report';

/** Longest texts the report takes; as short as the application's, for the same volunteers. */
export const reportTextLimits = { whatWasDone: 3000, results: 3000 } as const;

/** Largest count of participants or hours the form takes. */
const MAX_COUNT = 1_000_000;

/** What the report is checked against: the application's sub-goals and cost rows, and the grant. */
export interface ReportFrame {
  readonly subGoals: readonly SubGoalCode[];
  readonly costs: readonly { readonly label: string; readonly amount: Kroner }[];
  readonly awarded: Kroner;
}

/** The frame of an application's report. */
export function reportFrameOf(application: Pick<Application, 'project' | 'budget' | 'decision'>): ReportFrame {
  return { subGoals: application.project?.subGoals ?? [], costs: application.budget?.costs ?? [], awarded: amountAwardedOf(application) };
}

/** The form's field names, flat, as the HTML form posts them and the draft keeps them. */
export function reportFieldNames(frame: ReportFrame): string[] {
  return [
    'whatWasDone', 'results',
    ...frame.subGoals.map((code) => `participants.${code}`),
    'firstTimeParticipants', 'volunteerHours',
    ...frame.costs.map((_, index) => `spent.${index}`),
    'totalSpent', 'unspent',
  ];
}

/** The input the schema reads: a flat record of strings, one per field name. */
export type ReportFormInput = Readonly<Record<string, string>>;

/** The report's schema for one application's frame; its issues' paths are the flat field names. */
export function reportFormSchema(frame: ReportFrame) {
  const shape: Record<string, z.ZodType> = {
    whatWasDone: requiredText(reportTextLimits.whatWasDone),
    results: requiredText(reportTextLimits.results),
    firstTimeParticipants: countField(MAX_COUNT),
    volunteerHours: countField(MAX_COUNT),
    totalSpent: amountField(),
    unspent: amountField(),
  };
  for (const code of frame.subGoals) shape[`participants.${code}`] = countField(MAX_COUNT);
  frame.costs.forEach((_, index) => {
    shape[`spent.${index}`] = amountField();
  });
  const asText = z.string().optional().transform((value) => value ?? '');
  const textShape = Object.fromEntries(Object.entries(shape).map(([name, schema]) => [name, asText.pipe(schema as z.ZodType<unknown, string>)]));
  return z
    .object(textShape)
    .superRefine((fields, ctx) => {
      const reached = sum(frame.subGoals.map((code) => fields[`participants.${code}`] as Kroner));
      if ((fields.firstTimeParticipants as number) > reached) {
        addLocalizedIssue(ctx, { code: 'report.first_timers_exceed_participants', messages: {
          nb: `Førstegangsdeltakere kan ikke være flere enn deltakerne til sammen (${reached}).`,
          nn: `Førstegongsdeltakarar kan ikkje vere fleire enn deltakarane til saman (${reached}).`,
          en: `First-time participants cannot be more than all participants together (${reached}).`,
        } }, ['firstTimeParticipants']);
      }
      const rows = frame.costs.map((_, index) => fields[`spent.${index}`] as Kroner | undefined);
      const total = fields.totalSpent as Kroner | undefined;
      if (rows.some((row) => row === undefined) || total === undefined) return;
      const rowsSum = sum(rows as Kroner[]);
      if (rowsSum !== total) {
        addLocalizedIssue(ctx, { code: 'report.spending_does_not_add_up', messages: {
          nb: `Radene blir til sammen ${formatKroner(rowsSum, 'nb')}, ikke ${formatKroner(total, 'nb')}. Rett radene eller totalen.`,
          nn: `Radene blir til saman ${formatKroner(rowsSum, 'nn')}, ikkje ${formatKroner(total, 'nn')}. Rett radene eller totalen.`,
          en: `The rows add up to ${formatKroner(rowsSum, 'en')}, not ${formatKroner(total, 'en')}. Correct the rows or the total.`,
        } }, ['totalSpent']);
        return;
      }
      const unspent = fields.unspent as Kroner | undefined;
      const expected = unspentOf(frame.awarded, total);
      if (unspent !== undefined && unspent !== expected) {
        addLocalizedIssue(ctx, { code: 'report.unspent_wrong', messages: {
          nb: `Ubrukte midler skal være tilskuddet (${formatKroner(frame.awarded, 'nb')}) minus det som er brukt, men ikke under 0: ${formatKroner(expected, 'nb')}.`,
          nn: `Ubrukte midlar skal vere tilskotet (${formatKroner(frame.awarded, 'nn')}) minus det som er brukt, men ikkje under 0: ${formatKroner(expected, 'nn')}.`,
          en: `The unspent amount must be the grant (${formatKroner(frame.awarded, 'en')}) minus what was spent, but not below 0: ${formatKroner(expected, 'en')}.`,
        } }, ['unspent']);
      }
    })
    .transform((fields): ReportContent => ({
      whatWasDone: fields.whatWasDone as string,
      results: fields.results as string,
      participants: frame.subGoals.map((subGoal) => ({ subGoal, participants: fields[`participants.${subGoal}`] as number })),
      firstTimeParticipants: fields.firstTimeParticipants as number,
      volunteerHours: fields.volunteerHours as number,
      spending: frame.costs.map((line, index) => ({ label: line.label, budgeted: line.amount, spent: fields[`spent.${index}`] as Kroner })),
      totalSpent: fields.totalSpent as Kroner,
      unspent: fields.unspent as Kroner,
    }));
}

/** Only the report's own fields of a posted form, each as one string, cut to a length no field needs more than. */
export function reportFormInput(frame: ReportFrame, values: Readonly<Record<string, string | string[] | undefined>>): ReportFormInput {
  const input: Record<string, string> = {};
  for (const name of reportFieldNames(frame)) {
    const value = values[name];
    const text = Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
    input[name] = text.slice(0, reportTextLimits.whatWasDone + 100);
  }
  return input;
}

/** A submitted report as the strings its form shows, for a report returned for changes. */
export function reportContentValues(content: ReportContent): Record<string, string> {
  return {
    whatWasDone: content.whatWasDone,
    results: content.results,
    ...Object.fromEntries(content.participants.map(({ subGoal, participants }) => [`participants.${subGoal}`, String(participants)])),
    firstTimeParticipants: String(content.firstTimeParticipants),
    volunteerHours: String(content.volunteerHours),
    ...Object.fromEntries(content.spending.map((line, index) => [`spent.${index}`, String(line.spent)])),
    totalSpent: String(content.totalSpent),
    unspent: String(content.unspent),
  };
}
