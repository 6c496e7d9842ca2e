import { ulid } from 'ulid';
import { createCloseRoundsHandler } from '../jobs/close-rounds/handler';
import { createLapseUnacceptedGrantsHandler } from '../jobs/lapse-unaccepted-grants/handler';
import { createPreliminaryRepliesHandler } from '../jobs/preliminary-replies/handler';
import { createReconcileAggregatesHandler } from '../jobs/reconcile-aggregates/handler';
import { createSendOutboxHandler } from '../jobs/send-outbox/handler';
import type { Application } from '../../shared/applications/application';
import type { Call } from '../../shared/rounds/call';
import { composeLinkEmail, type SigningKeys } from '../common/signed-tokens';
import type { CompositionRoot } from './root';

/*
 * The three scheduled jobs as the middy handlers EventBridge Scheduler calls in AWS and the local
 * scheduler calls on one machine.
 */

/** Closes rounds whose deadline has passed. */
export function closeRoundsJob({ adapters, logger, clock }: CompositionRoot) {
  return createCloseRoundsHandler({ calls: adapters.calls, clock, newId: ulid, logger });
}

/** Resolves the resume page's link requests, then sends what is due in the outbox. */
export function sendOutboxJob(root: CompositionRoot) {
  const { adapters, logger, clock } = root;
  return createSendOutboxHandler({ outbox: adapters.outbox, mailer: adapters.mailer, clock, logger, linkRequests: linkRequestResolution(root) });
}

/**
 * What resolving link requests is built from. The links it emails must open in the applicant app,
 * so it signs them with the same keys; they are read when the first link is to be signed, then
 * kept for the process (a failed read is tried again on the next run; after a rotation, restart).
 */
export function linkRequestResolution({ adapters, config, clock, signingSecret }: CompositionRoot) {
  let keys: Promise<SigningKeys> | undefined;
  const signingKeys = () => {
    keys ??= signingSecret().catch((error: unknown) => {
      keys = undefined;
      throw error;
    });
    return keys;
  };
  return {
    linkRequests: adapters.linkRequests,
    applications: adapters.applications,
    calls: adapters.calls,
    magicLinks: adapters.magicLinks,
    linkEmail: async (application: Application, call: Call) =>
      composeLinkEmail({ signingSecret: await signingKeys(), baseUrl: config.APP_BASE_URL, clock, newId: ulid }, application, call),
  };
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

/** Sends the preliminary replies (fvl. § 11a) that closed rounds owe their undecided applications. */
export function preliminaryRepliesJob({ adapters, logger, clock }: CompositionRoot) {
  return createPreliminaryRepliesHandler({ replies: adapters.decisions, clock, newId: ulid, logger });
}

/** Lapses the grants not accepted or declined by their deadline, returning their money. */
export function lapseUnacceptedGrantsJob({ adapters, logger, clock }: CompositionRoot) {
  return createLapseUnacceptedGrantsHandler({ grants: adapters.decisions, clock, newId: ulid, logger });
}
