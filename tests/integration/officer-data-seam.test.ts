import { describe, expect, it } from 'vitest';
import type { Principal } from '../../functions/http/common/authentication';
import { createLogger } from '../../functions/http/common/logger';
import { createOfficerApp, type OfficerData } from '../../functions/http/officer/app';
import type { Application } from '../../shared/applications/application';
import type { Orgnr } from '../../shared/kernel/orgnr';
import type { TenantId } from '../../shared/kernel/tenants';
import { emptyPosition } from '../../shared/national/budget-position';
import { openCall } from '../support/calls';
import { oneTokenAuthentication } from '../support/one-token-auth';
import { freshTenantId } from '../support/test-environment';

/** The routes that read no tenant's data: signing in and out, and the API's description. */
const routesWithoutTenantData = /^\/officer\/(auth\/|api\/openapi\.json$)/;

/** A received application of `tenantId`, at version 3. */
function submittedApplication(tenantId: TenantId): Application {
  const at = '2026-12-01T10:00:00.000Z';
  return {
    tenantId, roundId: '2027-1', applicationId: 'A1', reference: 'SEAM-2027-A1', grantYear: 2027, orgnr: '311100386' as Orgnr, organisationName: 'Seam lag',
    email: 'seam@example.org', status: 'submitted', version: 3, createdAt: at, updatedAt: at, submittedAt: at, language: 'nb',
    registryCheck: { status: 'not_verified', checkedAt: at, reason: 'timeout' }, attachments: [],
  };
}

describe('the officer app’s tenant data seam', () => {
  const tenantId = freshTenantId('seam');
  const principal: Principal = { userId: 'officer-seam', tenantId, roles: ['officer', 'municipal-admin'] };
  const auth = oneTokenAuthentication('officer.seam.token', principal);

  function appWithSpy() {
    const asked: TenantId[] = [];
    const data: OfficerData = {
      calls: { listByTenant: async () => [openCall(tenantId)], get: async (owner, roundId) => (roundId === '2027-1' ? openCall(owner) : undefined) },
      applications: {
        listSubmittedByRound: async () => [],
        get: async (owner, applicationId) => (applicationId === 'A1' ? submittedApplication(owner) : undefined),
        change: async () => undefined,
      },
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
      applicantLinks: async () => ({ signingSecret: { current: 'seam-test-signing-secret-of-32-characters' }, baseUrl: 'http://localhost:3000' }),
    });
    return { app, asked };
  }

  it('gives every officer route its data only through the signed-in tenant’s seam', async () => {
    // Prepare
    const { app } = appWithSpy();
    const routes = app.routes.filter((route) => route.method !== 'ALL' && !routesWithoutTenantData.test(route.path));
    expect(routes.map((route) => route.path)).toEqual(
      expect.arrayContaining(['/officer', '/officer/rounds/:roundId', '/officer/api/rounds', '/officer/budget/:year/admin-reservation', '/officer/applications/:applicationId/return', '/officer/api/applications/:applicationId/return']),
    );

    for (const route of routes) {
      const { app: fresh, asked } = appWithSpy();
      const path = route.path.replace(':roundId', '2027-1').replace('{roundId}', '2027-1').replace(':year', '2027').replace(/:applicationId|\{applicationId\}/, 'A1');

      // Act
      // A form (POST) sends what a browser sends: the reservation as it stands, so nothing is written.
      const api = path.startsWith('/officer/api/');
      const form = route.method === 'POST' && !api;
      const returning = path.endsWith('/A1/return');
      const formBody = returning ? 'message=Send+vedtektene.&sections=attachments&version=3' : 'amount=0';
      const jsonBody = returning ? { message: 'Send vedtektene.', sections: ['attachments'] } : { amount: 0 };
      const response = await fresh.request(`http://localhost:3000${path}`, {
        method: route.method,
        headers: { authorization: 'Bearer officer.seam.token', origin: 'http://localhost:3000', 'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json' },
        ...(route.method === 'PUT' || (route.method === 'POST' && api) ? { body: JSON.stringify(jsonBody) } : form ? { body: formBody } : {}),
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
