/**
 * The staff page and its API: the municipal admin sees who has signed in with which roles (as
 * the identity provider gave them), takes a leaver out, and never sees or touches another
 * municipality's staff; everyone else is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsersOf, type LocalUser } from '../../infra/local/identity-provider';
import type { Tenant } from '../../shared/kernel/tenants';
import { signIn, startSignInServer } from '../support/sign-in';
import { freshTenantId } from '../support/test-environment';

describe('the municipality’s staff page', () => {
  const alfa = freshTenantId('sa');
  const beta = freshTenantId('sb');
  const tenants: Tenant[] = [
    { tenantId: alfa, kind: 'municipality', name: `Alfaby ${alfa}`, kommunenummer: '3201', managingYears: [2027] },
    { tenantId: beta, kind: 'municipality', name: `Betaby ${beta}`, kommunenummer: '4601', managingYears: [2027] },
  ];
  const users = demoUsersOf(tenants);
  const userOf = (sub: string) => users.find((user) => user.sub === sub) as LocalUser;
  let server: Awaited<ReturnType<typeof startSignInServer>>;
  const cookies: Record<string, string> = {};
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    server = await startSignInServer();
    for (const tenant of tenants) await server.adapters.tenants.put(tenant);
    // Signing in records each user in their municipality's directory.
    for (const sub of [`admin-${alfa}`, `officer-${alfa}`, `officer2-${alfa}`, `approver-${alfa}`, `assessor-${alfa}`, `admin-${beta}`, `officer-${beta}`]) {
      const session = await signIn(server.baseUrl, 'officer', userOf(sub).sub);
      cookies[sub] = session.cookie;
      tokens[sub] = session.idToken;
      await fetch(`${server.baseUrl}/officer`, { headers: { cookie: session.cookie }, redirect: 'manual' });
    }
  });

  afterAll(async () => server?.close());

  const page = (cookie: string) => fetch(`${server.baseUrl}/officer/staff`, { headers: { cookie }, redirect: 'manual' });
  const removeByForm = (cookie: string, userId: string) =>
    fetch(`${server.baseUrl}/officer/staff/${encodeURIComponent(userId)}/removal`, {
      method: 'POST', body: new URLSearchParams({}), headers: { cookie, origin: server.baseUrl }, redirect: 'manual',
    });
  const api = (token: string, method = 'GET', userId?: string) =>
    fetch(`${server.baseUrl}/officer/api/staff${userId ? `/${encodeURIComponent(userId)}` : ''}`, { method, headers: { authorization: `Bearer ${token}`, 'accept-language': 'en' } });
  const listed = async (tenantId: string) => (await server.adapters.staff.list(tenantId as never)).map((member) => member.userId);

  it('shows the admin everyone who signed in, with their roles and where roles are changed', async () => {
    // Act
    const response = await page(cookies[`admin-${alfa}`]!);

    // Assess
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Ansatte og roller');
    expect(html).toContain('Roller gis i kommunens innloggingstjeneste');
    const aud = html.slice(html.indexOf(userOf(`assessor-${alfa}`).name!)).split('</tr>')[0]!;
    expect(aud).toContain('Ekstern vurderer');
    const per = html.slice(html.indexOf(userOf(`approver-${alfa}`).name!)).split('</tr>')[0]!;
    expect(per).toContain('Vedtaksansvarlig');
    expect(html).not.toContain(`officer-${beta}`);
    expect(html).not.toContain(`/officer/staff/admin-${alfa}/removal`);
  });

  it('refuses the page and the API to everyone without staff.manage, and links the page only for the admin', async () => {
    // Act
    const caseworkerPage = await page(cookies[`officer-${alfa}`]!);
    const approverApi = await api(tokens[`approver-${alfa}`]!);
    const caseworkerRemoval = await removeByForm(cookies[`officer-${alfa}`]!, `officer2-${alfa}`);
    const adminStart = await (await fetch(`${server.baseUrl}/officer`, { headers: { cookie: cookies[`admin-${alfa}`]! } })).text();
    const caseworkerStart = await (await fetch(`${server.baseUrl}/officer`, { headers: { cookie: cookies[`officer-${alfa}`]! } })).text();

    // Assess
    expect(caseworkerPage.status).toBe(403);
    expect(approverApi.status).toBe(403);
    expect(approverApi.headers.get('content-type')).toContain('application/problem+json');
    expect(caseworkerRemoval.status).toBe(403);
    expect(await listed(alfa)).toContain(`officer2-${alfa}`);
    expect(adminStart).toContain('href="/officer/staff"');
    expect(adminStart).toContain('href="/officer/standard-texts"');
    expect(caseworkerStart).not.toContain('href="/officer/staff"');
  });

  it('lists the directory in the API for the admin, and only their own municipality’s', async () => {
    // Act
    const response = await api(tokens[`admin-${alfa}`]!);

    // Assess
    expect(response.status).toBe(200);
    const body = (await response.json()) as { staff: { userId: string; roles: string[] }[] };
    expect(body.staff.map((member) => member.userId).sort()).toEqual([`admin-${alfa}`, `approver-${alfa}`, `assessor-${alfa}`, `officer-${alfa}`, `officer2-${alfa}`].sort());
    expect(body.staff.find((member) => member.userId === `assessor-${alfa}`)?.roles).toEqual(['assessor']);
  });

  it('takes a leaver out by the page, with an audit event, and says so', async () => {
    // Act
    const response = await removeByForm(cookies[`admin-${alfa}`]!, `officer2-${alfa}`);
    const after = await page(cookies[`admin-${alfa}`]!);
    const again = await removeByForm(cookies[`admin-${alfa}`]!, `officer2-${alfa}`);

    // Assess
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/officer/staff?removed=1');
    expect(await listed(alfa)).not.toContain(`officer2-${alfa}`);
    expect(await (await fetch(`${server.baseUrl}/officer/staff?removed=1`, { headers: { cookie: cookies[`admin-${alfa}`]! } })).text()).toContain('Personen er fjernet fra lista.');
    expect(await after.text()).not.toContain(userOf(`officer2-${alfa}`).name!);
    expect(again.status).toBe(404);
    expect(await again.text()).toContain('Personen er ikke i lista lenger.');
    const trail = await server.adapters.auditTrail.list(alfa as never, { from: '2000-01-01', to: '2100-01-01' });
    expect(trail.some((event) => event.kind === 'staff' && event.action === 'remove' && event.actor === `officer:admin-${alfa}`)).toBe(true);
  });

  it('refuses removing oneself, in the user’s language, and keeps them', async () => {
    // Act
    const byForm = await removeByForm(cookies[`admin-${alfa}`]!, `admin-${alfa}`);
    const byApi = await api(tokens[`admin-${alfa}`]!, 'DELETE', `admin-${alfa}`);

    // Assess
    expect(byForm.status).toBe(422);
    expect(await byForm.text()).toContain('Du kan ikke fjerne deg selv');
    expect(byApi.status).toBe(422);
    expect(((await byApi.json()) as { title: string }).title).toBe('You cannot remove yourself: you would be back at your next sign-in.');
    expect(await listed(alfa)).toContain(`admin-${alfa}`);
  });

  it('answers another municipality’s admin 404 for Alfa’s staff and changes nothing', async () => {
    // Act
    const byApi = await api(tokens[`admin-${beta}`]!, 'DELETE', `officer-${alfa}`);
    const byForm = await removeByForm(cookies[`admin-${beta}`]!, `officer-${alfa}`);

    // Assess
    expect(byApi.status).toBe(404);
    expect(byForm.status).toBe(404);
    expect(await listed(alfa)).toContain(`officer-${alfa}`);
  });

  it('lets exactly one of two admins removing the same person at once succeed', async () => {
    // Act
    const [first, second] = await Promise.all([api(tokens[`admin-${alfa}`]!, 'DELETE', `approver-${alfa}`), api(tokens[`admin-${alfa}`]!, 'DELETE', `approver-${alfa}`)]);

    // Assess
    expect([first!.status, second!.status].sort()).toEqual([204, 404]);
    expect(await listed(alfa)).not.toContain(`approver-${alfa}`);
    const trail = await server.adapters.auditTrail.list(alfa as never, { from: '2000-01-01', to: '2100-01-01' });
    expect(trail.filter((event) => event.kind === 'staff' && event.details.userId === `approver-${alfa}`)).toHaveLength(1);
  });

  it('records a role given in the identity provider the same day, not only the next day', async () => {
    // Act
    const member = { userId: `officer-${beta}`, name: 'Ola', roles: ['officer', 'approver'] as const, lastSeenAt: new Date().toISOString() };
    await server.adapters.staff.record(beta, member);

    // Assess
    expect((await server.adapters.staff.list(beta)).find((each) => each.userId === `officer-${beta}`)?.roles).toEqual(['officer', 'approver']);
  });
});
