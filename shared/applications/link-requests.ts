/**
 * Asking for a new link (the resume page) is recorded, not answered, so the page does the same
 * work and answers the same whether or not the organisation number and address belong to an
 * application. A job resolves the request later: it finds the applications, issues their links
 * and queues the emails, or drops the request without a trace when nothing matches.
 */
import type { Orgnr } from '../kernel/orgnr';

/** A waiting request for links. Personal data (an address) kept for minutes: resolved or expired, it is deleted. */
export interface LinkRequest {
  /** ULID chosen by the page. */
  readonly requestId: string;
  readonly orgnr: Orgnr;
  readonly email: string;
  /** When it was asked, an ISO instant; the queue is read oldest first. */
  readonly requestedAt: string;
}

/** After this long a request is dropped unanswered: the applicant has long since asked again. */
export const LINK_REQUEST_LIFETIME_MINUTES = 60;

/** The queue of link requests. */
export interface LinkRequestQueue {
  /** Records one request: one write, the same for any organisation number and address. */
  record(request: LinkRequest): Promise<void>;
  /** Up to `limit` waiting requests, oldest first. */
  listWaiting(limit: number): Promise<LinkRequest[]>;
  /** Takes a request off the queue; false when another run took it first. */
  take(request: LinkRequest): Promise<boolean>;
}
