/**
 * The appeal deadline of a decision under the rules of its grant year. The number of weeks is a
 * rule-set parameter (a new regulation may change it), so it is read from the rule set rather than
 * taken from the law's usual three weeks.
 */
import { appealDeadline, type AppealDeadline } from '../kernel/deadlines.js';
import type { RuleSet } from '../rules/rule-set.js';

/**
 * The last day and second to appeal a decision that reached the party at `receivedAt`, counted with
 * the rule set's `appealDeadlineWeeks` and moved past weekends and Norwegian public holidays.
 */
export function appealDeadlineUnder(ruleSet: Pick<RuleSet, 'appealDeadlineWeeks'>, receivedAt: Date | string): AppealDeadline {
  return appealDeadline(receivedAt, ruleSet.appealDeadlineWeeks);
}
