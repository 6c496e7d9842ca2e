/**
 * Assessment with several assessors over HTTP, through the real sign-in and DynamoDB Local: the
 * declaration before scoring, recusal written on the application, drafts guarded by version,
 * submission counted on the application even when two assessors submit at once, the blind rule in
 * the page and the API, and who may reach which application (an external assessor only their own).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsersOf, type LocalUser } from '../../infra/local/identity-provider';
import type { Application } from '../../shared/applications/application';
import type { Tenant, TenantId } from '../../shared/kernel/tenants';
import { submittedApplication, testAssessment } from '../support/assessment-cases';
import { openCall } from '../support/calls';
import { signIn, startSignInServer } from '../support/sign-in';
import { freshTenantId } from '../support/test-environment';

describe('assessing an application with several assessors', () => {
  const alfa = freshTenantId('asa');
  const beta = freshTenantId('asb');
  const tenants: Tenant[] = [
    { tenantId: alfa, kind: 'municipality', name: `Alfaby ${alfa}`, kommunenummer: '3201', managingYears: [2027] },
    { tenantId: beta, kind: 'municipality', name: `Betaby ${beta}`, kommunenummer: '4601', managingYears: [2027] },
  ];
  const users = demoUsersOf(tenants);
  const userOf = (sub: string) => users.find((user) => user.sub === sub) as LocalUser;
  let server: Awaited<ReturnType<typeof startSignInServer>>;
  type Session = { cookie: string; idToken: string; userId: string };
  const sessions: Record<string, Session> = {};
  let seq = 0;

  beforeAll(async () => {
    server = await startSignInServer();
    for (const tenant of tenants) await server.adapters.tenants.put(tenant);
    await server.adapters.calls.create(openCall(alfa, { assessment: testAssessment }));
    await server.adapters.calls.create(openCall(beta, { assessment: testAssessment }));
    for (const [key, sub] of [
      ['kari', `officer-${alfa}`],
      ['kari2', `officer2-${alfa}`],
      ['per', `approver-${alfa}`],
      ['aud', `assessor-${alfa}`],
      ['beta', `officer-${beta}`],
    ] as const) {
      const { cookie, idToken } = await signIn(server.baseUrl, 'officer', userOf(sub).sub);
      sessions[key] = { cookie, idToken, userId: userOf(sub).sub };
    }
  });

  afterAll(async () => server?.close());

  /** A fresh submitted application of alfa's round, with its assessors written on the item. */
  async function caseWith(assessorIds: string[], tenantId: TenantId = alfa): Promise<Application> {
    const id = `01ASSESS${Date.now()}${seq++}`;
    const created = submittedApplication(tenantId, '2027-1', id);
    await server.adapters.applications.create(created, { eventId: `${id}E1`, at: created.createdAt, actor: 'test', action: 'seed' }, [], []);
    const next = { ...created, assessorIds, version: created.version + 1 };
    await server.adapters.applications.change({ next, expectedStatus: 'submitted', audit: { eventId: `${id}E2`, at: created.createdAt, actor: 'test', action: 'assign_assessors' } });
    return next;
  }
  const stored = async (application: Application) => (await server.adapters.applications.get(application.tenantId, application.applicationId))!;
  const pagePath = (application: Application, step = '') => `/officer/applications/${application.applicationId}/assessment${step}`;
  const apiPath = (application: Application, step: string) => `/officer/api/applications/${application.applicationId}/${step}`;

  const get = (path: string, who: Session) => fetch(`${server.baseUrl}${path}`, { headers: { cookie: who.cookie }, redirect: 'manual' });
  const post = (path: string, fields: Record<string, string>, who: Session) =>
    fetch(`${server.baseUrl}${path}`, { method: 'POST', body: new URLSearchParams(fields), headers: { cookie: who.cookie, origin: server.baseUrl }, redirect: 'manual' });
  const api = (method: string, path: string, who: Session, body?: unknown) =>
    fetch(`${server.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${who.idToken}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const fullScores = (fit: number, plan: number, note = 'Begrunnet') => [
    { criterionId: 'fit', score: fit, note },
    { criterionId: 'plan', score: plan, note },
  ];
  async function declaredDraft(application: Application, who: Session) {
    const response = await api('PUT', apiPath(application, 'assessment/declaration'), who, { declaration: 'impartial' });
    expect(response.status).toBe(200);
    return (await response.json()) as { version: number };
  }

  it('lets an assessor declare, save a draft and submit by the pages, starting the assessment and counting it', async () => {
    // Prepare
    const application = await caseWith([sessions.kari!.userId]);
    const before = await (await get(pagePath(application), sessions.kari!)).text();

    // Act
    const declared = await post(pagePath(application, '/declaration'), { declaration: 'impartial', reason: '' }, sessions.kari!);
    const scoreForm = await (await get(pagePath(application), sessions.kari!)).text();
    const saved = await post(pagePath(application), { version: '1', 'scores.fit.score': '5', 'scores.fit.note': 'Treffer godt', 'scores.plan.score': '', 'scores.plan.note': '' }, sessions.kari!);
    const afterSave = await (await get(saved.headers.get('location')!, sessions.kari!)).text();
    const submitted = await post(pagePath(application, '/submission'), { version: '2', 'scores.fit.score': '5', 'scores.fit.note': 'Treffer godt', 'scores.plan.score': '4', 'scores.plan.note': 'Nøktern plan' }, sessions.kari!);
    const view = await (await get(pagePath(application), sessions.kari!)).text();
    const again = await post(pagePath(application), { version: '3', 'scores.fit.score': '1', 'scores.fit.note': 'x' }, sessions.kari!);

    // Assess
    expect(before).toContain('forvaltningsloven § 6');
    expect(before).toContain(`action="/officer/applications/${application.applicationId}/assessment/declaration"`);
    expect(declared.status).toBe(303);
    expect(scoreForm).toContain('name="scores.fit.score"');
    expect(saved.status).toBe(303);
    expect(afterSave).toContain('Utkastet er lagret.');
    expect(afterSave).toContain('Treffer godt');
    expect(submitted.status).toBe(303);
    expect(view).toContain('Nøktern plan');
    expect(view).toContain('Vektet poengsum: 4,67');
    expect(view).not.toContain('name="scores.fit.score"');
    expect(again.status).toBe(409);
    const after = await stored(application);
    expect(after.status).toBe('under_assessment');
    expect(after.assessmentSummary).toEqual({ required: 2, submitted: 1, recused: 0, score: 4.67 });
  });

  it('writes a recusal on the application, and refuses the recused user’s scores with 403 in the API and the page', async () => {
    // Prepare
    const application = await caseWith([sessions.kari2!.userId, sessions.per!.userId]);

    // Act
    const missingReason = await post(pagePath(application, '/declaration'), { declaration: 'recused', reason: '  ' }, sessions.kari2!);
    const recused = await post(pagePath(application, '/declaration'), { declaration: 'recused', reason: 'Jeg sitter i styret i foreningen.' }, sessions.kari2!);
    const apiScores = await api('PUT', apiPath(application, 'assessment'), sessions.kari2!, { version: 1, scores: fullScores(3, 3) });
    const pageScores = await post(pagePath(application), { version: '1', 'scores.fit.score': '3' }, sessions.kari2!);
    const perView = (await (await api('GET', apiPath(application, 'assessments'), sessions.per!)).json()) as { recusals: { userId: string; declaration: { reason: string } }[] };

    // Assess
    expect(missingReason.status).toBe(422);
    expect(await missingReason.text()).toContain('Skriv kort hvorfor du er inhabil');
    expect(recused.status).toBe(303);
    expect(apiScores.status).toBe(403);
    expect(((await apiScores.json()) as { code: string }).code).toBe('application.actor_recused');
    expect(pageScores.status).toBe(403);
    const after = await stored(application);
    expect(after.recusedUserIds).toEqual([sessions.kari2!.userId]);
    expect(after.assessmentSummary).toEqual({ required: 2, submitted: 0, recused: 1 });
    expect(after.status).toBe('submitted');
    expect(perView.recusals.map((each) => [each.userId, each.declaration.reason])).toEqual([[sessions.kari2!.userId, 'Jeg sitter i styret i foreningen.']]);
  });

  it('refuses scores before the declaration with a clear message', async () => {
    // Prepare
    const application = await caseWith([sessions.per!.userId]);
    await declaredDraft(application, sessions.kari!); // starts the assessment

    // Act
    const response = await api('PUT', apiPath(application, 'assessment'), sessions.per!, { version: 1, scores: fullScores(3, 3) });

    // Assess
    expect(response.status).toBe(409);
    const body = (await response.json()) as { code: string; title: string };
    expect(body.code).toBe('assessment.not_declared');
    expect(body.title).toBe('Du må erklære at du er habil før du kan gi poeng.');
  });

  it('keeps an assessor blind to the others’ scores until they submit, in the API and the page', async () => {
    // Prepare
    const application = await caseWith([sessions.kari!.userId, sessions.per!.userId]);
    await declaredDraft(application, sessions.kari!);
    await api('POST', apiPath(application, 'assessment/submission'), sessions.kari!, { version: 1, scores: fullScores(6, 6, 'Kari sin hemmelige begrunnelse') });
    const perDraft = await declaredDraft(application, sessions.per!);

    // Act
    const blindApi = (await (await api('GET', apiPath(application, 'assessments'), sessions.per!)).json()) as Record<string, unknown>;
    const blindPage = await (await get(pagePath(application), sessions.per!)).text();
    const submitted = await api('POST', apiPath(application, 'assessment/submission'), sessions.per!, { version: perDraft.version, scores: fullScores(3, 3, 'Pers vurdering') });
    const openApi = (await (await api('GET', apiPath(application, 'assessments'), sessions.per!)).json()) as { submitted: { userId: string }[]; summary: { score: number } };
    const openPage = await (await get(pagePath(application), sessions.per!)).text();

    // Assess
    expect(blindApi.othersVisible).toBe(false);
    expect(blindApi.submitted).toEqual([]);
    expect(blindApi.summary).toBeUndefined();
    expect(JSON.stringify(blindApi)).not.toContain('hemmelige');
    expect(blindPage).not.toContain('hemmelige');
    expect(submitted.status).toBe(200);
    expect(openApi.submitted.map((each) => each.userId).sort()).toEqual([sessions.kari!.userId, sessions.per!.userId].sort());
    expect(openApi.summary.score).toBe(4.5);
    expect(openPage).toContain('Kari sin hemmelige begrunnelse');
  });

  it('counts both of two assessors who submit at the same moment', async () => {
    // Prepare
    const application = await caseWith([sessions.kari!.userId, sessions.per!.userId]);
    await declaredDraft(application, sessions.kari!);
    await declaredDraft(application, sessions.per!);

    // Act
    const [first, second] = await Promise.all([
      api('POST', apiPath(application, 'assessment/submission'), sessions.kari!, { version: 1, scores: fullScores(5, 4) }),
      api('POST', apiPath(application, 'assessment/submission'), sessions.per!, { version: 1, scores: fullScores(4, 3) }),
    ]);

    // Assess
    expect([first.status, second.status]).toEqual([200, 200]);
    expect((await stored(application)).assessmentSummary).toEqual({ required: 2, submitted: 2, recused: 0, score: 4.17 });
  });

  it('refuses a save over a newer one from another tab with 409, keeping what was typed', async () => {
    // Prepare
    const application = await caseWith([sessions.kari!.userId]);
    await declaredDraft(application, sessions.kari!);
    const firstTab = await api('PUT', apiPath(application, 'assessment'), sessions.kari!, { version: 1, scores: fullScores(2, 2) });

    // Act
    const secondTab = await post(pagePath(application), { version: '1', 'scores.fit.score': '6', 'scores.fit.note': 'Skrevet i den andre fanen' }, sessions.kari!);
    const secondApi = await api('PUT', apiPath(application, 'assessment'), sessions.kari!, { version: 1, scores: fullScores(6, 6) });

    // Assess
    expect(firstTab.status).toBe(200);
    expect(secondTab.status).toBe(409);
    const text = await secondTab.text();
    expect(text).toContain('Skrevet i den andre fanen');
    expect(text).toContain('Vurderingen ble lagret et annet sted');
    expect(secondApi.status).toBe(409);
  });

  it('lets an external assessor reach only the applications assigned to them, with no personal data, and no other officer page', async () => {
    // Prepare
    const assigned = await caseWith([sessions.aud!.userId]);
    const other = await caseWith([sessions.kari!.userId]);

    // Act
    const start = await get('/officer', sessions.aud!);
    const list = await (await get('/officer/assessments', sessions.aud!)).text();
    const listApi = (await (await api('GET', '/officer/api/assessments', sessions.aud!)).json()) as { assessments: { applicationId: string; state: string }[] };
    const page = await get(pagePath(assigned), sessions.aud!);
    const pageText = await page.text();
    const unassignedPage = await get(pagePath(other), sessions.aud!);
    const unassignedApi = await api('GET', apiPath(other, 'assessments'), sessions.aud!);
    const unassignedDeclare = await api('PUT', apiPath(other, 'assessment/declaration'), sessions.aud!, { declaration: 'impartial' });
    const refused = await Promise.all([
      get('/officer/rounds/2027-1', sessions.aud!),
      api('GET', '/officer/api/rounds', sessions.aud!),
      api('GET', '/officer/api/rounds/2027-1', sessions.aud!),
      api('GET', '/officer/api/budget/2027', sessions.aud!),
    ]);

    // Assess
    expect(start.status).toBe(303);
    expect(start.headers.get('location')).toBe('/officer/assessments');
    expect(list).toContain(assigned.reference);
    expect(list).not.toContain(other.reference);
    expect(listApi.assessments).toEqual([expect.objectContaining({ applicationId: assigned.applicationId, state: 'to_declare' })]);
    expect(page.status).toBe(200);
    expect(pageText).toContain('Språkkafé for nye i byen');
    expect(pageText).toContain('vedtekter.pdf');
    expect(pageText).not.toContain('kontakt@forening.example');
    expect(pageText).not.toContain('12345678903');
    expect(pageText).not.toContain('Kontakt Personsen');
    expect(unassignedPage.status).toBe(404);
    expect(unassignedApi.status).toBe(404);
    expect(unassignedDeclare.status).toBe(404);
    expect(refused.map((response) => response.status)).toEqual([403, 403, 403, 403]);
    expect((await stored(other)).status).toBe('submitted');
  });

  it('answers another municipality’s application with 404', async () => {
    // Prepare
    const application = await caseWith([sessions.kari!.userId]);

    // Act
    const page = await get(pagePath(application), sessions.beta!);
    const read = await api('GET', apiPath(application, 'assessments'), sessions.beta!);
    const declare = await post(pagePath(application, '/declaration'), { declaration: 'impartial' }, sessions.beta!);

    // Assess
    expect(page.status).toBe(404);
    expect(read.status).toBe(404);
    expect(declare.status).toBe(404);
    expect((await stored(application)).status).toBe('submitted');
  });
});
