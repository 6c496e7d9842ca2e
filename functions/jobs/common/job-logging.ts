import type { MiddlewareObj } from '@middy/core';
import type { Context } from 'aws-lambda';
import type { Logger } from '../../common/logger';

/** The summary a job handler returns: counts only, so the whole of it can be logged. */
export type JobSummary = Record<string, number>;

/**
 * Logs the start, end (with the summary and duration) and failure of every job run as one JSON
 * line each. A failure is logged by error name only: SDK messages can quote what they refused,
 * including an email address. The error is rethrown so the run counts as failed (and lands in the
 * dead-letter queue in AWS).
 */
export function jobLogging(logger: Logger, job: string): MiddlewareObj<unknown, JobSummary, Error, Context> {
  const started = new WeakMap<object, number>();
  const forRun = (context: Context) => logger.child({ job, requestId: context.awsRequestId });
  return {
    name: 'job-logging',
    before: (request) => {
      started.set(request, performance.now());
      forRun(request.context).log('debug', 'job started');
    },
    after: (request) => {
      const durationMs = Math.round(performance.now() - (started.get(request) ?? performance.now()));
      forRun(request.context).log('info', 'job finished', { ...request.response, durationMs });
    },
    onError: (request) => {
      forRun(request.context).log('error', 'job failed', { errorName: request.error?.name ?? 'Error' });
    },
  };
}
