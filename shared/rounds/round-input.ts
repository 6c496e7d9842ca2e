/**
 * A round as an officer types it (the page's form and the JSON API take the same shape): texts in
 * Bokmål with optional Nynorsk and English, times as Oslo local date and time, amounts as kroner
 * text. {@link roundInputSchema} turns it into the round's content, checked on its own with
 * `roundSettingsSchema`; the national rules are checked by the use case against the round's version.
 */
import { z } from 'zod';
import { parseOsloLocal } from '../kernel/deadlines.js';
import { addLocalizedIssue, type LocalizedText } from '../kernel/i18n.js';
import { parseKroner } from '../kernel/money.js';
import { subGoalCodeSchema } from '../rules/sub-goals.js';
import { roundSettingsSchema } from './round-settings.js';
import type { RoundContent } from './call.js';

const requiredMessages = {
  code: 'round.required',
  messages: { nb: 'Fyll ut feltet.', nn: 'Fyll ut feltet.', en: 'Fill in this field.' },
};

/** A field that must be filled in. */
const requiredText = (max: number) =>
  z.string().trim().max(max).superRefine((value, ctx) => {
    if (value === '') addLocalizedIssue(ctx, requiredMessages);
  });

/** A text in Bokmål, with Nynorsk and English that fall back to it when left empty. */
const localizedInput = (max: number) =>
  z.object({ nb: requiredText(max), nn: z.string().trim().max(max).default(''), en: z.string().trim().max(max).default('') })
    .transform((text): LocalizedText => ({ nb: text.nb, nn: text.nn || text.nb, en: text.en || text.nb }));

/** A time typed as Oslo local date and time (`2027-02-01T09:00`), stored as a UTC instant. */
const osloLocal = z.string().trim().transform((value, ctx) => {
  if (value === '') {
    addLocalizedIssue(ctx, requiredMessages);
    return z.NEVER;
  }
  const parsed = parseOsloLocal(value);
  if (!parsed.ok) {
    addLocalizedIssue(ctx, { code: `deadline.${parsed.error.code}`, messages: parsed.error.messages });
    return z.NEVER;
  }
  return parsed.value;
});

/** Kroner as typed (`10 000`, `10000 kr`). */
const kronerText = z.union([z.number(), z.string()]).transform((value, ctx) => {
  const parsed = parseKroner(String(value));
  if (!parsed.ok) {
    addLocalizedIssue(ctx, { code: 'money.invalid', messages: parsed.error.messages });
    return z.NEVER;
  }
  return parsed.value;
});

/** A whole number typed in a field; blank means missing. */
const wholeNumber = (min: number, max: number) =>
  z.preprocess((value) => (value === '' ? undefined : value), z.coerce.number().int().min(min).max(max));

/** The input of the officer's round form and of the API's create and edit operations. */
export const roundInputSchema = z
  .object({
    title: localizedInput(200),
    summary: localizedInput(4000),
    grantYear: wholeNumber(2000, 2100),
    opensAt: osloLocal,
    deadline: osloLocal,
    reportingDeadline: osloLocal,
    subGoals: z.array(subGoalCodeSchema).min(1, 'Choose at least one sub-goal.'),
    minAmount: kronerText,
    maxAmount: kronerText,
    scaleMin: wholeNumber(0, 10),
    scaleMax: wholeNumber(1, 100),
    assessorsPerApplication: wholeNumber(1, 10),
    criteria: z.array(z.object({ label: requiredText(200), weight: wholeNumber(1, 100) })).min(1, 'Add at least one criterion.'),
    extraQuestions: z.array(z.object({ label: requiredText(500), required: z.boolean().default(false), maxLength: wholeNumber(1, 10_000) })).max(30).default([]),
    pots: z.array(z.object({ id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/), setAside: z.union([z.literal(''), kronerText]).optional() })).default([]),
    appealBodyName: localizedInput(200),
    decisionsExpectedBy: z.union([z.literal(''), z.iso.date()]).optional(),
    preliminaryReplyWithinDays: z.preprocess((value) => (value === '' || value === undefined ? 30 : value), z.coerce.number().int().min(1).max(365)),
    // The payment rule: grants of at least `instalmentsFrom` in two instalments; blank, all in full on acceptance.
    instalmentsFrom: z.union([z.literal(''), kronerText]).optional(),
    firstInstalmentPercent: z.preprocess((value) => (value === '' || value === undefined ? 50 : value), z.coerce.number().int().min(1).max(99)),
    secondInstalmentAfter: z.preprocess((value) => (value === '' || value === undefined ? 'report_approved' : value), z.enum(['report_approved', 'conditions_confirmed'])),
  })
  .transform((input) => {
    const criteria = input.criteria.map((criterion, i) => ({ id: `k${i + 1}`, label: { nb: criterion.label, nn: criterion.label, en: criterion.label }, weight: criterion.weight }));
    const content: RoundContent = {
      title: input.title,
      summary: input.summary,
      criteria: criteria.map((criterion) => criterion.label),
      subGoals: input.subGoals,
      opensAt: input.opensAt,
      deadline: input.deadline,
      reportingDeadline: input.reportingDeadline,
      minAmount: input.minAmount,
      maxAmount: input.maxAmount,
      extraQuestions: input.extraQuestions.map((question, i) => ({
        id: `q${i + 1}`, label: { nb: question.label, nn: question.label, en: question.label }, required: question.required, maxLength: question.maxLength,
      })),
      ...(input.pots.length ? { pots: input.pots.map((pot) => ({ id: pot.id, ...(typeof pot.setAside === 'number' ? { setAside: pot.setAside } : {}) })) } : {}),
      assessment: { scale: { min: input.scaleMin, max: input.scaleMax }, assessorsPerApplication: input.assessorsPerApplication, criteria },
      appealBodyName: input.appealBodyName,
      ...(input.decisionsExpectedBy ? { decisionsExpectedBy: input.decisionsExpectedBy } : {}),
      preliminaryReplyWithinDays: input.preliminaryReplyWithinDays,
      ...(typeof input.instalmentsFrom === 'number'
        ? { payment: { instalmentsFrom: input.instalmentsFrom, firstInstalmentPercent: input.firstInstalmentPercent, secondInstalmentAfter: input.secondInstalmentAfter } }
        : {}),
    };
    return { grantYear: input.grantYear, content };
  })
  .superRefine(({ grantYear, content }, ctx) => {
    // The settings' own consistency (opens before the deadline, minimum not above maximum, …), by field.
    const settings = roundSettingsSchema.safeParse({ grantYear, ...content, criteria: content.assessment?.criteria ?? [], pots: content.pots ?? [] });
    if (!settings.success) for (const issue of settings.error.issues) ctx.addIssue({ ...issue, code: 'custom', path: issue.path } as never);
    if (content.assessment && content.assessment.scale.min >= content.assessment.scale.max) {
      addLocalizedIssue(ctx, { code: 'round.scale_inverted', messages: {
        nb: 'Skalaens laveste verdi må være lavere enn den høyeste.',
        nn: 'Skalaen sin lågaste verdi må vere lågare enn den høgaste.',
        en: 'The lowest score must be lower than the highest.',
      } }, ['scaleMax']);
    }
  });

/** The round input as sent, before parsing. */
export type RoundInput = z.input<typeof roundInputSchema>;
