import type { Tenant, TenantId } from '../kernel/tenants.js';

/** What the national use cases need from the store. */

/** The register of tenants (managing municipalities and IMDi) that IMDi maintains. */
export interface TenantRepository {
  list(): Promise<Tenant[]>;
  get(tenantId: TenantId): Promise<Tenant | undefined>;
  /** Adds or replaces a tenant in the register, and its profile in the tenant's own partition. */
  put(tenant: Tenant): Promise<void>;
  /**
   * The tenant's own copy of its register entry, kept under its `T#<tenantId>#` prefix so that a
   * role held to that prefix (the officer app) can show the tenant's name without reading national data.
   */
  getProfile(tenantId: TenantId): Promise<TenantProfile | undefined>;
}

/** What a tenant's own partition knows about the tenant: who it is, for its workspace. */
export type TenantProfile = Pick<Tenant, 'tenantId' | 'kind' | 'name' | 'kommunenummer'>;
