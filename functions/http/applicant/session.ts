import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { tenantIdSchema, type TenantId } from '../../../shared/kernel/tenants';
import { randomToken, seal, sign, signedWithAnyKey, unseal, type SigningKeys } from '../../common/signed-tokens';

/**
 * Applicants have no account. An emailed link (signed, expiring, single use) or starting an
 * application opens a session: a signed, HttpOnly cookie naming the one application it gives
 * access to. Forms carry a CSRF token derived from the session, so another site cannot post them.
 */

/** How long a session lasts without a new link (long enough for an evening's work). */
export const SESSION_LIFETIME_HOURS = 12;

const SESSION_COOKIE = 'fordel_soknad';

const sessionPayload = z.object({ t: tenantIdSchema, a: z.string().min(1), s: z.string().min(16), e: z.number().int() });

/** The application a session gives access to. */
export interface ApplicantSession {
  tenantId: TenantId;
  applicationId: string;
  sessionId: string;
}

/** Opens a session for one application. */
export function startSession(c: Context, secret: SigningKeys, session: { tenantId: TenantId; applicationId: string }, now: Date): ApplicantSession {
  const sessionId = randomToken();
  const expires = now.getTime() + SESSION_LIFETIME_HOURS * 3_600_000;
  setCookie(c, SESSION_COOKIE, seal(secret, 'session', { t: session.tenantId, a: session.applicationId, s: sessionId, e: expires }), {
    httpOnly: true,
    sameSite: 'Lax',
    // Browsers refuse Secure cookies on plain http, which only the local machine uses.
    secure: new URL(c.req.url).protocol === 'https:',
    path: '/',
    maxAge: SESSION_LIFETIME_HOURS * 3600,
  });
  return { ...session, sessionId };
}

/** The session of the request, if it is valid and not expired. */
export function readSession(c: Context, secret: SigningKeys, now: Date): ApplicantSession | undefined {
  const cookie = getCookie(c, SESSION_COOKIE);
  if (!cookie) return undefined;
  const parsed = sessionPayload.safeParse(unseal(secret, 'session', cookie));
  if (!parsed.success || parsed.data.e <= now.getTime()) return undefined;
  return { tenantId: parsed.data.t, applicationId: parsed.data.a, sessionId: parsed.data.s };
}

/** Ends the session (after withdrawal, or on request). */
export function endSession(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

/** The CSRF token forms of this session must carry. */
export function csrfToken(secret: SigningKeys, session: ApplicantSession): string {
  return sign(secret, 'csrf', session.sessionId);
}

/** Whether a posted CSRF token belongs to the session. */
export function isValidCsrfToken(secret: SigningKeys, session: ApplicantSession, token: unknown): boolean {
  return signedWithAnyKey(secret, 'csrf', session.sessionId, token);
}
