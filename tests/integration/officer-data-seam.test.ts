import { describe, expect, it } from 'vitest';
import type { Principal } from '../../functions/http/common/authentication';
import { createLogger } from '../../functions/http/common/logger';
import { createOfficerApp, type OfficerData } from '../../functions/http/officer/app';
import type { TenantId } from '../../shared/kernel/tenants';
import { defaultStandardTexts } from '../../shared/decisions/standard-texts';
import { emptyPosition } from '../../shared/national/budget-position';
import { draftAssessment, submittedApplication, testAssessment } from '../support/assessment-cases';
import { codeDefaultVersion } from '../../shared/rules/rule-set-version';
import { openCall } from '../support/calls';
import { kroner } from '../../shared/kernel/money';
import { oneTokenAuthentication } from '../support/one-token-auth';
import { freshTenantId } from '../support/test-environment';


/** The routes that create or change a round, whose use cases judge the stub's open round themselves. */
const changesRound = /^\/officer\/(api\/)?rounds(\/new|\/(:roundId|\{roundId\})(\/(edit|publication|corrections|cancellation))?)?$/;

/** The routes that pay or export, whose use cases refuse the stub's case (not accepted) and empty list themselves. */
const paysOrExports = /^\/officer\/(api\/)?(applications\/(:applicationId|\{applicationId\})\/payments|payments\/exports|payment-exports)$/;

/** A payment file the stub holds, whatever the tenant. */
const exportId = '01JH8Y3Z6Q2W5E8R1T4Y7V0K3P';

/** The routes that read no tenant's data: signing in and out, and the API's description. */
const routesWithoutTenantData = /^\/officer\/(auth\/|api\/openapi\.json$)/;

describe('the officer app’s tenant data seam', () => {
  const tenantId = freshTenantId('seam');
  const principal: Principal = { userId: 'officer-seam', tenantId, roles: ['officer', 'municipal-admin', 'approver'] };
  const auth = oneTokenAuthentication('officer.seam.token', principal);

  // A case already with the seam user as caseworker and assessor, so the case forms change nothing.
  const application = submittedApplication(tenantId, '2027-1', 'app-seam', {
    status: 'under_assessment', caseworker: { userId: 'officer-seam', assignedAt: '2027-01-10T10:00:00.000Z' }, assessorIds: ['officer-seam'],
    assessmentSummary: { required: 1, submitted: 1, recused: 0, score: 4 },
  });
  application.recommendation = {
    outcome: 'reject', amount: kroner(0), reasons: 'Grunn', conditions: '', recommendedBy: 'officer-seam', recommendedAt: '2027-03-10T10:00:00.000Z',
  };
  // A decided case of the round, for the letter routes.
  const decided = {
    ...application, applicationId: 'app-decided', status: 'rejected' as const,
    decision: { decisionId: 'd', outcome: 'reject' as const, amount: kroner(0), reasons: 'r', conditions: '', decidedBy: 'x', decidedAt: '2027-04-01T00:00:00.000Z', language: 'nb' as const, appealDeadlineWeeks: 3, appealBody: 'imdi' as const, ruleSetVersion: 1 },
  };
  // A granted case whose final report waits for review, for the report routes.
  const reported = {
    ...decided, applicationId: 'app-reported', status: 'reported' as const, version: 3,
    decision: { ...decided.decision, outcome: 'grant' as const, amount: kroner(50_000) },
    report: {
      status: 'submitted' as const, submissions: 1, submittedAt: '2028-01-10T10:00:00.000Z',
      content: { whatWasDone: 'Språkkafé', results: 'Godt', participants: [{ subGoal: 'A' as const, participants: 10 }], firstTimeParticipants: 5, volunteerHours: 40, spending: [], totalSpent: kroner(50_000), unspent: kroner(0) },
    },
  };
  // The same case decided and appealed late, for the appeal routes: every step's guard lets it through.
  const appealed = {
    ...decided, applicationId: application.applicationId, version: 3,
    appeal: { appealId: 'ap', decisionId: 'd', decisionOutcome: 'reject' as const, status: 'lodged' as const, lodgedAt: '2027-05-01T10:00:00.000Z', deadline: '2027-04-22T21:59:59.000Z', late: true, latenessReason: 'Sent', reasons: 'Klage', steps: [] },
  };
  const standardTextsForm = defaultStandardTexts
    .flatMap((text, index) => [`id.${index}=${text.id}`, `outcome.${index}=${text.outcome}`, ...(['nb', 'nn', 'en'] as const).map((language) => `${language}.${index}=${encodeURIComponent(text.text[language])}`)])
    .join('&');
  const yearReportTexts = { experiences: 'Gode erfaringer', cooperation: 'Godt samarbeid', challenges: 'Lokaler' };
  /** What a browser or a client sends to the routes whose body says more than an amount, by route. */
  const bodies: Record<string, string> = {
    '/officer/applications/:applicationId/recommendation': 'version=3&outcome=reject&amount=0&reasons=Grunn&conditions=',
    '/officer/api/applications/{applicationId}/recommendation': JSON.stringify({ version: 3, outcome: 'reject', amount: 0, reasons: 'Grunn' }),
    '/officer/api/applications/:applicationId/recommendation': JSON.stringify({ version: 3, outcome: 'reject', amount: 0, reasons: 'Grunn' }),
    '/officer/standard-texts': `version=0&${standardTextsForm}`,
    '/officer/applications/:applicationId/return': 'message=Send+vedtektene.&sections=attachments&version=3',
    '/officer/api/applications/{applicationId}/return': JSON.stringify({ message: 'Send vedtektene.', sections: ['attachments'] }),
    '/officer/api/applications/:applicationId/return': JSON.stringify({ message: 'Send vedtektene.', sections: ['attachments'] }),
    '/officer/api/standard-texts': JSON.stringify({ version: 0, texts: defaultStandardTexts }),
    '/officer/applications/:applicationId/report/return': 'message=Legg+ved+kvitteringene.&version=3',
    '/officer/api/applications/:applicationId/report/return': JSON.stringify({ message: 'Legg ved kvitteringene.' }),
    // The late appeal is dismissed: the one step its guards let through whoever the seam user is.
    '/officer/applications/:applicationId/appeal': 'version=3&action=dismiss&reasons=For+sent.&forwardedOn=',
    '/officer/api/applications/{applicationId}/appeal/steps': JSON.stringify({ action: 'dismiss', reasons: 'For sent.', expectedVersion: 3 }),
    '/officer/api/applications/:applicationId/appeal/steps': JSON.stringify({ action: 'dismiss', reasons: 'For sent.', expectedVersion: 3 }),
    '/officer/year-reports/:year': 'version=0&action=save&assessments.experiences=Gode&assessments.cooperation=Godt&assessments.challenges=Lokaler',
    '/officer/api/year-reports/:year': JSON.stringify({ expectedVersion: 0, assessments: yearReportTexts }),
    '/officer/api/year-reports/:year/submission': JSON.stringify({ expectedVersion: 0, assessments: yearReportTexts }),
  };
  const scores = [{ criterionId: 'fit', score: 4, note: 'God' }, { criterionId: 'plan', score: 3, note: 'Grei' }];
  /** What each changing route is sent: what a browser or client sends, which the spy lets through. */
  const bodyOf = (method: string, path: string, form: boolean, pattern: string) => {
    if (bodies[pattern]) return bodies[pattern];
    if (path.endsWith('/assessment/declaration')) return form ? 'declaration=recused&reason=Styremedlem' : JSON.stringify({ declaration: 'recused', reason: 'Styremedlem' });
    if (/\/assessment(\/submission)?$/.test(path)) {
      return form ? 'version=1&scores.fit.score=4&scores.fit.note=God&scores.plan.score=3&scores.plan.note=Grei' : JSON.stringify({ version: 1, scores });
    }
    // The case forms post the case as it stands (same caseworker and assessors), so nothing changes.
    if (method === 'PUT') return JSON.stringify({ amount: 0, caseworkerId: 'officer-seam', assessorIds: ['officer-seam'], expectedVersion: 3 });
    // A decision (one or a batch) is sent the round's one case.
    if (!form) return JSON.stringify({ applications: [{ applicationId: application.applicationId }] });
    return `amount=0&version=3&caseworkerId=officer-seam&assessorIds=officer-seam&applicationId=${application.applicationId}`;
  };

  function appWithSpy() {
    const asked: TenantId[] = [];
    const data: OfficerData = {
      calls: {
        listByTenant: async () => [openCall(tenantId)],
        get: async (owner, roundId) => (roundId === '2027-1' ? openCall(owner, { assessment: testAssessment }) : undefined),
        getVersioned: async (owner, roundId) => (roundId === '2027-1' ? { ...openCall(owner, { assessment: testAssessment }), version: 1 } : undefined),
        create: () => Promise.reject(new Error('not used')),
        change: () => Promise.reject(new Error('not used')),
      },
      ruleSets: { list: async () => [], get: async () => undefined },
      applications: {
        listSubmittedByRound: async () => [],
        get: async (owner, id) => (id === application.applicationId ? { ...application, tenantId: owner } : id === reported.applicationId ? { ...reported, tenantId: owner } : undefined),
        change: async () => undefined,
        listOfOrganisationInTenant: async () => [],
        listOrganisationsByRound: async () => new Set(),
      },
      // The assessor has a draft: a recusal, a save and a submission all go through.
      assessments: { get: async () => draftAssessment(application, principal.userId), listByApplication: async () => [], record: async () => undefined },
      standardTexts: { get: async () => undefined, save: async () => undefined },
      tenants: { getProfile: async () => undefined },
      caseEvents: { listForApplication: async () => [] },
      staff: { record: async () => undefined, list: async () => [{ userId: 'officer-seam', roles: ['officer'], lastSeenAt: '2027-01-10T10:00:00.000Z' }], remove: async () => true },
      funding: { listFor: async () => [] },
      registry: { lookup: async () => ({ status: 'unavailable', reason: 'timeout' }) },
      attachments: { getDownloadUrl: async () => 'http://localhost/download' },
      budget: { get: async (owner, grantYear) => ({ ...emptyPosition(owner, grantYear), allocationVersion: 1 }), change: () => Promise.reject(new Error('not used')), frameHistory: async () => [] },
      decisions: {
        // The letter page reads the decided case; the decision pages the recommended one.
        get: async (_owner, id) => (id === decided.applicationId ? decided : id === application.applicationId ? application : undefined),
        listByRound: async () => [application],
        budget: async (owner, grantYear) => ({ ...emptyPosition(owner, grantYear), allocationVersion: 1 }),
        commit: async () => undefined,
      },
      // The appeal routes are sent the decided case, with an appeal lodged against its decision.
      appeals: {
        get: async (_owner, id) => (id === application.applicationId ? appealed : undefined),
        record: async () => undefined,
        listByTenant: async () => [],
      },
      roundRules: { version: async (grantYear) => codeDefaultVersion(grantYear)! },
      payments: {
        get: async (_owner, id) => (id === application.applicationId ? application : undefined),
        budget: async (owner, grantYear) => ({ ...emptyPosition(owner, grantYear), allocationVersion: 1 }),
        listOfApplication: async () => [],
        record: async () => undefined,
        listUnexported: async () => [],
        saveExport: async () => undefined,
        listExports: async () => [],
        getExport: async (owner, id) => ({ exportId: id, tenantId: owner, createdAt: '2027-05-01T10:00:00.000Z', createdBy: 'officer-seam', payments: [], total: 0 }),
      },
      // No report yet: a draft save and a submission both go through.
      yearReports: { get: async () => undefined, save: async () => undefined },
    };
    const app = createOfficerApp({
      forTenant: (id) => {
        asked.push(id);
        return data;
      },
      auth,
      logger: createLogger('error'),
      baseUrl: 'http://localhost:3000',
      applicantLinks: async () => ({ signingSecret: { current: 'seam-test-signing-secret-of-32-characters' }, baseUrl: 'http://localhost:3000' }),
    });
    return { app, asked };
  }

  it('gives every officer route its data only through the signed-in tenant’s seam', async () => {
    // Prepare
    const { app } = appWithSpy();
    const routes = app.routes.filter((route) => route.method !== 'ALL' && !routesWithoutTenantData.test(route.path));
    expect(routes.map((route) => route.path)).toEqual(
      expect.arrayContaining(['/officer', '/officer/rounds/:roundId', '/officer/api/rounds', '/officer/budget/:year/admin-reservation', '/officer/applications/:applicationId/return', '/officer/api/applications/:applicationId/return']),
    );

    for (const route of routes) {
      const { app: fresh, asked } = appWithSpy();
      const caseId = route.path.endsWith('/letter') ? decided.applicationId : route.path.includes('/report') ? reported.applicationId : application.applicationId;
      const path = route.path
        .replace(':roundId', '2027-1')
        .replace('{roundId}', '2027-1')
        .replace(':year', '2027')
        .replace(':applicationId', caseId)
        .replace('{applicationId}', caseId)
        .replace(/[:{]userId}?/, 'officer-who-left')
        .replace(/[:{]exportId}?/, exportId);

      // Act
      // A form (POST) sends what a browser sends: the reservation as it stands, so nothing is written.
      const form = route.method === 'POST' && !path.startsWith('/officer/api/');
      const body = route.method === 'GET' ? undefined : bodyOf(route.method, path, form, route.path);
      const response = await fresh.request(`http://localhost:3000${path}`, {
        method: route.method,
        headers: { authorization: 'Bearer officer.seam.token', origin: 'http://localhost:3000', 'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json' },
        ...(body ? { body } : {}),
      });

      // Assess
      // A batch of decisions answers with its report (200), not a redirect: the report is the result.
      // The stub's round is open, so the round-changing routes read it through the seam and then
      // refuse by the round's own rules (an edit, a publication) or the body's (a new round).
      // A removal from the staff list answers 204 (nothing to show) from the API.
      const expected = form && !route.path.endsWith('/decisions') ? 303 : route.method === 'DELETE' ? 204 : 200;
      if (route.method !== 'GET' && (changesRound.test(route.path) || paysOrExports.test(route.path))) expect([200, 201, 303, 400, 409, 422], `${route.method} ${route.path}`).toContain(response.status);
      else expect(response.status, `${route.method} ${route.path}`).toBe(expected);
      expect(asked, `${route.method} ${route.path}`).toEqual([tenantId]);
    }
  });

  it('never opens the seam for a request without a verified officer', async () => {
    // Prepare
    const { app, asked } = appWithSpy();

    // Act
    const response = await app.request('http://localhost:3000/officer/api/rounds', { headers: { authorization: 'Bearer forged.seam.token' } });

    // Assess
    expect(response.status).toBe(401);
    expect(asked).toEqual([]);
  });
});
