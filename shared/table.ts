import type { TenantId } from './kernel/tenants';

/**
 * The single DynamoDB table: its key schema, its indexes and the rule every tenant-owned key follows.
 *
 * Both the CDK data stack and the local bootstrap (DynamoDB Local) build the table from
 * {@link tableDefinition}, so the table on one machine always equals the deployed one.
 * Tenant-owned partition keys start with `T#<tenantId>#`; the trailing `#` keeps tenant `t1` from
 * matching `t10` in an IAM `dynamodb:LeadingKeys` condition. National data lives under `NATIONAL#`.
 * Each stored entity builds its own keys from these (`functions/adapters/entities/`), so no other
 * module spells a key by hand.
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
export function tenantPrefix(tenantId: TenantId): string {
  return `T#${tenantId}#`;
}
