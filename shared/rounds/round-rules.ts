/**
 * The rules of a round: the rule-set version the round was created under (version 1, the code
 * default, for rounds that name none). Everything that judges an application of the round —
 * screening, what stops a submission, the pages that show its pots and audit threshold — uses
 * these, never the year's current version, which IMDi may have changed since the round opened.
 */
import type { RuleSets } from '../rules/ports.js';
import type { RuleSetVersion } from '../rules/rule-set-version.js';
import { ruleSetVersionOf, type Call } from './call.js';

/** The rule-set version a round was created under: the one every later check of it uses. */
export function rulesOfRound(ruleSets: Pick<RuleSets, 'version'>, call: Pick<Call, 'grantYear' | 'ruleSetVersion'>): Promise<RuleSetVersion> {
  return ruleSets.version(call.grantYear, ruleSetVersionOf(call));
}
