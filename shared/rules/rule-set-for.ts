/** Finds the rule set of a grant year. */
import { DomainError } from '../kernel/errors.js';
import { defaultRuleSets } from './default-rule-sets.js';
import type { RuleSet } from './rule-set.js';

/** No rule set exists for the grant year asked for. */
export class UnknownGrantYearError extends DomainError {
  constructor(grantYear: number) {
    super('rules.unknown_grant_year', {
      nb: `Det finnes ingen regler for tilskuddsåret ${grantYear}.`,
      nn: `Det finst ingen reglar for tilskotsåret ${grantYear}.`,
      en: `There are no rules for the grant year ${grantYear}.`,
    }, { details: { grantYear } });
  }
}

/**
 * The rule set of a grant year: from `ruleSets` (e.g. the ones IMDi has edited, loaded by the
 * caller) or the defaults. A missing year is an error, never silently the nearest year, because a
 * wrong year's share or cap would misallocate money.
 */
export function ruleSetFor(grantYear: number, ruleSets: readonly RuleSet[] = defaultRuleSets): RuleSet {
  const found = ruleSets.find((r) => r.grantYear === grantYear);
  if (!found) throw new UnknownGrantYearError(grantYear);
  return found;
}
