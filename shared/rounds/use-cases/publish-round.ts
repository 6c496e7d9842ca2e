import type { TenantId } from '../../kernel/tenants.js';
import type { RuleSets } from '../../rules/ports.js';
import { roundSettingsOf, type Call } from '../call.js';
import { RoundChangedMeanwhileError } from '../errors.js';
import { transitionRound } from '../lifecycle.js';
import type { CallRepository, RoundAudit } from '../ports.js';
import { validateRoundSettings } from '../round-settings.js';
import { rulesOfRound } from '../round-rules.js';

/** What {@link publishRound} needs. */
export interface PublishRoundDeps {
  readonly calls: Pick<CallRepository, 'getVersioned' | 'change'>;
  readonly ruleSets: Pick<RuleSets, 'version'>;
  readonly clock: () => Date;
}

/**
 * An administrator publishes a draft round: it is announced and opens by itself at its opening time.
 *
 * Primary course: the draft's settings are checked against its rule-set version; the lifecycle's
 * `publish` moves it to `published`, stored with an audit event in one guarded transaction. The
 * scheduled job opens it at `opensAt` (at its next run, if that time has already passed).
 *
 * Alternatives:
 * - Not a draft, or its settings break the rules: `IllegalTransitionError` (409).
 * - It changed since the officer read it: `RoundChangedMeanwhileError`.
 * - No such round: `undefined`.
 */
export async function publishRound(
  deps: PublishRoundDeps,
  input: { tenantId: TenantId; roundId: string; expectedVersion?: number; audit: Omit<RoundAudit, 'action'> },
): Promise<Call | undefined> {
  const stored = await deps.calls.getVersioned(input.tenantId, input.roundId);
  if (!stored) return undefined;
  const { version, ...current } = stored;
  if (input.expectedVersion !== undefined && input.expectedVersion !== version) throw new RoundChangedMeanwhileError();
  const rules = await rulesOfRound(deps.ruleSets, current);
  const settingsValid = validateRoundSettings(rules.ruleSet, roundSettingsOf(current)).ok;
  const status = transitionRound(current.status, 'publish', {
    now: deps.clock(), opensAt: current.opensAt, deadline: current.deadline, settingsValid, undecidedApplications: 0, unsettledReports: 0,
  });
  const round: Call = { ...current, status };
  await deps.calls.change({ call: round, expectedVersion: version, expectedStatus: current.status, audit: { ...input.audit, action: 'publish' } });
  return round;
}
