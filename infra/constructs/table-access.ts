import * as iam from 'aws-cdk-lib/aws-iam';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { tableDefinition } from '../../shared/table';

/**
 * Item-level read actions. `Scan` is left out everywhere on purpose: no request path may scan the
 * table (ARCHITECTURE.md §3), and withholding the permission turns a stray scan into an error.
 */
export const READ_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:ConditionCheckItem',
  // The health endpoint asks DescribeTable whether the table is reachable and active.
  'dynamodb:DescribeTable',
] as const;

/** Item-level write actions; `TransactWriteItems` is authorised through these per item. */
export const WRITE_ACTIONS = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
] as const;

/**
 * The table and each of its indexes by name, taken from the shared table definition so that no
 * wildcard `index/*` is needed and a new index must be granted deliberately.
 */
export function tableAndIndexArns(table: ITable): string[] {
  return [table.tableArn, ...tableDefinition.globalSecondaryIndexes.map((index) => `${table.tableArn}/index/${index.indexName}`)];
}

/** Options for {@link grantItemAccess}. */
export interface ItemAccess {
  readonly actions: readonly string[];
  /**
   * Partition-key patterns (IAM `StringLike`) every key in the request must match; omitted means
   * any key. With `ForAllValues`, a request that touches one key outside the patterns is refused.
   */
  readonly leadingKeys?: readonly string[];
}

/** Grants item-level access on the table and its indexes, optionally limited to leading keys. */
export function grantItemAccess(grantee: iam.IGrantable, table: ITable, access: ItemAccess): void {
  grantee.grantPrincipal.addToPrincipalPolicy(
    new iam.PolicyStatement({
      actions: [...access.actions],
      resources: tableAndIndexArns(table),
      conditions: access.leadingKeys
        ? { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...access.leadingKeys] } }
        : undefined,
    }),
  );
}
