/**
 * The approver signs many recommendations of one round at once. Each application is its own
 * transaction with its own letter, so one refusal (funds ran out, someone decided it meanwhile)
 * stops only that application; the answer says for each what was decided and what was refused.
 */
import { ConcurrentChangeError } from '../../applications/errors';
import { DomainError } from '../../kernel/errors';
import type { LocalizedText } from '../../kernel/i18n';
import type { Kroner } from '../../kernel/money';
import type { Clock, IdGenerator } from '../../kernel/ports';
import type { TenantId } from '../../kernel/tenants';
import type { Call } from '../../rounds/call';
import type { RuleSetVersion } from '../../rules/rule-set-version';
import type { DecisionOutcome } from '../decision';
import { AlreadyDecidedError } from '../errors';
import type { DecisionRepository } from '../ports';
import { signRecommendation, type ComposeDecisionLetter, type Signer } from '../signing';

export interface SignDecisionsDeps {
  readonly decisions: Pick<DecisionRepository, 'get' | 'commit'>;
  readonly clock: Clock;
  readonly newId: IdGenerator;
  readonly composeLetter: ComposeDecisionLetter;
}

export interface SignDecisionsInput {
  readonly tenantId: TenantId;
  readonly call: Call;
  readonly rules: RuleSetVersion;
  readonly signer: Signer;
  /** The applications to sign, each with the `recommendedAt` the approver saw (if the page sent it). */
  readonly selected: readonly { readonly applicationId: string; readonly recommendationSeen?: string }[];
}

/** What happened to one selected application. */
export type BatchItemResult =
  | { readonly applicationId: string; readonly reference?: string; readonly result: 'decided'; readonly outcome: DecisionOutcome; readonly amount: Kroner }
  | { readonly applicationId: string; readonly reference?: string; readonly result: 'refused'; readonly code: string; readonly messages: LocalizedText };

const notFound: LocalizedText = {
  nb: 'Søknaden finnes ikke i denne utlysningen.',
  nn: 'Søknaden finst ikkje i denne utlysinga.',
  en: 'The application is not in this round.',
};

/** Signs each selected recommendation in turn; never throws for one application's refusal. */
export async function signDecisions(deps: SignDecisionsDeps, input: SignDecisionsInput): Promise<BatchItemResult[]> {
  const results: BatchItemResult[] = [];
  for (const { applicationId, recommendationSeen } of input.selected) {
    const application = await deps.decisions.get(input.tenantId, applicationId);
    if (!application || application.roundId !== input.call.roundId) {
      results.push({ applicationId, result: 'refused', code: 'application.not_found', messages: notFound });
      continue;
    }
    const reference = application.reference;
    try {
      const commitment = signRecommendation({
        application, call: input.call, rules: input.rules, signer: input.signer,
        ...(recommendationSeen !== undefined ? { recommendationSeen } : {}),
        now: deps.clock(), newId: deps.newId, composeLetter: deps.composeLetter,
      });
      await deps.decisions.commit(commitment);
      results.push({ applicationId, reference, result: 'decided', outcome: commitment.next.decision!.outcome, amount: commitment.award });
    } catch (error) {
      // Someone changed it between our read and our write: say "already decided" when that is what happened.
      const decidedMeanwhile = error instanceof ConcurrentChangeError && (await deps.decisions.get(input.tenantId, applicationId))?.decision;
      const refusal = decidedMeanwhile ? new AlreadyDecidedError() : error;
      if (!(refusal instanceof DomainError)) throw error;
      results.push({ applicationId, reference, result: 'refused', code: refusal.code, messages: refusal.messages });
    }
  }
  return results;
}
