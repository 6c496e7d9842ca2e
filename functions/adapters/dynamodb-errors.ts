/**
 * Reading DynamoDB's refusals. A failed condition is an expected outcome (someone else got there
 * first), so callers turn it into a result instead of an error.
 */

/** Whether a single-item write was refused by its `ConditionExpression`. */
export function isConditionalCheckFailed(error: unknown): boolean {
  return (error as { name?: string } | undefined)?.name === 'ConditionalCheckFailedException';
}
