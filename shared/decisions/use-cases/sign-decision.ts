/**
 * The approver signs one application's recommendation as it stands (vedtak). The decision, its
 * audit events, the letter and — for an award — the budget commitment are one transaction, so
 * nothing is half-stored and no race awards more than is left.
 */
import { NotFoundError } from '../../applications/errors';
import type { Clock, IdGenerator } from '../../kernel/ports';
import type { TenantId } from '../../kernel/tenants';
import type { Call } from '../../rounds/call';
import type { RuleSetVersion } from '../../rules/rule-set-version';
import type { Decision } from '../decision';
import type { DecisionRepository } from '../ports';
import { signRecommendation, type ComposeDecisionLetter, type Signer } from '../signing';

export interface SignDecisionDeps {
  readonly decisions: Pick<DecisionRepository, 'get' | 'commit'>;
  readonly clock: Clock;
  readonly newId: IdGenerator;
  readonly composeLetter: ComposeDecisionLetter;
}

export interface SignDecisionInput {
  readonly tenantId: TenantId;
  readonly applicationId: string;
  /** The round of the application and the rule-set version it was created under. */
  readonly call: Call;
  readonly rules: RuleSetVersion;
  readonly signer: Signer;
  /** The recommendation's `recommendedAt` as shown to the approver, when the page sent it. */
  readonly recommendationSeen?: string;
}

/** Signs the recommendation; resolves to the decision as stored. */
export async function signDecision(deps: SignDecisionDeps, input: SignDecisionInput): Promise<Decision> {
  const application = await deps.decisions.get(input.tenantId, input.applicationId);
  if (!application || application.roundId !== input.call.roundId) throw new NotFoundError();
  const commitment = signRecommendation({
    application, call: input.call, rules: input.rules, signer: input.signer,
    ...(input.recommendationSeen !== undefined ? { recommendationSeen: input.recommendationSeen } : {}),
    now: deps.clock(), newId: deps.newId, composeLetter: deps.composeLetter,
  });
  await deps.decisions.commit(commitment);
  return commitment.next.decision!;
}
