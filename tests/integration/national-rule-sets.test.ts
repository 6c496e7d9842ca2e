/**
 * IMDi edits a year's national rules over the API and the form page, through the real sign-in, on
 * a table of this file's own: rule sets are national data that other files would share.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formValuesOf } from '../../functions/http/national/rule-set-form';
import { demoUsersOf, type LocalUser } from '../../infra/local/identity-provider';
import { NATIONAL_TENANT_ID, type Tenant } from '../../shared/kernel/tenants';
import { codeDefaultVersion, ruleSetsFrom } from '../../shared/rules';
import { checkRoundSettings, createRound, rulesOfRound } from '../../shared/rounds/use-cases/create-round';
import { openCall } from '../support/calls';
import { signIn, startSignInServer } from '../support/sign-in';
import { freshTenantId, ownTableConfig } from '../support/test-environment';

describe('IMDi edits the national rules of a year', () => {
  const alfa = freshTenantId('ra');
  const imdi = freshTenantId('rn');
  const tenants: Tenant[] = [
    { tenantId: alfa, kind: 'municipality', name: 'Alfaby', kommunenummer: '3035', kommunenummerValidFrom: 2020, managingYears: [2026, 2027] },
    { tenantId: imdi, kind: 'national', name: 'IMDi', managingYears: [2026, 2027] },
  ];
  const [alfaOfficer, nationalAdmin] = demoUsersOf(tenants) as LocalUser[];
  let server: Awaited<ReturnType<typeof startSignInServer>>;
  let national: { cookie: string; idToken: string };
  let officer: { cookie: string; idToken: string };

  beforeAll(async () => {
    server = await startSignInServer({ TABLE_NAME: (await ownTableConfig()).TABLE_NAME });
    for (const tenant of tenants) await server.adapters.tenants.put(tenant);
    national = await signIn(server.baseUrl, 'national', nationalAdmin!.sub);
    officer = await signIn(server.baseUrl, 'officer', alfaOfficer!.sub);
  });

  afterAll(async () => server?.close());

  const call = (path: string, token: string | undefined, init: RequestInit = {}) =>
    fetch(`${server.baseUrl}${path}`, { ...init, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers as Record<string, string>) } });
  const put = (year: number, body: unknown, token = national.idToken, lang = 'nb') =>
    call(`/national/api/years/${year}/rule-set`, token, { method: 'PUT', headers: { 'content-type': 'application/json', 'accept-language': lang }, body: JSON.stringify(body) });
  const defaults = (year: number) => codeDefaultVersion(year)!.ruleSet;

  it('shows the code default as version 1, saves an edit as version 2 with its audit event, and refuses a save based on a stale version with 409', async () => {
    // Act
    const before = (await (await call('/national/api/years/2027/rule-set', national.idToken)).json()) as { version: number; locked: boolean; stored: boolean };
    const saved = await put(2027, { ...defaults(2027), amounts: { minPerApplication: 1_000, maxPerApplication: 1_500_000 }, basedOnVersion: 1 });
    const stale = await put(2027, { ...defaults(2027), auditThreshold: 150_000, basedOnVersion: 1 });
    const versions = (await (await call('/national/api/years/2027/rule-set/versions', national.idToken)).json()) as { versions: { version: number; stored: boolean; savedBy: string }[] };
    const audit = await server.adapters.db.send(new QueryCommand({
      TableName: server.config.TABLE_NAME, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': `T#${NATIONAL_TENANT_ID}#AUDIT` },
    }));

    // Assess
    expect(before).toMatchObject({ version: 1, locked: false, stored: false });
    expect(saved.status).toBe(201);
    expect(await saved.json()).toMatchObject({ version: 2, basedOnVersion: 1, changedFields: ['amounts.maxPerApplication'], savedBy: nationalAdmin!.sub });
    expect(stale.status).toBe(409);
    expect(stale.headers.get('content-type')).toContain('application/problem+json');
    expect(await stale.json()).toMatchObject({ code: 'rule_set.changed_meanwhile' });
    expect(versions.versions.map((v) => [v.version, v.stored])).toEqual([[1, true], [2, true]]);
    expect(audit.Items?.filter((item) => item.machine === 'rule-set')).toEqual([
      expect.objectContaining({ action: 'save', from: '1', to: '2', actor: nationalAdmin!.sub, grantYear: '2027', changedFields: 'amounts.maxPerApplication' }),
    ]);
  });

  it('keeps a round on the version it was created with after IMDi saves a new one, and checks its settings against that version', async () => {
    // Prepare: a round of 2026 under version 1, whose maximum of 200 000 the next version forbids
    const ruleSets = ruleSetsFrom(server.adapters.ruleSets);
    const round = await createRound({ calls: server.adapters.calls, ruleSets }, { ...openCall(alfa, { grantYear: 2026, roundId: '2026-1' }), opensAt: '2026-01-10T08:00:00.000Z', deadline: '2026-04-15T10:00:00.000Z', reportingDeadline: '2027-03-01T10:00:00.000Z' });

    // Act
    const lockedV1 = (await (await call('/national/api/years/2026/rule-set', national.idToken)).json()) as { version: number; locked: boolean };
    const saved = await put(2026, { ...defaults(2026), amounts: { minPerApplication: 1_000, maxPerApplication: 100_000 }, basedOnVersion: 1 });
    const current = (await (await call('/national/api/years/2026/rule-set', national.idToken)).json()) as { version: number; locked: boolean };
    const stored = await server.adapters.calls.get(alfa, '2026-1');
    const roundRules = await rulesOfRound(ruleSets, stored!);

    // Assess
    expect(round.ruleSetVersion).toBe(1);
    expect(lockedV1).toMatchObject({ version: 1, locked: true });
    expect(saved.status).toBe(201);
    expect(current).toMatchObject({ version: 2, locked: false });
    expect(stored?.ruleSetVersion).toBe(1);
    expect(roundRules).toMatchObject({ version: 1, locked: true });
    expect(roundRules.ruleSet.amounts.maxPerApplication).toBe(2_000_000);
    expect(await checkRoundSettings(ruleSets, stored!)).toEqual([]);
    expect(await checkRoundSettings(ruleSets, { ...stored!, ruleSetVersion: 2 })).toEqual([expect.objectContaining({ code: 'round.max_amount_above_national' })]);
  });

  it('refuses an invalid rule set with 422 and each problem in the caller’s language', async () => {
    // Prepare: an advisory split of 110 % and a minimum above the maximum
    const rules = defaults(2025);
    const broken = { ...rules, subGoals: rules.subGoals.map((g, i) => (i === 0 ? { ...g, advisoryShare: '0.40' } : g)), amounts: { minPerApplication: 5_000, maxPerApplication: 1_000 }, basedOnVersion: 1 };

    // Act
    const response = await put(2025, broken, national.idToken, 'nn');
    const body = (await response.json()) as { code: string; errors: { field: string; message: string }[] };

    // Assess
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(body.errors).toEqual(expect.arrayContaining([
      expect.objectContaining({ field: 'subGoals', message: 'Den tilrådde fordelinga på delmål må til saman bli 100 %.' }),
      expect.objectContaining({ field: 'amounts.minPerApplication', message: 'Minstebeløpet kan ikkje vere større enn maksbeløpet.' }),
    ]));
    expect(((await (await call('/national/api/years/2025/rule-set', national.idToken)).json()) as { version: number }).version).toBe(1);
  });

  it('starts a year without rules from the year before and saves it as the year’s version 1', async () => {
    // Prepare
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(formValuesOf({ ...defaults(2027), grantYear: 2028 }, 0, 'nb'))) for (const each of [value].flat()) body.append(name, each);

    // Act
    const before = await call('/national/api/years/2028/rule-set', national.idToken);
    const page = await call('/national/years/2028/rules', undefined, { headers: { cookie: national.cookie } });
    const saved = await call('/national/years/2028/rules', undefined, {
      method: 'POST', body, redirect: 'manual', headers: { cookie: national.cookie, origin: server.baseUrl, 'content-type': 'application/x-www-form-urlencoded' },
    });
    const after = (await (await call('/national/api/years/2028/rule-set', national.idToken)).json()) as { version: number; stored: boolean; ruleSet: { grantYear: number } };

    // Assess
    expect(before.status).toBe(404);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Det finnes ingen regler for 2028 ennå.');
    expect(saved.status).toBe(303);
    expect(after).toMatchObject({ version: 1, stored: true, ruleSet: { grantYear: 2028 } });
  });

  it('describes the three rule-set operations in the national OpenAPI document, each with a summary that names the action', async () => {
    // Act
    const document = (await (await call('/national/api/openapi.json', undefined)).json()) as { paths: Record<string, Record<string, { summary?: string }>> };

    // Assess
    expect(document.paths['/national/api/years/{year}/rule-set']?.get?.summary).toMatch(/^Show the year’s current national rule set/);
    expect(document.paths['/national/api/years/{year}/rule-set']?.put?.summary).toMatch(/^Save the year’s rule set as a new version/);
    expect(document.paths['/national/api/years/{year}/rule-set/versions']?.get?.summary).toMatch(/^List every version/);
  });

  it('refuses officers on every rule-set route and page with 403', async () => {
    // Act
    const answers = await Promise.all([
      call('/national/api/years/2027/rule-set', officer.idToken),
      call('/national/api/years/2027/rule-set/versions', officer.idToken),
      put(2027, { ...defaults(2027), basedOnVersion: 2 }, officer.idToken),
      call('/national/years/2027/rules', officer.idToken),
      call('/national/years/2027/rules', undefined, { method: 'POST', body: new URLSearchParams({ basedOnVersion: '2' }), headers: { authorization: `Bearer ${officer.idToken}`, origin: server.baseUrl } }),
    ]);

    // Assess
    expect(answers.map((answer) => answer.status)).toEqual([403, 403, 403, 403, 403]);
  });

  it('shows the form with every rule, re-renders a bad entry with its errors and everything typed, and saves a good one as a new version', async () => {
    // Prepare
    const values = formValuesOf(defaults(2024), 1, 'nb');
    const form = (changes: Record<string, string>) => {
      const body = new URLSearchParams();
      for (const [name, value] of Object.entries({ ...values, ...changes })) for (const each of [value].flat()) body.append(name, each);
      return body;
    };
    const post = (body: URLSearchParams) => call('/national/years/2024/rules', undefined, {
      method: 'POST', body, redirect: 'manual', headers: { cookie: national.cookie, origin: server.baseUrl, 'content-type': 'application/x-www-form-urlencoded' },
    });

    // Act
    const page = await call('/national/years/2024/rules', undefined, { headers: { cookie: national.cookie } });
    const html = await page.text();
    const refused = await post(form({ municipalShare: 'sytti', 'amounts.maxPerApplication': '500', 'regulation.reference': 'Min egen hjemmel', acceptanceWeeks: '13' }));
    const refusedHtml = await refused.text();
    const accepted = await post(form({ municipalShare: '72,5', 'amounts.maxPerApplication': '1 500 000' }));
    const current = (await (await call('/national/api/years/2024/rule-set', national.idToken)).json()) as { version: number; ruleSet: { municipalShare: string; amounts: { maxPerApplication: number } } };
    const stale = await post(form({ basedOnVersion: '1', 'regulation.reference': 'Skrevet mens andre lagret' }));
    const staleHtml = await stale.text();

    // Assess
    expect(page.status).toBe(200);
    for (const name of ['municipalShare', 'adminCostCap.rate', 'subGoals.A.advisoryShare', 'auditThreshold', 'appealDeadlineWeeks', 'acceptanceWeeks', 'appealBody', 'reportingDeadlineDefault.day', 'amounts.minPerApplication', 'unspentFunds']) {
      expect(html).toContain(`name="${name}"`);
    }
    expect(refused.status).toBe(422);
    expect(refusedHtml).toContain('ds-error-summary');
    expect(refusedHtml).toContain('Skriv en prosent fra 0 til 100');
    expect(refusedHtml).toContain('Minstebeløpet kan ikke være større enn maksbeløpet.');
    expect(refusedHtml).toContain('value="sytti"');
    expect(refusedHtml).toContain('Skriv et helt antall uker fra 1 til 12.');
    expect(refusedHtml).toMatch(/name="acceptanceWeeks"[^>]*value="13"/);
    expect(refusedHtml).toContain('value="Min egen hjemmel"');
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get('location')).toBe('/national/years/2024/rules?saved=2');
    expect(current).toMatchObject({ version: 2, ruleSet: { municipalShare: '0.725', amounts: { maxPerApplication: 1_500_000 } } });
    expect(stale.status).toBe(409);
    expect(staleHtml).toContain('value="Skrevet mens andre lagret"');
    expect(staleHtml).toContain('name="basedOnVersion" value="2"');
  });
});
