import type { z } from 'zod';
import {
  projectFormValues,
  budgetLineSlots,
  budgetSectionSchema,
  contactSectionSchema,
  projectSectionSchema,
  questionsSectionSchema,
  type Application,
} from '../../../shared/applications/application';
import type { SectionChange } from '../../../shared/applications/use-cases/save-application-section';
import type { Call } from '../../../shared/rounds/call';
import { many, single, type FormValues } from '../common/form-cycle';

/**
 * How each section of the form travels between the stored application and the HTML form: the
 * domain's schema, the posted fields shaped into its input, the change to store, and the stored
 * section as the strings the form shows.
 */
export interface SectionForm<T> {
  readonly schema: (call: Call) => z.ZodType<T>;
  readonly read: (values: FormValues, call: Call) => unknown;
  readonly change: (data: T) => SectionChange;
  readonly values: (application: Application, call: Call) => FormValues;
}

function sectionForm<T>(form: SectionForm<T>): SectionForm<unknown> {
  return form as SectionForm<unknown>;
}

const lines = (values: FormValues, group: string, slots: number) =>
  Array.from({ length: slots }, (_, index) => ({ label: single(values[`${group}.${index}.label`]), amount: single(values[`${group}.${index}.amount`]) }));

const lineValues = (group: string, entries: readonly { label: string; amount: number }[]): FormValues =>
  Object.fromEntries(entries.flatMap((line, index) => [[`${group}.${index}.label`, line.label], [`${group}.${index}.amount`, String(line.amount)]]));

/** The form's sections with fields of their own (attachments have their own routes). */
export const sectionForms = {
  contact: sectionForm({
    schema: () => contactSectionSchema,
    read: (values) => ({
      contactName: single(values.contactName),
      email: single(values.email),
      phone: single(values.phone),
      accountNumber: single(values.accountNumber),
    }),
    change: (contact) => ({ contact, email: contact.email }),
    values: (application) => ({ ...(application.contact ?? {}), email: application.contact?.email ?? application.email }),
  }),
  project: sectionForm({
    schema: (call) => projectSectionSchema(call),
    read: (values) => ({ ...Object.fromEntries(Object.entries(values).map(([name, value]) => [name, single(value)])), subGoals: many(values.subGoals) }),
    change: (project) => ({ project }),
    values: ({ project }) => (project ? projectFormValues(project) : {}),
  }),
  budget: sectionForm({
    schema: (call) => budgetSectionSchema(call),
    read: (values) => ({
      costs: lines(values, 'costs', budgetLineSlots.costs),
      otherIncome: lines(values, 'otherIncome', budgetLineSlots.income),
      ownContribution: single(values.ownContribution),
      amountApplied: single(values.amountApplied),
    }),
    change: (budget) => ({ budget }),
    values: ({ budget }) =>
      budget
        ? {
            ownContribution: String(budget.ownContribution),
            amountApplied: String(budget.amountApplied),
            ...lineValues('costs', budget.costs),
            ...lineValues('otherIncome', budget.otherIncome),
          }
        : {},
  }),
  questions: sectionForm({
    schema: (call) => questionsSectionSchema(call),
    read: (values, call) => Object.fromEntries(call.extraQuestions.map((question) => [question.id, single(values[question.id])])),
    change: (answers) => ({ answers }),
    values: (application, call) => Object.fromEntries(call.extraQuestions.map((question) => [question.id, application.answers?.[question.id] ?? ''])),
  }),
};

/** A section with a form of its own. */
export type FormSection = keyof typeof sectionForms;
