/**
 * The municipality's year report to IMDi over HTTP against DynamoDB Local, through the real
 * sign-in: with 300 applications in a fresh tenant-year the API's and the page's figures equal
 * those recomputed here from the items as written; a draft is saved (version-guarded, texts
 * limited, what was typed kept), sent once (two admins at once: one wins, one gets 409); IMDi
 * sees only that a draft exists, and the report itself as soon as it is sent; another
 * municipality's officer gets nothing of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsersOf, type LocalUser } from '../../infra/local/identity-provider';
import type { Application } from '../../shared/applications/application';
import type { ApplicationStatus } from '../../shared/applications/lifecycle';
import { formatKroner, kroner } from '../../shared/kernel/money';
import type { Orgnr } from '../../shared/kernel/orgnr';
import type { Tenant } from '../../shared/kernel/tenants';
import { subGoalCodes, type SubGoalCode } from '../../shared/rules/sub-goals';
import { MAX_ASSESSMENT_LENGTH } from '../../shared/year-reports/year-report';
import { submittedApplication } from '../support/assessment-cases';
import { openCall } from '../support/calls';
import { signIn, startSignInServer } from '../support/sign-in';
import { freshTenantId, ownTableConfig } from '../support/test-environment';

const YEAR = 2027;
const COUNT = 300;

describe('the year report to IMDi', () => {
  const alfa = freshTenantId('ya');
  const beta = freshTenantId('yb');
  const imdi = freshTenantId('yi');
  const tenants: Tenant[] = [
    { tenantId: alfa, kind: 'municipality', name: `Alfaby ${alfa}`, kommunenummer: '3201', managingYears: [YEAR - 1, YEAR] },
    { tenantId: beta, kind: 'municipality', name: `Betaby ${beta}`, kommunenummer: '4601', managingYears: [YEAR] },
    { tenantId: imdi, kind: 'national', name: 'IMDi', managingYears: [YEAR] },
  ];
  const users = demoUsersOf(tenants) as LocalUser[];
  let server: Awaited<ReturnType<typeof startSignInServer>>;
  let admin: string;
  let secondAdmin: string;
  let caseworker: string;
  let stranger: string;
  let national: string;
  const seeded: Application[] = [];
  /** Organisations with a received application in last year's round. */
  const earlier = new Set<Orgnr>();
  const orgnrOf = (n: number) => String(800_000_000 + n) as Orgnr;

  const statuses: ApplicationStatus[] = ['submitted', 'under_assessment', 'rejected', 'granted', 'partly_granted', 'accepted', 'paid', 'reported', 'approved', 'closed', 'declined', 'lapsed', 'withdrawn'];
  /** The n-th application of the year: a spread of statuses, decisions, answers, sub-goals and organisations. */
  function applicationOf(n: number): Application {
    const status = statuses[n % statuses.length]!;
    const roundId = `${YEAR}-${1 + (n % 2)}`;
    const base = submittedApplication(alfa, roundId, `01YR${String(n).padStart(6, '0')}${alfa}`.slice(0, 26), { status, grantYear: YEAR, orgnr: orgnrOf(n % 120), organisationName: `Forening ${n % 120}`, reference: `K3201-${YEAR}-${String(n).padStart(4, '0')}` });
    const decided = !['submitted', 'under_assessment', 'withdrawn'].includes(status);
    const granting = decided && status !== 'rejected';
    const subGoals = subGoalCodes.filter((_code, index) => (n >> index) % 2 === 1 || index === n % 4) as SubGoalCode[];
    const answer = status === 'declined' ? 'declined' : status === 'lapsed' ? 'lapsed' : ['accepted', 'paid', 'reported', 'approved', 'closed'].includes(status) ? 'accepted' : undefined;
    return {
      ...base,
      project: { ...base.project!, subGoals, expectedParticipants: 5 + (n % 37), volunteerHours: 10 + (n % 91) },
      ...(decided ? {
        decision: {
          decisionId: `d-${n}`, outcome: granting ? (status === 'partly_granted' ? 'grant_partly' : 'grant') : 'reject', amount: kroner(granting ? 10_000 + n * 137 : 0),
          reasons: 'Grunn', conditions: '', decidedBy: 'approver', decidedAt: '2027-04-01T10:00:00.000Z', language: 'nb', appealDeadlineWeeks: 3, appealBody: 'imdi', ruleSetVersion: 1,
        },
      } : {}),
      ...(answer ? { acceptance: { outcome: answer, at: '2027-04-20T10:00:00.000Z', by: 'applicant' } } : {}),
    } as Application;
  }

  /** The figures recomputed here from the items as written, independently of the domain's function. */
  function recomputed() {
    const grants = seeded.filter((each) => each.decision && each.decision.outcome !== 'reject');
    const orgs = new Set(grants.map((each) => each.orgnr));
    return {
      applicationsReceived: seeded.length,
      decisions: seeded.filter((each) => each.decision).length,
      grants: grants.length,
      awarded: grants.reduce((total, each) => total + each.decision!.amount, 0),
      organisationsGranted: orgs.size,
      firstTimeOrganisationsGranted: [...orgs].filter((orgnr) => !earlier.has(orgnr)).length,
      bySubGoal: subGoalCodes.map((subGoal) => {
        const naming = grants.filter((each) => each.project!.subGoals.includes(subGoal));
        return { subGoal, grants: naming.length, awarded: naming.reduce((total, each) => total + each.decision!.amount, 0) };
      }),
      plannedParticipants: grants.reduce((total, each) => total + each.project!.expectedParticipants, 0),
      plannedVolunteerHours: grants.reduce((total, each) => total + each.project!.volunteerHours, 0),
      grantsAccepted: grants.filter((each) => each.acceptance?.outcome === 'accepted').length,
      grantsDeclined: grants.filter((each) => each.acceptance?.outcome === 'declined').length,
      grantsLapsed: grants.filter((each) => each.acceptance?.outcome === 'lapsed').length,
      reports: {
        approved: grants.filter((each) => ['approved', 'closed'].includes(each.status)).length,
        outstanding: grants.filter((each) => ['accepted', 'paid', 'reported'].includes(each.status)).length,
      },
      frame: 9_000_000, adminCap: 450_000, adminCostUsed: 200_000, adminWithinCap: true,
    };
  }

  beforeAll(async () => {
    const own = await ownTableConfig();
    server = await startSignInServer({ TABLE_NAME: own.TABLE_NAME });
    for (const tenant of tenants) await server.adapters.tenants.put(tenant);
    for (const roundId of [`${YEAR - 1}-1`, `${YEAR}-1`, `${YEAR}-2`]) {
      await server.adapters.calls.create(openCall(alfa, { roundId, grantYear: Number(roundId.slice(0, 4)), status: 'closed' }));
    }
    await server.adapters.budget.setFrame({ tenantId: alfa, name: 'Alfaby', grantYear: YEAR, frame: kroner(9_000_000), adminCap: kroner(450_000), allocationVersion: 1 }, undefined);
    await server.adapters.budget.change(alfa, YEAR, 'reserve_admin', kroner(200_000), 'test');
    // Last year's organisations: every third of the first 60, so some of this year's are first-timers.
    const lastYear = Array.from({ length: 20 }, (_, i) => submittedApplication(alfa, `${YEAR - 1}-1`, `01YRLAST${String(i).padStart(4, '0')}${alfa}`.slice(0, 26), { grantYear: YEAR - 1, orgnr: orgnrOf(i * 3) }));
    for (const each of lastYear) earlier.add(each.orgnr);
    seeded.push(...Array.from({ length: COUNT }, (_, n) => applicationOf(n)));
    const all = [...lastYear, ...seeded];
    for (let start = 0; start < all.length; start += 50) {
      await Promise.all(all.slice(start, start + 50).map((each) => server.adapters.applications.create(each, { eventId: `ev-${each.applicationId}`, at: each.createdAt, actor: 'test', action: 'seed' }, [], [])));
    }
    const userOf = (sub: string) => users.find((user) => user.sub === sub)!.sub;
    [admin, secondAdmin, caseworker, stranger, national] = (await Promise.all([
      signIn(server.baseUrl, 'officer', userOf(`admin-${alfa}`)),
      signIn(server.baseUrl, 'officer', userOf(`admin-${alfa}`)),
      signIn(server.baseUrl, 'officer', userOf(`officer-${alfa}`)),
      signIn(server.baseUrl, 'officer', userOf(`admin-${beta}`)),
      signIn(server.baseUrl, 'national', userOf(`${imdi}-admin`)),
    ])).map((session) => session.idToken) as [string, string, string, string, string];
  }, 120_000);

  afterAll(async () => server?.close());

  const api = (token: string, method: string, path: string, body?: unknown) =>
    fetch(`${server.baseUrl}${path}`, {
      method, redirect: 'manual',
      headers: { authorization: `Bearer ${token}`, origin: server.baseUrl, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
  const form = (token: string, fields: Record<string, string>) =>
    fetch(`${server.baseUrl}/officer/year-reports/${YEAR}?lang=nb`, {
      method: 'POST', redirect: 'manual',
      headers: { authorization: `Bearer ${token}`, origin: server.baseUrl, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
  const texts = { experiences: 'Ordningen har nådd mange nye.', cooperation: 'Tett samarbeid med lagene.', challenges: 'Lokaler er dyre.' };

  it('states the figures recomputed from the 300 applications and the budget, in the API and on the page', async () => {
    const response = await api(caseworker, 'GET', `/officer/api/year-reports/${YEAR}`);
    expect(response.status).toBe(200);
    const report = (await response.json()) as { measures: unknown[] };
    expect(report).toMatchObject({ status: 'not_started', version: 0, figures: recomputed() });
    expect(report.measures).toHaveLength(recomputed().grants);
    expect(JSON.stringify(report)).not.toMatch(/kontakt@forening\.example|99999999|12345678903|Kontakt Personsen/);

    const page = await (await fetch(`${server.baseUrl}/officer/year-reports/${YEAR}?lang=nb`, { headers: { authorization: `Bearer ${caseworker}` } })).text();
    expect(page).toContain(formatKroner(kroner(recomputed().awarded), 'nb'));
    expect(page).toContain('telles under begge');
    // A caseworker reads; only the admin writes.
    expect(page).not.toContain('name="assessments.experiences"');
  });

  it('keeps what was typed when a text is too long or the confirmation is missing, and saves a draft guarded by its version', async () => {
    const tooLong = await form(admin, { version: '0', action: 'save', 'assessments.experiences': 'x'.repeat(MAX_ASSESSMENT_LENGTH + 1), 'assessments.cooperation': 'Typed here', 'assessments.challenges': '' });
    expect(tooLong.status).toBe(422);
    const page = await tooLong.text();
    expect(page).toContain('Typed here');
    expect(page).toContain(`Skriv høyst ${MAX_ASSESSMENT_LENGTH} tegn.`);

    const unconfirmed = await form(admin, { version: '0', action: 'submit', 'assessments.experiences': texts.experiences, 'assessments.cooperation': texts.cooperation, 'assessments.challenges': texts.challenges });
    expect(unconfirmed.status).toBe(422);
    expect(await unconfirmed.text()).toContain('Kryss av for at du har gått gjennom rapporten');

    const saved = await form(admin, { version: '0', action: 'save', 'assessments.experiences': texts.experiences, 'assessments.cooperation': '', 'assessments.challenges': '' });
    expect(saved.status).toBe(303);
    const stale = await api(admin, 'PUT', `/officer/api/year-reports/${YEAR}`, { expectedVersion: 0, assessments: texts });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { code: string }).code).toBe('year_report.changed_meanwhile');
    const draft = await api(admin, 'PUT', `/officer/api/year-reports/${YEAR}`, { expectedVersion: 1, assessments: { ...texts, challenges: '' } });
    expect(await draft.json()).toMatchObject({ status: 'draft', version: 2, assessments: { ...texts, challenges: '' } });
    const caseworkerWrites = await api(caseworker, 'PUT', `/officer/api/year-reports/${YEAR}`, { expectedVersion: 2, assessments: texts });
    expect(caseworkerWrites.status).toBe(403);
  });

  it('shows IMDi only that a draft exists, never its content', async () => {
    const list = (await (await api(national, 'GET', `/national/api/year-reports/${YEAR}`)).json()) as { municipalities: unknown[] };
    expect(list.municipalities).toEqual([
      { tenantId: alfa, name: `Alfaby ${alfa}`, status: 'draft' },
      { tenantId: beta, name: `Betaby ${beta}`, status: 'not_started' },
    ]);
    expect((await api(national, 'GET', `/national/api/year-reports/${YEAR}/${alfa}`)).status).toBe(404);
    expect((await fetch(`${server.baseUrl}/national/year-reports/${YEAR}/${alfa}`, { headers: { authorization: `Bearer ${national}` } })).status).toBe(404);
    expect((await api(admin, 'GET', `/national/api/year-reports/${YEAR}`)).status).toBe(403);
  });

  it('refuses to send a report with an assessment missing, then sends it once when two admins press at once', async () => {
    const missing = await api(admin, 'POST', `/officer/api/year-reports/${YEAR}/submission`, { expectedVersion: 2 });
    expect(missing.status).toBe(422);
    const [one, two] = await Promise.all([admin, secondAdmin].map((token) => api(token, 'POST', `/officer/api/year-reports/${YEAR}/submission`, { expectedVersion: 2, assessments: texts })));
    expect([one!.status, two!.status].sort()).toEqual([200, 409]);
    const loser = [one!, two!].find((response) => response.status === 409)!;
    expect(await loser.json()).toMatchObject({ code: 'year_report.already_submitted' });
    const again = await api(admin, 'PUT', `/officer/api/year-reports/${YEAR}`, { expectedVersion: 3, assessments: texts });
    expect(again.status).toBe(409);
    const sent = await (await api(caseworker, 'GET', `/officer/api/year-reports/${YEAR}`)).json();
    expect(sent).toMatchObject({ status: 'submitted', version: 3, assessments: texts, figures: recomputed() });
  });

  it('lets IMDi read the sent report at once, with the figures frozen at submission', async () => {
    const list = (await (await api(national, 'GET', `/national/api/year-reports/${YEAR}`)).json()) as { municipalities: unknown[] };
    expect(list.municipalities[0]).toMatchObject({ tenantId: alfa, status: 'submitted', submittedAt: expect.any(String) });
    const report = (await (await api(national, 'GET', `/national/api/year-reports/${YEAR}/${alfa}`)).json()) as { measures: unknown[] };
    expect(report).toMatchObject({ tenantId: alfa, grantYear: YEAR, assessments: texts, figures: recomputed() });
    expect(report.measures).toHaveLength(recomputed().grants);
    const page = await (await fetch(`${server.baseUrl}/national/year-reports/${YEAR}/${alfa}?lang=nb`, { headers: { authorization: `Bearer ${national}` } })).text();
    expect(page).toContain(texts.cooperation);
    expect(page).toContain(formatKroner(kroner(recomputed().awarded), 'nb'));
  });

  it('gives another municipality’s officer nothing of it: its own year is empty', async () => {
    const response = await api(stranger, 'GET', `/officer/api/year-reports/${YEAR}`);
    const body = await response.text();
    expect(response.status).toBe(200);
    expect(JSON.parse(body)).toMatchObject({ status: 'not_started', figures: { applicationsReceived: 0, awarded: 0 }, measures: [] });
    expect(body).not.toContain(texts.cooperation);
    expect(body).not.toContain('Forening 1');
  });
});
