/**
 * How a grant is paid out (utbetaling). The round states the municipality's rule: grants of at least
 * `instalmentsFrom` are paid in two instalments — a first share on acceptance and the rest once the
 * final report is approved, or once a caseworker has confirmed the decision's conditions for it —
 * and every other grant in full on acceptance. The decision fixes the plan and the letter states it.
 */
import { z } from 'zod';
import { kronerSchema, kroner, percentage, type Kroner } from '../kernel/money';

/** What an instalment waits for before it may be paid. */
export const instalmentConditions = ['acceptance', 'report_approved', 'conditions_confirmed'] as const;

/** One of {@link instalmentConditions}. */
export type InstalmentCondition = (typeof instalmentConditions)[number];

/** The municipality's payment rule for a round. */
export const paymentRuleSchema = z.object({
  /** Grants of at least this are paid in two instalments. */
  instalmentsFrom: kronerSchema,
  /** The first instalment's share in whole per cent, rounded down to whole kroner; the rest is the second. */
  firstInstalmentPercent: z.int().min(1).max(99),
  /** What the second instalment waits for. */
  secondInstalmentAfter: z.enum(['report_approved', 'conditions_confirmed']),
});

/** A round's payment rule. */
export type PaymentRule = z.infer<typeof paymentRuleSchema>;

/** One instalment of a grant: its number (from 1), whole kroner and what it waits for. */
export interface Instalment {
  readonly number: number;
  readonly amount: Kroner;
  readonly condition: InstalmentCondition;
}

/**
 * The instalments of a grant of `amount` under `rule`: one in full without a rule or below its
 * threshold, else the first share (rounded down, so the organisation is never paid ahead of the
 * share) and the rest. The amounts always add up to the grant exactly, and none is zero.
 */
export function paymentPlanOf(amount: Kroner, rule: PaymentRule | undefined): Instalment[] {
  if (!rule || amount < rule.instalmentsFrom || amount < 2) return [{ number: 1, amount, condition: 'acceptance' }];
  const first = kroner(Math.max(1, percentage(amount, rule.firstInstalmentPercent, 'down')));
  return [
    { number: 1, amount: first, condition: 'acceptance' },
    { number: 2, amount: kroner(amount - first), condition: rule.secondInstalmentAfter },
  ];
}
