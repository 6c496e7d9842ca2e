/**
 * IMDi closes a year and reads the audit trail over the national API and pages, through the real
 * sign-in, on a table of this file's own (the register is national data other files would share).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsersOf, type LocalUser } from '../../infra/local/identity-provider';
import { kroner } from '../../shared/kernel/money';
import type { Tenant } from '../../shared/kernel/tenants';
import { signIn, startSignInServer } from '../support/sign-in';
import { freshTenantId, ownTableConfig } from '../support/test-environment';

type Summary = { complete: boolean; pending: { returnedToImdi: number }; closed: { returnedToImdi: number }; municipalities: { name: string; status: string; amount: number; outcome: string }[] };
type Listing = { events: { tenantId: string; action: string; actor: string; amount?: number; kind: string }[] };

describe('the year close and the audit trail for IMDi', () => {
  const first = freshTenantId('ca');
  const second = freshTenantId('cb');
  const imdi = freshTenantId('cn');
  const tenants: Tenant[] = [
    { tenantId: first, kind: 'municipality', name: 'Askim', kommunenummer: '3014', kommunenummerValidFrom: 2020, managingYears: [2021, 2022] },
    { tenantId: second, kind: 'municipality', name: 'Bergen', kommunenummer: '4601', kommunenummerValidFrom: 2020, managingYears: [2021, 2022] },
    { tenantId: imdi, kind: 'national', name: 'IMDi', managingYears: [2021] },
  ];
  const [firstOfficer, , nationalAdmin] = demoUsersOf(tenants) as LocalUser[];
  const thisYear = new Date().getUTCFullYear();
  let server: Awaited<ReturnType<typeof startSignInServer>>;
  let national: string;
  let officer: string;

  beforeAll(async () => {
    server = await startSignInServer({ TABLE_NAME: (await ownTableConfig()).TABLE_NAME });
    for (const tenant of tenants) await server.adapters.tenants.put(tenant);
    for (const [tenantId, frame] of [[first, 100_000], [second, 50_000]] as const) {
      await server.adapters.budget.setFrame({ tenantId, name: tenantId, grantYear: 2021, frame: kroner(frame), adminCap: kroner(frame / 20), allocationVersion: 1 }, undefined);
    }
    await server.adapters.budget.change(first, 2021, 'award', kroner(70_000), 'officer-askim');
    national = (await signIn(server.baseUrl, 'national', nationalAdmin!.sub)).idToken;
    officer = (await signIn(server.baseUrl, 'officer', firstOfficer!.sub)).idToken;
  });

  afterAll(async () => server?.close());

  const call = (path: string, token: string | undefined, init: RequestInit = {}) =>
    fetch(`${server.baseUrl}${path}`, { redirect: 'manual', ...init, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers as Record<string, string>) } });

  it('shows what each municipality leaves unspent and where it goes, then closes the year and shows the totals closed', async () => {
    // Act
    const before = (await (await call('/national/api/years/2021/close', national)).json()) as Summary;
    const closing = await call('/national/api/years/2021/close', national, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    const after = (await closing.json()) as Summary;
    // Assess
    expect(before.municipalities.map(({ name, status, amount, outcome }) => ({ name, status, amount, outcome }))).toEqual([
      { name: 'Askim', status: 'open', amount: 30_000, outcome: 'returned_to_imdi' },
      { name: 'Bergen', status: 'open', amount: 50_000, outcome: 'returned_to_imdi' },
    ]);
    expect(before.pending.returnedToImdi).toBe(80_000);
    expect(closing.status).toBe(200);
    expect(after).toMatchObject({ complete: true, pending: { returnedToImdi: 0 }, closed: { returnedToImdi: 80_000 } });
    const page = await (await call('/national/years/2021/close?lang=en', national)).text();
    expect(page).toContain('The year is closed for every municipality.');
    expect(page).not.toContain('action="/national/years/2021/close"');
  });

  it('refuses to close a year that has not ended, as a problem and on the page', async () => {
    // Act
    const refused = await call(`/national/api/years/${thisYear}/close`, national, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    const page = await call(`/national/years/${thisYear}/close?lang=en`, national, { method: 'POST', headers: { origin: server.baseUrl, 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
    // Assess
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(await refused.json()).toMatchObject({ code: 'budget.year_not_ended' });
    expect(page.status).toBe(409);
    expect(await page.text()).toContain('has not ended yet');
  });

  it('lists the budget changes of every municipality with who, amount and operation, filtered by municipality and kind', async () => {
    // Act
    const all = (await (await call(`/national/api/audit-events?year=${thisYear}&kind=budget`, national)).json()) as Listing;
    const askim = (await (await call(`/national/api/audit-events?year=${thisYear}&tenantId=${first}`, national)).json()) as Listing;
    const page = await call(`/national/audit?year=${thisYear}&kind=budget&lang=en`, national);
    // Assess
    expect(all.events.filter((event) => event.action === 'close').map((event) => [event.tenantId, event.amount, event.actor]).sort()).toEqual(
      [[first, 30_000, nationalAdmin!.sub], [second, 50_000, nationalAdmin!.sub]].sort(),
    );
    expect(askim.events.map((event) => event.action).sort()).toEqual(['award', 'close']);
    expect(askim.events.find((event) => event.action === 'award')).toMatchObject({ actor: 'officer-askim', amount: 70_000, kind: 'budget' });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Askim');
  });

  it('shows a filter that cannot be used again as typed, each field with what is wrong, and lists nothing', async () => {
    // Act
    const page = await call('/national/audit?year=20x&from=2026-13-01&kind=budget&lang=en', national);
    const api = await call('/national/api/audit-events?year=20x', national);

    // Assess
    const html = await page.text();
    expect(page.status).toBe(400);
    expect(html).toContain('The filter cannot be used');
    expect(html).toContain('Write the year in four digits, from 2000 to 2100.');
    expect(html).toContain('Write the date as YYYY-MM-DD, for example 2026-03-31.');
    expect(html).toContain('value="20x"');
    expect(html).toContain('value="2026-13-01"');
    expect(html).not.toContain('<table');
    expect(api.status).toBe(400);
    expect(api.headers.get('content-type')).toContain('application/problem+json');
  });

  it('keeps the close and the audit trail from officers and from requests without a token', async () => {
    expect((await call('/national/api/audit-events', officer)).status).toBe(403);
    expect((await call('/national/api/years/2021/close', officer, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(403);
    expect((await call('/national/api/audit-events', undefined)).status).toBe(401);
    expect((await call('/national/audit', undefined)).status).not.toBe(200);
  });
});
