import { Hono } from 'hono';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessRefusedError } from '../../functions/adapters/access-refusal';
import { createLogger } from '../../functions/common/logger';
import { createCompositionRoot, type CompositionRoot } from '../../functions/composition';
import type { AppEnv } from '../../functions/http/common/app-env';
import type { Authentication } from '../../functions/http/common/authentication';
import { handleError } from '../../functions/http/common/error-handling';
import { requestContext } from '../../functions/http/common/request-context';
import { createOfficerApp } from '../../functions/http/officer/app';
import type { TenantId } from '../../shared/kernel/tenants';
import { APPLICANT_ROLE, audiencePolicies, OFFICER_ROLE, tableArn } from '../support/audience-policies';
import { openCall } from '../support/calls';
import { completeDraft } from '../support/cases';
import { recommendation, recommendedApplication } from '../support/decisions';
import { signDecisions } from '../../shared/decisions/use-cases/sign-decisions';
import { kroner } from '../../shared/kernel/money';
import { codeDefaultVersion } from '../../shared/rules/rule-set-version';
import { decisionLetterEmail } from '../../web/emails/decision-letter';
import { fundingEntryOf } from '../../shared/applications/funding-index';
import type { Orgnr } from '../../shared/kernel/orgnr';
import { holdToPolicy } from '../support/iam-policy-middleware';
import { signRecommendation } from '../../shared/decisions/signing';
import { acceptGrant } from '../../shared/decisions/use-cases/accept-grant';
import { recordPayment } from '../../shared/payments/use-cases/record-payment';
import { exportPayments } from '../../shared/payments/use-cases/export-payments';
import { currentYearReportFigures } from '../../shared/year-reports/source';
import { saveYearReportDraft } from '../../shared/year-reports/use-cases/save-year-report-draft';
import { submitYearReport } from '../../shared/year-reports/use-cases/submit-year-report';
import { grantAnswerEmail } from '../../web/emails/grant-answer';
import { startStsStandIn } from '../support/sts-stand-in';
import { freshTenantId, testAdapters, testConfig } from '../support/test-environment';

describe('tenant-scoped repositories held to the session role policy', () => {
  const alfa = freshTenantId('ta');
  const beta = freshTenantId('tb');
  const alfaRound = openCall(alfa, { roundId: ulid() });
  const betaRound = openCall(beta, { roundId: ulid() });
  const shared = testAdapters();
  let sts: Awaited<ReturnType<typeof startStsStandIn>>;
  let root: CompositionRoot;

  beforeAll(async () => {
    sts = await startStsStandIn();
    const config = testConfig({ OFFICER_TENANT_ROLE_ARN: OFFICER_ROLE, APPLICANT_TENANT_ROLE_ARN: APPLICANT_ROLE, STS_ENDPOINT: sts.endpoint });
    const policies = audiencePolicies(config.TABLE_NAME);
    root = createCompositionRoot(config, {
      logger: createLogger('error'),
      onScopedClient: (client) =>
        holdToPolicy(client, {
          policiesOf: (roleArn) => policies[roleArn] ?? [],
          sessionOf: (accessKeyId) => sts.calls.find((call) => call.accessKeyId === accessKeyId),
          tableArn,
        }),
    });
    // Alfa's round is written through its own session, so the policy allows the entity's put;
    // Beta's round exists, so a refusal below is IAM's, not an empty answer.
    await root.forTenant(alfa).calls.create(alfaRound);
    await shared.calls.create(betaRound);
  });
  afterAll(() => sts.close());

  it("passes an officer's calls on their own tenant's data through to DynamoDB Local", async () => {
    // Prepare
    const data = root.forTenant(alfa);

    // Act
    const round = await data.calls.get(alfa, alfaRound.roundId);
    const rounds = await data.calls.listByTenant(alfa);
    const received = await data.applications.listSubmittedByRound(alfa, alfaRound.roundId);
    const profile = await data.tenants.getProfile(alfa);

    // Assess
    expect(round?.roundId).toBe(alfaRound.roundId);
    expect(rounds.map((each) => each.roundId)).toEqual([alfaRound.roundId]);
    expect(received).toEqual([]);
    expect(profile).toBeUndefined();
    expect(sts.calls.filter((call) => call.tags.tenantId === alfa)).toHaveLength(1);
  });

  it("refuses a repository call that names another tenant's id, by policy", async () => {
    // Prepare
    const data = root.forTenant(alfa);

    // Act
    const byKey = data.calls.get(beta, betaRound.roundId);
    const byQuery = data.calls.listByTenant(beta);
    const byIndex = data.applications.listSubmittedByRound(beta, betaRound.roundId);
    const byTransaction = data.calls.close({
      tenantId: beta,
      roundId: betaRound.roundId,
      expectedVersion: 1,
      at: '2026-12-01T08:00:00.000Z',
      eventId: ulid(),
      actor: 'officer-alfa',
    });

    // Assess
    for (const attempt of [byKey, byQuery, byIndex, byTransaction]) {
      const error = await attempt.then(() => undefined, (refusal: unknown) => refusal);
      expect(error).toBeInstanceOf(AccessRefusedError);
      expect((error as AccessRefusedError).code).toBe('access.refused');
      expect((error as Error & { cause: Error }).cause.name).toBe('AccessDeniedException');
    }
    expect(await shared.calls.get(beta, betaRound.roundId)).toMatchObject({ roundId: betaRound.roundId, status: 'open' });
  });

  it('refuses national keys and the cross-tenant indexes to an officer session', async () => {
    // Prepare
    const data = root.forTenant(alfa);

    // Act
    const attempts = [data.tenants.list(), data.tenants.get(alfa), data.calls.listOpen()];

    // Assess
    for (const attempt of attempts) await expect(attempt).rejects.toBeInstanceOf(AccessRefusedError);
  });

  it("serves an officer's own pages and API through the tenant session, within the session role's policy", async () => {
    // Prepare
    const auth: Authentication = {
      settings: { issuer: 'https://issuer.example', clientId: 'fordel-test' },
      metadata: () => Promise.reject(new Error('not used')),
      knownMetadata: () => undefined,
      revoke: async () => undefined,
      verify: async () => ({ userId: 'officer-alfa', tenantId: alfa, roles: ['officer'] }),
    };
    const app = createOfficerApp({ forTenant: root.forTenant, auth, logger: createLogger('error'), baseUrl: 'http://localhost:3000' });
    const get = (path: string) => app.request(`http://localhost:3000${path}`, { headers: { authorization: 'Bearer officer.alfa.token' } });

    // Act
    const responses = await Promise.all(['/officer', '/officer/api/rounds', `/officer/rounds/${alfaRound.roundId}`].map(get));

    // Assess
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200]);
    expect(await responses[1]!.json()).toMatchObject({ rounds: [{ roundId: alfaRound.roundId }] });
  });

  it('answers a refused call without a 5xx and without naming the role, the resource or the other tenant', async () => {
    // Prepare
    const app = new Hono<AppEnv>();
    app.use('*', requestContext(createLogger('error')));
    app.onError(handleError);
    app.get('/api/rounds/:tenantId/:roundId', async (c) =>
      c.json(await root.forTenant(alfa).calls.get(c.req.param('tenantId') as TenantId, c.req.param('roundId'))),
    );

    // Act
    const response = await app.request(`/api/rounds/${beta}/${betaRound.roundId}`);
    // The problem echoes the path the caller asked for; the rest is what the refusal tells them.
    const { instance, ...problem } = (await response.json()) as Record<string, unknown>;
    const body = JSON.stringify(problem);

    // Assess
    expect(response.status).toBeLessThan(500);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(instance).toBe(`/api/rounds/${beta}/${betaRound.roundId}`);
    expect(problem).toMatchObject({ code: 'access.refused', title: 'Vi finner ikke det du ba om.' });
    for (const secret of [beta, betaRound.roundId, 'arn:aws', 'OfficerSession', 'not authorized', 'dynamodb:']) {
      expect(body).not.toContain(secret);
    }
  });

  it("holds an applicant session to its own application's item", async () => {
    // Prepare
    const own = ulid();
    const data = root.forApplication(alfa, own);

    // Act
    const ownApplication = await data.applications.get(alfa, own);
    const round = await data.calls.get(alfa, alfaRound.roundId);
    const another = data.applications.get(alfa, ulid());

    // Assess
    expect(ownApplication).toBeUndefined();
    expect(round?.roundId).toBe(alfaRound.roundId);
    await expect(another).rejects.toBeInstanceOf(AccessRefusedError);
    expect(sts.calls.find((call) => call.tags.applicationId === own)?.tags).toEqual({ tenantId: alfa, applicationId: own });
  });

  it('lets an officer session read its own staff directory, case timeline and organisation list, the funding index and rule-set versions, and nothing of another tenant’s', async () => {
    // Prepare
    const data = root.forTenant(alfa);
    const orgnr = '311100386' as Orgnr;

    // Act
    await data.staff.record(alfa, { userId: 'officer-alfa', name: 'Alf', roles: ['officer'], lastSeenAt: '2027-01-10T10:00:00.000Z' });
    const staff = await data.staff.list(alfa);
    const events = await data.caseEvents.listForApplication(alfa, ulid());
    const ownOrganisation = await data.applications.listOfOrganisationInTenant(alfa, orgnr);
    const funding = await data.funding.listFor(orgnr, 2027);
    const rules = await data.roundRules.version(2027, 1);
    const refused = [
      data.staff.list(beta),
      data.caseEvents.listForApplication(beta, ulid()),
      data.applications.listOfOrganisationInTenant(beta, orgnr),
      // The cross-tenant organisation index stays closed to officers.
      data.applications.listByOrganisation(orgnr),
    ];

    // Assess
    expect(staff.map((member) => member.name)).toEqual(['Alf']);
    expect(events).toEqual([]);
    expect(ownOrganisation).toEqual([]);
    expect(Array.isArray(funding)).toBe(true);
    expect(rules.grantYear).toBe(2027);
    for (const attempt of refused) await expect(attempt).rejects.toBeInstanceOf(AccessRefusedError);
  });

  it('lets an officer session create a round under a year’s code default rules, locking them without writing national rules', async () => {
    // Prepare: 2022's rules as the code has them (stored or not by other suites, the lock is the same write)
    const rules = codeDefaultVersion(2022)!;
    const round = openCall(alfa, { roundId: ulid(), grantYear: 2022 });

    // Act
    await root.forTenant(alfa).calls.create(round, rules, { eventId: ulid(), at: '2022-01-10T10:00:00.000Z', actor: 'officer:admin-alfa', action: 'create' });

    // Assess: the round is there, and version 1 still reads as the year's rules
    expect((await root.forTenant(alfa).calls.get(alfa, round.roundId))?.grantYear).toBe(2022);
    expect((await root.forTenant(alfa).roundRules.version(2022, 1)).ruleSet.grantYear).toBe(2022);
  });

  it('lets an officer session take someone off its own staff directory, and never off another tenant’s', async () => {
    // Prepare
    await root.forTenant(alfa).staff.record(alfa, { userId: 'left-alfa', name: 'Liv', roles: ['officer'], lastSeenAt: '2027-01-10T10:00:00.000Z' });
    const audit = { eventId: ulid(), at: '2027-02-01T10:00:00.000Z', actor: 'officer:admin-alfa' };

    // Act
    const removed = await root.forTenant(alfa).staff.remove(alfa, 'left-alfa', audit);
    const refused = await root.forTenant(alfa).staff.remove(beta, 'someone-of-beta', { ...audit, eventId: ulid() }).then(() => undefined, (error: unknown) => error);

    // Assess
    expect(removed).toBe(true);
    expect((await root.forTenant(alfa).staff.list(alfa)).map((member) => member.userId)).not.toContain('left-alfa');
    expect(refused).toBeInstanceOf(AccessRefusedError);
  });

  it('lets an officer session put the funding index entry with a decision, so other municipalities see what was granted', async () => {
    // Prepare: a recommended application in Alfa's round, and Alfa's frame for the award
    const application = recommendedApplication(alfaRound, { applied: 80_000, recommend: recommendation('grant_partly', 50_000) });
    await shared.applications.create(application, { eventId: ulid(), at: application.createdAt, actor: 'test', action: 'create' }, [], []);
    await shared.budget.setFrame({ tenantId: alfa, name: 'Alfa', grantYear: alfaRound.grantYear, frame: kroner(500_000), adminCap: kroner(0), allocationVersion: 1 }, undefined);

    // Act: the approver signs through Alfa's session
    const [result] = await signDecisions(
      { decisions: root.forTenant(alfa).decisions, clock: () => new Date('2027-04-10T08:00:00.000Z'), newId: ulid, composeLetter: decisionLetterEmail },
      { tenantId: alfa, call: alfaRound, rules: codeDefaultVersion(alfaRound.grantYear)!, signer: { userId: 'approver-alfa', name: 'Anne' }, selected: [{ applicationId: application.applicationId }] },
    );

    // Assess
    expect(result?.result).toBe('decided');
    const entries = await root.forTenant(beta).funding.listFor(application.orgnr, alfaRound.grantYear);
    expect(entries.find((entry) => entry.applicationId === application.applicationId)).toMatchObject({ status: 'partly_granted', amountApplied: 80_000, amountAwarded: 50_000 });
  });

  it('lets an officer session record a payment and export the payment file, and never reach another tenant’s file', async () => {
    // Prepare: an accepted grant of Alfa's, of an organisation the demo registry knows as active
    const application = { ...recommendedApplication(alfaRound, { applied: 30_000, recommend: recommendation('grant', 30_000) }), orgnr: '311100386' as Orgnr };
    await shared.applications.create(application, { eventId: ulid(), at: application.createdAt, actor: 'test', action: 'create' }, [], []);
    await shared.budget.setFrame({ tenantId: alfa, name: 'Alfa', grantYear: alfaRound.grantYear, frame: kroner(500_000), adminCap: kroner(0), allocationVersion: 1 }, undefined);
    const signed = signRecommendation({ application, call: alfaRound, rules: codeDefaultVersion(alfaRound.grantYear)!, signer: { userId: 'approver-alfa' }, now: new Date(), newId: ulid, composeLetter: decisionLetterEmail });
    await shared.decisions.commit(signed);
    const accepted = await acceptGrant({ grants: shared.decisions, clock: () => new Date(), newId: ulid, composeGrantAnswer: grantAnswerEmail }, { application: signed.next });
    const data = root.forTenant(alfa);

    // Act: the caseworker pays and exports through Alfa's session
    const paid = await recordPayment({ payments: data.payments, registry: data.registry, clock: () => new Date(), newId: ulid }, { application: accepted, instalment: 1, expectedVersion: accepted.version, actor: 'officer-alfa' });
    const { export: file } = await exportPayments({ payments: data.payments, clock: () => new Date(), newId: ulid }, { tenantId: alfa, actor: 'officer-alfa' });
    const foreign = await root.forTenant(beta).payments.getExport(alfa, file.exportId).then(() => undefined, (error: unknown) => error);

    // Assess
    expect(paid.status).toBe('paid');
    expect(file.payments.map((payment) => payment.applicationId)).toContain(application.applicationId);
    expect(await data.payments.getExport(alfa, file.exportId)).toMatchObject({ exportId: file.exportId, total: file.total });
    expect(foreign).toBeInstanceOf(AccessRefusedError);
  });

  it('lets an officer session save and send its own year report with the figures read through the session, and never reach another tenant’s', async () => {
    // Prepare: Alfa's round has the received applications the figures are read from
    const data = root.forTenant(alfa);
    const texts = { experiences: 'Gode erfaringer', cooperation: 'Godt samarbeid', challenges: 'Lokaler' };
    const grantYear = alfaRound.grantYear;

    // Act: the admin saves a draft and sends it through Alfa's session
    await saveYearReportDraft({ yearReports: data.yearReports }, { tenantId: alfa, grantYear, expectedVersion: 0, assessments: texts, actor: 'admin-alfa', now: new Date(), eventId: ulid() });
    const sent = await submitYearReport(
      { yearReports: data.yearReports, currentFigures: () => currentYearReportFigures(data, alfa, grantYear) },
      { tenantId: alfa, grantYear, expectedVersion: 1, actor: 'admin-alfa', now: new Date(), eventId: ulid() },
    );
    const foreign = await root.forTenant(beta).yearReports.get(alfa, grantYear).then(() => undefined, (error: unknown) => error);

    // Assess
    expect(sent.status).toBe('submitted');
    expect(sent.figures!.applicationsReceived).toBeGreaterThan(0);
    expect(await data.yearReports.get(alfa, grantYear)).toMatchObject({ status: 'submitted', version: 2 });
    expect(foreign).toBeInstanceOf(AccessRefusedError);
  });

  it('lets an applicant session put its application’s funding index entry with its submission', async () => {
    // Prepare
    const draft = completeDraft(alfa, alfaRound);
    const data = root.forApplication(alfa, draft.applicationId);
    await data.applications.create(draft, { eventId: ulid(), at: draft.createdAt, actor: `applicant:${draft.applicationId}`, action: 'create' }, [], []);
    const submitted = { ...draft, status: 'submitted' as const, version: 2 };

    // Act
    await data.applications.change({
      next: submitted,
      expectedStatus: 'draft',
      audit: { eventId: ulid(), at: draft.createdAt, actor: `applicant:${draft.applicationId}`, action: 'submit' },
      funding: fundingEntryOf(submitted, alfaRound),
    });

    // Assess
    const entries = await root.forTenant(alfa).funding.listFor(draft.orgnr, draft.grantYear);
    expect(entries.map((entry) => entry.applicationId)).toContain(draft.applicationId);
  });
});
