/**
 * Reading DynamoDB's refusals. A failed condition is an expected outcome (someone else got there
 * first), so callers turn it into a result instead of an error.
 */

/** Whether a single-item write was refused by its `ConditionExpression`. */
export function isConditionalCheckFailed(error: unknown): boolean {
  return (error as { name?: string } | undefined)?.name === 'ConditionalCheckFailedException';
}

/**
 * The reason code of each item of a cancelled `TransactWriteItems` (`'None'` for items that were
 * fine), or `undefined` when the error is not a cancelled transaction.
 */
export function cancellationCodes(error: unknown): string[] | undefined {
  const e = error as { name?: string; CancellationReasons?: { Code?: string }[] } | undefined;
  if (e?.name !== 'TransactionCanceledException') return undefined;
  return (e.CancellationReasons ?? []).map((reason) => reason.Code ?? 'None');
}
