import { beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../functions/composition/config';
import { RESUME_EMAILS_PER_ADDRESS, RESUMES_PER_CLIENT, START_EMAILS_PER_ADDRESS } from '../../functions/http/common/rate-limits';
import { flushOutbox, testApplicantApp } from '../support/applicant-client';
import { openCall } from '../support/calls';
import { emailsTo, freshRecipient } from '../support/mail-inbox';
import { freshTenantId, ownTableConfig } from '../support/test-environment';

/** A demo organisation registered in Eidsvoll (3240), in Frivillighetsregisteret. */
const eidsvollOrganisation = '311100386';

/** What the node server gives a request as its environment: the socket the client came from. */
const fromSocket = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });
/** What the Lambda adapter gives a request: API Gateway's view of the client. */
const fromApiGateway = (sourceIp: string) => ({ event: {}, requestContext: { http: { sourceIp } } });

describe('rate limits on the forms that send email', () => {
  let config: Config;
  const tenantId = freshTenantId('rl');
  const now = new Date('2027-01-15T10:00:00.000Z');
  let harness: ReturnType<typeof testApplicantApp>;

  beforeAll(async () => {
    config = await ownTableConfig();
    harness = testApplicantApp(config, () => now);
    await harness.adapters.calls.create(openCall(tenantId, { opensAt: '2026-11-01T00:00:00.000Z' }));
  });

  function post(path: string, fields: Record<string, string>, env?: object, headers: Record<string, string> = {}) {
    const init = {
      method: 'POST',
      body: new URLSearchParams(fields),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost:3000', 'accept-language': 'nn', ...headers },
    };
    return harness.app.request(`http://localhost:3000${path}`, init, env);
  }

  it('sends at most the limit of link emails to one address, however often it asks', async () => {
    // Prepare
    const email = freshRecipient('gjentar');
    expect((await post(`/calls/${tenantId}/2027-1/apply`, { orgnr: eidsvollOrganisation, email })).status).toBe(303);
    await flushOutbox(harness.adapters, () => now);

    // Act: 30 quick requests, from as many addresses, so only the per-address limit applies
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) => post('/resume', { orgnr: eidsvollOrganisation, email }, fromSocket(`198.51.100.${i + 1}`))),
    );
    await flushOutbox(harness.adapters, () => now);

    // Assess
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(RESUME_EMAILS_PER_ADDRESS.limit);
    expect(statuses.filter((status) => status === 429)).toHaveLength(30 - RESUME_EMAILS_PER_ADDRESS.limit);
    const links = (await emailsTo(email)).length - 1;
    expect(links).toBe(RESUME_EMAILS_PER_ADDRESS.limit);
  });

  it('answers 429 with Retry-After in the user’s language and keeps what they typed', async () => {
    // Prepare
    const email = freshRecipient('ukjend');
    for (let i = 0; i < RESUME_EMAILS_PER_ADDRESS.limit; i++) await post('/resume', { orgnr: eidsvollOrganisation, email });

    // Act
    const refused = await post('/resume', { orgnr: eidsvollOrganisation, email });

    // Assess
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const page = await refused.text();
    expect(page).toContain('Du har sendt dette skjemaet for mange gonger på kort tid.');
    expect(page).toContain(`value="${email}"`);
    expect(page).toContain(`value="${eidsvollOrganisation}"`);
  });

  it('sends at most the limit of start emails to a stranger’s address', async () => {
    // Prepare
    const stranger = freshRecipient('framand');

    // Act
    const responses = [];
    for (let i = 0; i < 15; i++) {
      responses.push(await post(`/calls/${tenantId}/2027-1/apply`, { orgnr: eidsvollOrganisation, email: stranger }, fromApiGateway(`203.0.113.${i + 1}`)));
    }
    await flushOutbox(harness.adapters, () => now);

    // Assess
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 303)).toHaveLength(START_EMAILS_PER_ADDRESS.limit);
    const refused = responses.find((response) => response.status === 429)!;
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.text()).toContain(`value="${stranger}"`);
    expect(await emailsTo(stranger)).toHaveLength(START_EMAILS_PER_ADDRESS.limit);
  });

  it('limits one client by the address the platform saw, whatever X-Forwarded-For claims', async () => {
    // Act
    const statuses = [];
    for (let i = 0; i <= RESUMES_PER_CLIENT.limit; i++) {
      const response = await post('/resume', { orgnr: eidsvollOrganisation, email: freshRecipient('klient') }, fromSocket('192.0.2.77'), {
        'x-forwarded-for': `10.0.0.${i}`,
      });
      statuses.push(response.status);
    }

    // Assess
    expect(statuses.slice(0, RESUMES_PER_CLIENT.limit).every((status) => status === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('answers a link request for a known and an unknown address byte for byte the same, and only later mails the known one', async () => {
    // Prepare
    const known = freshRecipient('kjend');
    expect((await post(`/calls/${tenantId}/2027-1/apply`, { orgnr: eidsvollOrganisation, email: known })).status).toBe(303);
    await flushOutbox(harness.adapters, () => now);
    const unknown = freshRecipient('ukjend');
    // The one part of an answer that differs per request by design is its id; give both the same.
    const sameRequestId = { 'x-request-id': 'same-request-id-for-both' };

    // Act
    const forKnown = await post('/resume', { orgnr: eidsvollOrganisation, email: known }, fromSocket('192.0.2.201'), sameRequestId);
    const forUnknown = await post('/resume', { orgnr: eidsvollOrganisation, email: unknown }, fromSocket('192.0.2.202'), sameRequestId);
    const bodies = [Buffer.from(await forKnown.arrayBuffer()), Buffer.from(await forUnknown.arrayBuffer())];
    const mailBeforeJob = (await emailsTo(known)).length;
    await flushOutbox(harness.adapters, () => now);

    // Assess
    expect(forKnown.status).toBe(200);
    expect(forUnknown.status).toBe(forKnown.status);
    expect(bodies[0]!.equals(bodies[1]!)).toBe(true);
    expect([...forUnknown.headers.entries()]).toEqual([...forKnown.headers.entries()]);
    // The page only recorded the request: the email comes from the job, for the known address only.
    expect(mailBeforeJob).toBe(1);
    const afterJob = await emailsTo(known);
    expect(afterJob).toHaveLength(2);
    expect(afterJob.at(-1)!.body.text).toMatch(/\/link\//);
    expect(await emailsTo(unknown)).toHaveLength(0);
  });
});
