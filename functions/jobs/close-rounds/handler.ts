import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import type { CallRepository } from '../../../shared/rounds/ports';
import type { Clock, IdGenerator } from '../../../shared/kernel/ports';
import { closeRoundsAtDeadline } from '../../../shared/rounds/use-cases/close-rounds-at-deadline';
import { openRoundsAtOpening } from '../../../shared/rounds/use-cases/open-rounds-at-opening';
import type { Logger } from '../../common/logger';
import { jobLogging, type JobSummary } from '../common/job-logging';

/** What the close-rounds job is built from; the composition root passes the real adapters. */
export interface CloseRoundsDeps {
  readonly calls: CallRepository;
  readonly clock: Clock;
  readonly newId: IdGenerator;
  readonly logger: Logger;
}

/**
 * The close-rounds job as a middy handler: opens every published round whose opening time has
 * come, then closes every open round whose deadline has passed, and returns the counts. EventBridge Scheduler calls it every five minutes in AWS; the local
 * scheduler every minute.
 */
export function createCloseRoundsHandler(deps: CloseRoundsDeps) {
  const logger = deps.logger.child({ job: 'close-rounds' });
  return middy<unknown, JobSummary, Error, Context>()
    .use(jobLogging(deps.logger, 'close-rounds'))
    .handler(async (_event, context) => {
      // Opening first: a round published after both its times passed opens and closes in one run.
      const opening = await openRoundsAtOpening(deps);
      for (const o of opening.outcomes) {
        logger.log(o.outcome === 'opened' ? 'info' : 'debug', `round ${o.outcome}`, { requestId: context.awsRequestId, tenantId: o.tenantId, roundId: o.roundId });
      }
      const result = await closeRoundsAtDeadline(deps);
      for (const o of result.outcomes) {
        logger.log(o.outcome === 'closed' ? 'info' : 'debug', `round ${o.outcome}`, {
          requestId: context.awsRequestId,
          tenantId: o.tenantId,
          roundId: o.roundId,
          reason: o.reason,
        });
      }
      return { opened: opening.opened, closed: result.closed, skipped: opening.skipped + result.skipped };
    });
}
