import { describe, expect, it } from 'vitest';
import type { Principal } from '../../functions/http/common/authentication';
import { createLogger } from '../../functions/http/common/logger';
import { createOfficerApp, type OfficerData } from '../../functions/http/officer/app';
import type { TenantId } from '../../shared/kernel/tenants';
import { emptyPosition } from '../../shared/national/budget-position';
import { codeDefaultVersion } from '../../shared/rules/rule-set-version';
import { openCall } from '../support/calls';
import { recommendedApplication } from '../support/decisions';
import { oneTokenAuthentication } from '../support/one-token-auth';
import { freshTenantId } from '../support/test-environment';

/** The routes that read no tenant's data: signing in and out, and the API's description. */
const routesWithoutTenantData = /^\/officer\/(auth\/|api\/openapi\.json$)/;

describe('the officer app’s tenant data seam', () => {
  const tenantId = freshTenantId('seam');
  const principal: Principal = { userId: 'officer-seam', tenantId, roles: ['officer', 'municipal-admin', 'approver'] };
  const auth = oneTokenAuthentication('officer.seam.token', principal);

  // One recommended case of the round, for the decision and letter routes; signing it stores nothing.
  const application = recommendedApplication(openCall(tenantId));
  const decided = { ...recommendedApplication(openCall(tenantId)), decision: { decisionId: 'd', outcome: 'grant' as const, amount: application.recommendation!.amount, reasons: 'r', conditions: '', decidedBy: 'x', decidedAt: '2027-04-01T00:00:00.000Z', language: 'nb' as const, appealDeadlineWeeks: 3, appealBody: 'imdi' as const, ruleSetVersion: 1 } };

  function appWithSpy() {
    const asked: TenantId[] = [];
    const data: OfficerData = {
      calls: { listByTenant: async () => [openCall(tenantId)], get: async (owner, roundId) => (roundId === '2027-1' ? openCall(owner) : undefined) },
      applications: { listSubmittedByRound: async () => [] },
      tenants: { getProfile: async () => undefined },
      budget: { get: async (owner, grantYear) => ({ ...emptyPosition(owner, grantYear), allocationVersion: 1 }), change: () => Promise.reject(new Error('not used')), frameHistory: async () => [] },
      decisions: {
        // The letter page reads the decided case; the decision pages the recommended one.
        get: async (_owner, id) => (id === decided.applicationId ? decided : id === application.applicationId ? application : undefined),
        listByRound: async () => [application],
        budget: async (owner, grantYear) => ({ ...emptyPosition(owner, grantYear), allocationVersion: 1 }),
        commit: async () => undefined,
      },
      roundRules: { version: async (grantYear) => codeDefaultVersion(grantYear)! },
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
      const caseId = route.path.endsWith('/letter') ? decided.applicationId : application.applicationId;
      const path = route.path.replace(':roundId', '2027-1').replace('{roundId}', '2027-1').replace(':year', '2027')
        .replace(':applicationId', caseId).replace('{applicationId}', caseId);

      // Act
      // A form (POST) sends what a browser sends: the reservation as it stands, so nothing is written;
      // an API POST sends JSON (the round's one case for a batch of decisions).
      const api = path.startsWith('/officer/api/');
      const form = route.method === 'POST' && !api;
      const json = route.method === 'PUT' ? { amount: 0 } : route.method === 'POST' && api ? { applications: [{ applicationId: application.applicationId }] } : undefined;
      const response = await fresh.request(`http://localhost:3000${path}`, {
        method: route.method,
        headers: { authorization: 'Bearer officer.seam.token', origin: 'http://localhost:3000', 'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json' },
        ...(json ? { body: JSON.stringify(json) } : form ? { body: `amount=0&applicationId=${application.applicationId}` } : {}),
      });

      // Assess
      // A batch of decisions answers with its report (200), not a redirect: the report is the result.
      const expected = form && !route.path.endsWith('/decisions') ? 303 : 200;
      expect(response.status, `${route.method} ${route.path}`).toBe(expected);
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
