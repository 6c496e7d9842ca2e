/**
 * The officer and national Lambdas as deployed, called with the bearer token a user gets from the
 * local identity provider; the bundles fetch its keys from its JWKS as they would Cognito's.
 */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsersOf, type LocalUser } from '../../infra/local/identity-provider';
import type { Tenant } from '../../shared/kernel/tenants';
import { openCall } from '../support/calls';
import { signIn, startSignInServer } from '../support/sign-in';
import { freshTenantId } from '../support/test-environment';
import { BundledLambda, httpApiEvent, lambdaEnvironment } from './bundled-lambda';
import { ulid } from 'ulid';
import { signRecommendation } from '../../shared/decisions/signing';
import { acceptGrant } from '../../shared/decisions/use-cases/accept-grant';
import { kroner } from '../../shared/kernel/money';
import type { Orgnr } from '../../shared/kernel/orgnr';
import { codeDefaultVersion } from '../../shared/rules/rule-set-version';
import { decisionLetterEmail } from '../../web/emails/decision-letter';
import { grantAnswerEmail } from '../../web/emails/grant-answer';
import { recommendation, recommendedApplication } from '../support/decisions';

describe('the officer and national bundles behind API Gateway', () => {
  const alfa = freshTenantId('ba');
  const beta = freshTenantId('bb');
  const imdi = freshTenantId('bn');
  const tenants: Tenant[] = [
    { tenantId: alfa, kind: 'municipality', name: `Alfaby ${alfa}`, kommunenummer: '3201', managingYears: [2027] },
    { tenantId: beta, kind: 'municipality', name: `Betaby ${beta}`, kommunenummer: '4601', managingYears: [2027] },
    { tenantId: imdi, kind: 'national', name: `IMDi ${imdi}`, managingYears: [2027] },
  ];
  const [alfaOfficer, , nationalAdmin] = demoUsersOf(tenants) as [LocalUser, LocalUser, LocalUser];
  let server: Awaited<ReturnType<typeof startSignInServer>>;
  let officer: BundledLambda;
  let national: BundledLambda;

  beforeAll(async () => {
    server = await startSignInServer();
    for (const tenant of tenants) await server.adapters.tenants.put(tenant);
    await server.adapters.calls.create(openCall(alfa));
    await server.adapters.calls.create(openCall(beta, { roundId: 'beta-only' }));
    const environment = lambdaEnvironment(server.config);
    [officer, national] = await Promise.all([BundledLambda.start('officer', environment), BundledLambda.start('national', environment)]);
  });

  afterAll(async () => {
    officer?.stop();
    national?.stop();
    await server?.close();
  });

  /** A GET through API Gateway with the user's ID token as bearer. */
  async function getAs(lambda: BundledLambda, path: string, sub: string, audience: 'officer' | 'national') {
    const { idToken } = await signIn(server.baseUrl, audience, sub);
    const request = new Request(`https://api.example.test${path}`, { headers: { authorization: `Bearer ${idToken}`, accept: 'application/json' } });
    return lambda.invoke<APIGatewayProxyStructuredResultV2>(await httpApiEvent(request));
  }

  it('lists an officer’s own rounds', async () => {
    // Act
    const result = await getAs(officer, '/officer/api/rounds', alfaOfficer.sub, 'officer');

    // Assess
    expect(result.statusCode).toBe(200);
    const body = JSON.parse(result.body!) as { tenantId: string; rounds: { roundId: string }[] };
    expect(body.tenantId).toBe(alfa);
    expect(body.rounds.map((round) => round.roundId)).toEqual(['2027-1']);
  });

  it('answers 404 when an officer asks for another municipality’s round', async () => {
    // Act
    const result = await getAs(officer, '/officer/api/rounds/beta-only', alfaOfficer.sub, 'officer');

    // Assess
    expect(result.statusCode).toBe(404);
    expect(result.headers?.['content-type']).toContain('application/problem+json');
    expect(result.body).not.toContain(beta);
  });

  it('gives IMDi the tenant register with each administrator’s rounds', async () => {
    // Act
    const result = await getAs(national, '/national/api/tenants', nationalAdmin.sub, 'national');

    // Assess
    expect(result.statusCode).toBe(200);
    const body = JSON.parse(result.body!) as { tenants: { tenantId: string; roundsByStatus: Record<string, number> }[] };
    expect(body.tenants).toContainEqual(expect.objectContaining({ tenantId: alfa, roundsByStatus: { open: 1 } }));
  });

  it('records a payment of an accepted grant and exports the payment file, and IMDi’s national figures count both the award and the payment', async () => {
    // Prepare: Alfa's accepted grant (in a round of its own, after the tests that count Alfa's rounds) to an organisation the demo registry knows as active
    const call = openCall(alfa, { roundId: '2027-9' });
    await server.adapters.calls.create(call);
    await server.adapters.budget.setFrame({ tenantId: alfa, name: 'Alfaby', grantYear: 2027, frame: kroner(500_000), adminCap: kroner(0), allocationVersion: 1 }, undefined);
    const application = { ...recommendedApplication(call, { applied: 40_000, recommend: recommendation('grant', 40_000) }), orgnr: '311100386' as Orgnr };
    await server.adapters.applications.create(application, { eventId: ulid(), at: application.createdAt, actor: 'test', action: 'start' }, [], []);
    const signed = signRecommendation({ application, call, rules: codeDefaultVersion(2027)!, signer: { userId: 'approver' }, now: new Date(), newId: ulid, composeLetter: decisionLetterEmail });
    await server.adapters.decisions.commit(signed);
    await acceptGrant({ grants: server.adapters.decisions, clock: () => new Date(), newId: ulid, composeGrantAnswer: grantAnswerEmail }, { application: signed.next });
    const { idToken } = await signIn(server.baseUrl, 'officer', alfaOfficer.sub);
    const postAs = async (path: string, body: unknown) =>
      officer.invoke<APIGatewayProxyStructuredResultV2>(await httpApiEvent(new Request(`https://api.example.test${path}`, {
        method: 'POST', body: JSON.stringify(body), headers: { authorization: `Bearer ${idToken}`, 'content-type': 'application/json', accept: 'application/json' },
      })));

    // Act
    const paid = await postAs(`/officer/api/applications/${application.applicationId}/payments`, { instalment: 1 });
    const exported = await postAs('/officer/api/payment-exports', {});
    const dashboard = await getAs(national, '/national/api/dashboard/2027', nationalAdmin.sub, 'national');

    // Assess
    expect(paid.statusCode).toBe(201);
    expect(JSON.parse(paid.body!)).toMatchObject({ status: 'paid', payment: { amount: 40_000, reference: `${application.reference} 1/1` } });
    expect(exported.statusCode).toBe(201);
    expect(JSON.parse(exported.body!)).toMatchObject({ export: { count: 1, total: 40_000 }, remaining: 0 });
    expect(dashboard.statusCode).toBe(200);
    const alfaRow = (JSON.parse(dashboard.body!) as { municipalities: { tenantId: string }[] }).municipalities.find((row) => row.tenantId === alfa);
    expect(alfaRow).toMatchObject({ frame: 500_000, grants: 1, amountAwarded: 40_000, amountPaid: 40_000 });
  });
});
