import type { TenantId } from '../kernel/tenants.js';
import type { RuleSetVersion } from './rule-set-version.js';

/** What the rule-set use cases need from the store. */

/** Who saved a version, for its audit event in IMDi's own trail. */
export interface RuleSetAudit {
  readonly tenantId: TenantId;
  readonly eventId: string;
}

/** The stored versions of each grant year's rules (national data). */
export interface RuleSetRepository {
  /** Every stored version of the year, oldest first; empty while only the code default exists. */
  list(grantYear: number): Promise<RuleSetVersion[]>;
  /** One stored version, or `undefined`. */
  get(grantYear: number, version: number): Promise<RuleSetVersion | undefined>;
  /**
   * Writes `version` with its audit event, only if its number is free, and `seed` (the code
   * default as version 1) when it is not stored yet, in one transaction. Throws
   * `RuleSetChangedMeanwhileError` when another save took the number first.
   */
  create(version: RuleSetVersion, audit: RuleSetAudit, seed?: RuleSetVersion): Promise<RuleSetVersion>;
}

/**
 * Where the rest of the product reads the year's rules: pages, allocation and round checks get
 * them from here, so what IMDi saved is what they use, and pure rules stay pure.
 */
export interface RuleSets {
  /** The year's current version (the latest; the code default as version 1 while none is stored). Throws `UnknownGrantYearError`. */
  current(grantYear: number): Promise<RuleSetVersion>;
  /** One version of the year, e.g. the one a round was created with. Throws `UnknownGrantYearError` for a version that does not exist. */
  version(grantYear: number, version: number): Promise<RuleSetVersion>;
  /** Every version of the year, oldest first. */
  versions(grantYear: number): Promise<RuleSetVersion[]>;
}
