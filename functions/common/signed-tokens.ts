import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { LinkEmail } from '../../shared/applications/ports';
import type { Application } from '../../shared/applications/application';
import { tenantIdSchema, type TenantId } from '../../shared/kernel/tenants';
import type { Clock, IdGenerator } from '../../shared/kernel/ports';
import type { Call } from '../../shared/rounds/call';
import { linkMessage } from '../../web/emails/application-messages';

/**
 * The one module that signs what Fordel hands to applicants: the emailed links, and (through
 * {@link seal}) the session cookie and its CSRF tokens. The HTTP app and the jobs share it, so a
 * link a job emails opens in the app.
 */

/** How long an emailed link works. */
export const LINK_LIFETIME_HOURS = 72;

const linkPayload = z.object({ t: tenantIdSchema, a: z.string().min(1), k: z.string().min(16), e: z.number().int() });

/** An HMAC of `payload` for one purpose, so a token of one kind never passes as another. */
export function sign(secret: string, purpose: string, payload: string): string {
  return createHmac('sha256', secret).update(`${purpose}.${payload}`).digest('base64url');
}

/** Whether `given` is the signature `expected`, in constant time. */
export function sameSignature(expected: string, given: unknown): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A value as a signed, tamper-evident token (readable, not secret). */
export function seal(secret: string, purpose: string, value: object): string {
  const payload = Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${payload}.${sign(secret, purpose, payload)}`;
}

/** The value of a token made by {@link seal}; undefined when forged or malformed. */
export function unseal(secret: string, purpose: string, token: string): unknown {
  const [payload, signature, ...rest] = token.split('.');
  if (!payload || !signature || rest.length > 0) return undefined;
  if (!sameSignature(sign(secret, purpose, payload), signature)) return undefined;
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
export function createLinkToken(secret: string, link: { tenantId: TenantId; applicationId: string; tokenId: string; expiresAt: string }): string {
  return seal(secret, 'link', { t: link.tenantId, a: link.applicationId, k: link.tokenId, e: Date.parse(link.expiresAt) });
}

/** Reads an emailed link's token; undefined when forged, malformed or expired. */
export function readLinkToken(secret: string, token: string, now: Date) {
  const parsed = linkPayload.safeParse(unseal(secret, 'link', token));
  if (!parsed.success || parsed.data.e <= now.getTime()) return undefined;
  return { tenantId: parsed.data.t, applicationId: parsed.data.a, tokenId: parsed.data.k };
}

/** What composing a link email needs. */
export interface LinkSigning {
  readonly signingSecret: string;
  /** Public address of the applicant app, which the links point into. */
  readonly baseUrl: string;
  readonly clock: Clock;
  readonly newId: IdGenerator;
}

/** The single-use link email for an application, with the link's record to store beside it. */
export function composeLinkEmail(signing: LinkSigning, application: Application, call: Call): LinkEmail {
  const now = signing.clock();
  const tokenId = randomToken();
  const expiresAt = new Date(now.getTime() + LINK_LIFETIME_HOURS * 3_600_000).toISOString();
  const link = { tenantId: application.tenantId, tokenId, applicationId: application.applicationId, expiresAt };
  const url = `${signing.baseUrl}/link/${createLinkToken(signing.signingSecret, link)}`;
  return {
    link,
    message: linkMessage(application, call, { url, resumeUrl: `${signing.baseUrl}/resume`, hours: LINK_LIFETIME_HOURS }, { messageId: signing.newId(), createdAt: now.toISOString() }),
  };
}
