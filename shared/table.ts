/**
 * The single DynamoDB table: its key schema, indexes and the key builders every entity uses.
 *
 * Both the CDK data stack and the local bootstrap (DynamoDB Local) build the table from
 * {@link tableDefinition}, so the table on one machine always equals the deployed one.
 * Tenant-owned partition keys start with `T#<tenantId>#`; the trailing `#` keeps tenant `t1` from
 * matching `t10` in an IAM `dynamodb:LeadingKeys` condition. National data lives under `NATIONAL#`.
 */

/** One global secondary index: its name and the names of its key attributes. */
export interface IndexDefinition {
  readonly indexName: string;
  readonly partitionKey: string;
  readonly sortKey: string;
}

/** Everything needed to create the table, independent of the runtime that creates it. */
export interface TableDefinition {
  readonly partitionKey: string;
  readonly sortKey: string;
  /** Attribute holding an epoch-seconds expiry; DynamoDB deletes the item some time after it. */
  readonly timeToLiveAttribute: string;
  readonly globalSecondaryIndexes: readonly IndexDefinition[];
}

/**
 * The indexes, named after the question they answer:
 * - `byList`: lists inside a partition-like group — open calls across the country, a round's
 *   applications by status.
 * - `byOrganisation`: everything one organisation (orgnr) has applied for, across tenants.
 * - `byYear`: the tenant-year aggregates that the national roll-up reads (about 41 items a year).
 */
export const tableDefinition = {
  partitionKey: 'PK',
  sortKey: 'SK',
  timeToLiveAttribute: 'expiresAt',
  globalSecondaryIndexes: [
    { indexName: 'byList', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
    { indexName: 'byOrganisation', partitionKey: 'GSI2PK', sortKey: 'GSI2SK' },
    { indexName: 'byYear', partitionKey: 'GSI3PK', sortKey: 'GSI3SK' },
  ],
} as const satisfies TableDefinition;

/** Names of the indexes, for queries. */
export const indexNames = {
  byList: 'byList',
  byOrganisation: 'byOrganisation',
  byYear: 'byYear',
} as const;

/** Partition-key prefix of everything a tenant owns. */
export function tenantPrefix(tenantId: string): string {
  return `T#${tenantId}#`;
}

/** Key builders. Each entity owns its keys here so that no other module spells a key by hand. */
export const keys = {
  tenant: (tenantId: string) => ({ PK: 'NATIONAL#TENANTS', SK: `TENANT#${tenantId}` }),
  /** The tenant's copy of its register entry, readable under the officer role's `T#` key condition. */
  tenantProfile: (tenantId: string) => ({ PK: `${tenantPrefix(tenantId)}PROFILE`, SK: 'PROFILE' }),
  /** A tenant's rounds share one partition, so its workspace lists them with one query. */
  round: (tenantId: string, roundId: string) => ({ PK: keys.roundsOfTenant(tenantId), SK: `ROUND#${roundId}` }),
  roundsOfTenant: (tenantId: string) => `${tenantPrefix(tenantId)}ROUNDS`,
  auditEvent: (tenantId: string, entityKey: string, at: string, eventId: string) => ({
    PK: `${tenantPrefix(tenantId)}AUDIT`,
    SK: `${at}#${eventId}`,
    entityKey,
  }),
  /** An application is its own partition, so its attachments and history can join it later. */
  application: (tenantId: string, applicationId: string) => ({ PK: `${tenantPrefix(tenantId)}APP#${applicationId}`, SK: 'APP' }),
  /** `byList` keys of a round's applications, sorted by status, for the officer's lists. */
  applicationsOfRound: (tenantId: string, roundId: string) => `${tenantPrefix(tenantId)}ROUND#${roundId}#APPS`,
  /** `byOrganisation` keys: one organisation's applications across tenants and years. */
  applicationsOfOrganisation: (orgnr: string) => `ORG#${orgnr}`,
  /** The single-use record of an emailed link; it expires with the link (TTL). */
  magicLink: (tenantId: string, tokenId: string) => ({ PK: `${tenantPrefix(tenantId)}LINKS`, SK: `LINK#${tokenId}` }),
  /** A tenant's counters for one grant year; the national roll-up reads these, not applications. */
  aggregate: (tenantId: string, grantYear: number) => ({ PK: `${tenantPrefix(tenantId)}AGGREGATES`, SK: `YEAR#${grantYear}` }),
  /** `byYear` keys of the aggregates, one partition per grant year. */
  aggregatesOfYear: (grantYear: number) => `AGG#${grantYear}`,
  /** The public list of calls that are open now, across every administrator. */
  openCallsList: 'CALLS#OPEN',
  /** One outgoing email in its tenant's outbox; the message id (a ULID) keeps them in order of creation. */
  outboxMessage: (tenantId: string, messageId: string) => ({ PK: `${tenantPrefix(tenantId)}OUTBOX`, SK: `MSG#${messageId}` }),
  /**
   * The `byList` partition of emails waiting to be sent, across tenants. A message is in it only
   * while pending, sorted by when it may next be tried, so the sender reads what is due with one query.
   */
  outboxPendingList: 'OUTBOX#PENDING',
  /** Sort key in {@link keys.outboxPendingList}: the next attempt first, so `<=` now finds what is due. */
  outboxPendingSortKey: (nextAttemptAt: string, messageId: string) => `${nextAttemptAt}#${messageId}`,
  /** The `byList` partition of emails given up on, for an operator; sorted by when, emptied by TTL. */
  outboxDeadList: 'OUTBOX#DEAD',
} as const;
