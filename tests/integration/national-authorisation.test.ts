/**
 * Every route of the national app, taken from the app's own route table so that a new route cannot
 * be left out, refuses everyone but IMDi's national admin: an officer (also a municipal admin) gets
 * 403 and sees no national figure, a request without a valid token gets 401 from the API and the
 * sign-in redirect from a page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCompositionRoot, nationalApp } from '../../functions/composition';
import { demoUsersOf, type LocalUser } from '../../infra/local/identity-provider';
import type { Tenant } from '../../shared/kernel/tenants';
import { signIn, startSignInServer } from '../support/sign-in';
import { freshTenantId, ownTableConfig } from '../support/test-environment';

/** Routes open to anyone by design: signing in and out, and the API's description. */
const publicRoutes = /^\/national\/(auth\/|api\/openapi\.json$)/;

/** A concrete path for a route pattern, with a plausible value in each parameter. */
function concretePath(pattern: string, tenantId: string): string {
  const values: Record<string, string> = { year: '2023', grantYear: '2023', tenantId, version: '1' };
  return pattern.replace(/[:{](\w+)\}?/g, (_match, name: string) => values[name] ?? 'x');
}

describe('the national app’s authorisation', () => {
  const municipality = freshTenantId('na');
  const imdi = freshTenantId('nn');
  const tenants: Tenant[] = [
    { tenantId: municipality, kind: 'municipality', name: 'Eidsvoll', kommunenummer: '3035', kommunenummerValidFrom: 2020, managingYears: [2023] },
    { tenantId: imdi, kind: 'national', name: 'IMDi', managingYears: [2023] },
  ];
  const [officerUser] = demoUsersOf(tenants) as LocalUser[];
  let server: Awaited<ReturnType<typeof startSignInServer>>;
  let routes: { method: string; path: string }[];
  let officer: string;

  beforeAll(async () => {
    const config = await ownTableConfig();
    server = await startSignInServer({ TABLE_NAME: config.TABLE_NAME });
    for (const tenant of tenants) await server.adapters.tenants.put(tenant);
    routes = nationalApp(createCompositionRoot(server.config)).routes.filter((route) => route.method !== 'ALL' && !publicRoutes.test(route.path));
    officer = (await server.identityProvider!.issueTokens({ ...officerUser!, groups: ['officer', 'municipal-admin'] })).id_token;
  });

  afterAll(async () => server?.close());

  const request = (method: string, path: string, token?: string) =>
    fetch(`${server.baseUrl}${path}`, {
      method,
      redirect: 'manual',
      headers: { origin: server.baseUrl, 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(method === 'GET' || method === 'HEAD' ? {} : { body: '{}' }),
    });

  it('lists the national pages and API in its route table', () => {
    expect(routes.map((route) => route.path)).toEqual(expect.arrayContaining(['/national', '/national/api/tenants', '/national/register', '/national/api/register']));
  });

  it('answers an officer of a municipality, even its admin, 403 on every national route, with no national data', async () => {
    for (const route of routes) {
      // Act
      const response = await request(route.method, concretePath(route.path, municipality), officer);

      // Assess
      const body = await response.text();
      expect(response.status, `${route.method} ${route.path}`).toBe(403);
      expect(body, `${route.method} ${route.path}`).not.toContain('IMDi</td>');
      expect(body, `${route.method} ${route.path}`).not.toMatch(/"(frame|adminCap|tenants)"/);
    }
  });

  it('answers a request without a valid token 401 on the API and with the sign-in redirect on a page', async () => {
    for (const route of routes) {
      for (const token of [undefined, 'not.a.token', `${officer.slice(0, -4)}AAAA`]) {
        // Act
        const response = await request(route.method, concretePath(route.path, municipality), token);

        // Assess
        const where = `${route.method} ${route.path} with ${token ? 'a bad' : 'no'} token`;
        if (route.path.startsWith('/national/api/')) {
          expect(response.status, where).toBe(401);
          expect(response.headers.get('content-type'), where).toContain('application/problem+json');
        } else {
          expect([302, 401], where).toContain(response.status);
          if (response.status === 302) expect(response.headers.get('location'), where).toMatch(/^\/national\/auth\/sign-in/);
        }
      }
    }
  });

  it('lets the national admin through the same guard', async () => {
    // Prepare
    const [, nationalAdmin] = demoUsersOf(tenants) as LocalUser[];
    const token = (await signIn(server.baseUrl, 'national', nationalAdmin!.sub)).idToken;

    // Act
    const response = await request('GET', '/national/api/tenants', token);

    // Assess
    expect(response.status).toBe(200);
  });
});
