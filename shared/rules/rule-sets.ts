/** The year's rules read through the store, with the code default standing in for version 1. */
import type { RuleSetRepository, RuleSets } from './ports.js';
import type { RuleSet } from './rule-set.js';
import { UnknownGrantYearError } from './rule-set-for.js';
import { codeDefaultVersion, versionsWithDefault } from './rule-set-version.js';

/** {@link RuleSets} over a repository; `defaults` are the code defaults (tests pass their own). */
export function ruleSetsFrom(repository: Pick<RuleSetRepository, 'list' | 'get'>, defaults?: readonly RuleSet[]): RuleSets {
  const versions = async (grantYear: number) => versionsWithDefault(await repository.list(grantYear), grantYear, defaults);
  return {
    versions,
    async current(grantYear) {
      const latest = (await versions(grantYear)).at(-1);
      if (!latest) throw new UnknownGrantYearError(grantYear);
      return latest;
    },
    async version(grantYear, version) {
      const found = (await repository.get(grantYear, version)) ?? (version === 1 ? codeDefaultVersion(grantYear, defaults) : undefined);
      if (!found) throw new UnknownGrantYearError(grantYear);
      return found;
    },
  };
}
