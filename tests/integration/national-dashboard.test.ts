/**
 * The national dashboard against DynamoDB Local: for 40 municipalities and three years it reads the
 * tenant-year aggregates and budget positions only, so the number of requests behind it stays the
 * same when the applications grow fivefold; its totals equal the counters recomputed from the
 * applications themselves; and its CSV has the page's rows and totals.
 */
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdapters } from '../../functions/composition/adapters';
import { dashboardCsv, dashboardRoutes } from '../../functions/http/national/routes/dashboard';
import { demoCall } from '../../infra/local/demo-data';
import type { Application } from '../../shared/applications/application';
import { kroner, type Kroner } from '../../shared/kernel/money';
import type { Tenant, TenantId } from '../../shared/kernel/tenants';
import { recomputeCounters } from '../../shared/national/aggregates';
import { reconcileAggregates } from '../../shared/national/use-cases/reconcile-aggregates';
import type { Call } from '../../shared/rounds/call';
import { submittedApplication } from '../support/assessment-cases';
import { countRequests } from '../support/request-counter';
import { freshTenantId, ownTableConfig } from '../support/test-environment';

const YEARS = [2025, 2026, 2027] as const;
const MUNICIPALITIES = 40;

describe('the national dashboard', () => {
  let adapters: ReturnType<typeof createAdapters>;
  let counter: ReturnType<typeof countRequests>;
  let app: ReturnType<typeof dashboardRoutes>;
  const tenants: Tenant[] = Array.from({ length: MUNICIPALITIES }, (_, n) => ({
    tenantId: freshTenantId('nd'), kind: 'municipality', name: `Kommune ${String(n + 1).padStart(2, '0')}`, kommunenummer: String(3001 + n), managingYears: [...YEARS],
  }));
  const calls = new Map<string, Call>();
  const seeded: Application[] = [];

  /** `perTenantYear` more applications in every tenant-year: a third granted (half of what was asked), the rest waiting. */
  async function seed(perTenantYear: number) {
    const batch: Application[] = [];
    for (const tenant of tenants) for (const year of YEARS) for (let n = 0; n < perTenantYear; n++) {
      const call = calls.get(`${tenant.tenantId}#${year}`)!;
      const applied = kroner(10_000 + ((seeded.length + batch.length) % 17) * 1_000);
      const base = submittedApplication(tenant.tenantId as TenantId, call.roundId, ulid(), { grantYear: year });
      const granted = (seeded.length + batch.length) % 3 === 0;
      batch.push({
        ...base,
        budget: { ...base.budget!, costs: [{ label: 'Leie', amount: applied }], amountApplied: applied },
        ...(granted ? {
          status: 'granted' as const,
          decision: { decisionId: ulid(), outcome: 'grant' as const, amount: kroner(Math.round(applied / 2)) as Kroner, reasons: 'r', conditions: '', decidedBy: 'x', decidedAt: `${year}-05-01T10:00:00.000Z`, language: 'nb' as const, appealDeadlineWeeks: 3, appealBody: 'imdi', ruleSetVersion: 1 },
        } : {}),
      });
    }
    for (let start = 0; start < batch.length; start += 50) {
      await Promise.all(batch.slice(start, start + 50).map((each) => adapters.applications.create(each, { eventId: ulid(), at: each.createdAt, actor: 'test', action: 'seed' }, [], [])));
    }
    seeded.push(...batch);
    // The counters as the transactions would have written them, recomputed from the applications.
    await reconcileAggregates({ ...adapters, clock: () => new Date() }, { grantYears: [...YEARS], repair: true });
  }

  /** The dashboard's JSON and the requests behind it. */
  async function dashboard(year: number) {
    const { result, log } = await counter.scope(async () => (await app.request(`/national/api/dashboard/${year}`)).json());
    return { body: result as { municipalities: { name: string; amountApplied: number; frame: number }[]; totals: Record<string, number> }, requests: log.byCommand() };
  }

  beforeAll(async () => {
    adapters = createAdapters(await ownTableConfig());
    counter = countRequests(adapters.db);
    app = dashboardRoutes(adapters);
    for (const tenant of tenants) {
      await adapters.tenants.put(tenant);
      for (const year of YEARS) {
        const call = demoCall(tenant, year, 0, `${year - 1}-11-01T00:00:00.000Z`);
        calls.set(`${tenant.tenantId}#${year}`, call);
        await adapters.calls.create(call);
        await adapters.budget.setFrame({ tenantId: tenant.tenantId as TenantId, name: tenant.name, grantYear: year, frame: kroner(500_000 + Number(tenant.kommunenummer)), adminCap: kroner(25_000), allocationVersion: 1 }, undefined);
      }
    }
  }, 300_000);

  afterAll(() => counter?.pause());

  it('sends the same requests for five times the applications, and its totals equal the recomputed counters', { timeout: 600_000 }, async () => {
    // Prepare: one application per tenant-year, then four more.
    await seed(1);
    const small = await dashboard(2026);
    await seed(4);

    // Act
    const large = await dashboard(2026);

    // Assess: one query of the register, one of the year's aggregates, one batch read of the positions.
    expect(small.requests).toEqual({ Query: 2, BatchGetItem: 1 });
    expect(large.requests).toEqual(small.requests);
    const recomputed = recomputeCounters(seeded.filter((each) => each.grantYear === 2026));
    expect(seeded.filter((each) => each.grantYear === 2026)).toHaveLength(MUNICIPALITIES * 5);
    expect(large.body.totals).toMatchObject({
      applications: recomputed.applicationsSubmitted,
      amountApplied: recomputed.amountApplied,
      grants: recomputed.applicationsGranted,
      amountAwarded: recomputed.amountAwarded,
      frame: tenants.reduce((sum, tenant) => sum + 500_000 + Number(tenant.kommunenummer), 0),
      adminCap: MUNICIPALITIES * 25_000,
    });
    expect(large.body.municipalities.map((row) => row.name)).toEqual(tenants.map((tenant) => tenant.name));
    expect(large.body.municipalities.reduce((sum, row) => sum + row.amountApplied, 0)).toBe(large.body.totals.amountApplied);
  });

  it('exports the table as CSV with a byte-order mark, the same rows and the same totals', async () => {
    // Act
    const response = await app.request('/national/dashboard/2027/municipalities.csv?lang=nb');
    const bytes = new Uint8Array(await response.arrayBuffer());
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const { body } = await dashboard(2027);

    // Assess
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(MUNICIPALITIES + 2);
    expect(lines[0]).toMatch(/^Kommune;Ramme \(kr\);/);
    expect(lines.at(-1)).toBe(['Hele landet', ...Object.values(body.totals).map(String)].join(';'));
    expect(text).toBe(dashboardCsv({ grantYear: 2027, rows: body.municipalities as never, totals: body.totals as never }, 'nb'));
  });
});
