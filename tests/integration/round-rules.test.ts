/**
 * A round's applicants are judged by the rule-set version the round was created under, not by the
 * code defaults: IMDi saves version 2 of 2027 with a lower audit threshold, a round created after
 * that uses it, and a round of version 1 keeps the default. On a table of this file's own: rule
 * sets are national data that other files would share.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Config } from '../../functions/composition/config';
import { formatKroner, kroner } from '../../shared/kernel/money';
import { NATIONAL_TENANT_ID } from '../../shared/kernel/tenants';
import { createRound } from '../../shared/rounds/use-cases/create-round';
import { codeDefaultVersion } from '../../shared/rules/rule-set-version';
import { ruleSetsFrom } from '../../shared/rules/rule-sets';
import { saveRuleSet } from '../../shared/rules/use-cases/save-rule-set';
import { ApplicantClient, testApplicantApp } from '../support/applicant-client';
import { eidsvollOrganisation, fillEverything } from '../support/application-form';
import { openCall } from '../support/calls';
import { freshRecipient } from '../support/mail-inbox';
import { freshTenantId, ownTableConfig } from '../support/test-environment';

const now = new Date('2027-01-15T10:00:00.000Z');
const deadline = '2027-03-01T11:00:00.000Z';
/** Version 2's threshold: the journey's 50 000 kr application needs audited accounts under it, not under the default 100 000. */
const loweredThreshold = kroner(40_000);

describe('the rules of a round are the version it was created under', () => {
  const tenantId = freshTenantId('rr');
  let config: Config;
  let harness: ReturnType<typeof testApplicantApp>;

  beforeAll(async () => {
    config = await ownTableConfig();
    harness = testApplicantApp(config, () => now);
    const { adapters } = harness;
    // Version 1 (the code default) is what this round names, by naming none.
    await adapters.calls.create(openCall(tenantId, { roundId: 'under-v1', deadline }));
    await saveRuleSet(
      { ruleSets: adapters.ruleSets, clock: () => now, newId: () => `${Date.now()}` },
      { grantYear: 2027, ruleSet: { ...codeDefaultVersion(2027)!.ruleSet, auditThreshold: loweredThreshold }, basedOnVersion: 1, by: { userId: 'imdi-admin', tenantId: NATIONAL_TENANT_ID } },
    );
    const round = await createRound({ calls: adapters.calls, ruleSets: ruleSetsFrom(adapters.ruleSets) }, openCall(tenantId, { roundId: 'under-v2', deadline }));
    expect(round.ruleSetVersion).toBe(2);
  });

  /** Starts an application of the round, fills every section (50 000 kr, statutes only) and submits it. */
  async function applyTo(roundId: string) {
    const client = new ApplicantClient(harness.app);
    const email = freshRecipient(roundId);
    await client.get(`/calls/${tenantId}/${roundId}/apply`);
    const started = await client.post(`/calls/${tenantId}/${roundId}/apply`, { orgnr: eidsvollOrganisation, email }, { guards: false });
    expect(started.status).toBe(303);
    const applicationPath = started.headers.get('location')!.replace(/\/contact$/, '');
    await client.get(`${applicationPath}/budget`);
    const budgetPage = client.lastPage;
    await fillEverything(client, applicationPath, email);
    const review = client.lastPage;
    // A review with problems offers no submit button; the form's guards are taken from another step.
    await client.get(`${applicationPath}/attachments`);
    const submitted = await client.post(`${applicationPath}/submit`, {});
    return { budgetPage, review, submitted, refusal: submitted.status === 303 ? '' : await submitted.text() };
  }

  it("refuses a submission by version 2's audit threshold in a round created under it", async () => {
    // Act
    const { budgetPage, review, submitted, refusal } = await applyTo('under-v2');

    // Assess
    expect(budgetPage).toContain(formatKroner(loweredThreshold, 'nb'));
    expect(review).toContain(formatKroner(loweredThreshold, 'nb'));
    expect(submitted.status).toBe(422);
    expect(refusal).toContain(formatKroner(loweredThreshold, 'nb'));
  });

  it('keeps the default threshold for a round of version 1, created before IMDi saved version 2', async () => {
    // Act
    const { budgetPage, review, submitted } = await applyTo('under-v1');

    // Assess
    expect(budgetPage).toContain(formatKroner(kroner(100_000), 'nb'));
    expect(budgetPage).not.toContain(formatKroner(loweredThreshold, 'nb'));
    expect(review).not.toContain(formatKroner(loweredThreshold, 'nb'));
    expect(submitted.status).toBe(303);
  });

  it('reads a round’s version from DynamoDB once per container, then from memory', async () => {
    // Prepare: a fresh app, so nothing is cached yet
    const fresh = testApplicantApp(config, () => now);
    const reads = vi.spyOn(fresh.adapters.ruleSets, 'get');

    // Act
    for (let page = 0; page < 3; page++) {
      expect((await fresh.app.request(`/calls/${tenantId}/under-v2/apply`)).status).toBe(200);
      expect((await fresh.app.request(`/calls/${tenantId}/under-v1/apply`)).status).toBe(200);
    }

    // Assess
    expect(reads.mock.calls).toEqual([[2027, 2], [2027, 1]]);
  });
});
