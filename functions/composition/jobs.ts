import { ulid } from 'ulid';
import type { Logger } from '../common/logger';
import { createCloseRoundsHandler } from '../jobs/close-rounds/handler';
import { createReconcileAggregatesHandler } from '../jobs/reconcile-aggregates/handler';
import { createSendOutboxHandler } from '../jobs/send-outbox/handler';
import type { Clock } from '../../shared/kernel/ports';
import type { Adapters } from './adapters';

/** What the jobs are built from. */
export interface JobParts {
  readonly adapters: Adapters;
  readonly logger: Logger;
  readonly clock: Clock;
}

/**
 * The three scheduled jobs as the middy handlers EventBridge Scheduler calls in AWS and the local
 * scheduler calls on one machine.
 */
export function createJobs({ adapters, logger, clock }: JobParts) {
  return {
    closeRounds: () => createCloseRoundsHandler({ calls: adapters.calls, clock, newId: ulid, logger }),
    sendOutbox: () => createSendOutboxHandler({ outbox: adapters.outbox, mailer: adapters.mailer, clock, logger }),
    reconcileAggregates: () =>
      createReconcileAggregatesHandler({
        tenants: adapters.tenants,
        calls: adapters.calls,
        applications: adapters.applications,
        aggregates: adapters.aggregates,
        clock,
        logger,
      }),
  };
}
