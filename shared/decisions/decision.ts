/**
 * A recommendation (innstilling) and a decision (vedtak) on one application. The caseworker
 * recommends an outcome with reasons; the approver signs it, which makes it an enkeltvedtak: the
 * letter states the amount, the conditions, the reasons, the appeal deadline and body, the right to
 * see the case documents and what the report must contain. Both are kept on the application item
 * (read with it, written with it); a decision never changes once signed.
 */
import type { LocalizedText } from '../kernel/i18n.js';
import type { Kroner } from '../kernel/money.js';
import type { AppealBody } from '../rules/rule-set.js';
import type { Instalment } from '../payments/payment-plan.js';

/** What may be recommended and decided. */
export const decisionOutcomes = ['grant', 'grant_partly', 'reject'] as const;

/** One of {@link decisionOutcomes}. */
export type DecisionOutcome = (typeof decisionOutcomes)[number];

/** The caseworker's recommendation; replaced by a newer one until the decision is signed. */
export interface Recommendation {
  readonly outcome: DecisionOutcome;
  /** Whole kroner to award; 0 for a rejection. */
  readonly amount: Kroner;
  /** The reasons (fvl. §§ 24–25), in the applicant's language; required for every outcome. */
  readonly reasons: string;
  /** Conditions beyond the standard ones, in the applicant's language; may be empty. */
  readonly conditions: string;
  /** The recommending user's id (the token's subject). */
  readonly recommendedBy: string;
  readonly recommendedByName?: string;
  readonly recommendedAt: string;
}

/** A signed decision, with everything its letter states, fixed when it was signed. */
export interface Decision {
  readonly decisionId: string;
  readonly outcome: DecisionOutcome;
  readonly amount: Kroner;
  readonly reasons: string;
  readonly conditions: string;
  readonly decidedBy: string;
  readonly decidedByName?: string;
  readonly decidedAt: string;
  /** The letter's language: the applicant's. */
  readonly language: 'nb' | 'nn' | 'en';
  /** Weeks to appeal from receipt, by the round's rule-set version. */
  readonly appealDeadlineWeeks: number;
  /** Which body handles an appeal (by the rule set) and its name as the round states it. */
  readonly appealBody: AppealBody;
  readonly appealBodyName?: LocalizedText;
  /**
   * The last instant (ISO-8601 UTC, end of an Oslo day) the organisation may accept a grant, by the
   * rule set's `acceptanceWeeks`; absent for a rejection and for decisions signed before acceptance
   * was asked for.
   */
  readonly acceptanceDeadline?: string;
  /**
   * How the grant is paid: its instalments and what each waits for, by the round's payment rule;
   * absent for a rejection and for decisions signed before plans were stated (paid in full).
   */
  readonly paymentPlan?: Instalment[];
  /** The report deadline (ISO-8601 UTC) the letter states; absent for a rejection. */
  readonly reportingDeadline?: string;
  /** The rule-set version the decision was made under. */
  readonly ruleSetVersion: number;
  /** The regulation the decision applies (the rule set's), as the letter cites it. */
  readonly regulation?: { readonly reference: string; readonly title: LocalizedText };
  /** Grants of at least this need accounts confirmed by an auditor (the rule set's threshold). */
  readonly auditThreshold?: Kroner;
  /** The municipality that decided, as the round names it, for the letter's sender. */
  readonly administratorName?: string;
}
