/**
 * The admin reservation form on the officer's start page over HTTP, through the real sign-in
 * (session cookie) and form guards: only the municipal admin sees and posts it, each refusal is
 * said by the field with what was typed, and IMDi sees the reservation on the year page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsersOf, type LocalUser } from '../../infra/local/identity-provider';
import { formatKroner, kroner } from '../../shared/kernel/money';
import type { Tenant, TenantId } from '../../shared/kernel/tenants';
import { adminCostCap } from '../../shared/rules/budget';
import { ruleSetFor } from '../../shared/rules/rule-set-for';
import { signIn, startSignInServer } from '../support/sign-in';
import { freshTenantId } from '../support/test-environment';

const YEAR = 2027;
const kr = (amount: number) => formatKroner(kroner(amount), 'nb');

describe('the admin reservation form on the officer’s start page', () => {
  const alfa = freshTenantId('ra');
  const beta = freshTenantId('rb');
  const imdi = freshTenantId('rn');
  const alfaName = `Alfaby ${alfa}`;
  const tenants: Tenant[] = [
    { tenantId: alfa, kind: 'municipality', name: alfaName, kommunenummer: '3201', managingYears: [YEAR] },
    { tenantId: beta, kind: 'municipality', name: `Betaby ${beta}`, kommunenummer: '4601', managingYears: [YEAR, YEAR + 1] },
    { tenantId: imdi, kind: 'national', name: `IMDi ${imdi}`, managingYears: [YEAR] },
  ];
  const users = demoUsersOf(tenants);
  const userOf = (sub: string) => users.find((user) => user.sub === sub) as LocalUser;
  const alfaFrame = 702_897;
  const alfaCap = adminCostCap(ruleSetFor(YEAR), kroner(alfaFrame)); // 35 145
  const betaFrame = 1_234_567;
  let server: Awaited<ReturnType<typeof startSignInServer>>;
  let alfaAdmin: string;
  let alfaOfficer: string;
  let betaAdmin: string;
  let national: string;

  const setFrame = (tenantId: TenantId, name: string, grantYear: number, frame: number) =>
    server.adapters.budget.setFrame({ tenantId, name, grantYear, frame: kroner(frame), adminCap: adminCostCap(ruleSetFor(YEAR), kroner(frame)), allocationVersion: 1 }, undefined);

  beforeAll(async () => {
    server = await startSignInServer();
    for (const tenant of tenants) await server.adapters.tenants.put(tenant);
    await setFrame(alfa, alfaName, YEAR, alfaFrame);
    await setFrame(beta, 'Betaby', YEAR, betaFrame);
    await setFrame(beta, 'Betaby', YEAR + 1, betaFrame);
    alfaAdmin = (await signIn(server.baseUrl, 'officer', userOf(`admin-${alfa}`).sub)).cookie;
    alfaOfficer = (await signIn(server.baseUrl, 'officer', userOf(`officer-${alfa}`).sub)).cookie;
    betaAdmin = (await signIn(server.baseUrl, 'officer', userOf(`admin-${beta}`).sub)).cookie;
    national = (await signIn(server.baseUrl, 'national', userOf(`${imdi}-admin`).sub)).cookie;
  });

  afterAll(async () => server?.close());

  const get = (path: string, cookie: string) => fetch(`${server.baseUrl}${path}`, { headers: { cookie }, redirect: 'manual' });
  const post = (path: string, amount: string, cookie: string) =>
    fetch(`${server.baseUrl}${path}`, { method: 'POST', body: new URLSearchParams({ amount }), headers: { cookie, origin: server.baseUrl }, redirect: 'manual' });
  const reservedOf = async (tenantId: TenantId, year = YEAR) => (await server.adapters.budget.get(tenantId, year))?.adminReserved;

  it('lets the municipal admin set the reservation by the form, and confirms it after the redirect', async () => {
    // Prepare
    const start = await get(`/officer?year=${YEAR}`, alfaAdmin);
    const startText = await start.text();

    // Act
    const response = await post(`/officer/budget/${YEAR}/admin-reservation`, '20 000', alfaAdmin);

    // Assess
    expect(start.status).toBe(200);
    expect(startText).toContain(`action="/officer/budget/${YEAR}/admin-reservation"`);
    expect(startText).toContain(`Taket for administrasjon i ${YEAR} er ${kr(alfaCap)}`);
    expect(response.status).toBe(303);
    const location = response.headers.get('location')!;
    expect(location).toBe(`/officer?year=${YEAR}&reservation=saved#reservation-heading`);
    expect(await reservedOf(alfa)).toBe(20_000);
    const after = await (await get(location, alfaAdmin)).text();
    expect(after).toContain(`Reservasjonen til administrasjon for ${YEAR} er lagret: ${kr(20_000)}.`);
    expect(await reservedOf(beta)).toBe(0);
  });

  it('refuses an amount above the cap with 422, the cap named by the field and what was typed kept', async () => {
    // Act
    const aboveCap = await post(`/officer/budget/${YEAR}/admin-reservation`, '40 000', alfaAdmin);
    const inEnglish = await post(`/officer/budget/${YEAR}/admin-reservation?lang=en`, '40000', alfaAdmin);
    const decimals = await post(`/officer/budget/${YEAR}/admin-reservation`, '12,50', alfaAdmin);
    const words = await post(`/officer/budget/${YEAR}/admin-reservation`, 'tjue tusen', alfaAdmin);

    // Assess
    expect(aboveCap.status).toBe(422);
    const text = await aboveCap.text();
    expect(text).toContain(`Reservasjonen kan ikke være over taket for administrasjon, ${kr(alfaCap)}.`);
    expect(text).toContain('value="40 000"');
    expect(text).toContain('aria-invalid="true"');
    expect(text).toContain('id="field-amount-error"');
    expect(inEnglish.status).toBe(422);
    expect(await inEnglish.text()).toContain('The reservation cannot be above the admin cap, NOK 35,145.');
    expect(decimals.status).toBe(422);
    const decimalsText = await decimals.text();
    expect(decimalsText).toContain('Skriv beløpet i hele kroner, uten øre.');
    expect(decimalsText).toContain('value="12,50"');
    expect(words.status).toBe(422);
    expect(await words.text()).toContain('Beløpet kan bare inneholde tall');
    expect(await reservedOf(alfa)).toBe(20_000);
  });

  it('refuses a year the municipality has no frame for, by the field', async () => {
    // Act
    const response = await post(`/officer/budget/${YEAR + 1}/admin-reservation`, '1000', alfaAdmin);

    // Assess: beta has a frame that year; alfa's post never reaches it
    expect(response.status).toBe(422);
    expect(await response.text()).toContain(`Kommunen har ingen ramme for ${YEAR + 1} ennå, så det kan ikke reserveres noe.`);
    expect(await reservedOf(beta, YEAR + 1)).toBe(0);
  });

  it('shows an officer without the municipal-admin role no form, and refuses their post with 403', async () => {
    // Act
    const page = await get(`/officer?year=${YEAR}`, alfaOfficer);
    const refused = await post(`/officer/budget/${YEAR}/admin-reservation`, '1000', alfaOfficer);

    // Assess
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toContain(kr(alfaFrame));
    expect(text).not.toContain('admin-reservation');
    expect(refused.status).toBe(403);
    expect(await reservedOf(alfa)).toBe(20_000);
  });

  it('keeps each municipality to its own budget: the token’s tenant decides, never the path', async () => {
    // Act
    const betaPage = await (await get(`/officer?year=${YEAR}`, betaAdmin)).text();
    const alfaPage = await (await get(`/officer?year=${YEAR}`, alfaAdmin)).text();
    const betaPost = await post(`/officer/budget/${YEAR}/admin-reservation`, '5000', betaAdmin);

    // Assess
    expect(betaPage).toContain(kr(betaFrame));
    expect(betaPage).not.toContain(kr(alfaFrame));
    expect(alfaPage).not.toContain(kr(betaFrame));
    expect(betaPost.status).toBe(303);
    expect(await reservedOf(beta)).toBe(5000);
    expect(await reservedOf(alfa)).toBe(20_000);
  });

  it('shows IMDi every municipality’s reservation on the year page, with the totals', async () => {
    // Act
    const response = await get(`/national/years/${YEAR}`, national);
    const officerThere = await get(`/national/years/${YEAR}`, alfaAdmin);

    // Assess
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain(`Budsjettposisjonen til hver kommune for ${YEAR}, i kroner`);
    const alfaRow = text.slice(text.indexOf(`<th scope="row">${alfaName}</th>`)).split('</tr>')[0]!;
    expect(alfaRow).toContain(kr(alfaFrame));
    expect(alfaRow).toContain(kr(alfaCap));
    expect(alfaRow).toContain(kr(20_000));
    // Other suites keep frames for the same year in the shared table, so the totals are checked
    // against the table's own rows: each column's sum, with Alfa's and Beta's among them.
    const table = text.slice(text.indexOf('<table', text.indexOf('positions-heading'))).split('</table>')[0]!;
    const amountsOf = (row: string) => [...row.matchAll(/<td class="amount">([^<]*)<\/td>/g)].map((match) => Number(match[1]!.replace(/\D/g, '')));
    const rows = table.split('<tfoot>')[0]!.split('</tr>').map(amountsOf).filter((amounts) => amounts.length > 0);
    const totals = amountsOf(table.split('<tfoot>')[1]!);
    expect(rows.map((amounts) => amounts[0])).toEqual(expect.arrayContaining([alfaFrame, betaFrame]));
    expect(totals).toEqual(totals.map((_, column) => rows.reduce((sum, amounts) => sum + amounts[column]!, 0)));
    expect(totals[2]).toBeGreaterThanOrEqual(25_000);
    expect([302, 403]).toContain(officerThere.status);
  });
});
