/**
 * Telling a passing outage from a fault. When DynamoDB (or the network to it) is down, throttled
 * or answering with a 5xx, nothing the request did is wrong and nothing was stored halfway (every
 * change is one transaction): the caller should try again, so the answer is 503 with
 * `Retry-After`, not a 500. Read from the error's name, code and status only — the SDK's classes
 * are not imported here, and the Lambda bundles are minified, which renames classes.
 */

/** How long a client is asked to wait before trying again, in seconds. */
export const RETRY_AFTER_SECONDS = 10;

/** Network failures on the way to a service: refused, reset, timed out, unreachable. */
const networkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ECONNABORTED', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT']);

/** AWS answers that mean "not now": throttling, the service's own failure, a request that timed out. */
const transientNames = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'Throttling',
  'RequestLimitExceeded',
  'InternalServerError',
  'InternalFailure',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'TransactionInProgressException',
]);

interface MaybeAwsError {
  readonly name?: string;
  readonly code?: string;
  readonly cause?: unknown;
  readonly $metadata?: { readonly httpStatusCode?: number };
}

/** Whether the error means a service Fordel depends on is unreachable or overloaded for now. */
export function isServiceUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const each = error as MaybeAwsError;
  if (each.code && networkCodes.has(each.code)) return true;
  if (each.name && transientNames.has(each.name)) return true;
  const status = each.$metadata?.httpStatusCode;
  if (status !== undefined && status >= 500) return true;
  return isServiceUnavailable(each.cause, depth + 1);
}
