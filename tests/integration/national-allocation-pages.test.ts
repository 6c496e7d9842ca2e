/**
 * IMDi's allocation pages over HTTP, through the real sign-in (session cookie) and form guards, on
 * a table of this file's own: allocation versions and drafts are national data other files would share.
 */
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryAll } from '../../functions/adapters/query-all';
import { demoUsersOf, type LocalUser } from '../../infra/local/identity-provider';
import { kroner } from '../../shared/kernel/money';
import type { Tenant } from '../../shared/kernel/tenants';
import { keyFileOf, matchToRegister, proposalFromReport } from '../../shared/national/managing-municipalities';
import { publishAllocation } from '../../shared/national/use-cases/publish-allocation';
import { ruleSetFor } from '../../shared/rules/rule-set-for';
import { assignmentLetterEmail } from '../../web/emails/assignment-letter';
import { signIn, startSignInServer } from '../support/sign-in';
import { freshTenantId, ownTableConfig } from '../support/test-environment';

const YEAR = 2025;
/** SSB's download for 2023 in Latin-1: numbers of 2023, before the 2024 renumbering. */
const ssbCsv = [
  '"09817: Innvandrere og norskfødte med innvandrerforeldre, etter region, år"',
  '',
  '"region";"statistikkvariabel";"2023"',
  '"0 Hele landet";"Personer";"931 081"',
  '"K-3035 Eidsvoll";"Personer";"3 000"',
  '"K-3029 Lørenskog";"Personer";"7 000"',
  '"K-1804 Bodø";"Personer";"5 000"',
].join('\r\n');
const latin1 = (text: string) => Uint8Array.from([...text].map((char) => char.charCodeAt(0)));

describe('IMDi’s allocation pages', () => {
  const eidsvoll = freshTenantId('ae');
  const lorenskog = freshTenantId('al');
  const imdi = freshTenantId('an');
  const tenants: Tenant[] = [
    { tenantId: eidsvoll, kind: 'municipality', name: 'Eidsvoll', kommunenummer: '3240', kommunenummerValidFrom: 2024, managingYears: [YEAR, YEAR + 1], contactEmail: `post-${eidsvoll}@example.org` },
    { tenantId: lorenskog, kind: 'municipality', name: 'Lørenskog', kommunenummer: '3222', kommunenummerValidFrom: 2024, managingYears: [YEAR, YEAR + 1] },
    { tenantId: imdi, kind: 'national', name: 'IMDi', managingYears: [YEAR] },
  ];
  const [eidsvollOfficer, , nationalAdmin] = demoUsersOf(tenants) as LocalUser[];
  let server: Awaited<ReturnType<typeof startSignInServer>>;
  let national: string;
  let officer: string;
  let officerAtNational: string;
  let bearer: string;

  beforeAll(async () => {
    server = await startSignInServer({ TABLE_NAME: (await ownTableConfig()).TABLE_NAME });
    for (const tenant of tenants) await server.adapters.tenants.put(tenant);
    ({ cookie: national, idToken: bearer } = await signIn(server.baseUrl, 'national', nationalAdmin!.sub));
    officerAtNational = (await signIn(server.baseUrl, 'national', eidsvollOfficer!.sub)).cookie;
    officer = (await signIn(server.baseUrl, 'officer', eidsvollOfficer!.sub)).cookie;
  });

  afterAll(async () => server?.close());

  const get = (path: string, cookie = national) => fetch(`${server.baseUrl}${path}`, { headers: { cookie }, redirect: 'manual' });
  const post = (path: string, body: FormData | URLSearchParams, cookie = national) =>
    fetch(`${server.baseUrl}${path}`, { method: 'POST', body, headers: { cookie, origin: server.baseUrl }, redirect: 'manual' });
  const importForm = (frame: string, file: Uint8Array | undefined, name = 'nokkel.csv') => {
    const form = new FormData();
    form.set('nationalFrame', frame);
    if (file) form.set('file', new Blob([file], { type: 'text/csv' }), name);
    return form;
  };
  const drafts = (year: number) => queryAll(server.adapters.db, {
    TableName: server.config.TABLE_NAME, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': `NATIONAL#ALLOCATION-DRAFT#${year}` },
  });

  it('refuses a broken key file with its specific error in the user’s language, and stores nothing', async () => {
    // Act
    const duplicate = await post(`/national/years/${YEAR}/drafts`, importForm('10 000 000', latin1('3240;3\n3222;7\n3240;4\n')));
    const commas = await post(`/national/years/${YEAR}/drafts?lang=en`, importForm('10 000 000', latin1('3240,3\n3222,7\n')));
    const noFile = await post(`/national/years/${YEAR}/drafts`, importForm('ti millioner', undefined));
    const noRules = await post('/national/years/2099/drafts', importForm('10 000 000', latin1('3240;3\n3222;7\n')));

    // Assess
    expect(duplicate.status).toBe(422);
    expect(await duplicate.text()).toContain('Kommunenummer 3240 står både på linje 1 og 3.');
    expect(commas.status).toBe(422);
    expect(await commas.text()).toContain('Found no columns separated by semicolons');
    expect(noFile.status).toBe(422);
    const noFileText = await noFile.text();
    expect(noFileText).toContain('Velg fila med fordelingsnøkkelen.');
    expect(noFileText).toContain('Skriv rammen som et helt antall kroner');
    expect(noRules.status).toBe(422);
    expect(await noRules.text()).toContain('Det finnes ingen regler for tilskuddsåret 2099.');
    expect(await drafts(YEAR)).toEqual([]);
    expect(await drafts(2099)).toEqual([]);
    expect(await server.adapters.allocations.list(YEAR)).toEqual([]);
  });

  it('imports an SSB file, shows the frames with the report, publishes by form, and the municipality sees its frame', async () => {
    // Act: import
    const imported = await post(`/national/years/${YEAR}/drafts`, importForm('20 000 000', latin1(ssbCsv), 'ssb-09817.csv'));

    // Assess: kept as a draft, reviewed on a page of its own
    expect(imported.status).toBe(303);
    const reviewPath = imported.headers.get('location')!;
    const review = await (await get(reviewPath)).text();
    expect(review).toContain('Se over fordelingen for 2025');
    expect(review).toContain('4\u00a0200\u00a0000\u00a0kr'); // Eidsvoll: 14 000 000 × 3/10
    expect(review).toContain('9\u00a0800\u00a0000\u00a0kr');
    expect(review).toContain('Summen av rammene, 14\u00a0000\u00a0000\u00a0kr, er lik kommunenes andel');
    expect(review).toContain('Rader som ikke er en forvaltningskommune (1)');
    expect(review).toContain('Hele landet');
    expect(review).toContain('3240 (3035 i fila)'); // numbered as in 2023, translated by the renumbering table

    // Act: publish
    const published = await post(`${reviewPath}/publish`, new URLSearchParams());

    // Assess
    expect(published.status).toBe(303);
    expect(published.headers.get('location')).toBe(`/national/years/${YEAR}/versions/1?published=1`);
    expect(await (await get(published.headers.get('location')!)).text()).toContain('Versjon 1 er publisert.');
    expect(await server.adapters.budget.get(eidsvoll, YEAR)).toMatchObject({ frame: 4_200_000, allocationVersion: 1 });
    const workspace = await (await get(`/officer?year=${YEAR}`, officer)).text();
    expect(workspace).toContain('Budsjett 2025');
    expect(workspace).toContain('4\u00a0200\u00a0000\u00a0kr');
    expect(workspace).toContain('Rammeversjoner for 2025');
    const year = await (await get(`/national/years/${YEAR}`)).text();
    expect(year).toContain('Versjon 1');
    expect(year).toContain('Publisert');
  });

  it('shows a correction’s difference per municipality and in total before and after it is published', async () => {
    // Act
    const imported = await post(`/national/years/${YEAR}/drafts`, importForm('21 000 000', latin1(ssbCsv)));
    const reviewPath = imported.headers.get('location')!;
    const review = await (await get(reviewPath)).text();
    const form = new URLSearchParams({ reason: 'Ekstra bevilgning i revidert nasjonalbudsjett' });
    const published = await post(`${reviewPath}/publish`, form);

    // Assess: 700 000 more for the municipalities, 3/10 and 7/10 of it
    expect(review).toContain('Endring fra versjon 1');
    expect(review).toContain('+210\u00a0000\u00a0kr');
    expect(review).toContain('+700\u00a0000\u00a0kr');
    expect(published.status).toBe(303);
    const version = await (await get(published.headers.get('location')!)).text();
    expect(version).toContain('+490\u00a0000\u00a0kr');
    const history = await (await get(`/officer?year=${YEAR}`, officer)).text();
    expect(history).toContain('+210\u00a0000\u00a0kr');
  });

  it('shows a publish that stopped half-way as not finished, and finishes it by form and over the API', async () => {
    // Prepare: a publish of next year that dies after the first municipality
    const rules = ruleSetFor(YEAR + 1);
    const proposal = proposalFromReport(matchToRegister(keyFileOf([{ kommunenummer: '3240', key: 1 }, { kommunenummer: '3222', key: 1 }]), tenants, YEAR + 1), kroner(1_000_000), rules);
    let writes = 0;
    await expect(publishAllocation({
      allocations: server.adapters.allocations, tenants: server.adapters.tenants, clock: () => new Date(), newId: ulid,
      budget: { get: server.adapters.budget.get, setFrame: async (...args) => {
        if (++writes > 1) throw new Error('the process stopped');
        return server.adapters.budget.setFrame(...args);
      } },
      composeLetter: (version, frame, previousFrame) => assignmentLetterEmail({ grantYear: YEAR + 1, version: version.version, frame, previousFrame, reason: version.reason, rules }),
    }, { proposal, publisher: { userId: 'imdi-admin', tenantId: imdi } })).rejects.toThrow('the process stopped');

    // Act
    const page = await (await get(`/national/years/${YEAR + 1}/versions/1`)).text();
    const finished = await post(`/national/years/${YEAR + 1}/versions/1/completion`, new URLSearchParams());
    const again = await fetch(`${server.baseUrl}/national/api/years/${YEAR + 1}/allocations/1/completion`, {
      method: 'POST', headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
    });
    const missing = await fetch(`${server.baseUrl}/national/api/years/${YEAR + 1}/allocations/9/completion`, {
      method: 'POST', headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
    });

    // Assess
    expect(page).toContain('Publiseringen er ikke fullført');
    expect(page).toContain('Fullfør publiseringen');
    expect(finished.status).toBe(303);
    expect((await server.adapters.allocations.latest(YEAR + 1))?.status).toBe('published');
    for (const tenantId of [eidsvoll, lorenskog]) expect(await server.adapters.budget.get(tenantId, YEAR + 1)).toMatchObject({ frame: 350_000, allocationVersion: 1 });
    expect(again.status, await again.clone().text()).toBe(200);
    expect(await again.json()).toMatchObject({ version: 1, status: 'published' });
    expect(missing.status).toBe(404);
  });

  it('refuses an officer every national page and form, and shows nothing of them', async () => {
    // Prepare
    const pages = [`/national/years/${YEAR}`, `/national/years/${YEAR}/versions/1`, `/national/years/${YEAR}/drafts/x`];
    const forms = [`/national/years/${YEAR}/drafts`, `/national/years/${YEAR}/drafts/x/publish`, `/national/years/${YEAR}/versions/1/completion`];

    for (const path of pages) {
      // Act
      const response = await get(path, officerAtNational);
      // Assess
      expect(response.status, path).toBe(403);
      expect(await response.text(), path).not.toContain('4\u00a0200\u00a0000');
    }
    for (const path of forms) {
      const response = await post(path, importForm('1', latin1('3240;1\n')), officerAtNational);
      expect(response.status, path).toBe(403);
    }
    expect(await server.adapters.allocations.list(YEAR)).toHaveLength(2);
  });
});
