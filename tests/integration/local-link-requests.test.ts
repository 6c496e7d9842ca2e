/**
 * The local runtime delivers a link request's email by itself: `npm start`'s scheduler runs the
 * send-outbox job, which resolves the request and sends the link to the SES stand-in's inbox.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalApp } from '../../infra/local/local-server';
import { LOCAL_JOB_INTERVALS_MS, startLocalScheduler, type LocalScheduler } from '../../infra/local/scheduler';
import { ApplicantClient } from '../support/applicant-client';
import { openCall } from '../support/calls';
import { emailsTo, freshRecipient } from '../support/mail-inbox';
import { freshTenantId, ownTableConfig } from '../support/test-environment';

/** A demo organisation registered in Eidsvoll (3240), in Frivillighetsregisteret. */
const organisation = '311100386';

describe('link requests in the local runtime', () => {
  const tenantId = freshTenantId('lokal');
  let local: ReturnType<typeof createLocalApp>;
  let scheduler: LocalScheduler | undefined;

  beforeAll(async () => {
    // A table of its own: the scheduler's sender takes whatever is pending in its table.
    local = createLocalApp(await ownTableConfig());
    await local.adapters.calls.create(openCall(tenantId, { opensAt: '2026-11-01T00:00:00.000Z' }));
  });
  afterAll(() => scheduler?.stop());

  it('sends the link of a request on the resume page to the inbox within a run of the scheduler', { timeout: 60_000 }, async () => {
    // Prepare
    const email = freshRecipient('lokal');
    const client = new ApplicantClient(local.app);
    expect((await client.post(`/calls/${tenantId}/2027-1/apply`, { orgnr: organisation, email }, { guards: false })).status).toBe(303);
    scheduler = startLocalScheduler(local.compositionRoot);
    const linkEmails = async () => (await emailsTo(email)).filter((each) => /\/link\//.test(each.body.text ?? ''));
    await waitFor(async () => (await linkEmails()).length === 1, LOCAL_JOB_INTERVALS_MS.sendOutbox * 3);

    // Act
    const asked = await new ApplicantClient(local.app).post('/resume', { orgnr: organisation, email }, { guards: false });

    // Assess
    expect(asked.status).toBe(200);
    await waitFor(async () => (await linkEmails()).length === 2, LOCAL_JOB_INTERVALS_MS.sendOutbox * 3);
  });
});

async function waitFor(condition: () => Promise<boolean>, withinMs: number) {
  const until = Date.now() + withinMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error(`Not within ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
