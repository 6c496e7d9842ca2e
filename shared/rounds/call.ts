import { z } from 'zod';
import { localizedTextSchema } from '../kernel/i18n';
import { kronerSchema } from '../kernel/money';
import { roundStatuses } from './lifecycle';
import { criterionSchema, extraQuestionSchema, roundPotSchema, roundSettingsSchema, type RoundSettings } from './round-settings';
import { subGoalCodeSchema } from '../rules/sub-goals';
import { paymentRuleSchema } from '../payments/payment-plan';
import { tenantIdSchema } from '../kernel/tenants';

/**
 * A call for applications (utlysning) as the public sees it: one round of one administrator,
 * with what an organisation needs to decide whether to apply.
 */

/** How a round's applications are assessed. */
export const roundAssessmentSchema = z.object({
  /** The scoring scale, e.g. 1–6. */
  scale: z.object({ min: z.int().min(0).max(10), max: z.int().min(1).max(100) }),
  /** How many assessors must submit before the application can be recommended. */
  assessorsPerApplication: z.int().min(1).max(10),
  criteria: z.array(criterionSchema).min(1),
});

/** One of a round's scoring settings. */
export type RoundAssessment = z.infer<typeof roundAssessmentSchema>;

/** The published facts of a call. Amounts are integer kroner; instants are ISO-8601 UTC. */
export const callSchema = z.object({
  tenantId: tenantIdSchema,
  roundId: z.string().min(1),
  administratorName: z.string().min(1),
  /** Kommunenummer of the administrator; absent for IMDi's national call. */
  kommunenummer: z.string().regex(/^\d{4}$/).optional(),
  grantYear: z.number().int().min(2000).max(2100),
  title: localizedTextSchema,
  summary: localizedTextSchema,
  criteria: z.array(localizedTextSchema),
  subGoals: z.array(subGoalCodeSchema).min(1),
  opensAt: z.iso.datetime(),
  deadline: z.iso.datetime(),
  reportingDeadline: z.iso.datetime(),
  minAmount: kronerSchema,
  maxAmount: kronerSchema,
  status: z.enum(roundStatuses),
  /** The call's own questions, asked after the national form. */
  extraQuestions: z.array(extraQuestionSchema).default([]),
  /** Earmarked pots of the rule set that this call offers; absent when it offers none. */
  pots: z.array(roundPotSchema).optional(),
  /**
   * The version of the year's national rules the round was created under, and is checked against
   * for its whole life; absent for rounds from before the rules were stored, which use version 1.
   */
  ruleSetVersion: z.number().int().min(1).optional(),
  /** How applications are scored; absent on rounds made before assessment was set up, which score nothing. */
  assessment: roundAssessmentSchema.optional(),
  /** The municipality's rule for paying grants in instalments; absent: every grant is paid in full on acceptance. */
  payment: paymentRuleSchema.optional(),
  /** The appeal body's name as the round states it (the rule set says which kind of body it is). */
  appealBodyName: localizedTextSchema.optional(),
  /**
   * The date (YYYY-MM-DD, Oslo) by which the municipality expects to have decided, stated in the
   * preliminary reply.
   */
  decisionsExpectedBy: z.iso.date().optional(),
  /**
   * Days after the deadline within which applicants must have an answer; an application still
   * undecided then gets a preliminary reply (fvl. § 11a: about a month). Absent means 30.
   */
  preliminaryReplyWithinDays: z.int().min(1).max(365).optional(),
  /** Set when the round was cancelled, with the reason shown to applicants. */
  cancellation: z.object({ at: z.iso.datetime(), by: z.string().min(1), reason: z.string().min(1).max(2000) }).optional(),
  /** Corrections made after the round opened, shown to applicants, oldest first. */
  corrections: z.array(z.object({ at: z.iso.datetime(), by: z.string().min(1), text: localizedTextSchema })).optional(),
});


/** A call as stored and shown. */
export type Call = z.infer<typeof callSchema>;

/** What an officer may change before a round opens: everything but who, which year and where it stands. */
export type RoundContent = Omit<Call, 'tenantId' | 'roundId' | 'administratorName' | 'kommunenummer' | 'grantYear' | 'status' | 'ruleSetVersion' | 'cancellation' | 'corrections'>;

/** The version of the year's rules a round uses. */
export function ruleSetVersionOf(call: Pick<Call, 'ruleSetVersion'>): number {
  return call.ruleSetVersion ?? 1;
}

/** A round's settings as the national rules check them (criteria are the call's own and not checked). */
export function roundSettingsOf(call: Call): RoundSettings {
  return roundSettingsSchema.parse({
    grantYear: call.grantYear,
    opensAt: call.opensAt,
    deadline: call.deadline,
    subGoals: call.subGoals,
    minAmount: call.minAmount,
    maxAmount: call.maxAmount,
    reportingDeadline: call.reportingDeadline,
    extraQuestions: call.extraQuestions,
    pots: call.pots ?? [],
  });
}

/** What the public list of calls can be narrowed by. */
export const callFilterSchema = z.object({
  tenantId: tenantIdSchema.optional(),
  subGoal: subGoalCodeSchema.optional(),
});

/** Filter for the public list of open calls. */
export type CallFilter = z.infer<typeof callFilterSchema>;

/** Keeps the calls that match the filter; the list keeps its order (earliest deadline first). */
export function filterCalls(calls: readonly Call[], filter: CallFilter): Call[] {
  return calls.filter(
    (call) =>
      (filter.tenantId === undefined || call.tenantId === filter.tenantId) &&
      (filter.subGoal === undefined || call.subGoals.includes(filter.subGoal)),
  );
}
