import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import type { Mailer, OutboxRepository } from '../../../shared/outbox/outbox';
import type { Clock } from '../../../shared/kernel/ports';
import { sendPendingMail, type SendPendingMailOptions } from '../../../shared/outbox/use-cases/send-pending-mail';
import { resolveLinkRequests, type ResolveLinkRequestsDeps } from '../../../shared/applications/use-cases/resolve-link-requests';
import type { Logger } from '../../common/logger';
import { jobLogging, type JobSummary } from '../common/job-logging';

/** What the send-outbox job is built from; the composition root passes the real adapters. */
export interface SendOutboxDeps {
  readonly outbox: OutboxRepository;
  readonly mailer: Mailer;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly options?: SendPendingMailOptions;
  /**
   * Resolving the resume page's link requests, first in each run, so their emails go out in the
   * same run. Left out, the job only sends.
   */
  readonly linkRequests?: Omit<ResolveLinkRequestsDeps, 'clock'>;
}

/**
 * The send-outbox job as a middy handler: resolves waiting link requests into links and emails,
 * then sends what is due in the outbox, and returns the counts.
 * EventBridge Scheduler calls it every minute in AWS; the local scheduler every few seconds.
 */
export function createSendOutboxHandler(deps: SendOutboxDeps) {
  const logger = deps.logger.child({ job: 'send-outbox' });
  return middy<unknown, JobSummary, Error, Context>()
    .use(jobLogging(deps.logger, 'send-outbox'))
    .handler(async (_event, context) => {
      // A failure to resolve (e.g. the signing secret unreadable) must not hold back the mail
      // already queued: the run sends first, then fails with that error (alarm, retry).
      let resolveFailure: { error: unknown } | undefined;
      const requests = deps.linkRequests
        ? await resolveLinkRequests({ ...deps.linkRequests, clock: deps.clock }).catch((error: unknown) => {
            resolveFailure = { error };
            return undefined;
          })
        : undefined;
      if (requests && requests.resolved > 0) {
        // Counts only: which requests found an application is exactly what must not leak.
        logger.log('debug', 'link requests resolved', { requestId: context.awsRequestId, ...requests });
      }
      const result = await sendPendingMail(deps, deps.options);
      for (const o of result.outcomes) {
        // Ids, kind and error name only: the address and the text never reach the log.
        logger.log(o.outcome === 'sent' ? 'debug' : 'warn', `mail ${o.outcome}`, {
          requestId: context.awsRequestId,
          tenantId: o.tenantId,
          messageId: o.messageId,
          kind: o.kind,
          attempts: o.attempts,
          reason: o.reason,
        });
      }
      if (resolveFailure) throw resolveFailure.error;
      return {
        sent: result.sent,
        failed: result.failed,
        dead: result.dead,
        skipped: result.skipped,
        ...(requests ? { linkRequests: requests.resolved, linksIssued: requests.linksIssued } : {}),
      };
    });
}
