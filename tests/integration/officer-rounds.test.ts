import { beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../functions/http/common/authentication';
import { createLogger } from '../../functions/http/common/logger';
import { createOfficerApp } from '../../functions/http/officer/app';
import { createCloseRoundsHandler } from '../../functions/jobs/close-rounds/handler';
import { ruleSetsFrom } from '../../shared/rules/rule-sets';
import type { Config } from '../../functions/composition/config';
import { oneTokenAuthentication } from '../support/one-token-auth';
import { freshTenantId, ownTableConfig, testAdapters } from '../support/test-environment';

const base = 'http://localhost:3000';

describe('municipal officers create, publish, edit, correct and cancel rounds', () => {
  const tenantId = freshTenantId('rd');
  const other = freshTenantId('ro');
  let config: Config;
  let adapters: ReturnType<typeof testAdapters>;

  const appAs = (principal: Principal) =>
    createOfficerApp({ forTenant: () => adapters, auth: oneTokenAuthentication(`${principal.userId}.test.token`, principal), logger: createLogger('error'), baseUrl: base });
  const admin = () => appAs({ userId: 'admin-rd', tenantId, roles: ['officer', 'municipal-admin'] });
  const caseworker = () => appAs({ userId: 'officer-rd', tenantId, roles: ['officer'] });
  const post = (app: ReturnType<typeof appAs>, user: string, path: string, fields: Record<string, string | string[]>) => {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(fields)) for (const each of [value].flat()) body.append(name, each);
    return app.request(`${base}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${user}.test.token`, origin: base, 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    });
  };
  const get = (app: ReturnType<typeof appAs>, user: string, path: string) => app.request(`${base}${path}`, { headers: { authorization: `Bearer ${user}.test.token` } });

  const form = (overrides: Record<string, string | string[]> = {}) => ({
    'title.nb': 'Sommeraktiviteter 2027',
    'summary.nb': 'For lag som lager møteplasser i sommerferien.',
    grantYear: '2027',
    opensAt: '2027-02-01T09:00',
    deadline: '2027-03-01T12:00',
    reportingDeadline: '2028-03-01T12:00',
    subGoals: ['A', 'B'],
    minAmount: '10 000',
    maxAmount: '100 000',
    scaleMin: '1',
    scaleMax: '6',
    assessorsPerApplication: '2',
    criteriaRows: '3',
    'criteria.0.label': 'Når målgruppen',
    'criteria.0.weight': '3',
    'criteria.1.label': 'Realistisk plan',
    'criteria.1.weight': '1',
    'appealBodyName.nb': 'Klagenemnda',
    preliminaryReplyWithinDays: '30',
    ...overrides,
  });

  beforeAll(async () => {
    config = await ownTableConfig();
    adapters = testAdapters(config);
  });

  async function createDraft() {
    const response = await post(admin(), 'admin-rd', '/officer/rounds/new', form());
    expect(response.status).toBe(303);
    const roundId = /\/officer\/rounds\/([^?]+)/.exec(response.headers.get('location') ?? '')![1]!;
    return decodeURIComponent(roundId);
  }

  it('creates a draft round under the year’s current rules, with a readable id, and locks that version', async () => {
    // Act
    const roundId = await createDraft();

    // Assess
    expect(roundId).toMatch(/^2027-\d+$/);
    const round = await adapters.calls.get(tenantId, roundId);
    expect(round).toMatchObject({ status: 'draft', title: { nb: 'Sommeraktiviteter 2027', nn: 'Sommeraktiviteter 2027', en: 'Sommeraktiviteter 2027' } });
    expect(round?.assessment?.criteria.map((c) => c.weight)).toEqual([3, 1]);
    expect(round?.criteria.map((c) => c.nb)).toEqual(['Når målgruppen', 'Realistisk plan']);
    const version = await ruleSetsFrom(adapters.ruleSets).version(2027, round!.ruleSetVersion!);
    expect(version.locked).toBe(true);
  });

  it('gives concurrent creations different ids', async () => {
    // Act
    const [a, b] = await Promise.all([createDraft(), createDraft()]);

    // Assess
    expect(a).not.toBe(b);
  });

  it('shows every violation by its field and keeps what was typed (422)', async () => {
    // Act
    const response = await post(admin(), 'admin-rd', '/officer/rounds/new?lang=en', form({ maxAmount: '99 000 000', deadline: '2027-01-01T12:00', 'title.nb': 'Kept title' }));

    // Assess
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('Kept title');
    expect(html).toContain('The call must open before the application deadline.');
  });

  it('adds a criterion row without saving anything', async () => {
    // Act
    const response = await post(admin(), 'admin-rd', '/officer/rounds/new', form({ addRow: 'criteria' }));

    // Assess
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('name="criteria.3.label"');
  });

  it('refuses a caseworker without rounds.manage (403) and hides another municipality’s round (404)', async () => {
    // Prepare
    const roundId = await createDraft();

    // Act
    const refused = await post(caseworker(), 'officer-rd', '/officer/rounds/new', form());
    const publish = await post(caseworker(), 'officer-rd', `/officer/rounds/${roundId}/publication`, {});
    const foreign = await get(appAs({ userId: 'admin-ro', tenantId: other, roles: ['officer', 'municipal-admin'] }), 'admin-ro', `/officer/rounds/${roundId}`);

    // Assess
    expect(refused.status).toBe(403);
    expect(publish.status).toBe(403);
    expect(foreign.status).toBe(404);
  });

  it('refuses an edit made on an old version (409) and keeps what was typed', async () => {
    // Prepare
    const roundId = await createDraft();
    const first = await post(admin(), 'admin-rd', `/officer/rounds/${roundId}/edit`, form({ version: '1', 'title.nb': 'Første' }));
    expect(first.status).toBe(303);

    // Act
    const second = await post(admin(), 'admin-rd', `/officer/rounds/${roundId}/edit`, form({ version: '1', 'title.nb': 'Andre' }));

    // Assess
    expect(second.status).toBe(409);
    expect(await second.text()).toContain('Andre');
    expect((await adapters.calls.get(tenantId, roundId))?.title.nb).toBe('Første');
  });

  it('publishes, opens by the job at the opening time, takes a correction with a later deadline, and cancels', async () => {
    // Prepare
    const roundId = await createDraft();

    // Act: publish
    const published = await post(admin(), 'admin-rd', `/officer/rounds/${roundId}/publication`, { version: '1' });
    expect(published.status).toBe(303);
    expect((await adapters.calls.get(tenantId, roundId))?.status).toBe('published');

    // Act: the scheduled job after the opening time
    const job = createCloseRoundsHandler({ calls: adapters.calls, clock: () => new Date('2027-02-01T09:00:01Z'), newId: () => crypto.randomUUID(), logger: createLogger('error') });
    const summary = await job({}, { awsRequestId: 'test' } as never);
    expect(summary).toMatchObject({ opened: expect.any(Number) });
    const opened = await adapters.calls.getVersioned(tenantId, roundId);
    expect(opened?.status).toBe('open');
    expect((await adapters.calls.listOpen()).some((call) => call.roundId === roundId && call.tenantId === tenantId)).toBe(true);

    // Act: a correction moving the deadline later, then an edit (refused after opening)
    const corrected = await post(admin(), 'admin-rd', `/officer/rounds/${roundId}/corrections`, { text: 'Fristen er flyttet.', deadline: '2027-03-15T12:00', version: String(opened!.version) });
    expect(corrected.status).toBe(303);
    const afterCorrection = await adapters.calls.getVersioned(tenantId, roundId);
    expect(afterCorrection?.corrections?.map((c) => c.text.nb)).toEqual(['Fristen er flyttet.']);
    expect(afterCorrection?.deadline).toBe('2027-03-15T11:00:00.000Z');
    const edit = await post(admin(), 'admin-rd', `/officer/rounds/${roundId}/edit`, form({ version: String(afterCorrection!.version) }));
    expect(edit.status).toBe(409);

    // Act: cancel
    const cancelled = await post(admin(), 'admin-rd', `/officer/rounds/${roundId}/cancellation`, { reason: 'Midlene er trukket tilbake.', version: String(afterCorrection!.version) });
    expect(cancelled.status).toBe(303);
    const round = await adapters.calls.get(tenantId, roundId);
    expect(round).toMatchObject({ status: 'cancelled', cancellation: { reason: 'Midlene er trukket tilbake.' } });
    expect((await adapters.calls.listOpen()).some((call) => call.roundId === roundId && call.tenantId === tenantId)).toBe(false);
  });

  it('previews a draft as applicants will see it, marked as a preview', async () => {
    // Prepare
    const roundId = await createDraft();

    // Act
    const response = await get(admin(), 'admin-rd', `/officer/rounds/${roundId}/preview?lang=en`);

    // Assess
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Preview: this is how applicants will see the call.');
    expect(html).toContain('Sommeraktiviteter 2027');
  });
});
