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
