import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assumedRoleCredentials, createStsClient } from '../../functions/adapters/session-credentials';
import { startStsStandIn } from '../support/sts-stand-in';

const ROLE = 'arn:aws:iam::111122223333:role/OfficerSession';
const HOUR = 60 * 60 * 1000;
const START = Date.parse('2026-12-01T08:00:00.000Z');

let sts: Awaited<ReturnType<typeof startStsStandIn>>;
let clock = START;

beforeAll(async () => {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  // Sessions last an hour from the injected clock, so the test decides when they near expiry.
  sts = await startStsStandIn({ expiresAt: ({ durationSeconds }) => clock + durationSeconds * 1000, delayMs: 20 });
});
afterAll(() => sts.close());

const client = () => createStsClient({ AWS_REGION: 'eu-north-1', STS_ENDPOINT: sts.endpoint });
const callsFor = (tenantId: string) => sts.calls.filter((call) => call.tags.tenantId === tenantId);

describe('credentials of a tenant session', () => {
  it('assumes the role once per tenant for many requests, tagged with that tenant', async () => {
    // Prepare
    clock = START;
    const stsClient = client();
    const forT1 = assumedRoleCredentials(stsClient, { roleArn: ROLE, tags: { tenantId: 'k1-once' }, sessionName: 'officer-k1-once', now: () => clock });
    const forT2 = assumedRoleCredentials(stsClient, { roleArn: ROLE, tags: { tenantId: 'k2-once' }, sessionName: 'officer-k2-once', now: () => clock });

    // Act
    const first = await forT1();
    for (let request = 0; request < 50; request++) {
      await forT1();
      await forT2();
      clock += 60_000 / 2;
    }

    // Assess
    expect(callsFor('k1-once')).toHaveLength(1);
    expect(callsFor('k2-once')).toHaveLength(1);
    expect(callsFor('k1-once')[0]).toMatchObject({ roleArn: ROLE, sessionName: 'officer-k1-once', durationSeconds: 3600, tags: { tenantId: 'k1-once' } });
    expect(await forT1()).toBe(first);
  });

  it('opens a new session five minutes before the old one expires, not earlier', async () => {
    // Prepare
    clock = START;
    const provider = assumedRoleCredentials(client(), { roleArn: ROLE, tags: { tenantId: 'k3-refresh' }, sessionName: 'officer-k3-refresh', now: () => clock });
    const first = await provider();

    // Act
    clock = START + HOUR - 5 * 60_000 - 1;
    const beforeMargin = await provider();
    clock = START + HOUR - 5 * 60_000;
    const atMargin = await provider();

    // Assess
    expect(beforeMargin).toBe(first);
    expect(atMargin.accessKeyId).not.toBe(first.accessKeyId);
    expect(atMargin.expiration.getTime()).toBe(clock + HOUR);
    expect(callsFor('k3-refresh')).toHaveLength(2);
  });

  it('lets concurrent first requests of a tenant share one AssumeRole call', async () => {
    // Prepare
    clock = START;
    const provider = assumedRoleCredentials(client(), { roleArn: ROLE, tags: { tenantId: 'k4-burst' }, sessionName: 'officer-k4-burst', now: () => clock });

    // Act
    const results = await Promise.all(Array.from({ length: 25 }, () => provider()));

    // Assess
    expect(callsFor('k4-burst')).toHaveLength(1);
    expect(new Set(results.map((credentials) => credentials.accessKeyId)).size).toBe(1);
  });

  it('sends the application as a second tag for an applicant session', async () => {
    // Prepare
    const provider = assumedRoleCredentials(client(), {
      roleArn: ROLE,
      tags: { tenantId: 'k5-app', applicationId: '01JD0000000000000000000000' },
      sessionName: 'applicant-01JD0000000000000000000000',
    });

    // Act
    await provider();

    // Assess
    expect(callsFor('k5-app')[0]?.tags).toEqual({ tenantId: 'k5-app', applicationId: '01JD0000000000000000000000' });
  });

  it('tries again on the next request after STS fails', async () => {
    // Prepare
    const provider = assumedRoleCredentials(createStsClient({ AWS_REGION: 'eu-north-1', STS_ENDPOINT: 'http://127.0.0.1:9' }), {
      roleArn: ROLE,
      tags: { tenantId: 'k6-fail' },
      sessionName: 'officer-k6-fail',
    });

    // Act
    const attempts = await Promise.allSettled([provider(), provider()]);

    // Assess
    expect(attempts.map((attempt) => attempt.status)).toEqual(['rejected', 'rejected']);
    await expect(provider()).rejects.toThrow();
  });
});
