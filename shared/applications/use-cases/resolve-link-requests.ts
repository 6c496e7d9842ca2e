import type { Clock } from '../../kernel/ports';
import type { Call } from '../../rounds/call';
import type { CallRepository } from '../../rounds/ports';
import type { Application } from '../application';
import { LINK_REQUEST_LIFETIME_MINUTES, type LinkRequestQueue } from '../link-requests';
import type { ApplicationRepository, LinkEmail, MagicLinkStore } from '../ports';

/** What {@link resolveLinkRequests} needs from the outside world. */
export interface ResolveLinkRequestsDeps {
  readonly linkRequests: LinkRequestQueue;
  readonly applications: Pick<ApplicationRepository, 'listByOrganisation'>;
  readonly calls: Pick<CallRepository, 'get'>;
  readonly magicLinks: Pick<MagicLinkStore, 'issue'>;
  /** The signed link and its email for one application (signing is the caller's, not the domain's). */
  readonly linkEmail: (application: Application, call: Call) => Promise<LinkEmail>;
  readonly clock: Clock;
}

/** Counts of one run; nothing about who asked. */
export interface ResolveLinkRequestsResult {
  /** Requests taken off the queue. */
  readonly resolved: number;
  /** Links issued (and emails queued) for them. */
  readonly linksIssued: number;
  /** Requests older than {@link LINK_REQUEST_LIFETIME_MINUTES}, dropped unanswered. */
  readonly expired: number;
}

/** At most this many applications get a link per request, as the page has always promised. */
const MAX_LINKS_PER_REQUEST = 3;

/**
 * Resolve link requests (a step of the send-outbox job, before it sends).
 *
 * Primary course: reads the waiting requests oldest first; takes each (a conditional delete, so
 * two runs never both answer one); finds the organisation's applications with that contact
 * address that are not withdrawn, and for up to three of them issues a single-use link and queues
 * its email in one transaction. The send step of the same run then sends them.
 *
 * Alternatives:
 * - Nothing matches: the request is simply gone; nobody is told, so the page cannot be used to
 *   learn which addresses have applications.
 * - Another run took the request first: left to it.
 * - The request is older than its lifetime: dropped unanswered.
 * - A read or write fails after the take: the error propagates and the run fails; that request is
 *   not answered (at most once), and the applicant asks again.
 */
export async function resolveLinkRequests(deps: ResolveLinkRequestsDeps, options: { maxRequests?: number } = {}): Promise<ResolveLinkRequestsResult> {
  const waiting = await deps.linkRequests.listWaiting(options.maxRequests ?? 100);
  let resolved = 0;
  let linksIssued = 0;
  let expired = 0;
  for (const request of waiting) {
    if (!(await deps.linkRequests.take(request))) continue;
    resolved++;
    const age = deps.clock().getTime() - Date.parse(request.requestedAt);
    if (age > LINK_REQUEST_LIFETIME_MINUTES * 60_000) {
      expired++;
      continue;
    }
    const candidates = (await deps.applications.listByOrganisation(request.orgnr)).filter(
      (application) => application.email === request.email && application.status !== 'withdrawn',
    );
    for (const application of candidates.slice(0, MAX_LINKS_PER_REQUEST)) {
      const call = await deps.calls.get(application.tenantId, application.roundId);
      if (!call) continue;
      await deps.magicLinks.issue(await deps.linkEmail(application, call));
      linksIssued++;
    }
  }
  return { resolved, linksIssued, expired };
}
