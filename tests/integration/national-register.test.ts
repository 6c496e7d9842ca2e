/**
 * IMDi keeps the register of who manages the scheme in which year, over the API and on its page,
 * through the real sign-in, on a table of this file's own (the register is national data).
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEventItem } from '../../functions/adapters/entities/audit-event-item';
import { demoUsersOf, type LocalUser } from '../../infra/local/identity-provider';
import { NATIONAL_TENANT_ID, type Tenant, type TenantId } from '../../shared/kernel/tenants';
import { ConcurrentChangeError } from '../../shared/applications/errors';
import { openCall } from '../support/calls';
import { signIn, startSignInServer } from '../support/sign-in';
import { ownTableConfig } from '../support/test-environment';

describe('the tenant register by year', () => {
  const eidsvoll = 'k3035' as TenantId;
  const tenants: Tenant[] = [
    { tenantId: eidsvoll, kind: 'municipality', name: 'Eidsvoll', kommunenummer: '3035', kommunenummerValidFrom: 2020, managingYears: [], managingPeriods: [{ from: 2022 }] },
    { tenantId: 'k1804' as TenantId, kind: 'municipality', name: 'Bodø', kommunenummer: '1804', kommunenummerValidFrom: 2020, managingYears: [2021] },
    { tenantId: NATIONAL_TENANT_ID, kind: 'national', name: 'IMDi', managingYears: [], managingPeriods: [{ from: 2020 }] },
  ];
  const [eidsvollOfficer, bodoOfficer, nationalAdmin] = demoUsersOf(tenants) as LocalUser[];
  let server: Awaited<ReturnType<typeof startSignInServer>>;
  let national: { cookie: string; idToken: string };
  let officer: string;

  beforeAll(async () => {
    server = await startSignInServer({ TABLE_NAME: (await ownTableConfig()).TABLE_NAME });
    for (const tenant of tenants) await server.adapters.tenants.put(tenant);
    national = await signIn(server.baseUrl, 'national', nationalAdmin!.sub);
    officer = (await signIn(server.baseUrl, 'officer', eidsvollOfficer!.sub)).idToken;
  });

  afterAll(async () => server?.close());

  const call = (path: string, token: string | undefined, init: RequestInit = {}) =>
    fetch(`${server.baseUrl}${path}`, { ...init, redirect: 'manual', headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers as Record<string, string>) } });
  const postJson = (path: string, token: string | undefined, body: unknown) =>
    call(path, token, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const postForm = (path: string, fields: Record<string, string>) =>
    fetch(`${server.baseUrl}${path}`, {
      method: 'POST', redirect: 'manual', body: new URLSearchParams(fields),
      headers: { cookie: national.cookie, origin: server.baseUrl, 'content-type': 'application/x-www-form-urlencoded' },
    });
  const auditEvents = async () => {
    const result = await server.adapters.db.send(new QueryCommand({
      TableName: server.config.TABLE_NAME, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': auditEventItem.partitionOf(NATIONAL_TENANT_ID) }, ConsistentRead: true,
    }));
    return (result.Items ?? []).filter((item) => item.machine === 'register');
  };

  it('adds a municipality from a year on, lists it by year, retires it, and records both in IMDi’s audit trail', async () => {
    // Act
    const added = await postJson('/national/api/register', national.idToken, { kommunenummer: '3222', name: 'Lørenskog', contactEmail: 'tilskudd@lorenskog.example', fromYear: 2025 });
    const in2024 = await (await call('/national/api/register?year=2024', national.idToken)).json() as { municipalities: { name: string; managesInYear: boolean }[] };
    const in2025 = await (await call('/national/api/register?year=2025', national.idToken)).json() as { municipalities: { name: string; managesInYear: boolean; kommunenummerInYear: string }[] };
    const retired = await postJson('/national/api/register/k3222/retirement', national.idToken, { fromYear: 2027 });

    // Assess
    expect(added.status).toBe(201);
    expect(await added.json()).toMatchObject({ tenantId: 'k3222', periods: [{ from: 2025 }], managesInYear: true, contactEmail: 'tilskudd@lorenskog.example' });
    expect(in2024.municipalities.filter((m) => m.managesInYear).map((m) => m.name)).toEqual(['Eidsvoll']);
    expect(in2025.municipalities.filter((m) => m.managesInYear).map((m) => m.name)).toEqual(['Eidsvoll', 'Lørenskog']);
    expect(retired.status).toBe(200);
    expect(await retired.json()).toMatchObject({ periods: [{ from: 2025, to: 2026 }], managesInYear: false });
    const events = await auditEvents();
    expect(events.map((event) => [event.action, event.registerTenantId, event.year, event.from, event.to, event.actor])).toEqual([
      ['add', 'k3222', '2025', '', '2025–', nationalAdmin!.sub],
      ['retire', 'k3222', '2027', '2025–', '2025–2026', nationalAdmin!.sub],
    ]);
    expect(events[0]).toMatchObject({ kommunenummer: '3222', entityKey: 'NATIONAL#TENANTS#TENANT#k3222' });
  });

  it('refuses a number of another year with the year’s number, adding an existing one, and retiring twice, as problems', async () => {
    // Act
    const oldNumber = await postJson('/national/api/register', national.idToken, { kommunenummer: '3035', name: 'Eidsvoll', contactEmail: 'a@eidsvoll.example', fromYear: 2024 });
    const existing = await postJson('/national/api/register', national.idToken, { kommunenummer: '3240', name: 'Eidsvoll', contactEmail: 'a@eidsvoll.example', fromYear: 2024 });
    const first = await postJson(`/national/api/register/${eidsvoll}/retirement`, national.idToken, { fromYear: 2030 });
    const twice = await postJson(`/national/api/register/${eidsvoll}/retirement`, national.idToken, { fromYear: 2030 });
    const unknown = await postJson('/national/api/register/k9999/retirement', national.idToken, { fromYear: 2030 });

    // Assess
    expect(oldNumber.status).toBe(422);
    expect(oldNumber.headers.get('content-type')).toContain('application/problem+json');
    expect(await oldNumber.json()).toMatchObject({ code: 'register.kommunenummer_retired', errors: [{ field: 'kommunenummer' }] });
    expect(existing.status).toBe(409);
    expect(first.status).toBe(200);
    expect(twice.status).toBe(409);
    expect(await twice.json()).toMatchObject({ code: 'register.not_managing' });
    expect(unknown.status).toBe(404);
  });

  it('refuses an officer every register route with 403, and anyone without a token with 401', async () => {
    const routes = [
      ['GET', '/national/api/register'], ['POST', '/national/api/register'], ['POST', `/national/api/register/${eidsvoll}/retirement`], ['GET', '/national/register?year=2025'],
    ] as const;
    for (const [method, path] of routes) {
      const init = { method, headers: { 'content-type': 'application/json' }, body: method === 'POST' ? '{}' : undefined };
      expect((await call(path, officer, init)).status, `${method} ${path}`).toBe(403);
      expect((await call(path, undefined, { ...init, headers: { ...init.headers, accept: 'application/json' } })).status, `${method} ${path}`).toBe(401);
    }
  });

  it('shows the register page, re-renders a refused add with the error by its field and what was typed, and adds a valid one', async () => {
    // Act
    const page = await call('/national/register?year=2025', undefined, { headers: { cookie: national.cookie } });
    const refused = await postForm('/national/register/municipalities?year=2025', { kommunenummer: '3029', name: 'Lørenskog kommune', contactEmail: 'post@lorenskog.example', fromYear: '2025' });
    const badEmail = await postForm('/national/register/municipalities?year=2025', { kommunenummer: '4601', name: 'Bergen', contactEmail: 'not-an-address', fromYear: '2025' });
    const done = await postForm('/national/register/municipalities?year=2025', { kommunenummer: '4601', name: 'Bergen', contactEmail: 'tilskudd@bergen.example', fromYear: '2025' });
    const retireTooEarly = await postForm(`/national/register/municipalities/k4601/retirement?year=2025`, { fromYear: '2025' });
    const foreign = await fetch(`${server.baseUrl}/national/register/municipalities?year=2025`, {
      method: 'POST', redirect: 'manual', body: new URLSearchParams({ kommunenummer: '1103', name: 'Stavanger', contactEmail: 'a@b.example', fromYear: '2025' }),
      headers: { cookie: national.cookie, origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
    });

    // Assess
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<caption>');
    expect(html).toContain('Eidsvoll');
    expect(refused.status).toBe(422);
    const refusedHtml = await refused.text();
    expect(refusedHtml).toContain('Kommunenummer 3029 var ikke lenger i bruk i 2025. Kommunen hadde nummer 3222 i 2025.');
    expect(refusedHtml).toContain('value="Lørenskog kommune"');
    expect(refusedHtml).toContain('value="post@lorenskog.example"');
    expect(refusedHtml).toContain('ds-error-summary');
    expect(badEmail.status).toBe(422);
    expect(await badEmail.text()).toContain('value="not-an-address"');
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/national/register?year=2025&done=added');
    expect(retireTooEarly.status).toBe(422);
    expect(await retireTooEarly.text()).toContain('id="field-retire-k4601-fromYear-error"');
    expect(foreign.status).toBe(403);
    expect((await server.adapters.tenants.get('k4601' as TenantId))?.managingPeriods).toEqual([{ from: 2025 }]);
  });

  it('tells the officers of a municipality not managing this year which years it manages, and still lists its rounds', async () => {
    // Prepare: Bodø managed 2021 only, and ran a round then
    const round = openCall('k1804' as TenantId, { grantYear: 2021, status: 'closed' });
    await server.adapters.calls.create(round);
    const token = (await signIn(server.baseUrl, 'officer', bodoOfficer!.sub)).idToken;

    // Act
    const page = await call('/officer', token);

    // Assess
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Kommunen forvalter ikke ordningen i');
    expect(html).toContain('forvalter kommunen ordningen i 2021.');
    expect(html).toContain(`/officer/rounds/${round.roundId}`);
  });

  it('refuses the second of two changes made from the same reading, so none is lost', async () => {
    // Prepare: two administrators read the same entry
    const read = (await server.adapters.tenants.read(eidsvoll))!;
    const change = (eventId: string, to: number) => ({
      tenant: { ...read.tenant, managingYears: [], managingPeriods: [{ from: 2022, to }] },
      expectedVersion: read.version,
      event: { eventId, at: '2026-12-01T10:00:00.000Z', actor: eventId, action: 'retire' as const, tenantId: eidsvoll, year: to + 1, before: [], after: [] },
    });

    // Act
    const results = await Promise.allSettled([server.adapters.tenants.record(change('race-a', 2026)), server.adapters.tenants.record(change('race-b', 2027))]);

    // Assess
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((result) => result.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(ConcurrentChangeError);
    expect((await auditEvents()).filter((event) => String(event.actor).startsWith('race-'))).toHaveLength(1);
  });
});
