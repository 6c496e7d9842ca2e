import type { TenantId } from '../../kernel/tenants.js';
import type { RuleSets } from '../../rules/ports.js';
import { roundSettingsOf, type Call, type RoundContent } from '../call.js';
import { RoundChangedMeanwhileError, RoundNotEditableError } from '../errors.js';
import type { CallRepository, RoundAudit } from '../ports.js';
import { assertRoundSettings } from '../round-settings.js';
import { rulesOfRound } from '../round-rules.js';


/** What {@link editRound} needs. */
export interface EditRoundDeps {
  readonly calls: Pick<CallRepository, 'getVersioned' | 'change'>;
  readonly ruleSets: Pick<RuleSets, 'version'>;
}

/**
 * An administrator edits a round before it opens.
 *
 * Primary course: the round as the officer saw it (`expectedVersion`) gets the new content, which
 * is checked against the rule-set version the round was created under, and is stored with an audit
 * event in one transaction guarded by the version and status.
 *
 * Alternatives:
 * - The round has opened (or is over, or cancelled): `RoundNotEditableError`; corrections instead.
 * - Someone else saved first, or the scheduler opened it: `RoundChangedMeanwhileError`.
 * - The settings break a national rule: `RoundSettingsRejectedError` with every violation.
 * - No such round: `undefined`.
 */
export async function editRound(
  deps: EditRoundDeps,
  input: { tenantId: TenantId; roundId: string; expectedVersion: number; content: RoundContent; audit: Omit<RoundAudit, 'action'> },
): Promise<Call | undefined> {
  const stored = await deps.calls.getVersioned(input.tenantId, input.roundId);
  if (!stored) return undefined;
  if (stored.status !== 'draft' && stored.status !== 'published') throw new RoundNotEditableError(stored.status);
  if (stored.version !== input.expectedVersion) throw new RoundChangedMeanwhileError();
  const { version: _version, ...current } = stored;
  const round: Call = { ...current, ...input.content };
  const rules = await rulesOfRound(deps.ruleSets, round);
  assertRoundSettings(rules.ruleSet, roundSettingsOf(round));
  await deps.calls.change({ call: round, expectedVersion: stored.version, expectedStatus: stored.status, audit: { ...input.audit, action: 'edit' } });
  return round;
}
