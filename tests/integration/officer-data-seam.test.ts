import { describe, expect, it } from 'vitest';
import type { Principal } from '../../functions/http/common/authentication';
import { createLogger } from '../../functions/http/common/logger';
import { createOfficerApp, type OfficerData } from '../../functions/http/officer/app';
import type { TenantId } from '../../shared/kernel/tenants';
import type { Application } from '../../shared/applications/application';
import { defaultStandardTexts } from '../../shared/decisions/standard-texts';
import { kroner } from '../../shared/kernel/money';
import { emptyPosition } from '../../shared/national/budget-position';
import { openCall } from '../support/calls';
import { oneTokenAuthentication } from '../support/one-token-auth';
import { freshTenantId } from '../support/test-environment';

/** A case under assessment with its assessments in, so the case routes have something to answer with. */
function caseOf(tenantId: TenantId): Application {
  return {
    tenantId, roundId: '2027-1', applicationId: 'app-1', reference: 'K-1', grantYear: 2027, orgnr: '910000001' as Application['orgnr'], organisationName: 'Lag',
    email: 'lag@example.org', status: 'under_assessment', version: 4, createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z', language: 'nb',
    registryCheck: { status: 'not_verified', checkedAt: '2026-11-01T00:00:00.000Z', reason: 'timeout' }, attachments: [],
    budget: { costs: [], otherIncome: [], amountApplied: kroner(50_000) } as never, assessmentSummary: { required: 1, submitted: 1, recused: 0, score: 4 },
  };
}

/** What a browser or a client sends to the routes whose body says more than an amount. */
const standardTextsForm = defaultStandardTexts
  .flatMap((text, index) => [`id.${index}=${text.id}`, `outcome.${index}=${text.outcome}`, ...(['nb', 'nn', 'en'] as const).map((language) => `${language}.${index}=${encodeURIComponent(text.text[language])}`)])
  .join('&');
const bodies: Record<string, string> = {
  '/officer/applications/:applicationId/recommendation': 'version=4&outcome=reject&amount=0&reasons=Grunn&conditions=',
  '/officer/api/applications/:applicationId/recommendation': JSON.stringify({ version: 4, outcome: 'reject', amount: 0, reasons: 'Grunn' }),
  '/officer/standard-texts': `version=0&${standardTextsForm}`,
  '/officer/api/standard-texts': JSON.stringify({ version: 0, texts: defaultStandardTexts }),
};

/** The routes that read no tenant's data: signing in and out, and the API's description. */
const routesWithoutTenantData = /^\/officer\/(auth\/|api\/openapi\.json$)/;

describe('the officer app’s tenant data seam', () => {
  const tenantId = freshTenantId('seam');
  const principal: Principal = { userId: 'officer-seam', tenantId, roles: ['officer', 'municipal-admin'] };
  const auth = oneTokenAuthentication('officer.seam.token', principal);

  function appWithSpy() {
    const asked: TenantId[] = [];
    const data: OfficerData = {
      calls: { listByTenant: async () => [openCall(tenantId)], get: async (owner, roundId) => (roundId === '2027-1' ? openCall(owner) : undefined) },
      applications: { listSubmittedByRound: async () => [], get: async (owner, id) => (id === 'app-1' ? caseOf(owner) : undefined), change: async () => undefined, listOrganisationsByRound: async () => new Set() },
      standardTexts: { get: async () => undefined, save: async () => undefined },
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
      const path = route.path.replace(':roundId', '2027-1').replace('{roundId}', '2027-1').replace(':year', '2027').replace(':applicationId', 'app-1').replace('{applicationId}', 'app-1');

      // Act
      // A form (POST) sends what a browser sends: the reservation as it stands, so nothing is written.
      const form = route.method === 'POST';
      const response = await fresh.request(`http://localhost:3000${path}`, {
        method: route.method,
        headers: { authorization: 'Bearer officer.seam.token', origin: 'http://localhost:3000', 'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json' },
        ...(route.method !== 'GET' && bodies[route.path] ? { body: bodies[route.path] } : route.method === 'PUT' ? { body: JSON.stringify({ amount: 0 }) } : form ? { body: 'amount=0' } : {}),
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
