/**
 * IMDi sets up a year over the national API, and a municipality sees and uses its frame over the
 * officer API, through the real sign-in, on a table of this file's own: the register and the
 * allocation versions are national data that other files would share.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsersOf, type LocalUser } from '../../infra/local/identity-provider';
import type { Tenant } from '../../shared/kernel/tenants';
import { signIn, startSignInServer } from '../support/sign-in';
import { freshTenantId, ownTableConfig } from '../support/test-environment';

/** SSB statbank's semicolon download of table 09817 for 2023, figures chosen to give the 2023 frames. */
const ssbCsv = [
  '"09817: Innvandrere og norskfødte med innvandrerforeldre, etter region, innvandringskategori, statistikkvariabel og år"',
  '',
  '"region";"innvandringskategori";"statistikkvariabel";"2023"',
  '"0 Hele landet";"Innvandrere og norskfødte med innvandrerforeldre";"Personer";"92 750 000"',
  '"K-3035 Eidsvoll";"Innvandrere og norskfødte med innvandrerforeldre";"Personer";"702 897"',
  '"K-3029 Lørenskog";"Innvandrere og norskfødte med innvandrerforeldre";"Personer";"11 163"',
  '"K-0301 Oslo - Oslove";"Innvandrere og norskfødte med innvandrerforeldre";"Personer";"92 047 103"',
  '',
].join('\r\n');

const latin1 = (text: string) => Uint8Array.from([...text].map((char) => char.charCodeAt(0)));

describe('setting up a year over the API', () => {
  const eidsvoll = freshTenantId('ye');
  const oslo = freshTenantId('yo');
  const bodo = freshTenantId('yb');
  const imdi = freshTenantId('yn');
  const tenants: Tenant[] = [
    { tenantId: eidsvoll, kind: 'municipality', name: 'Eidsvoll', kommunenummer: '3035', kommunenummerValidFrom: 2020, managingYears: [2023], contactEmail: 'tilskudd@eidsvoll.example' },
    { tenantId: oslo, kind: 'municipality', name: 'Oslo', kommunenummer: '0301', kommunenummerValidFrom: 2020, managingYears: [2023] },
    { tenantId: bodo, kind: 'municipality', name: 'Bodø', kommunenummer: '1804', kommunenummerValidFrom: 2020, managingYears: [2024] },
    { tenantId: imdi, kind: 'national', name: 'IMDi', managingYears: [2023] },
  ];
  const [eidsvollOfficer, , bodoOfficer, nationalAdmin] = demoUsersOf(tenants) as LocalUser[];
  let server: Awaited<ReturnType<typeof startSignInServer>>;
  let national: string;
  let officer: string;
  let otherOfficer: string;
  let municipalAdmin: string;

  beforeAll(async () => {
    server = await startSignInServer({ TABLE_NAME: (await ownTableConfig()).TABLE_NAME });
    for (const tenant of tenants) await server.adapters.tenants.put(tenant);
    national = (await signIn(server.baseUrl, 'national', nationalAdmin!.sub)).idToken;
    officer = (await signIn(server.baseUrl, 'officer', eidsvollOfficer!.sub)).idToken;
    otherOfficer = (await signIn(server.baseUrl, 'officer', bodoOfficer!.sub)).idToken;
    municipalAdmin = (await server.identityProvider!.issueTokens({ ...eidsvollOfficer!, sub: 'admin-eidsvoll', groups: ['officer', 'municipal-admin'] })).id_token;
  });

  afterAll(async () => server?.close());

  const call = (path: string, token: string | undefined, init: RequestInit = {}) =>
    fetch(`${server.baseUrl}${path}`, { ...init, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers as Record<string, string>) } });
  const uploadKey = (year: number, bytes: Uint8Array, query = '') =>
    call(`/national/api/years/${year}/distribution-key${query}`, national, { method: 'POST', body: bytes, headers: { 'content-type': 'text/csv' } });

  it('reproduces the 2023 figures from an SSB file in Latin-1: 132 500 000 → 39 750 000 for IMDi and 92 750 000 for the municipalities, Eidsvoll 702 897 with a cap of 35 145', async () => {
    // Act: read the key, then publish what it proposes
    const imported = await uploadKey(2023, latin1(ssbCsv), '?frame=132500000');
    const body = (await imported.json()) as { report: { matched: { kommunenummer: string; key: number }[]; notManaging: { kommunenummer: string }[]; ignored: unknown[] }; proposal: { split: { imdi: number; municipalPool: number }; frames: { name: string; frame: number; adminCap: number }[] } };
    const keys = body.report.matched.map(({ kommunenummer, key }) => ({ kommunenummer, key }));
    const published = await call('/national/api/years/2023/allocations', national, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ nationalFrame: 132_500_000, keys, statisticsYear: 2023 }),
    });

    // Assess
    expect(imported.status).toBe(200);
    expect(body.report.notManaging.map((row) => row.kommunenummer)).toEqual(['3029']);
    expect(body.report.ignored).toHaveLength(1);
    expect(body.proposal.split).toMatchObject({ imdi: 39_750_000, municipalPool: 92_750_000 });
    expect(body.proposal.frames.find((frame) => frame.name === 'Eidsvoll')).toMatchObject({ frame: 702_897, adminCap: 35_145 });
    expect(published.status).toBe(201);
    expect(await published.json()).toMatchObject({ version: 1, status: 'published', framesTotal: 92_750_000 });
    const versions = (await (await call('/national/api/years/2023/allocations', national)).json()) as { versions: { version: number; changes: { name: string; after: number }[] }[] };
    expect(versions.versions.map((version) => version.version)).toEqual([1]);
    expect(versions.versions[0]!.changes.find((change) => change.name === 'Eidsvoll')?.after).toBe(702_897);
    const positions = (await (await call('/national/api/years/2023/budget-positions', national)).json()) as { positions: { name: string; position: { frame: number; adminCap: number } }[] };
    expect(positions.positions.map((entry) => [entry.name, entry.position.frame, entry.position.adminCap])).toEqual([['Eidsvoll', 702_897, 35_145], ['Oslo', 92_047_103, 4_602_355]]);
    expect(await (await call('/officer/api/budget/2023', officer)).json()).toMatchObject({ tenantId: eidsvoll, frame: 702_897, adminCap: 35_145, available: 702_897 });
  });

  it.each([
    ['a comma instead of a semicolon', '3035,100\n0301,200\n', 'key_file.delimiter'],
    ['a missing count column', '"region";"x";"2023"\n"K-3035 Eidsvoll";"a";"100"\n"K-0301 Oslo";"b"\n', 'key_file.missing_column'],
    ['a kommunenummer twice', '3035;100\n0301;200\n3035;300\n', 'key_file.duplicate'],
    ['a negative count', '3035;-100\n0301;200\n', 'key_file.count_negative'],
    ['a count that is not a number', '3035;mange\n0301;200\n', 'key_file.count_not_a_number'],
  ])('refuses a key file with %s with its own error and stores nothing', async (_case, text, code) => {
    // Act
    const response = await uploadKey(2024, latin1(text), '?frame=1000000');

    // Assess
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ code });
    expect(await (await call('/national/api/years/2024/allocations', national)).json()).toEqual({ versions: [] });
  });

  it('reports a managing municipality the key leaves out and proposes nothing', async () => {
    // Act: Bodø manages in 2024, and the file has only Eidsvoll
    const response = await uploadKey(2024, latin1('3240;100\n'), '?frame=1000000');

    // Assess
    const body = (await response.json()) as { report: { missing: { name: string }[] }; proposal?: unknown };
    expect(response.status).toBe(200);
    expect(body.report.missing.map((m) => m.name)).toEqual(['Bodø']);
    expect(body.proposal).toBeUndefined();
  });

  it('lets only the municipal admin set the admin reservation, up to the cap', async () => {
    // Prepare
    const put = (token: string, amount: number) => call('/officer/api/budget/2023/admin-reservation', token, {
      method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ amount }),
    });

    // Act
    const byOfficer = await put(officer, 10_000);
    const aboveCap = await put(municipalAdmin, 35_146);
    const atCap = await put(municipalAdmin, 35_145);

    // Assess
    expect(byOfficer.status).toBe(403);
    expect(aboveCap.status).toBe(422);
    expect(await aboveCap.json()).toMatchObject({ code: 'budget.admin_cap_exceeded' });
    expect(atCap.status).toBe(200);
    expect(await atCap.json()).toMatchObject({ adminReserved: 35_145, available: 702_897 - 35_145 });
  });

  it('refuses an officer every national route and shows a municipality only its own budget', async () => {
    // Prepare
    const routes = [
      ['GET', '/national/api/years/2023/allocations'], ['GET', '/national/api/years/2023/budget-positions'],
      ['POST', '/national/api/years/2023/allocations'], ['POST', '/national/api/years/2023/distribution-key'],
    ] as const;

    for (const [method, path] of routes) {
      // Act
      const asOfficer = await call(path, officer, { method, headers: { 'content-type': 'application/json' }, body: method === 'POST' ? '{}' : undefined });
      const anonymous = await call(path, undefined, { method, headers: { 'content-type': 'application/json' }, body: method === 'POST' ? '{}' : undefined });

      // Assess
      expect(asOfficer.status, `${method} ${path}`).toBe(403);
      expect(anonymous.status, `${method} ${path}`).toBe(401);
    }
    const other = await call('/officer/api/budget/2023', otherOfficer);
    expect(other.status).toBe(404);
    expect(await other.text()).not.toContain('702');
  });
});
