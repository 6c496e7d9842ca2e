/**
 * The ranking, the recommendation and the standard texts over HTTP against DynamoDB Local, through
 * the real sign-in: rank order and running total against the budget, the filters (page and API),
 * the recommendation's rules, two caseworkers saving one case at once (one wins, the other gets
 * 409 with what they wrote), refusals without the permission or when recused, another
 * municipality's ids answering 404, and the standard texts kept by the municipal admin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsersOf, type LocalUser } from '../../infra/local/identity-provider';
import { queryPartition } from '../../functions/adapters/query-all';
import type { Application } from '../../shared/applications/application';
import type { DecisionOutcome } from '../../shared/decisions/decision';
import { defaultStandardTexts } from '../../shared/decisions/standard-texts';
import { formatKroner, kroner } from '../../shared/kernel/money';
import type { Orgnr } from '../../shared/kernel/orgnr';
import type { Tenant, TenantId } from '../../shared/kernel/tenants';
import { adminCostCap, available } from '../../shared/rules/budget';
import { ruleSetFor } from '../../shared/rules/rule-set-for';
import type { Call } from '../../shared/rounds/call';
import { openCall } from '../support/calls';
import { signIn, startSignInServer } from '../support/sign-in';
import { freshTenantId } from '../support/test-environment';

const YEAR = 2027;
const kr = (amount: number) => formatKroner(kroner(amount), 'nb');

describe('ranking and recommending a round’s applications', () => {
  const alfa = freshTenantId('ka');
  const beta = freshTenantId('kb');
  const tenants: Tenant[] = [
    { tenantId: alfa, kind: 'municipality', name: `Alfaby ${alfa}`, kommunenummer: '3201', managingYears: [YEAR - 1, YEAR] },
    { tenantId: beta, kind: 'municipality', name: `Betaby ${beta}`, kommunenummer: '4601', managingYears: [YEAR] },
  ];
  const users = demoUsersOf(tenants);
  const userOf = (sub: string) => users.find((user) => user.sub === sub) as LocalUser;
  const frame = 300_000;
  const assessment = { scale: { min: 1, max: 6 }, assessorsPerApplication: 2, criteria: [{ id: 'quality', label: { nb: 'Kvalitet', nn: 'Kvalitet', en: 'Quality' }, weight: 1 }] };
  const round: Call = openCall(alfa, { roundId: 'rank-2027', grantYear: YEAR, minAmount: kroner(5_000), maxAmount: kroner(200_000), assessment });
  const earlierRound: Call = openCall(alfa, { roundId: 'rank-2026', grantYear: YEAR - 1, minAmount: kroner(5_000), maxAmount: kroner(200_000) });
  let server: Awaited<ReturnType<typeof startSignInServer>>;
  const sessions: Record<string, { cookie: string; idToken: string }> = {};

  let serial = 0;
  function application(reference: string, options: {
    score?: number; submitted?: number; applied: number; orgnr: string; status?: Application['status']; roundId?: string; grantYear?: number;
    recommendation?: { outcome: DecisionOutcome; amount: number }; blocking?: boolean; recusedUserIds?: string[]; language?: Application['language'];
  }): Application {
    serial += 1;
    return {
      tenantId: alfa, roundId: options.roundId ?? round.roundId, applicationId: `app-${reference}-${serial}`, reference, grantYear: options.grantYear ?? YEAR,
      orgnr: options.orgnr as Orgnr, organisationName: `Lag ${reference}`, email: 'lag@example.org', status: options.status ?? 'under_assessment', version: 4,
      createdAt: '2026-11-02T10:00:00.000Z', updatedAt: '2026-11-20T10:00:00.000Z', submittedAt: '2026-11-20T10:00:00.000Z', language: options.language ?? 'nb',
      registryCheck: {
        status: 'verified', checkedAt: '2026-11-02T10:00:00.000Z', record: { orgnr: options.orgnr, name: `Lag ${reference}` } as never,
        findings: options.blocking ? [{ code: 'organisation.too_young', severity: 'blocking', rule: 'ruleSet.minAge', legalBasis: '§ 4', messages: { nb: 'For ung', nn: 'For ung', en: 'Too young' } }] : [],
      },
      attachments: [],
      project: { subGoals: reference === 'R-C' ? ['B'] : ['A'] } as never,
      budget: { costs: [], otherIncome: [], amountApplied: kroner(options.applied) } as never,
      assessmentSummary: { required: 2, submitted: options.submitted ?? 2, recused: 0, ...(options.score !== undefined ? { score: options.score } : {}) },
      ...(options.recusedUserIds ? { recusedUserIds: options.recusedUserIds } : {}),
      ...(options.recommendation
        ? { recommendation: { outcome: options.recommendation.outcome, amount: kroner(options.recommendation.amount), reasons: 'Grunn.', conditions: '', recommendedBy: 'officer-x', recommendedAt: '2026-11-25T10:00:00.000Z' } }
        : {}),
    };
  }

  const a = application('R-A', { score: 5.5, applied: 150_000, orgnr: '910000001', recommendation: { outcome: 'grant', amount: 150_000 } });
  const b = application('R-B', { score: 5.5, applied: 100_000, orgnr: '910000002', recommendation: { outcome: 'grant', amount: 100_000 } });
  const c = application('R-C', { score: 4, applied: 120_000, orgnr: '910000003', recommendation: { outcome: 'grant_partly', amount: 80_000 } });
  const d = application('R-D', { score: 3, applied: 60_000, orgnr: '910000004', blocking: true });
  const missing = application('R-E', { applied: 40_000, orgnr: '910000005', submitted: 1 });
  const withdrawn = application('R-W', { score: 6, applied: 10_000, orgnr: '910000006', status: 'withdrawn' });
  const earlier = application('Q-1', { applied: 10_000, orgnr: '910000001', roundId: earlierRound.roundId, grantYear: YEAR - 1, status: 'submitted' });

  beforeAll(async () => {
    server = await startSignInServer();
    for (const tenant of tenants) await server.adapters.tenants.put(tenant);
    await server.adapters.budget.setFrame({ tenantId: alfa, name: 'Alfaby', grantYear: YEAR, frame: kroner(frame), adminCap: adminCostCap(ruleSetFor(YEAR), kroner(frame)), allocationVersion: 1 }, undefined);
    await server.adapters.calls.create(round);
    await server.adapters.calls.create(earlierRound);
    for (const each of [a, b, c, d, missing, withdrawn, earlier]) {
      await server.adapters.applications.create(each, { eventId: `seed-${each.applicationId}`, at: each.createdAt, actor: 'system:test', action: 'seed' }, [], []);
    }
    for (const sub of [`officer-${alfa}`, `officer2-${alfa}`, `admin-${alfa}`, `approver-${alfa}`, `assessor-${alfa}`, `officer-${beta}`]) {
      sessions[sub] = await signIn(server.baseUrl, 'officer', userOf(sub).sub);
    }
  });

  afterAll(async () => server?.close());

  const cookie = (who: string) => sessions[who]!.cookie;
  const bearer = (who: string) => ({ authorization: `Bearer ${sessions[who]!.idToken}` });
  const get = (path: string, who: string) => fetch(`${server.baseUrl}${path}`, { headers: { cookie: cookie(who) }, redirect: 'manual' });
  const post = (path: string, form: Record<string, string> | URLSearchParams, who: string) =>
    fetch(`${server.baseUrl}${path}`, { method: 'POST', body: form instanceof URLSearchParams ? form : new URLSearchParams(form), headers: { cookie: cookie(who), origin: server.baseUrl }, redirect: 'manual' });
  const api = (method: string, path: string, who: string, body?: unknown) =>
    fetch(`${server.baseUrl}${path}`, { method, headers: { ...bearer(who), accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
  /** A JSON answer, read loosely: the assertions say what it must hold. */
  const json = async (response: Response): Promise<Record<string, any>> => (await response.json()) as Record<string, any>;
  const order = (html: string) => [...html.matchAll(/data-reference="([^"]+)"/g)].map((match) => match[1]);
  const officer = `officer-${alfa}`;
  const officer2 = `officer2-${alfa}`;

  it('ranks the round on the page with the running total against what is available and the line where it passes', async () => {
    // Prepare
    const position = (await server.adapters.budget.get(alfa, YEAR))!;
    const left = available(position);

    // Act
    const response = await get(`/officer/rounds/${round.roundId}/ranking`, officer);
    const html = await response.text();

    // Assess
    expect(response.status).toBe(200);
    expect(order(html)).toEqual(['R-B', 'R-A', 'R-C', 'R-D', 'R-E']);
    expect(html).toContain(`<dd data-testid="available">${kr(left)}</dd>`);
    expect(html).toContain(`<dd data-testid="recommended-total">${kr(330_000)}</dd>`);
    expect(html).toContain(`href="/officer/applications/${b.applicationId}"`);
    // 100 000 + 150 000 fits a frame of 300 000 less nothing reserved; the lower grant of 80 000 passes it.
    expect(html.indexOf('data-testid="budget-line"')).toBeGreaterThan(html.indexOf('data-reference="R-A"'));
    expect(html.indexOf('data-testid="budget-line"')).toBeLessThan(html.indexOf('data-reference="R-C"'));
    expect(html).toContain(`<td class="amount" data-testid="total-applied">${kr(470_000)}</td>`);
  });

  it('filters the page by a plain GET form and the API by the same query', async () => {
    // Act
    const blocking = await (await get(`/officer/rounds/${round.roundId}/ranking?findings=blocking`, officer)).text();
    const firstTime = await (await get(`/officer/rounds/${round.roundId}/ranking?firstTime=yes&subGoal=&status=`, officer)).text();
    const notRecommended = await (await get(`/officer/rounds/${round.roundId}/ranking?recommendation=none`, officer)).text();
    const subGoal = await (await get(`/officer/rounds/${round.roundId}/ranking?subGoal=B`, officer)).text();
    const withdrawnOnly = await (await get(`/officer/rounds/${round.roundId}/ranking?status=withdrawn`, officer)).text();
    const fromApi = await api('GET', `/officer/api/rounds/${round.roundId}/ranking?firstTime=no`, officer);
    const body = await json(fromApi);
    const all = await json(await api('GET', `/officer/api/rounds/${round.roundId}/ranking`, officer));
    const badFilter = await api('GET', `/officer/api/rounds/${round.roundId}/ranking?findings=some`, officer);

    // Assess
    expect(order(blocking)).toEqual(['R-D']);
    expect(order(firstTime)).toEqual(['R-B', 'R-C', 'R-D', 'R-E']);
    expect(order(notRecommended)).toEqual(['R-D', 'R-E']);
    expect(order(subGoal)).toEqual(['R-C']);
    expect(order(withdrawnOnly)).toEqual(['R-W']);
    expect(fromApi.status).toBe(200);
    expect(body.applications.map((row: { reference: string }) => row.reference)).toEqual(['R-A']);
    expect(body.applications[0]).toMatchObject({ rank: 2, firstTime: false, runningTotal: 250_000, recommendation: { outcome: 'grant', amount: 150_000 } });
    expect(all.applications.map((row: { runningTotal: number }) => row.runningTotal)).toEqual([100_000, 250_000, 330_000, 330_000, 330_000]);
    expect(all.applications.map((row: { crossesBudget: boolean }) => row.crossesBudget)).toEqual([false, false, true, false, false]);
    expect(all).toMatchObject({ total: 5, recommendedTotal: 330_000, shown: { count: 5, amountApplied: 470_000, recommended: 330_000 } });
    expect(badFilter.status).toBe(400);
  });

  it('refuses the ranking to an external assessor and hides another municipality’s round', async () => {
    // Act
    const assessorPage = await get(`/officer/rounds/${round.roundId}/ranking`, `assessor-${alfa}`);
    const assessorApi = await api('GET', `/officer/api/rounds/${round.roundId}/ranking`, `assessor-${alfa}`);
    const betaPage = await get(`/officer/rounds/${round.roundId}/ranking`, `officer-${beta}`);
    const betaApi = await api('GET', `/officer/api/rounds/${round.roundId}/ranking`, `officer-${beta}`);

    // Assess
    expect(assessorPage.status).toBe(403);
    expect(assessorApi.status).toBe(403);
    expect(betaPage.status).toBe(404);
    expect(betaApi.status).toBe(404);
  });

  it('prefills the reasons from standard texts in the applicant’s language, saves the recommendation with its audit event', async () => {
    // Prepare
    const target = application('R-N', { score: 4.5, applied: 50_000, orgnr: '910000007', language: 'nn' });
    await server.adapters.applications.create(target, { eventId: `seed-${target.applicationId}`, at: target.createdAt, actor: 'system:test', action: 'seed' }, [], []);
    const path = `/officer/applications/${target.applicationId}/recommendation`;
    const competition = defaultStandardTexts.find((text) => text.id === 'reject-competition')!.text.nn;

    // Act
    const page = await get(path, officer);
    const pageHtml = await page.text();
    const prefilled = await (await get(`${path}?prefill=1&version=4&outcome=reject&amount=0&text=reject-competition&reasons=&conditions=`, officer)).text();
    const saved = await post(path, { version: '4', outcome: 'reject', amount: '0', reasons: `${competition}\n\nSjå vurderinga.`, conditions: '' }, officer);
    const stored = await server.adapters.applications.get(alfa, target.applicationId);
    const audit = (await queryPartition(server.adapters.db, server.config.TABLE_NAME, `T#${alfa}#AUDIT`)).filter((event) => event.applicationId === target.applicationId && event.action === 'recommend');

    // Assess
    expect(page.status).toBe(200);
    expect(pageHtml).toContain(competition);
    expect(prefilled).toContain(`>${competition}</textarea>`);
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`${path}?saved=1`);
    expect(stored?.version).toBe(5);
    expect(stored?.recommendation).toMatchObject({ outcome: 'reject', amount: 0, recommendedBy: userOf(officer).sub });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ machine: 'decision', to: 'reject', amount: 0, actor: `officer:${userOf(officer).sub}`, roundId: round.roundId, entityKey: `T#${alfa}#APP#${target.applicationId}` });
  });

  it('lets one of two caseworkers saving the same case win; the other gets 409 with what they wrote', async () => {
    // Prepare
    const target = application('R-R', { score: 4.2, applied: 60_000, orgnr: '910000008' });
    await server.adapters.applications.create(target, { eventId: `seed-${target.applicationId}`, at: target.createdAt, actor: 'system:test', action: 'seed' }, [], []);
    const path = `/officer/applications/${target.applicationId}/recommendation`;

    // Act
    const first = await post(path, { version: '4', outcome: 'grant', amount: '60 000', reasons: 'Kari sin grunn.', conditions: '' }, officer2);
    const second = await post(path, { version: '4', outcome: 'grant_partly', amount: '40000', reasons: 'Min egen begrunnelse som ikke må forsvinne.', conditions: 'Rapport innen mai.' }, officer);
    const secondHtml = await second.text();
    const racing = await Promise.all([1, 2].map((n) => api('PUT', `/officer/api/applications/${target.applicationId}/recommendation`, n === 1 ? officer : officer2, { version: 5, outcome: 'grant_partly', amount: 30_000 + n, reasons: `Grunn ${n}` })));
    const stored = await server.adapters.applications.get(alfa, target.applicationId);

    // Assess
    expect(first.status).toBe(303);
    expect(second.status).toBe(409);
    expect(secondHtml).toContain('Noen andre endret saken mens du skrev.');
    expect(secondHtml).toContain('Min egen begrunnelse som ikke må forsvinne.</textarea>');
    expect(secondHtml).toContain('Rapport innen mai.</textarea>');
    expect(secondHtml).toContain('name="version" value="5"');
    expect(racing.map((response) => response.status).sort()).toEqual([200, 409]);
    expect(stored?.version).toBe(6);
    const winner = await json(racing.find((response) => response.status === 200)!);
    expect(stored?.recommendation?.amount).toBe(winner.recommendation.amount);
    const loser = await json(racing.find((response) => response.status === 409)!);
    expect(loser.code).toBe('application.concurrent_change');
  });

  it('says what is wrong with the amount and the reasons by the field, keeping what was typed', async () => {
    // Prepare
    const path = `/officer/applications/${d.applicationId}/recommendation`;

    // Act
    const tooMuch = await post(path, { version: '4', outcome: 'grant_partly', amount: '60000', reasons: '', conditions: '' }, officer);
    const html = await tooMuch.text();
    const noOutcome = await post(path, { version: '4', amount: '0', reasons: 'x', conditions: '' }, officer);
    const viaApi = await api('PUT', `/officer/api/applications/${d.applicationId}/recommendation`, officer, { version: 4, outcome: 'grant', amount: 1, reasons: ' ' });
    const problem = await json(viaApi);

    // Assess
    expect(tooMuch.status).toBe(422);
    expect(html).toContain(`Et lavere beløp må være mellom ${kr(5_000)} og ${kr(59_999)}.`);
    expect(html).toContain('Skriv begrunnelsen.');
    expect(html).toContain('value="60000"');
    expect(noOutcome.status).toBe(422);
    expect(await noOutcome.text()).toContain('Velg utfall.');
    expect(viaApi.status).toBe(422);
    expect(problem.errors.map((error: { field: string }) => error.field).sort()).toEqual(['amount', 'reasons']);
  });

  it('refuses without cases.recommend, when recused, before the assessments are in, and for another municipality', async () => {
    // Prepare
    const recused = application('R-X', { score: 4, applied: 50_000, orgnr: '910000009', recusedUserIds: [userOf(officer).sub] });
    await server.adapters.applications.create(recused, { eventId: `seed-${recused.applicationId}`, at: recused.createdAt, actor: 'system:test', action: 'seed' }, [], []);
    const body = { version: 4, outcome: 'reject', amount: 0, reasons: 'Grunn.' };

    // Act
    const approverPage = await get(`/officer/applications/${a.applicationId}/recommendation`, `approver-${alfa}`);
    const approverApi = await api('PUT', `/officer/api/applications/${a.applicationId}/recommendation`, `approver-${alfa}`, body);
    const recusedPage = await get(`/officer/applications/${recused.applicationId}/recommendation`, officer);
    const recusedPost = await post(`/officer/applications/${recused.applicationId}/recommendation`, { version: '4', outcome: 'reject', amount: '0', reasons: 'Grunn.', conditions: '' }, officer);
    const recusedApi = await api('PUT', `/officer/api/applications/${recused.applicationId}/recommendation`, officer, body);
    const otherOfficer = await api('PUT', `/officer/api/applications/${recused.applicationId}/recommendation`, officer2, body);
    const missingPage = await (await get(`/officer/applications/${missing.applicationId}/recommendation`, officer)).text();
    const missingApi = await api('PUT', `/officer/api/applications/${missing.applicationId}/recommendation`, officer, body);
    const withdrawnApi = await api('PUT', `/officer/api/applications/${withdrawn.applicationId}/recommendation`, officer, body);
    const betaPage = await get(`/officer/applications/${a.applicationId}/recommendation`, `officer-${beta}`);
    const betaApi = await api('PUT', `/officer/api/applications/${a.applicationId}/recommendation`, `officer-${beta}`, body);

    // Assess
    expect(approverPage.status).toBe(403);
    expect(approverApi.status).toBe(403);
    expect(recusedPage.status).toBe(403);
    expect(recusedPost.status).toBe(403);
    expect(recusedApi.status).toBe(403);
    expect((await json(recusedApi)).code).toBe('application.actor_recused');
    expect(otherOfficer.status).toBe(200);
    expect(missingPage).toContain('1 av 2 er levert, 1 mangler.');
    expect(missingPage).not.toContain('name="reasons"');
    expect(missingApi.status).toBe(409);
    expect((await json(missingApi)).code).toBe('recommendation.assessments_missing');
    expect(withdrawnApi.status).toBe(409);
    expect(betaPage.status).toBe(404);
    expect(betaApi.status).toBe(404);
    expect((await server.adapters.applications.get(alfa, a.applicationId))?.recommendation?.outcome).toBe('grant');
  });

  it('keeps the municipality’s standard texts: defaults, a save, a stale save (409 with what was typed), refusals and the API', async () => {
    // Prepare
    const admin = `admin-${alfa}`;
    const page = await (await get('/officer/standard-texts', admin)).text();
    const form = new URLSearchParams({ version: '0' });
    defaultStandardTexts.forEach((text, index) => {
      form.set(`id.${index}`, text.id);
      form.set(`outcome.${index}`, text.outcome);
      for (const language of ['nb', 'nn', 'en'] as const) form.set(`${language}.${index}`, text.text[language]);
    });
    form.set(`remove.0`, '1');
    const added = defaultStandardTexts.length;
    form.set(`outcome.${added}`, 'reject');
    form.set(`nb.${added}`, 'Tiltaket er allerede finansiert.');
    form.set(`nn.${added}`, 'Tiltaket er allereie finansiert.');
    form.set(`en.${added}`, 'The project is already funded.');

    // Act
    const officerPost = await post('/officer/standard-texts', form, officer);
    const saved = await post('/officer/standard-texts', form, admin);
    const stale = await post('/officer/standard-texts', new URLSearchParams([...form.entries()].map(([name, value]): [string, string] => [name, name === `nb.${added}` ? 'Min tekst som skal bli stående.' : value])), admin);
    const staleHtml = await stale.text();
    const incomplete = new URLSearchParams(form);
    incomplete.set('version', '1');
    incomplete.set(`nn.${added}`, '');
    const incompleteAnswer = await post('/officer/standard-texts', incomplete, admin);
    const stored = await server.adapters.standardTexts.get(alfa);
    const fromApi = await (await json(await api('GET', '/officer/api/standard-texts', officer)));
    const putStale = await api('PUT', '/officer/api/standard-texts', admin, { version: 0, texts: fromApi.texts });
    const putEmpty = await api('PUT', '/officer/api/standard-texts', admin, { version: 1, texts: fromApi.texts.filter((text: { outcome: string }) => text.outcome !== 'grant') });
    const putByOfficer = await api('PUT', '/officer/api/standard-texts', officer, { version: 1, texts: fromApi.texts });
    const putOk = await api('PUT', '/officer/api/standard-texts', admin, { version: 1, texts: fromApi.texts });
    const betaTexts = await (await json(await api('GET', '/officer/api/standard-texts', `officer-${beta}`)));
    const audit = (await queryPartition(server.adapters.db, server.config.TABLE_NAME, `T#${alfa}#AUDIT`)).filter((event) => event.machine === 'standard-texts');

    // Assess
    expect(page).toContain(defaultStandardTexts[0]!.text.nb);
    expect(officerPost.status).toBe(403);
    expect(saved.status).toBe(303);
    expect(stale.status).toBe(409);
    expect(staleHtml).toContain('Noen andre lagret standardtekstene mens du skrev.');
    expect(staleHtml).toContain('Min tekst som skal bli stående.</textarea>');
    expect(incompleteAnswer.status).toBe(422);
    expect(await incompleteAnswer.text()).toContain('Skriv teksten på alle tre språk.');
    expect(stored?.version).toBe(1);
    expect(stored?.texts.some((text) => text.id === defaultStandardTexts[0]!.id)).toBe(false);
    expect(stored?.texts.find((text) => text.text.nb === 'Tiltaket er allerede finansiert.')?.outcome).toBe('reject');
    expect(fromApi.version).toBe(1);
    expect(putStale.status).toBe(409);
    expect(putEmpty.status).toBe(422);
    expect(putByOfficer.status).toBe(403);
    expect(putOk.status).toBe(200);
    expect((await json(putOk)).version).toBe(2);
    expect(betaTexts.version).toBe(0);
    expect(audit.map((event) => event.version)).toEqual([1, 2]);
  });
});
