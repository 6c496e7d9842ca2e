/**
 * The application form's sections as schemas: each section's fields, read from the posted form and
 * checked against the call, so the HTML form and the JSON API validate alike.
 */
import { z } from 'zod';
import type { Call } from '../rounds/call';
import { addLocalizedIssue } from '../kernel/i18n';
import { formatKroner, sum, type Kroner } from '../kernel/money';
import { OPERATING_GRANT_SUB_GOAL, subGoalCodeSchema, type SubGoalCode } from '../rules/sub-goals';
import {
  accountNumberField,
  amountField,
  checkboxField,
  countField,
  dateField,
  emailField,
  kommunenummerListField,
  optionalCountField,
  optionalPastDateField,
  optionalText,
  phoneField,
  requiredText,
  yesNoField,
} from './form-fields';

/** Longest texts the form accepts; short on purpose (volunteers write these in the evening). */
export const textLimits = {
  name: 120,
  title: 140,
  description: 3000,
  targetGroup: 1000,
  activities: 3000,
  location: 200,
  partners: 1000,
  lineLabel: 100,
} as const;

/** How many budget lines the form offers (it works without JavaScript, so the rows are fixed). */
export const budgetLineSlots = { costs: 8, income: 4 } as const;

/** The form's sections, in the order the applicant meets them. */
export const sectionNames = ['contact', 'project', 'budget', 'attachments', 'questions'] as const;

/** One section of the form. */
export type SectionName = (typeof sectionNames)[number];

/** Contact person and bank account: the personal data of an application. */
export const contactSectionSchema = z.object({
  contactName: requiredText(textLimits.name),
  email: emailField,
  phone: phoneField,
  accountNumber: accountNumberField,
});

/** The contact section as stored. */
export type ContactSection = z.infer<typeof contactSectionSchema>;

/**
 * The project section, checked against the call it is for. It also asks what the eligibility
 * rules need and the register may not say: the founding date (when Enhetsregisteret has none), the
 * self-declared counted members of a local immigrant organisation applying for an operating grant
 * (sub-goal D), and which of the call's earmarked pots, if any, the application is for.
 */
export function projectSectionSchema(call: Pick<Call, 'subGoals' | 'grantYear' | 'pots'>) {
  const potIds = (call.pots ?? []).map((pot) => pot.id);
  return z
    .object({
      title: requiredText(textLimits.title),
      description: requiredText(textLimits.description),
      subGoals: z
        .array(z.string())
        .default([])
        .transform((codes, ctx): SubGoalCode[] => {
          const valid = codes.filter((code): code is SubGoalCode => subGoalCodeSchema.safeParse(code).success && call.subGoals.includes(code as SubGoalCode));
          if (valid.length === 0 || valid.length !== codes.length) {
            addLocalizedIssue(ctx, {
              code: 'project.sub_goal',
              messages: {
                nb: 'Velg minst ett av delmålene denne utlysningen gjelder.',
                nn: 'Vel minst eitt av delmåla denne utlysinga gjeld.',
                en: 'Choose at least one of the sub-goals this call is for.',
              },
            });
          }
          return valid;
        }),
      targetGroup: requiredText(textLimits.targetGroup),
      activities: requiredText(textLimits.activities),
      location: requiredText(textLimits.location),
      startDate: dateField(call.grantYear),
      endDate: dateField(call.grantYear),
      expectedParticipants: countField(1_000_000),
      partners: optionalText(textLimits.partners),
      volunteerHours: countField(1_000_000),
      foundedOn: optionalPastDateField(call.grantYear),
      localImmigrantOrganisation: checkboxField,
      countedMembers: optionalCountField(1_000_000),
      // What screening needs to know and the register does not say (yes/no; unanswered assumes nothing).
      otherStateOperatingGrant: yesNoField,
      norwegianLanguageTraining: yesNoField,
      aimedAtPublicSector: yesNoField,
      outsideNorway: yesNoField,
      /** For IMDi's operating grant: the municipalities the organisation is active in. */
      activeMunicipalities: kommunenummerListField(call.grantYear),
      potId: z
        .string()
        .optional()
        .transform((value, ctx) => {
          if (!value) return undefined;
          if (!potIds.includes(value)) {
            addLocalizedIssue(ctx, { code: 'project.pot_not_in_call', messages: {
              nb: 'Velg en av pottene i denne utlysningen, eller ingen.',
              nn: 'Vel ein av pottane i denne utlysinga, eller ingen.',
              en: 'Choose one of the pots in this call, or none.',
            } });
          }
          return value;
        }),
    })
    .superRefine((project, ctx) => {
      const operatingGrant = project.subGoals.includes(OPERATING_GRANT_SUB_GOAL);
      if (operatingGrant && project.localImmigrantOrganisation && project.countedMembers === undefined) {
        addLocalizedIssue(ctx, { code: 'project.counted_members_missing', messages: {
          nb: 'Oppgi hvor mange tellende medlemmer organisasjonen har.',
          nn: 'Oppgi kor mange tellande medlemmer organisasjonen har.',
          en: 'State how many counted members the organisation has.',
        } }, ['countedMembers']);
      }
      if (project.startDate && project.endDate && project.endDate < project.startDate) {
        addLocalizedIssue(
          ctx,
          {
            code: 'project.end_before_start',
            messages: {
              nb: 'Sluttdatoen kan ikke være før startdatoen.',
              nn: 'Sluttdatoen kan ikkje vere før startdatoen.',
              en: 'The end date cannot be before the start date.',
            },
          },
          ['endDate'],
        );
      }
    });
}

/** The project section as stored. */
export type ProjectSection = z.output<ReturnType<typeof projectSectionSchema>>;

/** A stored project section as the strings its form shows. */
export function projectFormValues(project: ProjectSection): Record<string, string | string[]> {
  const {
    subGoals, expectedParticipants, volunteerHours, foundedOn, localImmigrantOrganisation, countedMembers, potId,
    otherStateOperatingGrant, norwegianLanguageTraining, aimedAtPublicSector, outsideNorway, activeMunicipalities, ...texts
  } = project;
  const yesNo = (answer: boolean | undefined) => (answer === undefined ? '' : answer ? 'yes' : 'no');
  return {
    otherStateOperatingGrant: yesNo(otherStateOperatingGrant),
    norwegianLanguageTraining: yesNo(norwegianLanguageTraining),
    aimedAtPublicSector: yesNo(aimedAtPublicSector),
    outsideNorway: yesNo(outsideNorway),
    activeMunicipalities: (activeMunicipalities ?? []).join(', '),
    ...texts,
    subGoals,
    expectedParticipants: String(expectedParticipants),
    volunteerHours: String(volunteerHours),
    foundedOn: foundedOn ?? '',
    localImmigrantOrganisation: localImmigrantOrganisation ? 'yes' : '',
    countedMembers: countedMembers === undefined ? '' : String(countedMembers),
    potId: potId ?? '',
  };
}

/** One line of the budget. */
export interface BudgetLine {
  label: string;
  amount: Kroner;
}

/** The budget as stored: costs, other income, own contribution and the amount applied for. */
export interface BudgetSection {
  costs: BudgetLine[];
  otherIncome: BudgetLine[];
  ownContribution: Kroner;
  amountApplied: Kroner;
}

/** Sums of a budget, and what the budget says should be applied for. */
export function budgetTotals(budget: Pick<BudgetSection, 'costs' | 'otherIncome' | 'ownContribution'>) {
  const totalCosts = sum(budget.costs.map((line) => line.amount));
  const totalIncome = sum(budget.otherIncome.map((line) => line.amount));
  const funded = totalIncome + budget.ownContribution;
  return { totalCosts, totalIncome, funded: funded as Kroner, needed: (totalCosts - funded) as number };
}

const lineSchema = z.object({ label: optionalText(textLimits.lineLabel), amount: amountField({ optional: true }) });

/**
 * The budget section, checked against the call: at least one cost line, each line with both a
 * label and an amount, the amount applied for inside the call's limits and equal to costs minus
 * other income minus own contribution, so the budget adds up to the krone.
 */
export function budgetSectionSchema(call: Pick<Call, 'minAmount' | 'maxAmount'>) {
  return z
    .object({
      costs: z.array(lineSchema).default([]),
      otherIncome: z.array(lineSchema).default([]),
      ownContribution: amountField({ optional: true }),
      amountApplied: amountField(),
    })
    .superRefine((budget, ctx) => {
      for (const [group, lines] of [['costs', budget.costs], ['otherIncome', budget.otherIncome]] as const) {
        lines.forEach((line, index) => {
          if (line.label && line.amount === undefined) {
            addLocalizedIssue(ctx, { code: 'budget.line_amount_missing', messages: { nb: 'Skriv beløpet for linjen.', nn: 'Skriv beløpet for linja.', en: 'Enter the amount for this line.' } }, [group, index, 'amount']);
          }
          if (!line.label && line.amount !== undefined) {
            addLocalizedIssue(ctx, { code: 'budget.line_label_missing', messages: { nb: 'Skriv hva beløpet gjelder.', nn: 'Skriv kva beløpet gjeld.', en: 'Describe what the amount is for.' } }, [group, index, 'label']);
          }
        });
      }
      if (!budget.costs.some((line) => line.label && line.amount !== undefined)) {
        addLocalizedIssue(ctx, { code: 'budget.no_costs', messages: { nb: 'Før opp minst én kostnad.', nn: 'Før opp minst éin kostnad.', en: 'List at least one cost.' } }, ['costs', 0, 'label']);
      }
      const applied = budget.amountApplied;
      if (applied === undefined) return;
      if (applied < call.minAmount || applied > call.maxAmount) {
        addLocalizedIssue(
          ctx,
          {
            code: 'budget.amount_outside_limits',
            messages: {
              nb: `Du kan søke om fra ${formatKroner(call.minAmount, 'nb')} til ${formatKroner(call.maxAmount, 'nb')} i denne utlysningen.`,
              nn: `Du kan søkje om frå ${formatKroner(call.minAmount, 'nn')} til ${formatKroner(call.maxAmount, 'nn')} i denne utlysinga.`,
              en: `In this call you can apply for ${formatKroner(call.minAmount, 'en')} to ${formatKroner(call.maxAmount, 'en')}.`,
            },
          },
          ['amountApplied'],
        );
        return;
      }
      const totals = budgetTotals(toBudget(budget));
      if (totals.needed !== applied) {
        const needed = Math.max(0, totals.needed) as Kroner;
        addLocalizedIssue(
          ctx,
          {
            code: 'budget.does_not_add_up',
            messages: {
              nb: `Beløpet det søkes om må være kostnadene minus andre inntekter og egenandel: ${formatKroner(needed, 'nb')}.`,
              nn: `Beløpet det blir søkt om må vere kostnadene minus andre inntekter og eigendel: ${formatKroner(needed, 'nn')}.`,
              en: `The amount applied for must be the costs minus other income and own contribution: ${formatKroner(needed, 'en')}.`,
            },
          },
          ['amountApplied'],
        );
      }
    })
    .transform(toBudget);
}

function toBudget(budget: {
  costs: { label: string; amount: Kroner | undefined }[];
  otherIncome: { label: string; amount: Kroner | undefined }[];
  ownContribution: Kroner | undefined;
  amountApplied: Kroner | undefined;
}): BudgetSection {
  const filled = (lines: { label: string; amount: Kroner | undefined }[]) =>
    lines.filter((line): line is BudgetLine => line.label !== '' && line.amount !== undefined);
  return {
    costs: filled(budget.costs),
    otherIncome: filled(budget.otherIncome),
    ownContribution: budget.ownContribution ?? (0 as Kroner),
    amountApplied: budget.amountApplied ?? (0 as Kroner),
  };
}

/** The answers to the call's own extra questions, by question id. */
export function questionsSectionSchema(call: Pick<Call, 'extraQuestions'>) {
  const shape: Record<string, z.ZodType<string, string | undefined>> = {};
  for (const question of call.extraQuestions) {
    shape[question.id] = question.required ? requiredText(question.maxLength) : optionalText(question.maxLength);
  }
  return z.object(shape);
}
