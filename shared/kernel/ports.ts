/**
 * Ports every capability needs: the clock, ids and the health of the data store. Ports of one
 * capability live in its own `ports.ts`; adapters in `functions/adapters/` implement them.
 */

/** Tells whether the data store can be reached, for the health endpoint. */
export interface HealthProbe {
  check(): Promise<{ ok: true } | { ok: false; reason: string }>;
}

/**
 * The current time. Domain code never reads the clock itself, so tests fix it and the same code
 * runs in Lambda and locally. Production passes `() => new Date()`.
 */
export type Clock = () => Date;

/** A new unique id (ULID in production, so ids sort by creation time). */
export type IdGenerator = () => string;

/**
 * Signed-out sign-in tokens. A token stays valid until it expires, so signing out ends a session
 * only if the token itself is remembered as spent; every signed-in request asks here.
 */
export interface RevokedTokens {
  /** Records a token id as revoked until `expiresAt` (epoch seconds), when the token dies anyway. */
  revoke(tokenId: string, expiresAt: number): Promise<void>;
  isRevoked(tokenId: string): Promise<boolean>;
}

/** A fixed-window limit: at most `limit` attempts per subject in each window of `windowSeconds`. */
export interface RateRule {
  /** Names the limit in stored keys; stable. */
  readonly name: string;
  readonly limit: number;
  readonly windowSeconds: number;
}

/** What a rate limit says about one more attempt. */
export type RateDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

/**
 * Counts attempts per subject in fixed windows. An attempt is counted only while the window is
 * under its limit, atomically, so concurrent requests can never together pass the limit.
 */
export interface RateCounter {
  /** Counts one attempt of `subject` under `rule` at `now`, or says how long until the window ends. */
  attempt(rule: RateRule, subject: string, now: Date): Promise<RateDecision>;
}
