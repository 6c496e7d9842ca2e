/**
 * Signing a recommendation: the rules both the single and the batch decision follow. The approver
 * signs the recommendation as it stands; the decision fixes everything its letter states (amount,
 * conditions, reasons, appeal deadline and body, reporting deadline, rule-set version) so the
 * letter reads the same whenever it is opened.
 */
import type { Application } from '../applications/application';
import { transitionApplication, type ApplicationAction } from '../applications/lifecycle';
import type { AuditEntry } from '../applications/ports';
import { fundingEntryOf } from '../applications/funding-index';
import { kroner, type Kroner } from '../kernel/money';
import { messageToApplicant } from '../outbox/outbox';
import type { Call } from '../rounds/call';
import type { RuleSetVersion } from '../rules/rule-set-version';
import { acceptanceDeadlineOf } from './acceptance';
import { paymentPlanOf } from '../payments/payment-plan';
import type { Decision, DecisionOutcome } from './decision';
import { ActorRecusedError } from '../applications/errors';
import { AwardBelowHeldError } from '../appeals/errors';
import { AlreadyDecidedError, NoRecommendationError, RecommendationChangedError } from './errors';
import type { DecisionCommitment } from './ports';

/** Who signs. */
export interface Signer {
  readonly userId: string;
  readonly name?: string;
}

/** The letter's subject and text, composed in the applicant's language (by `web/emails/decision-letter.ts`). */
export type ComposeDecisionLetter = (input: { decision: Decision; application: Application; call: Call }) => { subject: string; text: string; html?: string };

/** The lifecycle action of each outcome. */
export const actionOf: Record<DecisionOutcome, ApplicationAction> = { grant: 'grant', grant_partly: 'grant_partly', reject: 'reject' };

/** Whether screening found anything that makes the application ineligible. */
export function hasBlockingFindings(application: Pick<Application, 'registryCheck'>): boolean {
  const check = application.registryCheck;
  return check.status === 'verified' && check.findings.some((finding) => finding.severity === 'blocking');
}

/** Whether the application waits for an approver: recommended, and not decided yet. */
export function awaitsDecision(application: Application): boolean {
  return application.recommendation !== undefined && application.decision === undefined && application.status === 'under_assessment';
}

/** What the use cases pass in for one signature. */
export interface SigningInput {
  readonly application: Application;
  readonly call: Call;
  readonly rules: RuleSetVersion;
  readonly signer: Signer;
  /** The recommendation's `recommendedAt` as the approver saw it; a different one is refused (409). */
  readonly recommendationSeen?: string;
  readonly now: Date;
  readonly newId: () => string;
  readonly composeLetter: ComposeDecisionLetter;
}

/**
 * The decision and everything written with it, or the domain error that refuses it: a recused
 * approver, no or a changed recommendation, an application already decided, and the lifecycle's
 * own guards (blocking findings, the amount that tells a full from a partial grant).
 */
export function signRecommendation(input: SigningInput): DecisionCommitment {
  const { application, call, rules, signer, now } = input;
  if (application.recusedUserIds?.includes(signer.userId)) throw new ActorRecusedError('decide');
  if (application.decision) throw new AlreadyDecidedError();
  const recommendation = application.recommendation;
  if (!recommendation) throw new NoRecommendationError();
  if (input.recommendationSeen !== undefined && input.recommendationSeen !== recommendation.recommendedAt) throw new RecommendationChangedError();

  const at = now.toISOString();
  const granted = recommendation.outcome !== 'reject';
  const amount: Kroner = granted ? recommendation.amount : kroner(0);
  const status = transitionApplication(application.status, actionOf[recommendation.outcome], {
    now,
    actorRecused: false,
    hasBlockingFindings: hasBlockingFindings(application),
    amountAppliedFor: application.budget?.amountApplied ?? 0,
    amountAwarded: amount,
  });
  const ruleSet = rules.ruleSet;
  const decision: Decision = {
    decisionId: input.newId(),
    outcome: recommendation.outcome,
    amount,
    reasons: recommendation.reasons,
    conditions: recommendation.conditions,
    decidedBy: signer.userId,
    ...(signer.name ? { decidedByName: signer.name } : {}),
    decidedAt: at,
    language: application.language,
    appealDeadlineWeeks: ruleSet.appealDeadlineWeeks,
    appealBody: ruleSet.appealBody,
    ...(call.appealBodyName ? { appealBodyName: call.appealBodyName } : {}),
    ...(granted ? {
      acceptanceDeadline: acceptanceDeadlineOf(now, ruleSet.acceptanceWeeks),
      reportingDeadline: call.reportingDeadline,
      paymentPlan: paymentPlanOf(amount, call.payment),
    } : {}),
    ruleSetVersion: rules.version,
    regulation: ruleSet.regulation,
    auditThreshold: ruleSet.auditThreshold,
    administratorName: call.administratorName,
  };
  // After a reversed appeal the budget still counts the reversed decision's award (`heldAward`), so
  // only the difference is committed now; less than that would have to give money back, which a new
  // decision on the organisation's own appeal should not do without a decision of its own.
  const held = application.heldAward ?? 0;
  if (amount < held) throw new AwardBelowHeldError(held);
  const { heldAward: _settled, ...undecided } = application;
  const next: Application = { ...undecided, status, decision, version: application.version + 1, updatedAt: at };
  const audit: AuditEntry = {
    eventId: input.newId(),
    at,
    actor: `officer:${signer.userId}`,
    action: actionOf[recommendation.outcome],
    from: application.status,
    to: status,
  };
  const content = input.composeLetter({ decision, application: next, call });
  const letter = messageToApplicant(application, 'decision-notice', content, { messageId: input.newId(), createdAt: at });
  return { next, expectedStatus: application.status, audit, letter, award: kroner(amount - held), funding: fundingEntryOf(next, call) };
}
