/**
 * The officer's case page and API against DynamoDB Local, the registry stand-in and the local
 * identity provider: what a case shows, who may see and change it, assignment under a version
 * guard, the registry re-run, the timeline from events written by different repositories, and the
 * cross-tenant funding index written at submission.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationItem } from '../../functions/adapters/entities/application-item';
import { auditEventItem } from '../../functions/adapters/entities/audit-event-item';
import { fundingEntryItem } from '../../functions/adapters/entities/funding-entry-item';
import { demoUsersOf } from '../../infra/local/identity-provider';
import type { Application } from '../../shared/applications/application';
import { submitApplication } from '../../shared/applications/use-cases/submit-application';
import { formatKroner, kroner } from '../../shared/kernel/money';
import type { Tenant } from '../../shared/kernel/tenants';
import { rulesOfRound } from '../../shared/rounds/round-rules';
import { openCall } from '../support/calls';
import { completeDraft } from '../support/cases';
import { signIn, startSignInServer } from '../support/sign-in';
import { freshTenantId } from '../support/test-environment';
import { receiptMessage } from '../../web/emails/application-messages';

describe('the officer case page and API', () => {
  const alfa = freshTenantId('ca');
  const beta = freshTenantId('cb');
  const tenants: Tenant[] = [
    { tenantId: alfa, kind: 'municipality', name: `Alfaby ${alfa}`, kommunenummer: '3240', managingYears: [2027] },
    { tenantId: beta, kind: 'municipality', name: `Betaby ${beta}`, kommunenummer: '4601', managingYears: [2027] },
  ];
  const alfaRound = openCall(alfa, { administratorName: 'Alfaby kommune' });
  const betaRound = openCall(beta, { administratorName: 'Betaby kommune', kommunenummer: '4601' });
  let server: Awaited<ReturnType<typeof startSignInServer>>;
  const session: Record<string, { cookie: string; idToken: string }> = {};
  let alfaCase: Application;
  let betaCase: Application;
  let earlier: Application;

  async function submit(draft: Application, call = alfaRound) {
    await server.adapters.applications.create(draft, { eventId: ulid(), at: draft.createdAt, actor: `applicant:${draft.applicationId}`, action: 'create' }, [], []);
    const rules = await rulesOfRound(server.adapters.roundRules, call);
    const { application } = await submitApplication(
      { applications: server.adapters.applications, registry: server.adapters.registry, clock: () => new Date(), newId: () => ulid() },
      { call, rules: rules.ruleSet, application: draft, expectedVersion: draft.version },
      (submitted) => receiptMessage(submitted, call, `${server.baseUrl}/status`, { messageId: ulid(), createdAt: new Date().toISOString() }),
    );
    return application;
  }

  beforeAll(async () => {
    server = await startSignInServer();
    for (const tenant of tenants) await server.adapters.tenants.put(tenant);
    await server.adapters.calls.create(alfaRound);
    await server.adapters.calls.create(betaRound);
    for (const user of demoUsersOf(tenants)) {
      session[user.sub] = await signIn(server.baseUrl, 'officer', user.sub);
      // The first request of the day puts the user in the municipality's staff directory.
      expect((await fetch(`${server.baseUrl}/officer`, { headers: { cookie: session[user.sub]!.cookie } })).status).toBe(200);
    }
    alfaCase = await submit(completeDraft(alfa, alfaRound));
    betaCase = await submit(completeDraft(beta, betaRound, { reference: `B-${ulid().slice(-6)}` }), betaRound);
    earlier = completeDraft(alfa, { ...alfaRound, roundId: '2026-1', grantYear: 2026 }, {
      status: 'granted', version: 5, reference: `E-${ulid().slice(-6)}`, submittedAt: '2026-03-01T10:00:00.000Z',
      decision: {
        decisionId: ulid(), outcome: 'grant', amount: kroner(50_000), reasons: 'Godt prosjekt', conditions: '', decidedBy: 'approver', decidedAt: '2026-05-01T10:00:00.000Z',
        language: 'nb', appealDeadlineWeeks: 3, appealBody: 'municipality' as never, reportingDeadline: '2026-11-30T22:59:59.000Z', ruleSetVersion: 1,
      },
    });
    await server.adapters.applications.create(earlier, { eventId: ulid(), at: earlier.createdAt, actor: 'system:seed', action: 'create' }, [], []);
  }, 120_000);

  afterAll(async () => server?.close());

  const as = (sub: string) => ({ cookie: session[sub]!.cookie });
  const bearer = (sub: string) => ({ authorization: `Bearer ${session[sub]!.idToken}` });
  const get = (path: string, headers: Record<string, string>) => fetch(`${server.baseUrl}${path}`, { headers, redirect: 'manual' });
  const put = (path: string, sub: string, body: unknown) =>
    fetch(`${server.baseUrl}${path}`, { method: 'PUT', headers: { ...bearer(sub), 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const postForm = (path: string, sub: string, body: string) =>
    fetch(`${server.baseUrl}${path}`, {
      method: 'POST',
      headers: { ...as(sub), origin: server.baseUrl, 'content-type': 'application/x-www-form-urlencoded' },
      body,
      redirect: 'manual',
    });
  const caseOf = (application: Application) => `/officer/applications/${application.applicationId}`;
  const apiOf = (application: Application) => `/officer/api/applications/${application.applicationId}`;

  it('shows the case with its summary, findings and their rules, earlier applications with an overdue report, and the other municipality’s application', async () => {
    // Act
    const page = await get(caseOf(alfaCase), as(`officer-${alfa}`));
    const api = await get(apiOf(alfaCase), bearer(`officer-${alfa}`));

    // Assess
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`Sak ${alfaCase.reference}`);
    expect(html).toContain('Eidsvoll Leksehjelp');
    expect(html).toContain(formatKroner(kroner(50_000), 'nb'));
    expect(html).toContain('Last ned vedtekter.pdf');
    expect(html).toContain(earlier.reference);
    expect(html).toContain(`Tilskuddet fra 2026 (${earlier.reference}) har ingen godkjent rapport`);
    expect(html).toContain('Mulig dobbeltfinansiering');
    expect(html).toContain('Betaby kommune');
    expect(html).toContain(betaCase.reference);
    expect(api.status).toBe(200);
    const body = (await api.json()) as Record<string, unknown> & { possibleDoubleFunding: Record<string, unknown>[]; earlierApplications: { applicationId: string }[]; overdueReports: { applicationId: string }[] };
    expect(body.earlierApplications.map((each) => each.applicationId)).toEqual([earlier.applicationId]);
    expect(body.overdueReports.map((each) => each.applicationId)).toEqual([earlier.applicationId]);
    // Only the minimal fields of the other municipality's application, nothing personal. Other
    // suites file applications of the same demo organisation and year, so Beta's entry is picked out.
    expect(body.possibleDoubleFunding.filter((entry) => entry.tenantId === beta)).toEqual([
      {
        orgnr: '311100386', tenantId: beta, tenantName: 'Betaby kommune', roundId: betaRound.roundId, applicationId: betaCase.applicationId, reference: betaCase.reference,
        grantYear: 2027, status: 'submitted', amountApplied: 50_000, subGoals: ['A'], isOperatingGrant: false,
      },
    ]);
  });

  it('shows each screening finding with the rule it comes from', async () => {
    // Act: Beta's case is of an organisation registered in Eidsvoll, outside Betaby
    const html = await (await get(caseOf(betaCase), as(`officer-${beta}`))).text();
    const api = (await (await get(apiOf(betaCase), bearer(`officer-${beta}`))).json()) as { findings: { code: string; rule: string; severity: string }[] };

    // Assess
    expect(html).toContain('call.kommune');
    expect(html).toContain('Stopper søknaden');
    expect(api.findings).toContainEqual(expect.objectContaining({ code: 'organisation.address_outside_municipality', rule: 'call.kommune', severity: 'blocking' }));
  });

  it('writes the funding index entry at submission with no personal data', async () => {
    // Act
    const stored = await server.adapters.db.send(new GetCommand({ TableName: server.config.TABLE_NAME, Key: fundingEntryItem.key(alfaCase.orgnr, 2027, alfa, alfaCase.applicationId) }));

    // Assess
    expect(stored.Item).toBeDefined();
    const attributes = Object.keys(stored.Item!).sort();
    expect(attributes).toEqual(['PK', 'SK', 'amountApplied', 'applicationId', 'entity', 'grantYear', 'isOperatingGrant', 'orgnr', 'reference', 'roundId', 'status', 'subGoals', 'tenantId', 'tenantName'].sort());
    expect(JSON.stringify(stored.Item)).not.toContain('example.org');
  });

  it('answers 404 for another municipality’s case, on the page and in the API', async () => {
    // Act
    const responses = await Promise.all([
      get(caseOf(betaCase), as(`officer-${alfa}`)),
      get(apiOf(betaCase), bearer(`officer-${alfa}`)),
      get(`${apiOf(betaCase)}/events`, bearer(`officer-${alfa}`)),
      put(`${apiOf(betaCase)}/caseworker`, `officer-${alfa}`, { caseworkerId: `officer-${alfa}`, expectedVersion: betaCase.version }),
    ]);

    // Assess
    for (const response of responses) {
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain(betaCase.reference);
    }
  });

  it('refuses those without the permission with 403', async () => {
    // Act
    const assessorPage = await get(caseOf(alfaCase), as(`assessor-${alfa}`));
    const approverAssigns = await put(`${apiOf(alfaCase)}/caseworker`, `approver-${alfa}`, { caseworkerId: `officer-${alfa}`, expectedVersion: alfaCase.version });
    const approverRechecks = await fetch(`${server.baseUrl}${apiOf(alfaCase)}/registry-check`, { method: 'POST', headers: bearer(`approver-${alfa}`) });

    // Assess
    expect(assessorPage.status).toBe(403);
    expect(approverAssigns.status).toBe(403);
    expect(approverRechecks.status).toBe(403);
  });

  it('assigns the caseworker by name, starts the assessment, and lets one of two officers at once win', async () => {
    // Prepare
    const draft = await submit(completeDraft(alfa, alfaRound));

    // Act: two officers pick different caseworkers from the same version at once
    const [first, second] = await Promise.all([
      put(`${apiOf(draft)}/caseworker`, `officer-${alfa}`, { caseworkerId: `officer2-${alfa}`, expectedVersion: draft.version }),
      put(`${apiOf(draft)}/caseworker`, `admin-${alfa}`, { caseworkerId: `officer-${alfa}`, expectedVersion: draft.version }),
    ]);
    // A page form posted from the version before both
    const stale = await postForm(`${caseOf(draft)}/caseworker`, `officer-${alfa}`, `version=${draft.version}&caseworkerId=officer2-${alfa}`);

    // Assess
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const loser = first.status === 409 ? first : second;
    expect(await loser.json()).toMatchObject({ code: 'case.changed_meanwhile' });
    const stored = await server.adapters.applications.get(alfa, draft.applicationId);
    expect(stored).toMatchObject({ status: 'under_assessment', version: draft.version + 1 });
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(html).toContain('Noen andre endret saken samtidig');
    expect(html).toMatch(new RegExp(`<option value="officer2-${alfa}" selected`));
  });

  it('reassigns through the form with a log entry, assigns assessors and shows the whole timeline in the reader’s language', async () => {
    // Prepare: an event another repository writes about the case, and one the timeline has no label for
    const target = await submit(completeDraft(alfa, alfaRound));
    const entityKey = applicationItem.key(alfa, target.applicationId).PK;
    for (const [machine, action, at] of [['assessment', 'submit_assessment', '2030-01-01T10:00:00.000Z'], ['decision', 'archive_case', '2030-01-02T10:00:00.000Z']] as const) {
      await server.adapters.db.send(new PutCommand({
        TableName: server.config.TABLE_NAME,
        Item: auditEventItem.toItem({ tenantId: alfa, entityKey, eventId: ulid(), at, actor: `assessor-${alfa}`, machine, action, ids: { applicationId: target.applicationId, roundId: target.roundId } }),
      }));
    }

    // Act
    const assigned = await postForm(`${caseOf(target)}/caseworker`, `officer-${alfa}`, `version=${target.version}&caseworkerId=officer-${alfa}`);
    const reassigned = await postForm(`${caseOf(target)}/caseworker`, `officer-${alfa}`, `version=${target.version + 1}&caseworkerId=officer2-${alfa}`);
    const assessors = await postForm(`${caseOf(target)}/assessors`, `admin-${alfa}`, `version=${target.version + 2}&assessorIds=assessor-${alfa}&assessorIds=approver-${alfa}`);
    const rechecked = await fetch(`${server.baseUrl}${apiOf(target)}/registry-check`, { method: 'POST', headers: bearer(`officer-${alfa}`) });
    const events = (await (await get(`${apiOf(target)}/events?lang=en`, bearer(`officer-${alfa}`))).json()) as { events: { action: string; who: string; what: string; change?: string }[] };
    const page = await (await get(`${caseOf(target)}?lang=nn`, as(`officer-${alfa}`))).text();

    // Assess
    expect([assigned.status, reassigned.status, assessors.status]).toEqual([303, 303, 303]);
    expect(rechecked.status).toBe(200);
    expect(await rechecked.json()).toMatchObject({ registryCheck: { status: 'verified' } });
    expect(events.events.map((event) => event.action)).toEqual([
      'create', 'submit', 'assign_caseworker', 'start_assessment', 'assign_caseworker', 'assign_assessors', 'registry_recheck', 'submit_assessment', 'archive_case',
    ]);
    expect(events.events[1]).toMatchObject({ who: 'The applicant', what: 'The application was submitted', change: 'Draft → Received' });
    expect(events.events[4]).toMatchObject({ what: 'Caseworker assigned', change: `officer-${alfa} → Kari Saksbehandler` });
    expect(events.events[5]).toMatchObject({ change: '– → Aud Utvalgsmedlem, Per Leder' });
    expect(events.events[7]).toMatchObject({ who: 'Aud Utvalgsmedlem', what: 'Assessment submitted' });
    expect(events.events[8]).toMatchObject({ what: 'Event: archive case' });
    expect(page).toContain('Saksbehandlar: Kari Saksbehandler');
    expect(page).toContain('Vurderarar: Aud Utvalgsmedlem, Per Leder');
    expect(page).toContain('Registeret sjekka på nytt');
    expect(await server.adapters.applications.get(alfa, target.applicationId)).toMatchObject({ caseworker: { userId: `officer2-${alfa}`, name: 'Kari Saksbehandler' }, assessorIds: [`assessor-${alfa}`, `approver-${alfa}`] });
  });

  it('keeps an assessor list that names someone outside the staff directory from being saved, by the field', async () => {
    // Act
    const response = await postForm(`${caseOf(alfaCase)}/assessors`, `officer-${alfa}`, `version=${alfaCase.version}&assessorIds=stranger`);

    // Assess
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('Velg vurderere fra listen.');
  });
});
