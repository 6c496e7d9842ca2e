/**
 * Reconciling the tenant-year aggregates against the real DynamoDB Local, with applications
 * submitted and withdrawn through the real use cases, so the counters are the ones their
 * transactions add.
 *
 * The job reads the whole tenant register, so this file gets a table of its own; each test uses a
 * grant year of its own, so one test's tampering is not another's drift.
 */
import { DeleteCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../functions/common/logger';
import { createReconcileAggregatesHandler } from '../../functions/jobs/reconcile-aggregates/handler';
import { ZERO_COUNTERS, type AggregateRepository } from '../../shared/national/aggregates';
import type { Application } from '../../shared/applications/application';
import type { Call } from '../../shared/rounds/call';
import type { Kroner } from '../../shared/kernel/money';
import type { Orgnr } from '../../shared/kernel/orgnr';
import type { OrganisationRegistry } from '../../shared/applications/ports';
import { aggregateItem } from '../../functions/adapters/entities/aggregate-item';
import type { TenantId } from '../../shared/kernel/tenants';
import { reconcileAggregates } from '../../shared/national/use-cases/reconcile-aggregates';
import { submitApplication } from '../../shared/applications/use-cases/submit-application';
import { withdrawApplication } from '../../shared/applications/use-cases/withdraw-application';
import { lambdaContext } from '../support/api-gateway-event';
import { openCall } from '../support/calls';
import { freshTenantId, ownTableConfig, testAdapters } from '../support/test-environment';
import { registryRecord } from '../unit/builders';
import { ruleSetFor } from '../../shared/rules/rule-set-for';
import { codeDefaultVersion } from '../../shared/rules/rule-set-version';
import { signRecommendation } from '../../shared/decisions/signing';
import { acceptGrant } from '../../shared/decisions/use-cases/accept-grant';
import { declineGrant } from '../../shared/decisions/use-cases/decline-grant';
import { lapseUnacceptedGrants } from '../../shared/decisions/use-cases/lapse-unaccepted-grants';
import { decisionLetterEmail } from '../../web/emails/decision-letter';
import { grantAnswerEmail } from '../../web/emails/grant-answer';
import { recommendedApplication } from '../support/decisions';

const config = await ownTableConfig();
const adapters = testAdapters(config);
const tenantId = freshTenantId('recon');
const clock = () => new Date('2030-06-01T10:00:00.000Z');
const registry: OrganisationRegistry = {
  lookup: () => Promise.reject(new Error('a verified application is not looked up again')),
};

beforeAll(async () => {
  await adapters.tenants.put({ tenantId, kind: 'municipality', name: 'Avstemmingby', kommunenummer: '3240', managingYears: [] });
});

async function round(grantYear: number, roundId = `${grantYear}-1`): Promise<Call> {
  const call = openCall(tenantId, { roundId, grantYear, opensAt: '2030-01-01T00:00:00.000Z', deadline: '2030-12-01T11:00:00.000Z', extraQuestions: [] });
  await adapters.calls.create(call);
  return call;
}

/** A complete draft, as the form leaves it just before the applicant presses submit. */
function draft(call: Call, amountApplied: number): Application {
  const at = '2030-05-01T10:00:00.000Z';
  const applicationId = ulid();
  return {
    tenantId,
    roundId: call.roundId,
    applicationId,
    reference: `R-${applicationId.slice(-6)}`,
    grantYear: call.grantYear,
    orgnr: '974760673' as Orgnr,
    organisationName: 'EIDSVOLL INTERNASJONALE KVINNEFORENING',
    email: 'kari.nordmann@example.org',
    status: 'draft',
    version: 1,
    createdAt: at,
    updatedAt: at,
    language: 'nb',
    registryCheck: { status: 'verified', checkedAt: at, record: registryRecord(), findings: [] },
    contact: { contactName: 'Kari Nordmann', email: 'kari.nordmann@example.org', phone: '+4791234567', accountNumber: '12345678903' },
    project: {
      title: 'Språkkafé',
      description: 'Ukentlig språkkafé.',
      subGoals: ['A'],
      targetGroup: 'Nyankomne',
      activities: 'Samtaler',
      location: 'Biblioteket',
      startDate: `${call.grantYear}-02-01`,
      endDate: `${call.grantYear}-11-30`,
      expectedParticipants: 30,
      volunteerHours: 200,
    } as Application['project'],
    budget: { costs: [{ label: 'Leie', amount: amountApplied as Kroner }], otherIncome: [], ownContribution: 0 as Kroner, amountApplied: amountApplied as Kroner },
    attachments: [{ kind: 'statutes', key: `${applicationId}/vedtekter.pdf`, filename: 'vedtekter.pdf', contentType: 'application/pdf', size: 1000, uploadedAt: at }],
  };
}

/** Starts and submits an application through the real use case; its transaction adds to the aggregate. */
async function submitted(call: Call, amountApplied: number): Promise<Application> {
  const application = draft(call, amountApplied);
  await adapters.applications.create(application, { eventId: ulid(), at: application.createdAt, actor: 'test', action: 'start' }, [], []);
  const result = await submitApplication(
    { applications: adapters.applications, registry, clock, newId: ulid },
    { call, rules: ruleSetFor(call.grantYear), application, expectedVersion: application.version },
    (s) => ({ messageId: ulid(), tenantId, kind: 'application-receipt', to: s.email, subject: 'Kvittering', text: 'Mottatt.', createdAt: clock().toISOString() }),
  );
  return result.application;
}

async function withdrawn(application: Application): Promise<Application> {
  return withdrawApplication({ applications: adapters.applications, clock, newId: ulid }, { application, expectedVersion: application.version, call: { administratorName: 'Testby kommune' } });
}

/** Adds to the stored counters behind the applications' back, as a bug or a bad restore would. */
async function tamper(grantYear: number, applicationsSubmitted: number, amountApplied: number): Promise<void> {
  await adapters.db.send(
    new UpdateCommand({
      TableName: config.TABLE_NAME,
      Key: aggregateItem.key(tenantId, grantYear),
      UpdateExpression: 'ADD applicationsSubmitted :n, amountApplied :amount',
      ExpressionAttributeValues: { ':n': applicationsSubmitted, ':amount': amountApplied },
    }),
  );
}

const deps = { tenants: adapters.tenants, calls: adapters.calls, applications: adapters.applications, aggregates: adapters.aggregates, clock };

describe('reconciling the tenant-year aggregates', () => {
  it('finds no drift after submissions and withdrawals in several rounds', async () => {
    // Prepare
    const first = await round(2022, '2022-1');
    const second = await round(2022, '2022-2');
    const a = await submitted(first, 50_000);
    await submitted(first, 20_000);
    await submitted(second, 35_000);
    await withdrawn(a);

    // Act
    const result = await reconcileAggregates(deps, { grantYears: [2022] });

    // Assess
    expect(result).toMatchObject({ checked: 1, drifting: 0, repaired: 0, changed: 0, drifts: [] });
    expect(await adapters.aggregates.get(tenantId, 2022)).toMatchObject({
      applicationsSubmitted: 2,
      applicationsWithdrawn: 1,
      amountApplied: 55_000,
    });
  });

  it('counts grants accepted, declined and lapsed with the money returned as their transactions add them, and repairs a drift in them', async () => {
    // Prepare: three grants of 2029 signed on 10 April, with a frame; their submissions counted as submitting adds them
    const call = await round(2029);
    await adapters.budget.setFrame({ tenantId, name: 'Avstemmingby', grantYear: 2029, frame: 1_000_000 as Kroner, adminCap: 50_000 as Kroner, allocationVersion: 1 }, undefined);
    const signedAt = new Date('2029-04-10T09:00:00Z');
    const grants: Application[] = [];
    for (const amount of [100_000, 60_000, 40_000]) {
      const application = recommendedApplication(call, { applied: amount });
      await adapters.applications.create(application, { eventId: ulid(), at: application.createdAt, actor: 'test', action: 'start' }, [], []);
      const commitment = signRecommendation({ application, call, rules: codeDefaultVersion(2027)!, signer: { userId: 'approver' }, now: signedAt, newId: ulid, composeLetter: decisionLetterEmail });
      await adapters.decisions.commit(commitment);
      grants.push(commitment.next);
    }
    await tamper(2029, 3, 200_000);
    const answering = { grants: adapters.decisions, clock: () => new Date('2029-04-20T10:00:00Z'), newId: ulid, composeGrantAnswer: grantAnswerEmail };
    await acceptGrant(answering, { application: grants[0]! });
    await declineGrant(answering, { application: grants[1]! });
    await lapseUnacceptedGrants({ ...answering, clock: () => new Date('2029-05-10T10:00:00Z') });

    // Act
    const clean = await reconcileAggregates(deps, { grantYears: [2029] });
    await adapters.db.send(new UpdateCommand({ TableName: config.TABLE_NAME, Key: aggregateItem.key(tenantId, 2029), UpdateExpression: 'ADD grantsLapsed :one', ExpressionAttributeValues: { ':one': 1 } }));
    const repaired = await reconcileAggregates(deps, { grantYears: [2029], repair: true });

    // Assess
    expect(clean).toMatchObject({ checked: 1, drifting: 0 });
    expect(repaired).toMatchObject({ drifting: 1, repaired: 1 });
    expect(repaired.drifts[0]?.drift).toEqual({ grantsLapsed: -1 });
    expect(await adapters.aggregates.get(tenantId, 2029)).toMatchObject({ grantsAccepted: 1, grantsDeclined: 1, grantsLapsed: 1, amountReturnedUnaccepted: 100_000 });
  });

  it('reports drift after the aggregate item is changed directly, and leaves it as it is', async () => {
    // Prepare
    const call = await round(2023);
    await submitted(call, 40_000);
    await tamper(2023, 2, 15_000);

    // Act
    const result = await reconcileAggregates(deps, { grantYears: [2023] });

    // Assess
    expect(result.drifts).toEqual([
      {
        tenantId,
        grantYear: 2023,
        stored: { ...ZERO_COUNTERS, applicationsSubmitted: 3, applicationsWithdrawn: 0, amountApplied: 55_000 },
        recomputed: { ...ZERO_COUNTERS, applicationsSubmitted: 1, applicationsWithdrawn: 0, amountApplied: 40_000 },
        drift: { applicationsSubmitted: -2, amountApplied: -15_000 },
        outcome: 'reported',
      },
    ]);
    expect(await adapters.aggregates.get(tenantId, 2023)).toMatchObject({ applicationsSubmitted: 3, amountApplied: 55_000 });
  });

  it('repairs a drifting aggregate so that the next run finds none', async () => {
    // Prepare
    const call = await round(2024);
    const a = await submitted(call, 40_000);
    await withdrawn(a);
    await tamper(2024, -1, 10_000);

    // Act
    const repair = await reconcileAggregates(deps, { grantYears: [2024], repair: true });
    const after = await reconcileAggregates(deps, { grantYears: [2024] });

    // Assess
    expect(repair).toMatchObject({ drifting: 1, repaired: 1, changed: 0 });
    expect(after).toMatchObject({ checked: 1, drifting: 0 });
    expect(await adapters.aggregates.get(tenantId, 2024)).toEqual({
      tenantId,
      grantYear: 2024,
      ...ZERO_COUNTERS,
      applicationsWithdrawn: 1,
    });
  });

  it('recreates a lost aggregate item on the roll-up index', async () => {
    // Prepare: the item is lost (say, a restore from before the submissions)
    const call = await round(2025);
    await submitted(call, 12_000);
    await adapters.db.send(new DeleteCommand({ TableName: config.TABLE_NAME, Key: aggregateItem.key(tenantId, 2025) }));

    // Act
    const result = await reconcileAggregates(deps, { grantYears: [2025], repair: true });

    // Assess
    expect(result.drifts[0]).toMatchObject({ stored: { applicationsSubmitted: 0, amountApplied: 0 }, outcome: 'repaired' });
    const { Item } = await adapters.db.send(new GetCommand({ TableName: config.TABLE_NAME, Key: aggregateItem.key(tenantId, 2025), ConsistentRead: true }));
    expect(Item).toMatchObject({
      GSI3PK: aggregateItem.yearList(2025),
      GSI3SK: tenantId,
      tenantId,
      grantYear: 2025,
      applicationsSubmitted: 1,
      applicationsWithdrawn: 0,
      amountApplied: 12_000,
    });
  });

  it('refuses a repair that races a submission, reports it as changed and keeps the submission counted', async () => {
    // Prepare
    const call = await round(2026);
    await submitted(call, 30_000);
    await tamper(2026, 5, 5);
    let raced = false;
    const racing: Pick<AggregateRepository, 'get' | 'reset'> = {
      get: (...args) => adapters.aggregates.get(...args),
      // A submission commits between the run's reads and its repair.
      reset: async (...args) => {
        await submitted(call, 8_000);
        raced = true;
        return adapters.aggregates.reset(...args);
      },
    };

    // Act
    const result = await reconcileAggregates({ ...deps, aggregates: racing }, { grantYears: [2026], repair: true });

    // Assess
    expect(raced).toBe(true);
    expect(result).toMatchObject({ drifting: 1, repaired: 0, changed: 1 });
    expect(result.drifts[0]?.outcome).toBe('changed');
    // The tampered counters plus the racing submission's ADD: nothing was overwritten.
    expect(await adapters.aggregates.get(tenantId, 2026)).toMatchObject({ applicationsSubmitted: 7, amountApplied: 38_005 });
    const next = await reconcileAggregates(deps, { grantYears: [2026], repair: true });
    expect(next).toMatchObject({ repaired: 1 });
    expect(await adapters.aggregates.get(tenantId, 2026)).toMatchObject({ applicationsSubmitted: 2, amountApplied: 38_000 });
  });
});

describe('the reconcile-aggregates job handler', () => {
  function capturingLogger() {
    const lines: string[] = [];
    return { lines, logger: createLogger('debug', {}, (line) => lines.push(line)) };
  }

  it('logs a warning with ids and numbers for a drifting tenant-year, and repairs only when asked', async () => {
    // Prepare
    const call = await round(2027);
    await submitted(call, 25_000);
    await tamper(2027, 1, 1_000);
    const { lines, logger } = capturingLogger();
    const handler = createReconcileAggregatesHandler({ ...deps, logger, settleMs: 0 });

    // Act
    const report = await handler({ grantYear: 2027 }, lambdaContext);
    const repair = await handler({ grantYear: 2027, repair: true }, lambdaContext);
    const after = await handler({ grantYear: 2027 }, lambdaContext);

    // Assess
    expect(report).toEqual({ repair: 0, checked: 1, drifting: 1, repaired: 0, changed: 0 });
    expect(repair).toEqual({ repair: 1, checked: 1, drifting: 1, repaired: 1, changed: 0 });
    expect(after).toEqual({ repair: 0, checked: 1, drifting: 0, repaired: 0, changed: 0 });
    const warnings = lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((l) => l.level === 'warn');
    expect(warnings[0]).toMatchObject({
      message: 'aggregate drift',
      job: 'reconcile-aggregates',
      tenantId,
      grantYear: 2027,
      outcome: 'reported',
      stored_applicationsSubmitted: 2,
      recomputed_applicationsSubmitted: 1,
      drift_applicationsSubmitted: -1,
      drift_amountApplied: -1_000,
    });
    expect(warnings[1]).toMatchObject({ outcome: 'repaired' });
    expect(lines.join('\n')).not.toContain('kari.nordmann');
  });

  it('refuses an event it cannot read, and fails the run', async () => {
    // Prepare
    const { logger } = capturingLogger();
    const handler = createReconcileAggregatesHandler({ ...deps, logger });

    // Act
    const run = handler({ repair: 'yes' }, lambdaContext);

    // Assess
    await expect(run).rejects.toThrow();
  });
});
