/**
 * Every route of the officer app, taken from the app's own route table so that a new route cannot
 * be left out: each must be listed in `access` below with what it requires, and is then tried with
 * the right role of the right municipality, another municipality's officer (404, nothing leaked),
 * an applicant's session, no token, an expired or tampered token, a role without the permission
 * (403) and, where recusal applies, an officer who declared a conflict of interest (403).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signingKeys, seal } from '../../functions/common/signed-tokens';
import { createCompositionRoot, officerApp } from '../../functions/composition';
import type { LocalUser } from '../../infra/local/identity-provider';
import type { Application } from '../../shared/applications/application';
import type { Tenant, TenantId } from '../../shared/kernel/tenants';
import { can, officerRoles, type OfficerPermission, type OfficerRole } from '../../shared/officers/permissions';
import { openCall } from '../support/calls';
import { startSignInServer } from '../support/sign-in';
import { freshTenantId, ownTableConfig } from '../support/test-environment';

/** What a route requires: a permission (and whether a recused officer is refused), or only being signed in. */
type Access = { readonly permission: OfficerPermission; readonly recusal?: true } | { readonly permission: 'signed-in' };

/**
 * Every officer route. A route missing here fails the first test: say what it requires, and this
 * file checks it is enforced.
 */
const access: Record<string, Access> = {
  // The start page: every officer role, each sees its own (an external assessor their assignments).
  'GET /officer': { permission: 'signed-in' },
  // Rounds
  'GET /officer/rounds/new': { permission: 'rounds.manage' },
  'POST /officer/rounds/new': { permission: 'rounds.manage' },
  'GET /officer/rounds/:roundId': { permission: 'cases.read' },
  'GET /officer/rounds/:roundId/edit': { permission: 'rounds.manage' },
  'POST /officer/rounds/:roundId/edit': { permission: 'rounds.manage' },
  'GET /officer/rounds/:roundId/preview': { permission: 'cases.read' },
  'POST /officer/rounds/:roundId/publication': { permission: 'rounds.manage' },
  'POST /officer/rounds/:roundId/corrections': { permission: 'rounds.manage' },
  'POST /officer/rounds/:roundId/cancellation': { permission: 'rounds.manage' },
  'GET /officer/api/rounds': { permission: 'cases.read' },
  'POST /officer/api/rounds': { permission: 'rounds.manage' },
  'GET /officer/api/rounds/:roundId': { permission: 'cases.read' },
  'PUT /officer/api/rounds/:roundId': { permission: 'rounds.manage' },
  'POST /officer/api/rounds/:roundId/publication': { permission: 'rounds.manage' },
  'POST /officer/api/rounds/:roundId/corrections': { permission: 'rounds.manage' },
  'POST /officer/api/rounds/:roundId/cancellation': { permission: 'rounds.manage' },
  // The case: reading, assigning, screening, returning
  'GET /officer/applications/:applicationId': { permission: 'cases.read' },
  'GET /officer/api/applications/:applicationId': { permission: 'cases.read' },
  'GET /officer/api/applications/:applicationId/events': { permission: 'cases.read' },
  'POST /officer/applications/:applicationId/caseworker': { permission: 'cases.assign' },
  'PUT /officer/api/applications/:applicationId/caseworker': { permission: 'cases.assign' },
  'POST /officer/applications/:applicationId/assessors': { permission: 'cases.assign' },
  'PUT /officer/api/applications/:applicationId/assessors': { permission: 'cases.assign' },
  'POST /officer/applications/:applicationId/registry-check': { permission: 'cases.screen' },
  'POST /officer/api/applications/:applicationId/registry-check': { permission: 'cases.screen' },
  'GET /officer/applications/:applicationId/return': { permission: 'cases.return' },
  'POST /officer/applications/:applicationId/return': { permission: 'cases.return', recusal: true },
  'POST /officer/api/applications/:applicationId/return': { permission: 'cases.return', recusal: true },
  // The final report's review: read with the case, approved or returned by the caseworker
  'GET /officer/applications/:applicationId/report': { permission: 'cases.read' },
  'POST /officer/applications/:applicationId/report/approve': { permission: 'reports.review', recusal: true },
  'POST /officer/applications/:applicationId/report/return': { permission: 'reports.review', recusal: true },
  'GET /officer/api/applications/:applicationId/report': { permission: 'cases.read' },
  'POST /officer/api/applications/:applicationId/report/approve': { permission: 'reports.review', recusal: true },
  'POST /officer/api/applications/:applicationId/report/return': { permission: 'reports.review', recusal: true },
  // Assessment
  'GET /officer/assessments': { permission: 'assessment.score' },
  'GET /officer/api/assessments': { permission: 'assessment.score' },
  'GET /officer/applications/:applicationId/assessment': { permission: 'assessment.score' },
  'GET /officer/api/applications/:applicationId/assessments': { permission: 'assessment.score' },
  'POST /officer/applications/:applicationId/assessment/declaration': { permission: 'assessment.score' },
  'PUT /officer/api/applications/:applicationId/assessment/declaration': { permission: 'assessment.score' },
  'POST /officer/applications/:applicationId/assessment': { permission: 'assessment.score', recusal: true },
  'PUT /officer/api/applications/:applicationId/assessment': { permission: 'assessment.score', recusal: true },
  'POST /officer/applications/:applicationId/assessment/submission': { permission: 'assessment.score', recusal: true },
  'POST /officer/api/applications/:applicationId/assessment/submission': { permission: 'assessment.score', recusal: true },
  // Ranking, recommendation and the standard texts
  'GET /officer/rounds/:roundId/ranking': { permission: 'cases.read' },
  'GET /officer/api/rounds/:roundId/ranking': { permission: 'cases.read' },
  'GET /officer/applications/:applicationId/recommendation': { permission: 'cases.recommend' },
  'POST /officer/applications/:applicationId/recommendation': { permission: 'cases.recommend', recusal: true },
  'PUT /officer/api/applications/:applicationId/recommendation': { permission: 'cases.recommend', recusal: true },
  'GET /officer/standard-texts': { permission: 'texts.manage' },
  'POST /officer/standard-texts': { permission: 'texts.manage' },
  'GET /officer/api/standard-texts': { permission: 'cases.read' },
  'PUT /officer/api/standard-texts': { permission: 'texts.manage' },
  // Decisions and letters
  'GET /officer/applications/:applicationId/decision': { permission: 'cases.decide' },
  'POST /officer/applications/:applicationId/decision': { permission: 'cases.decide', recusal: true },
  'POST /officer/api/applications/:applicationId/decision': { permission: 'cases.decide', recusal: true },
  'GET /officer/rounds/:roundId/decisions': { permission: 'cases.decide' },
  'POST /officer/rounds/:roundId/decisions': { permission: 'cases.decide' },
  'POST /officer/api/rounds/:roundId/decisions': { permission: 'cases.decide' },
  'GET /officer/applications/:applicationId/letter': { permission: 'cases.read' },
  // Payments and the payment file
  'GET /officer/applications/:applicationId/payments': { permission: 'cases.read' },
  'POST /officer/applications/:applicationId/payments': { permission: 'payments.manage', recusal: true },
  'GET /officer/api/applications/:applicationId/payments': { permission: 'cases.read' },
  'POST /officer/api/applications/:applicationId/payments': { permission: 'payments.manage', recusal: true },
  'GET /officer/payments': { permission: 'payments.manage' },
  'POST /officer/payments/exports': { permission: 'payments.manage' },
  'GET /officer/payments/exports/:exportId': { permission: 'payments.manage' },
  'GET /officer/api/payments/unexported': { permission: 'payments.manage' },
  'POST /officer/api/payment-exports': { permission: 'payments.manage' },
  'GET /officer/api/payment-exports': { permission: 'payments.manage' },
  'GET /officer/api/payment-exports/:exportId/file': { permission: 'payments.manage' },
  // Appeals
  'GET /officer/appeals': { permission: 'cases.read' },
  'GET /officer/api/appeals': { permission: 'cases.read' },
  'GET /officer/applications/:applicationId/appeal': { permission: 'cases.read' },
  'GET /officer/api/applications/:applicationId/appeal': { permission: 'cases.read' },
  'POST /officer/applications/:applicationId/appeal': { permission: 'appeals.handle', recusal: true },
  'POST /officer/api/applications/:applicationId/appeal/steps': { permission: 'appeals.handle', recusal: true },
  // Budget
  'GET /officer/api/budget/:year': { permission: 'cases.read' },
  'PUT /officer/api/budget/:year/admin-reservation': { permission: 'budget.reserve_admin' },
  'POST /officer/budget/:year/admin-reservation': { permission: 'budget.reserve_admin' },
  // Staff directory
  'GET /officer/staff': { permission: 'staff.manage' },
  'POST /officer/staff/:userId/removal': { permission: 'staff.manage' },
  'GET /officer/api/staff': { permission: 'staff.manage' },
  'DELETE /officer/api/staff/:userId': { permission: 'staff.manage' },
  // The year report to IMDi
  'GET /officer/year-reports/:year': { permission: 'cases.read' },
  'POST /officer/year-reports/:year': { permission: 'year_report.manage' },
  'GET /officer/api/year-reports/:year': { permission: 'cases.read' },
  'PUT /officer/api/year-reports/:year': { permission: 'year_report.manage' },
  'POST /officer/api/year-reports/:year/submission': { permission: 'year_report.manage' },
};

/** Routes open to anyone by design: signing in and out, and the API's description. */
const publicRoutes = /^\/officer\/(auth\/|api\/openapi\.json$)/;

/** A route's pattern as hono lists it, with OpenAPI's `{name}` written as `:name`. */
const patternOf = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

const TEST_SIGNING_SECRET = 'test-signing-secret-of-at-least-32-characters';

describe('the officer app’s authorisation, route by route', () => {
  const alfa = freshTenantId('oa');
  const beta = freshTenantId('ob');
  const grantYear = 2027;
  const secret = `Hemmelig prosjekt ${alfa}`;
  const tenants: Tenant[] = [
    { tenantId: alfa, kind: 'municipality', name: `Alfaby ${alfa}`, kommunenummer: '3201', managingYears: [grantYear] },
    { tenantId: beta, kind: 'municipality', name: `Betaby ${beta}`, kommunenummer: '4601', managingYears: [grantYear] },
  ];
  const roundId = `${grantYear}-1`;
  const applicationId = `01AUTHZ${Date.now()}`;
  let server: Awaited<ReturnType<typeof startSignInServer>>;
  let routes: { method: string; path: string }[];

  const user = (tenantId: TenantId, sub: string, groups: readonly OfficerRole[]): LocalUser => ({
    sub, tenantId, groups, kind: 'officer', tenantName: tenantId, name: sub,
  });
  const tokenOf = async (who: LocalUser, lifetimeSeconds?: number) =>
    (await server.identityProvider!.issueTokens(who, lifetimeSeconds === undefined ? {} : { lifetimeSeconds })).id_token;

  beforeAll(async () => {
    const config = await ownTableConfig();
    server = await startSignInServer({ TABLE_NAME: config.TABLE_NAME });
    for (const tenant of tenants) await server.adapters.tenants.put(tenant);
    await server.adapters.calls.create(openCall(alfa, { roundId, grantYear, title: { nb: secret, nn: secret, en: secret }, status: 'closed' }));
    const application: Application = {
      tenantId: alfa, roundId, applicationId, reference: `K3201-${grantYear}-AUTHZ`, grantYear, orgnr: '311100386' as never,
      organisationName: secret, email: 'kontakt@example.org', status: 'under_assessment', version: 1,
      createdAt: '2027-01-10T10:00:00.000Z', updatedAt: '2027-01-11T10:00:00.000Z', submittedAt: '2027-01-11T10:00:00.000Z', language: 'nb',
      registryCheck: { status: 'not_verified', checkedAt: '2027-01-11T10:00:00.000Z', reason: 'timeout' }, attachments: [],
      recusedUserIds: [`recused-${alfa}`],
    };
    await server.adapters.applications.create(application, { eventId: `01AUTHZEV${Date.now()}`, at: application.createdAt, actor: 'test', action: 'seed' }, [], []);
    routes = officerApp(createCompositionRoot(server.config)).routes
      .filter((route) => route.method !== 'ALL' && !publicRoutes.test(route.path))
      .map((route) => ({ method: route.method, path: patternOf(route.path) }))
      // A route with several handlers (validators, guards) is listed once per handler.
      .filter((route, index, all) => all.findIndex((other) => other.method === route.method && other.path === route.path) === index);
  });

  afterAll(async () => server?.close());

  /** The route's path with the fixture's ids of municipality Alfa in it. */
  const concrete = (pattern: string) => {
    const values: Record<string, string> = { roundId, applicationId, year: String(grantYear), grantYear: String(grantYear) };
    return pattern.replace(/:(\w+)/g, (_match, name: string) => values[name] ?? 'x');
  };

  /** A page's form is posted as a browser posts it, an API operation gets JSON; both empty. */
  const request = (route: { method: string; path: string }, headers: Record<string, string> = {}) => {
    const api = route.path.startsWith('/officer/api/');
    return fetch(`${server.baseUrl}${concrete(route.path)}`, {
      method: route.method,
      redirect: 'manual',
      headers: { origin: server.baseUrl, 'content-type': api ? 'application/json' : 'application/x-www-form-urlencoded', ...headers },
      ...(route.method === 'GET' || route.method === 'HEAD' ? {} : { body: api ? '{}' : '' }),
    });
  };
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const where = (route: { method: string; path: string }, who: string) => `${route.method} ${route.path} as ${who}`;
  const accessOf = (route: { method: string; path: string }) => access[`${route.method} ${route.path}`]!;

  it('knows what every route of the route table requires', () => {
    const unlisted = routes.map((route) => `${route.method} ${route.path}`).filter((key) => !(key in access));
    expect(unlisted, `routes missing from the access table in this file: ${unlisted.join(', ')}`).toEqual([]);
    expect(routes.length).toBeGreaterThanOrEqual(Object.keys(access).length);
  });

  it('lets the right roles of the right municipality through every route', async () => {
    const everyone = await tokenOf(user(alfa, `all-${alfa}`, ['officer', 'approver', 'municipal-admin']));
    for (const route of routes) {
      const response = await request(route, bearer(everyone));
      expect([401, 403], where(route, 'an officer with every role')).not.toContain(response.status);
      expect(response.status, where(route, 'an officer with every role')).toBeLessThan(500);
    }
  });

  it('answers another municipality’s officer 404 on every route naming Alfa’s round or application, and never shows Alfa’s data', async () => {
    const betaOfficer = await tokenOf(user(beta, `all-${beta}`, ['officer', 'approver', 'municipal-admin']));
    for (const route of routes) {
      const response = await request(route, bearer(betaOfficer));
      const body = await response.text();
      if (/:(roundId|applicationId)/.test(route.path)) expect(response.status, where(route, 'Beta’s officer')).toBe(404);
      expect(body, where(route, 'Beta’s officer')).not.toContain(secret);
      expect(response.status, where(route, 'Beta’s officer')).toBeLessThan(500);
    }
  });

  it('refuses an applicant’s session, no token, an expired and a tampered token: 401 from the API, the sign-in redirect from a page', async () => {
    const valid = await tokenOf(user(alfa, `all-${alfa}`, ['officer', 'approver', 'municipal-admin']));
    const expired = await tokenOf(user(alfa, `all-${alfa}`, ['officer', 'approver', 'municipal-admin']), -3600);
    const applicantSession = seal(signingKeys(TEST_SIGNING_SECRET), 'session', { t: alfa, a: applicationId, s: 'session', e: Date.now() + 3_600_000 });
    const attempts: [string, Record<string, string>][] = [
      ['no token', {}],
      ['an expired token', bearer(expired)],
      ['a tampered token', bearer(`${valid.slice(0, -6)}AAAAAA`)],
      ['an applicant’s session', { cookie: `fordel_soknad=${applicantSession}; __Host-fordel_soknad=${applicantSession}` }],
      ['an applicant’s session as a bearer token', bearer(applicantSession)],
    ];
    for (const route of routes) {
      for (const [who, headers] of attempts) {
        const response = await request(route, headers);
        if (route.path.startsWith('/officer/api/')) {
          expect(response.status, where(route, who)).toBe(401);
          expect(response.headers.get('content-type'), where(route, who)).toContain('application/problem+json');
        } else {
          expect(response.status, where(route, who)).toBe(302);
          expect(response.headers.get('location'), where(route, who)).toMatch(/^\/officer\/auth\/sign-in/);
        }
      }
    }
  });

  it('answers 403 to a role without the route’s permission', async () => {
    for (const route of routes) {
      const required = accessOf(route).permission;
      if (required === 'signed-in') continue;
      const lacking = officerRoles.filter((role) => !can([role], required));
      for (const role of lacking) {
        const response = await request(route, bearer(await tokenOf(user(alfa, `${role}-${alfa}`, [role]))));
        expect(response.status, where(route, `a user with only the ${role} role`)).toBe(403);
        expect(await response.text(), where(route, `a user with only the ${role} role`)).not.toContain(secret);
      }
    }
  });

  it('answers 403 to an officer who declared a conflict of interest in the case, wherever recusal applies', async () => {
    const recused = await tokenOf(user(alfa, `recused-${alfa}`, ['officer', 'approver']));
    for (const route of routes.filter((each) => { const rule = accessOf(each); return 'recusal' in rule && rule.recusal; })) {
      const response = await request(route, bearer(recused));
      expect(response.status, where(route, 'a recused officer')).toBe(403);
    }
  });
});
