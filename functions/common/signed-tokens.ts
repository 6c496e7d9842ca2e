import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { LinkEmail } from '../../shared/applications/ports';
import type { Application } from '../../shared/applications/application';
import { tenantIdSchema, type TenantId } from '../../shared/kernel/tenants';
import type { Clock, IdGenerator } from '../../shared/kernel/ports';
import type { Call } from '../../shared/rounds/call';
import { linkMessage } from '../../web/emails/application-messages';
import { returnedMessage } from '../../web/emails/application-returned';

/**
 * The one module that signs what Fordel hands to applicants: the emailed links, and (through
 * {@link seal}) the session cookie and its CSRF tokens. The HTTP app and the jobs share it, so a
 * link a job emails opens in the app.
 */

/** How long an emailed link works. */
export const LINK_LIFETIME_HOURS = 72;

const linkPayload = z.object({ t: tenantIdSchema, a: z.string().min(1), k: z.string().min(16), e: z.number().int() });

/**
 * The HMAC keys in use. Everything is signed with `current`; a token verifies with `current` or,
 * during a rotation, with `previous`, so sessions and links signed before the rotation stay valid
 * until they expire (docs/operations.md, *Rotate the signing secret*). Dropping `previous` ends them.
 */
export interface SigningKeys {
  readonly current: string;
  readonly previous?: string;
}

/** Keys from a single secret (no rotation in progress) or as they are. */
export function signingKeys(keys: SigningKeys | string): SigningKeys {
  return typeof keys === 'string' ? { current: keys } : keys;
}

/** An HMAC of `payload` with one key for one purpose, so a token of one kind never passes as another. */
function hmac(key: string, purpose: string, payload: string): string {
  return createHmac('sha256', key).update(`${purpose}.${payload}`).digest('base64url');
}

/** The signature of `payload` for `purpose`, always with the current key. */
export function sign(keys: SigningKeys, purpose: string, payload: string): string {
  return hmac(keys.current, purpose, payload);
}

/** Whether `given` is the signature `expected`, in constant time. */
export function sameSignature(expected: string, given: unknown): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Whether `given` signs `payload` for `purpose` with the current or the previous key. Both are
 * always compared, so the time does not tell which key (if any) matched.
 */
export function signedWithAnyKey(keys: SigningKeys, purpose: string, payload: string, given: unknown): boolean {
  const byCurrent = sameSignature(hmac(keys.current, purpose, payload), given);
  const byPrevious = keys.previous !== undefined && sameSignature(hmac(keys.previous, purpose, payload), given);
  return byCurrent || byPrevious;
}

/** A value as a signed, tamper-evident token (readable, not secret), signed with the current key. */
export function seal(keys: SigningKeys, purpose: string, value: object): string {
  const payload = Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${payload}.${sign(keys, purpose, payload)}`;
}

/** The value of a token made by {@link seal} with either key; undefined when forged or malformed. */
export function unseal(keys: SigningKeys, purpose: string, token: string): unknown {
  const [payload, signature, ...rest] = token.split('.');
  if (!payload || !signature || rest.length > 0) return undefined;
  if (!signedWithAnyKey(keys, purpose, payload, signature)) return undefined;
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

/** A fresh, unguessable id (128 bits) for a link or a session. */
export function randomToken(): string {
  return randomBytes(16).toString('base64url');
}

/** Makes the signed token of an emailed link. */
export function createLinkToken(keys: SigningKeys, link: { tenantId: TenantId; applicationId: string; tokenId: string; expiresAt: string }): string {
  return seal(keys, 'link', { t: link.tenantId, a: link.applicationId, k: link.tokenId, e: Date.parse(link.expiresAt) });
}

/** Reads an emailed link's token; undefined when forged, malformed or expired. */
export function readLinkToken(keys: SigningKeys, token: string, now: Date) {
  const parsed = linkPayload.safeParse(unseal(keys, 'link', token));
  if (!parsed.success || parsed.data.e <= now.getTime()) return undefined;
  return { tenantId: parsed.data.t, applicationId: parsed.data.a, tokenId: parsed.data.k };
}

/** What composing a link email needs. */
export interface LinkSigning {
  readonly signingSecret: SigningKeys;
  /** Public address of the applicant app, which the links point into. */
  readonly baseUrl: string;
  readonly clock: Clock;
  readonly newId: IdGenerator;
}

/** A fresh single-use link into an application: the record that makes it single-use, and where it points. */
export function issueApplicationLink(signing: Pick<LinkSigning, 'signingSecret' | 'baseUrl' | 'clock'>, application: Application) {
  const now = signing.clock();
  const tokenId = randomToken();
  const expiresAt = new Date(now.getTime() + LINK_LIFETIME_HOURS * 3_600_000).toISOString();
  const link = { tenantId: application.tenantId, tokenId, applicationId: application.applicationId, expiresAt };
  const url = `${signing.baseUrl}/link/${createLinkToken(signing.signingSecret, link)}`;
  return { link, links: { url, resumeUrl: `${signing.baseUrl}/resume`, hours: LINK_LIFETIME_HOURS } };
}

/** The single-use link email for an application, with the link's record to store beside it. */
export function composeLinkEmail(signing: LinkSigning, application: Application, call: Call): LinkEmail {
  const { link, links } = issueApplicationLink(signing, application);
  return { link, message: linkMessage(application, call, links, { messageId: signing.newId(), createdAt: signing.clock().toISOString() }) };
}

/** The email asking for more information about a returned application, with its single-use link to continue. */
export function composeReturnedEmail(signing: LinkSigning, application: Application, call: Call): LinkEmail {
  const { link, links } = issueApplicationLink(signing, application);
  return { link, message: returnedMessage(application, call, links, { messageId: signing.newId(), createdAt: signing.clock().toISOString() }) };
}
