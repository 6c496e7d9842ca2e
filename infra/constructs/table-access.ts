import * as iam from 'aws-cdk-lib/aws-iam';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { indexNames } from '../../shared/table';

/**
 * The item actions any Fordel role may be given. `Scan`, PartiQL and `dynamodb:*` are not in the
 * type at all: no request path or job scans the table (ARCHITECTURE.md §3), and with
 * `ForAllValues` a request that carries no partition key (a Scan) would pass any `LeadingKeys`
 * condition, so the action itself must never be granted. `TransactWriteItems` and
 * `TransactGetItems` are authorised through these per item.
 */
export type ItemAction =
  | 'dynamodb:GetItem'
  | 'dynamodb:BatchGetItem'
  | 'dynamodb:Query'
  | 'dynamodb:ConditionCheckItem'
  | 'dynamodb:PutItem'
  | 'dynamodb:UpdateItem'
  | 'dynamodb:DeleteItem';

/** Where an access applies: the base table, or one index by name (queries only). */
export type TableTarget = 'table' | keyof typeof indexNames;

/**
 * Actions on the items of named partitions. On an index, `dynamodb:LeadingKeys` is the index's
 * partition key, so index accesses list index partitions (`CALLS#OPEN`), not table keys.
 */
export interface KeyScopedAccess {
  readonly on: TableTarget;
  readonly actions: readonly ItemAction[];
  /** IAM `StringLike` patterns; every key a request touches must match one of them. */
  readonly leadingKeys: readonly string[];
  /**
   * When set, a request may name only these attributes (`dynamodb:Attributes`, keys included) and
   * ask for no values back (`dynamodb:ReturnValues` NONE): e.g. setting one flag on an item of a
   * partition whose other attributes the role may not change.
   */
  readonly onlyAttributes?: readonly string[];
}

/** ARN of the table or of one of its indexes. */
export function targetArn(table: ITable, on: TableTarget): string {
  return on === 'table' ? table.tableArn : `${table.tableArn}/index/${on}`;
}

/** One statement per access, each held to its partition keys. */
export function keyScopedStatements(table: ITable, accesses: readonly KeyScopedAccess[]): iam.PolicyStatement[] {
  return accesses.map((access) => {
    if (access.on !== 'table' && access.actions.some((action) => action !== 'dynamodb:Query')) {
      throw new Error(`Index ${access.on} can only be queried, not given ${access.actions.join(', ')}`);
    }
    if (access.leadingKeys.length === 0) throw new Error(`An access on ${access.on} must name its partition keys`);
    return new iam.PolicyStatement({
      actions: [...access.actions],
      resources: [targetArn(table, access.on)],
      conditions: {
        'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...access.leadingKeys] },
        ...(access.onlyAttributes
          ? {
              // ForAllValues holds for a request naming no attribute at all, so one must be named.
              'ForAllValues:StringEquals': { 'dynamodb:Attributes': [...access.onlyAttributes] },
              Null: { 'dynamodb:Attributes': 'false' },
              StringEqualsIfExists: { 'dynamodb:ReturnValues': 'NONE' },
            }
          : {}),
      },
    });
  });
}

/** Grants item actions on named partitions only; there is no unconditioned item grant. */
export function grantKeyScopedAccess(grantee: iam.IGrantable, table: ITable, accesses: readonly KeyScopedAccess[]): void {
  for (const statement of keyScopedStatements(table, accesses)) grantee.grantPrincipal.addToPrincipalPolicy(statement);
}

/** The health endpoint asks `DescribeTable` whether the table is reachable; it reads no items. */
export function grantTableDescription(grantee: iam.IGrantable, table: ITable): void {
  grantee.grantPrincipal.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['dynamodb:DescribeTable'], resources: [table.tableArn] }));
}
