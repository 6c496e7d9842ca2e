import type { TenantId } from '../../kernel/tenants.js';
import type { Call } from '../call.js';
import { RoundChangedMeanwhileError } from '../errors.js';
import { transitionRound } from '../lifecycle.js';
import type { CallRepository, RoundAudit } from '../ports.js';

/** What {@link cancelRound} needs. */
export interface CancelRoundDeps {
  readonly calls: Pick<CallRepository, 'getVersioned' | 'change'>;
  readonly clock: () => Date;
}

/**
 * An administrator cancels a round that has not closed, with a reason shown to applicants.
 *
 * Primary course: the lifecycle's `cancel` moves a draft, published or open round to `cancelled`
 * (off the public list; the submit guard takes no more applications), stored with the reason and
 * an audit event in one transaction guarded by the round's version.
 *
 * Alternatives:
 * - The round has closed or is already cancelled: `IllegalTransitionError` (409).
 * - It changed since it was read: `RoundChangedMeanwhileError`.
 * - No such round: `undefined`.
 */
export async function cancelRound(
  deps: CancelRoundDeps,
  input: { tenantId: TenantId; roundId: string; expectedVersion?: number; reason: string; audit: Omit<RoundAudit, 'action'> },
): Promise<Call | undefined> {
  const stored = await deps.calls.getVersioned(input.tenantId, input.roundId);
  if (!stored) return undefined;
  const { version, ...current } = stored;
  if (input.expectedVersion !== undefined && input.expectedVersion !== version) throw new RoundChangedMeanwhileError();
  const status = transitionRound(current.status, 'cancel', {
    now: deps.clock(), opensAt: current.opensAt, deadline: current.deadline, settingsValid: true, undecidedApplications: 0, unsettledReports: 0,
  });
  const round: Call = { ...current, status, cancellation: { at: input.audit.at, by: input.audit.actor, reason: input.reason } };
  await deps.calls.change({ call: round, expectedVersion: version, expectedStatus: current.status, audit: { ...input.audit, action: 'cancel' } });
  return round;
}
