import type { LinkRequest } from '../../../shared/applications/link-requests';
import { LINK_REQUEST_LIFETIME_MINUTES } from '../../../shared/applications/link-requests';
import type { Orgnr } from '../../../shared/kernel/orgnr';
import type { Item, ItemKey } from './item';

/**
 * A waiting link request. Not any tenant's data yet (nobody knows whose application it names, if
 * any): all requests share the partition `LINK#REQUESTS`, sorted by when they were asked, which
 * the applicant Lambda may only put to and the send-outbox job may only query and delete from.
 * TTL removes a request the job never reached.
 */
export const linkRequestItem = {
  partition: 'LINK#REQUESTS',
  key: (request: Pick<LinkRequest, 'requestedAt' | 'requestId'>): ItemKey => ({
    PK: linkRequestItem.partition,
    SK: `${request.requestedAt}#${request.requestId}`,
  }),
  toItem: (request: LinkRequest): Item => ({
    ...linkRequestItem.key(request),
    entity: 'link-request',
    requestId: request.requestId,
    orgnr: request.orgnr,
    email: request.email,
    requestedAt: request.requestedAt,
    expiresAt: Math.floor(Date.parse(request.requestedAt) / 1000) + LINK_REQUEST_LIFETIME_MINUTES * 60,
  }),
  fromItem: (item: Item): LinkRequest => ({
    requestId: String(item.requestId),
    orgnr: String(item.orgnr) as Orgnr,
    email: String(item.email),
    requestedAt: String(item.requestedAt),
  }),
};
