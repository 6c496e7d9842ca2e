import type { Clock, IdGenerator } from '../../kernel/ports.js';
import { managingPeriodsOf, type Tenant, type TenantId } from '../../kernel/tenants.js';
import type { TenantRepository } from '../ports.js';
import { NotInRegisterError } from '../register-errors.js';
import { periodsAfterRetiring } from '../register.js';

/** What {@link retireManagingMunicipality} needs. */
export interface RetireManagingMunicipalityDeps {
  readonly tenants: Pick<TenantRepository, 'read' | 'record'>;
  readonly clock: Clock;
  readonly newId: IdGenerator;
}

/**
 * IMDi retires a municipality from `fromYear` on: it no longer manages the scheme from that year.
 *
 * Primary course: the period holding `fromYear` ends the year before; the entry (nothing of it is
 * deleted), its profile and the audit event are written in one transaction. Its rounds stay where
 * they are, so its officers still read the years it managed.
 *
 * Alternatives:
 * - No such municipality in the register (or IMDi itself): `NotInRegisterError`.
 * - It does not manage the scheme in `fromYear` (retired already, or never then): `NotManagingFromError`.
 * - `fromYear` is not after the year it started: `RetiredBeforeStartError`.
 * - Someone changed the entry meanwhile: `ConcurrentChangeError`, nothing written.
 */
export async function retireManagingMunicipality(
  deps: RetireManagingMunicipalityDeps,
  input: { readonly tenantId: TenantId; readonly fromYear: number; readonly actor: string },
): Promise<Tenant> {
  const read = await deps.tenants.read(input.tenantId);
  if (!read || read.tenant.kind !== 'municipality') throw new NotInRegisterError(input.tenantId);
  const after = periodsAfterRetiring(read.tenant, input.fromYear);
  const tenant: Tenant = { ...read.tenant, managingYears: [], managingPeriods: after };
  await deps.tenants.record({
    tenant,
    expectedVersion: read.version,
    event: {
      eventId: deps.newId(), at: deps.clock().toISOString(), actor: input.actor, action: 'retire', tenantId: input.tenantId,
      ...(read.tenant.kommunenummer ? { kommunenummer: read.tenant.kommunenummer } : {}),
      year: input.fromYear, before: managingPeriodsOf(read.tenant), after,
    },
  });
  return tenant;
}
