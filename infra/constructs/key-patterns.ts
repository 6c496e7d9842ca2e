import { keys, tenantPrefix } from '../../shared/table';

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
 * Partition keys of one tenant, as IAM `StringLike` patterns. They are built with the key builders
 * of shared/table.ts, so a policy follows the layout the adapters write and cannot drift from it.
 * Pass {@link SESSION_TENANT} for the caller's own tenant, or `*` for every tenant.
 */
export function tenantKeys(tenant: string) {
  return {
    /** Everything the tenant owns; the prefix ends in `#`, so tenant `t1` never matches `t10`. */
    all: `${tenantPrefix(tenant)}${ANY}`,
    profile: keys.tenantProfile(tenant).PK,
    rounds: keys.roundsOfTenant(tenant),
    audit: keys.auditEvent(tenant, '', '', '').PK,
    links: keys.magicLink(tenant, '').PK,
    aggregates: keys.aggregate(tenant, 0).PK,
    outbox: keys.outboxMessage(tenant, '').PK,
    application: (applicationId: string) => keys.application(tenant, applicationId).PK,
    /**
     * The tenant's budget position, which the national allocation sets. shared/table.ts has no
     * builder for it at this commit; this is the partition the allocation is to write.
     */
    budget: `${tenantPrefix(tenant)}BUDGET`,
    /** `byList` partitions of the tenant's rounds' applications. */
    applicationsOfRounds: keys.applicationsOfRound(tenant, ANY),
  };
}

/** National data: rule sets, frames, allocations and the tenant register (ARCHITECTURE.md §3). */
export const NATIONAL_KEYS = 'NATIONAL#*';

/** The tenant register's partition, the one national partition a job reads. */
export const TENANT_REGISTER_KEY = keys.tenant(ANY).PK;

/** Index partitions that are not tenant-owned, each read by a named audience or job. */
export const INDEX_KEYS = {
  openCalls: keys.openCallsList,
  pendingMail: keys.outboxPendingList,
  applicationsOfAnyOrganisation: keys.applicationsOfOrganisation(ANY),
  aggregatesOfAnyYear: `${keys.aggregatesOfYear(0).replace(/\d+$/, '')}${ANY}`,
} as const;

/** A ULID is 26 characters; IAM has no character classes, so the pattern fixes the length. */
export const ULID_PATTERN = '?'.repeat(26);
