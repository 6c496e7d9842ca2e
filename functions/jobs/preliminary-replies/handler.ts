import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import type { PreliminaryReplyRepository } from '../../../shared/decisions/ports';
import { sendPreliminaryReplies } from '../../../shared/decisions/use-cases/send-preliminary-replies';
import type { Clock, IdGenerator } from '../../../shared/kernel/ports';
import { preliminaryReplyEmail } from '../../../web/emails/preliminary-reply';
import type { Logger } from '../../common/logger';
import { jobLogging, type JobSummary } from '../common/job-logging';

/** What the preliminary-replies job is built from; the composition root passes the real adapters. */
export interface PreliminaryRepliesDeps {
  readonly replies: PreliminaryReplyRepository;
  readonly clock: Clock;
  readonly newId: IdGenerator;
  readonly logger: Logger;
}

/**
 * The preliminary-replies job (fvl. § 11a) as a middy handler: every undecided application of a
 * closed round whose reply window has passed gets its reply once, through the outbox. EventBridge
 * Scheduler calls it every morning in AWS.
 */
export function createPreliminaryRepliesHandler(deps: PreliminaryRepliesDeps) {
  return middy<unknown, JobSummary, Error, Context>()
    .use(jobLogging(deps.logger, 'preliminary-replies'))
    .handler(async () => {
      const run = await sendPreliminaryReplies({ replies: deps.replies, clock: deps.clock, newId: deps.newId, compose: preliminaryReplyEmail });
      return { rounds: run.rounds, sent: run.sent, stale: run.stale };
    });
}
