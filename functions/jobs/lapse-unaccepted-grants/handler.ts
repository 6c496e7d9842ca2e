import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import type { LapseRepository } from '../../../shared/decisions/ports';
import { lapseUnacceptedGrants } from '../../../shared/decisions/use-cases/lapse-unaccepted-grants';
import type { Clock, IdGenerator } from '../../../shared/kernel/ports';
import { grantAnswerEmail } from '../../../web/emails/grant-answer';
import type { Logger } from '../../common/logger';
import { jobLogging, type JobSummary } from '../common/job-logging';

/** What the lapse job is built from; the composition root passes the real adapters. */
export interface LapseUnacceptedGrantsJobDeps {
  readonly grants: LapseRepository;
  readonly clock: Clock;
  readonly newId: IdGenerator;
  readonly logger: Logger;
}

/**
 * The lapse job as a middy handler: every grant not accepted or declined by its deadline lapses,
 * its money goes back to the municipality and the organisation is told, once. EventBridge
 * Scheduler calls it every night in AWS, after the deadlines of the day before have passed.
 */
export function createLapseUnacceptedGrantsHandler(deps: LapseUnacceptedGrantsJobDeps) {
  return middy<unknown, JobSummary, Error, Context>()
    .use(jobLogging(deps.logger, 'lapse-unaccepted-grants'))
    .handler(async () => {
      const run = await lapseUnacceptedGrants({ grants: deps.grants, clock: deps.clock, newId: deps.newId, composeGrantAnswer: grantAnswerEmail });
      return { found: run.found, lapsed: run.lapsed, skipped: run.skipped };
    });
}
