import { demoCall } from '../../infra/local/demo-data';
import type { Call } from '../../shared/rounds/call';
import type { TenantId } from '../../shared/kernel/tenants';

/** An open call of a made-up municipality, for tests; override what the test is about. */
export function openCall(tenantId: TenantId, overrides: Partial<Call> = {}): Call {
  const base = demoCall({ tenantId, name: `Testby ${tenantId}`, kommunenummer: '3240' }, 2027, 0, '2026-11-01T00:00:00.000Z');
  return { ...base, ...overrides };
}
