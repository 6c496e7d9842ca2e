/** The year's rules read through the store, with the code default standing in for version 1. */
import type { RuleSetRepository, RuleSets } from './ports.js';
import type { RuleSetVersion } from './rule-set-version.js';
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

/**
 * {@link RuleSets} whose `version` reads keep their answer in `cache`: a version's rules never change
 * once written (a change is a new version), so one read per (year, version) is enough for as long
 * as the cache lives. A failed read is not kept, so a version saved later is found. Only the
 * rules are meant to be read from it: a cached version's `locked` flag may be older than the store's.
 */
export function withCachedVersions(ruleSets: RuleSets, cache: Map<string, Promise<RuleSetVersion>> = new Map()): RuleSets {
  return {
    ...ruleSets,
    version(grantYear, version) {
      const key = `${grantYear}#${version}`;
      let found = cache.get(key);
      if (!found) {
        found = ruleSets.version(grantYear, version);
        cache.set(key, found);
        found.catch(() => cache.delete(key));
      }
      return found;
    },
  };
}
