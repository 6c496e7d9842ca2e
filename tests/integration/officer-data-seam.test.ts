import { describe, expect, it } from 'vitest';
import type { Principal } from '../../functions/http/common/authentication';
import { createLogger } from '../../functions/http/common/logger';
import { createOfficerApp, type OfficerData } from '../../functions/http/officer/app';
import type { TenantId } from '../../shared/kernel/tenants';
import { emptyPosition } from '../../shared/national/budget-position';
import { openCall } from '../support/calls';
import { oneTokenAuthentication } from '../support/one-token-auth';
import { freshTenantId } from '../support/test-environment';

/** The routes that read no tenant's data: signing in and out, and the API's description. */
const routesWithoutTenantData = /^\/officer\/(auth\/|api\/openapi\.json$)/;

describe('the officer app’s tenant data seam', () => {
  const tenantId = freshTenantId('seam');
  const principal: Principal = { userId: 'officer-seam', tenantId, roles: ['officer', 'municipal-admin'] };
  const auth = oneTokenAuthentication('officer.seam.token', principal);

  function appWithSpy() {
    const asked: TenantId[] = [];
    const data: OfficerData = {
      calls: {
        listByTenant: async () => [openCall(tenantId)],
        get: async (owner, roundId) => (roundId === '2027-1' ? openCall(owner) : undefined),
        getVersioned: async (owner, roundId) => (roundId === '2027-1' ? { ...openCall(owner), version: 1 } : undefined),
        create: () => Promise.reject(new Error('not used')),
        change: () => Promise.reject(new Error('not used')),
      },
      ruleSets: { list: async () => [], get: async () => undefined },
      applications: { listSubmittedByRound: async () => [] },
      tenants: { getProfile: async () => undefined },
      budget: { get: async (owner, grantYear) => ({ ...emptyPosition(owner, grantYear), allocationVersion: 1 }), change: () => Promise.reject(new Error('not used')), frameHistory: async () => [] },
    };
    const app = createOfficerApp({
      forTenant: (id) => {
        asked.push(id);
        return data;
      },
      auth,
      logger: createLogger('error'),
      baseUrl: 'http://localhost:3000',
    });
    return { app, asked };
  }

  it('gives every officer route its data only through the signed-in tenant’s seam', async () => {
    // Prepare
    const { app } = appWithSpy();
    const routes = app.routes.filter((route) => route.method !== 'ALL' && !routesWithoutTenantData.test(route.path));
    expect(routes.map((route) => route.path)).toEqual(expect.arrayContaining(['/officer', '/officer/rounds/:roundId', '/officer/api/rounds', '/officer/budget/:year/admin-reservation']));

    for (const route of routes) {
      const { app: fresh, asked } = appWithSpy();
      const path = route.path.replace(':roundId', '2027-1').replace('{roundId}', '2027-1').replace(':year', '2027');

      // Act
      // A form (POST) sends what a browser sends: the reservation as it stands, so nothing is written.
      const form = route.method === 'POST';
      const response = await fresh.request(`http://localhost:3000${path}`, {
        method: route.method,
        headers: { authorization: 'Bearer officer.seam.token', origin: 'http://localhost:3000', 'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json' },
        ...(route.method === 'PUT' ? { body: JSON.stringify({ amount: 0 }) } : form ? { body: 'amount=0' } : {}),
      });

      // Assess
      expect(response.status, `${route.method} ${route.path}`).toBe(form ? 303 : 200);
      expect(asked, `${route.method} ${route.path}`).toEqual([tenantId]);
    }
  });

  it('never opens the seam for a request without a verified officer', async () => {
    // Prepare
    const { app, asked } = appWithSpy();

    // Act
    const response = await app.request('http://localhost:3000/officer/api/rounds', { headers: { authorization: 'Bearer forged.seam.token' } });

    // Assess
    expect(response.status).toBe(401);
    expect(asked).toEqual([]);
  });
});
