import type { Context } from 'hono';
import type { RateCounter, RateRule } from '../../../shared/kernel/ports';

/**
 * Limits on the public forms that send email or ask the registry, so that nobody can use them to
 * flood someone's inbox with our links or run up lookups. Counted per client address and per
 * email address, in the table, so every Lambda container and the local server count together.
 */

export type { RateRule };

/**
 * A person who lost their link asks again a few times at most; five link emails an hour to one
 * address is plenty for them and useless for harassment.
 */
export const RESUME_EMAILS_PER_ADDRESS: RateRule = { name: 'resume-email', limit: 5, windowSeconds: 3600 };

/**
 * Every start emails a link to the address typed in. An organisation starting applications to
 * several calls stays far below ten an hour; a stranger's address gets no more than that.
 */
export const START_EMAILS_PER_ADDRESS: RateRule = { name: 'start-email', limit: 10, windowSeconds: 3600 };

/**
 * One client address may be a whole volunteer centre behind one router, so the per-address limits
 * are generous: 30 starts (each a registry lookup and an email) in ten minutes.
 */
export const STARTS_PER_CLIENT: RateRule = { name: 'start-client', limit: 30, windowSeconds: 600 };

/** The same allowance for link requests from one client address. */
export const RESUMES_PER_CLIENT: RateRule = { name: 'resume-client', limit: 30, windowSeconds: 600 };

/** An attempt over a limit; the form is shown again with 429 and `Retry-After`. */
export class RateLimitedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('rate limited');
    this.name = 'RateLimitedError';
  }
}

/**
 * The client's address as the platform saw it: API Gateway's `sourceIp` in Lambda, the socket's
 * peer on the node server. Never `X-Forwarded-For`, which the client writes itself (hono's own
 * Lambda helper falls back to it, so it is not used here).
 */
export function clientAddress(c: Context): string | undefined {
  const env = c.env as
    | { requestContext?: { http?: { sourceIp?: unknown } }; incoming?: { socket?: { remoteAddress?: unknown } } }
    | undefined;
  const address = env?.requestContext?.http?.sourceIp ?? env?.incoming?.socket?.remoteAddress;
  return typeof address === 'string' ? address : undefined;
}

/** The same address however it was typed, so case is no way around the limit. */
export function emailSubject(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Counts one attempt under each rule in turn; throws {@link RateLimitedError} at the first that is
 * full. A subject that is not known is not counted: only a request made in-process, with no
 * client to limit, has no client address.
 */
export async function enforceRates(counter: RateCounter, checks: readonly (readonly [RateRule, string | undefined])[], now: Date): Promise<void> {
  for (const [rule, subject] of checks) {
    if (subject === undefined) continue;
    const decision = await counter.attempt(rule, subject, now);
    if (!decision.allowed) throw new RateLimitedError(decision.retryAfterSeconds);
  }
}
