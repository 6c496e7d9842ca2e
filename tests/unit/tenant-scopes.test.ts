import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdapters } from '../../functions/composition/adapters';
import { loadConfig } from '../../functions/composition/config';
import { createTenantScopes } from '../../functions/composition/tenant-scopes';
import type { DocumentClient } from '../../functions/adapters/dynamodb-client';
import type { TenantId } from '../../shared/kernel/tenants';
import { startStsStandIn } from '../support/sts-stand-in';

const APPLICATION = '01JD0000000000000000000000';
const local = {
  TABLE_NAME: 'fordel-scopes',
  // Nothing listens here: these tests make clients and sessions, never a table call.
  DYNAMODB_ENDPOINT: 'http://127.0.0.1:9',
  S3_ENDPOINT: 'http://127.0.0.1:9',
};

let sts: Awaited<ReturnType<typeof startStsStandIn>>;
beforeAll(async () => {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  sts = await startStsStandIn();
});
afterAll(() => sts.close());

function scopesWithRoles() {
  const config = loadConfig({
    ...local,
    OFFICER_TENANT_ROLE_ARN: 'arn:aws:iam::111122223333:role/OfficerSession',
    APPLICANT_TENANT_ROLE_ARN: 'arn:aws:iam::111122223333:role/ApplicantSession',
    STS_ENDPOINT: sts.endpoint,
  });
  const clients: DocumentClient[] = [];
  const shared = createAdapters(config);
  return { shared, clients, scopes: createTenantScopes(config, shared, { onScopedClient: (client) => clients.push(client) }) };
}

describe('tenant scopes', () => {
  it('hands every scope the shared adapters when no session role is configured', () => {
    // Prepare
    const shared = createAdapters(loadConfig(local));
    const scopes = createTenantScopes(loadConfig(local), shared);
    const sessionsBefore = sts.calls.length;

    // Act
    const officer = scopes.forTenant('k1' as TenantId);
    const applicant = scopes.forApplication('k1' as TenantId, APPLICATION);

    // Assess
    expect(officer.calls).toBe(shared.calls);
    expect(applicant.applications).toBe(shared.applications);
    expect(sts.calls).toHaveLength(sessionsBefore);
  });

  it('makes one set of clients per tenant and reuses it for every later request', () => {
    // Prepare
    const { scopes, clients, shared } = scopesWithRoles();

    // Act
    const first = scopes.forTenant('k1' as TenantId);
    const again = Array.from({ length: 20 }, () => scopes.forTenant('k1' as TenantId));
    const other = scopes.forTenant('k2' as TenantId);

    // Assess
    for (const later of again) expect(later).toBe(first);
    expect(other).not.toBe(first);
    expect(first.calls).not.toBe(shared.calls);
    expect(clients).toHaveLength(2);
  });

  it('opens no session until a repository is used', () => {
    // Prepare
    const { scopes } = scopesWithRoles();

    // Act
    scopes.forTenant('k3-idle' as TenantId);
    scopes.forApplication('k3-idle' as TenantId, APPLICATION);

    // Assess
    expect(sts.calls.filter((call) => call.tags.tenantId === 'k3-idle')).toHaveLength(0);
  });

  it('keeps an application scope apart from its tenant’s officer scope and from other applications', () => {
    // Prepare
    const { scopes, clients } = scopesWithRoles();

    // Act
    const officer = scopes.forTenant('k4' as TenantId);
    const application = scopes.forApplication('k4' as TenantId, APPLICATION);
    const another = scopes.forApplication('k4' as TenantId, '01JD0000000000000000000001');

    // Assess
    expect(application.applications).not.toBe(officer.applications);
    expect(another).not.toBe(application);
    expect(scopes.forApplication('k4' as TenantId, APPLICATION)).toBe(application);
    expect(clients).toHaveLength(3);
  });

  it('closes the least recently used officer scope past a hundred tenants, and keeps the recent ones', () => {
    // Prepare
    const { scopes } = scopesWithRoles();
    const first = scopes.forTenant('k0' as TenantId);
    const recent = scopes.forTenant('k1' as TenantId);

    // Act
    for (let index = 2; index <= 100; index++) {
      scopes.forTenant(`k${index}` as TenantId);
      if (index % 10 === 0) scopes.forTenant('k1' as TenantId);
    }

    // Assess
    expect(scopes.forTenant('k1' as TenantId)).toBe(recent);
    expect(scopes.forTenant('k0' as TenantId)).not.toBe(first);
  });
});
