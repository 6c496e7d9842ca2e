import type { TenantId } from '../../shared/kernel/tenants';
import { tenantPrefix } from '../../shared/table';

/**
 * IAM references to the caller's session tags. IAM substitutes them per request, and STS allows
 * only letters, digits, spaces and `_.:/=+-@` in a tag value, so a tag can never smuggle `#`, `*`
 * or `?` into a key pattern and widen it to another tenant's keys.
 */
export const SESSION_TENANT = '${aws:PrincipalTag/tenantId}';
export const SESSION_APPLICATION = '${aws:PrincipalTag/applicationId}';

/** Stands for any value of one key segment in an IAM `StringLike` pattern. */
const ANY = '*';

/**
 * Partition keys of one tenant, as IAM `StringLike` patterns. They follow the keys the entity
 * modules (functions/adapters/entities/) write; infra may not import runtime code, so the shapes
 * are spelled here from the shared `T#<tenantId>#` prefix, and tests/integration/tenant-scoped-policy
 * runs the entities' own calls through these policies, so a drift fails a test.
 * Pass {@link SESSION_TENANT} for the caller's own tenant, or `*` for every tenant.
 */
export function tenantKeys(tenant: string) {
  // A tag reference or a wildcard, not a validated tenant id: only the prefix's shape is borrowed.
  const prefix = tenantPrefix(tenant as TenantId);
  return {
    /** Everything the tenant owns; the prefix ends in `#`, so tenant `t1` never matches `t10`. */
    all: `${prefix}${ANY}`,
    profile: `${prefix}PROFILE`,
    rounds: `${prefix}ROUNDS`,
    audit: `${prefix}AUDIT`,
    links: `${prefix}LINKS`,
    aggregates: `${prefix}AGGREGATES`,
    outbox: `${prefix}OUTBOX`,
    /** The staff directory: who has signed in, with which roles (functions/adapters/entities/staff-member-item.ts). */
    staff: `${prefix}STAFF`,
    application: (applicationId: string) => `${prefix}APP#${applicationId}`,
    /** The tenant's budget position and its frame history, which the national allocation sets. */
    budget: `${prefix}BUDGET`,
    /** The municipality's year reports to IMDi, one item per grant year (functions/adapters/entities/year-report-item.ts). */
    yearReports: `${prefix}YEAR_REPORT`,
    /** `byYear` partitions of one organisation's applications in the tenant. */
    organisations: `${prefix}ORG#${ANY}`,
    /** `byList` partitions of the tenant's rounds' applications. */
    applicationsOfRounds: `${prefix}ROUND#${ANY}#APPS`,
  };
}

/**
 * Every tenant's audit trail (IMDi's own included): the partitions IMDi reads the audit trail from,
 * one query each, and where the year close writes a municipality's audit events.
 */
export const AUDIT_TRAILS = tenantKeys(ANY).audit;

/** National data: rule sets, frames, allocations and the tenant register (ARCHITECTURE.md §3). */
export const NATIONAL_KEYS = 'NATIONAL#*';

/**
 * The stored rule-set versions, one partition per grant year (functions/adapters/entities/
 * rule-set-version-item.ts): the national data the applicant app reads, to screen an application
 * by the version its round was created under. Nothing else under `NATIONAL#` matches it.
 */
export const RULE_SET_VERSIONS = 'NATIONAL#RULESET#*';

/**
 * The cross-tenant funding index, `FUNDING#<orgnr>` (functions/adapters/entities/funding-entry-item.ts):
 * applicants' submissions put their entry, officers query it for possible double funding.
 */
export const FUNDING_INDEX = 'FUNDING#*';

/** The tenant register's partition, the one national partition a job reads. */
export const TENANT_REGISTER_KEY = 'NATIONAL#TENANTS';

/** Index partitions that are not tenant-owned, each read by a named audience or job. */
export const INDEX_KEYS = {
  openCalls: 'CALLS#OPEN',
  /** Published calls waiting to open, by opening time (the close-rounds job opens them). */
  publishedCalls: 'CALLS#PUBLISHED',
  /** Closed rounds across tenants, by deadline (functions/adapters/entities/round-item.ts). */
  closedRounds: 'CALLS#CLOSED',
  /** Grants awaiting the organisation's answer, by deadline (functions/adapters/entities/awaiting-answer-item.ts). */
  awaitingAnswers: 'GRANTS#AWAITING_ANSWER',
  pendingMail: 'OUTBOX#PENDING',
  applicationsOfAnyOrganisation: `ORG#${ANY}`,
  aggregatesOfAnyYear: `AGG#${ANY}`,
} as const;

/**
 * Partitions that are no one's data: the rate-limit windows of the public forms (hashed client and
 * email addresses), the ids of signed-out tokens, and the resume page's waiting link requests
 * (one partition, functions/adapters/entities/link-request-item.ts).
 */
export const SERVICE_KEYS = {
  rateWindows: 'RATE#*',
  revokedTokens: 'REVOKED#*',
  linkRequests: 'LINK#REQUESTS',
} as const;

/** A ULID is 26 characters; IAM has no character classes, so the pattern fixes the length. */
export const ULID_PATTERN = '?'.repeat(26);
