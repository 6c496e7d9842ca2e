import { ulid } from 'ulid';
import { createCloseRoundsHandler } from '../jobs/close-rounds/handler';
import { createReconcileAggregatesHandler } from '../jobs/reconcile-aggregates/handler';
import { createSendOutboxHandler } from '../jobs/send-outbox/handler';
import type { CompositionRoot } from './root';

/*
 * The three scheduled jobs as the middy handlers EventBridge Scheduler calls in AWS and the local
 * scheduler calls on one machine.
 */

/** Closes rounds whose deadline has passed. */
export function closeRoundsJob({ adapters, logger, clock }: CompositionRoot) {
  return createCloseRoundsHandler({ calls: adapters.calls, clock, newId: ulid, logger });
}

/** Sends what is due in the outbox. */
export function sendOutboxJob({ adapters, logger, clock }: CompositionRoot) {
  return createSendOutboxHandler({ outbox: adapters.outbox, mailer: adapters.mailer, clock, logger });
}

/** Recounts the tenant-year aggregates and reports (or, when asked, repairs) any drift. */
export function reconcileAggregatesJob({ adapters, logger, clock }: CompositionRoot) {
  return createReconcileAggregatesHandler({
    tenants: adapters.tenants,
    calls: adapters.calls,
    applications: adapters.applications,
    aggregates: adapters.aggregates,
    clock,
    logger,
  });
}
