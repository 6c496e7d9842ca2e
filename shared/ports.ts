import type { Call } from './calls';
import type { Tenant, TenantId } from './tenants';

/**
 * Ports: what the use cases need from the outside world. Adapters in `functions/adapters/`
 * implement them against DynamoDB, SES and S3; nothing here knows which runtime it is in.
 */

/** Reads and writes calls (rounds as the public sees them). */
export interface CallRepository {
  /** Every call whose status is `open`, earliest deadline first. */
  listOpen(): Promise<Call[]>;
  /** One call, or `undefined` when the tenant has no such round. */
  get(tenantId: TenantId, roundId: string): Promise<Call | undefined>;
  /** Stores a call; refuses to overwrite an existing one. */
  create(call: Call): Promise<void>;
}

/** The register of tenants (managing municipalities and IMDi) that IMDi maintains. */
export interface TenantRepository {
  list(): Promise<Tenant[]>;
  get(tenantId: TenantId): Promise<Tenant | undefined>;
  /** Adds or replaces a tenant in the register. */
  put(tenant: Tenant): Promise<void>;
}

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
