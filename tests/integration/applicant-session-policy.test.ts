import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../functions/common/logger';
import { applicantApp, createCompositionRoot, type CompositionRoot, type Config } from '../../functions/composition';
import { ApplicantClient, flushOutbox, linkIn } from '../support/applicant-client';
import { eidsvollOrganisation, fillEverything } from '../support/application-form';
import { APPLICANT_FUNCTION_ROLE, APPLICANT_ROLE, audiencePolicies, tableArn } from '../support/audience-policies';
import { openCall } from '../support/calls';
import { holdToPolicy } from '../support/iam-policy-middleware';
import { emailsTo, freshRecipient } from '../support/mail-inbox';
import { startStsStandIn } from '../support/sts-stand-in';
import { freshTenantId, ownTableConfig, testAdapters } from '../support/test-environment';
import { kroner } from '../../shared/kernel/money';
import { NATIONAL_TENANT_ID } from '../../shared/kernel/tenants';
import { codeDefaultVersion } from '../../shared/rules/rule-set-version';
import { saveRuleSet } from '../../shared/rules/use-cases/save-rule-set';
import { signRecommendation } from '../../shared/decisions/signing';
import { composeLinkEmail, signingKeys } from '../../functions/common/signed-tokens';
import { decisionLetterEmail } from '../../web/emails/decision-letter';
import { recommendedApplication } from '../support/decisions';

type RequestHandler = { request: (input: string, init?: RequestInit) => Response | Promise<Response> };

/**
 * The applicant app as it runs in AWS: its own clients held to the applicant Lambda's execution
 * role, and every application's clients to the applicant session role tagged with that tenant and
 * application. A call outside either policy is refused as DynamoDB would refuse it, so a page that
 * answers below 500 made only calls its credentials allow.
 */
describe('the applicant journey held to the applicant roles’ policies', () => {
  const tenantId = freshTenantId('as');
  const call = openCall(tenantId, { deadline: '2027-03-01T11:00:00.000Z' });
  const now = new Date('2027-01-15T10:00:00.000Z');
  let sts: Awaited<ReturnType<typeof startStsStandIn>>;
  let config: Config;
  let root: CompositionRoot;
  let app: RequestHandler;
  /** The table as the tests see it, outside any policy: for the round they set up and the mail they send. */
  let unheld: ReturnType<typeof testAdapters>;

  beforeAll(async () => {
    sts = await startStsStandIn();
    config = { ...(await ownTableConfig()), APPLICANT_TENANT_ROLE_ARN: APPLICANT_ROLE, STS_ENDPOINT: sts.endpoint };
    const policies = audiencePolicies(config.TABLE_NAME);
    const policiesOf = (roleArn: string) => policies[roleArn] ?? [];
    root = createCompositionRoot(config, {
      clock: () => now,
      logger: createLogger('error'),
      onScopedClient: (client) => holdToPolicy(client, { policiesOf, sessionOf: (key) => sts.calls.find((each) => each.accessKeyId === key), tableArn }),
    });
    holdToPolicy(root.adapters.db, { policiesOf, sessionOf: () => ({ roleArn: APPLICANT_FUNCTION_ROLE, tags: {} }), tableArn });
    app = applicantApp(root, config.MAGIC_LINK_SECRET!);
    unheld = testAdapters(config);
    await unheld.calls.create(call);
  });
  afterAll(() => sts.close());

  async function started(client: ApplicantClient, email: string) {
    await client.get(`/calls/${tenantId}/${call.roundId}/apply`);
    // Asking for last year's answers makes the start query the organisation index as well.
    const response = await client.post(`/calls/${tenantId}/${call.roundId}/apply`, { orgnr: eidsvollOrganisation, email, prefill: 'yes' }, { guards: false });
    expect(response.status).toBe(303);
    return response.headers.get('location')!.replace(/\/contact$/, '');
  }

  it('starts, saves, uploads, submits, shows the status and resumes by a new link, each within its role', async () => {
    // Prepare
    const email = freshRecipient('rolle');
    const client = new ApplicantClient(app);

    // Act
    const applicationPath = await started(client, email);
    await fillEverything(client, applicationPath, email);
    const submitted = await client.post(`${applicationPath}/submit`, {});
    const status = await client.get(applicationPath);
    const resumed = await new ApplicantClient(app).post('/resume', { orgnr: eidsvollOrganisation, email }, { guards: false });
    await flushOutbox(unheld, () => now);
    const links = (await emailsTo(email)).filter((each) => /\/link\//.test(each.body.text ?? ''));
    const otherDevice = new ApplicantClient(app);
    const link = new URL(linkIn(links.at(-1)!));
    const opened = await otherDevice.post(link.pathname, {}, { guards: false });
    const statusElsewhere = await otherDevice.get(applicationPath);

    // Assess
    const applicationId = applicationPath.split('/').pop()!;
    expect(submitted.status).toBe(303);
    expect(submitted.headers.get('location')).toBe(`${applicationPath}/receipt`);
    expect(status.status).toBe(200);
    expect(resumed.status).toBe(200);
    expect(links).toHaveLength(2);
    expect(opened.headers.get('location')).toBe(applicationPath);
    expect(statusElsewhere.status).toBe(200);
    expect(await unheld.applications.get(tenantId, applicationId)).toMatchObject({ status: 'submitted', attachments: [{ kind: 'statutes' }] });
    expect(sts.calls.filter((each) => each.tags.applicationId === applicationId).map((each) => each.tags)).toContainEqual({ tenantId, applicationId });
  });

  it("reads a stored rule-set version, the rules of a round created under it, within the applicant Lambda's role", async () => {
    // Prepare: IMDi's version 2 of 2027, and a round that names it (written outside any policy)
    await saveRuleSet(
      { ruleSets: unheld.ruleSets, clock: () => now, newId: ulid },
      { grantYear: 2027, ruleSet: { ...codeDefaultVersion(2027)!.ruleSet, auditThreshold: kroner(40_000) }, basedOnVersion: 1, by: { userId: 'imdi', tenantId: NATIONAL_TENANT_ID } },
    );
    const underV2 = { ...call, roundId: 'under-v2', ruleSetVersion: 2 };
    await unheld.calls.create(underV2);
    const client = new ApplicantClient(app);

    // Act
    const page = await client.get(`/calls/${tenantId}/${underV2.roundId}/apply`);
    const started = await client.post(`/calls/${tenantId}/${underV2.roundId}/apply`, { orgnr: eidsvollOrganisation, email: freshRecipient('v2') }, { guards: false });
    const budget = await client.get(`${started.headers.get('location')!.replace(/\/contact$/, '')}/budget`);

    // Assess
    expect(page.status).toBe(200);
    expect(started.status).toBe(303);
    expect(budget.status).toBe(200);
    expect(client.lastPage).toContain('40\u00a0000');
  });

  it('accepts one grant and declines another, the decline returning the money to the budget, each within the session role', async () => {
    // Prepare: two granted applications of a round with a frame (written outside any policy)
    await unheld.budget.setFrame({ tenantId, name: 'Testby', grantYear: call.grantYear, frame: kroner(500_000), adminCap: kroner(25_000), allocationVersion: 1 }, undefined);
    const granted = async () => {
      const application = { ...recommendedApplication(call, { applied: 100_000 }), email: freshRecipient('svar') };
      await unheld.applications.create(application, { eventId: ulid(), at: application.createdAt, actor: 'test', action: 'start' }, [], []);
      const commitment = signRecommendation({ application, call, rules: codeDefaultVersion(call.grantYear)!, signer: { userId: 'approver' }, now, newId: ulid, composeLetter: decisionLetterEmail });
      await unheld.decisions.commit(commitment);
      const email = composeLinkEmail({ signingSecret: signingKeys(config.MAGIC_LINK_SECRET!), baseUrl: config.APP_BASE_URL, clock: () => now, newId: ulid }, commitment.next, call);
      await unheld.magicLinks.issue(email);
      const client = new ApplicantClient(app);
      const path = /\/link\/[\w.-]+/.exec(email.message.text)![0];
      expect((await client.post(path, {}, { guards: false })).status).toBe(303);
      await client.get(`/applications/${application.applicationId}`);
      return { client, path: `/applications/${application.applicationId}` };
    };
    const [accepting, declining] = [await granted(), await granted()];

    // Act
    const accepted = await accepting.client.post(`${accepting.path}/accept`, {});
    const declined = await declining.client.post(`${declining.path}/decline`, { confirmDecline: 'yes' });

    // Assess
    expect(accepted.status).toBe(303);
    expect(declined.status).toBe(303);
    expect(await unheld.budget.get(tenantId, call.grantYear)).toMatchObject({ awarded: 200_000, returned: 100_000 });
  });

  it('answers a session that names another application, or credentials of another application, with 404', async () => {
    // Prepare
    let served: RequestHandler = app;
    const client = new ApplicantClient({ request: (input, init) => served.request(input, init) });
    const ownPath = await started(client, freshRecipient('egen'));
    const otherPath = await started(new ApplicantClient(app), freshRecipient('annen'));
    // The same session, served by an app whose scope hands it another application's credentials.
    const misScoped = applicantApp({ ...root, forApplication: (tenant) => root.forApplication(tenant, ulid()) }, config.MAGIC_LINK_SECRET!);

    // Act
    const otherApplication = await client.get(`${otherPath}/contact`);
    served = misScoped;
    const refusedByPolicy = await client.get(`${ownPath}/contact`);

    // Assess
    expect(otherApplication.status).toBe(404);
    expect(refusedByPolicy.status).toBe(404);
    expect(await refusedByPolicy.text()).not.toContain('not authorized');
  });
});
