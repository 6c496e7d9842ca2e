/**
 * The year close against DynamoDB Local: one transaction per municipality that closes the year's
 * position, credits next year's (creating it) or returns the money to IMDi, and writes the audit
 * events; idempotent; racing an award without losing or double counting a krone.
 */
import { describe, expect, it } from 'vitest';
import { createAuditTrailRepository } from '../../functions/adapters/audit-trail-repository';
import { createBudgetRepository } from '../../functions/adapters/budget-repository';
import { createYearCloseRepository } from '../../functions/adapters/year-close-repository';
import { kroner } from '../../shared/kernel/money';
import type { Tenant, TenantId } from '../../shared/kernel/tenants';
import { closeYear } from '../../shared/national/use-cases/close-year';
import { listAuditEvents } from '../../shared/national/use-cases/list-audit-events';
import { adminCostCap, available } from '../../shared/rules/budget';
import { ruleSetFor } from '../../shared/rules/rule-set-for';
import { freshTenantId, testAdapters, testConfig } from '../support/test-environment';

const config = testConfig();
const adapters = testAdapters(config);
const budget = createBudgetRepository(adapters.db, config.TABLE_NAME);
const yearClose = createYearCloseRepository(adapters.db, config.TABLE_NAME);
const auditTrail = createAuditTrailRepository(adapters.db, config.TABLE_NAME);
const rules = ruleSetFor(2027);
const afterTheYear = () => new Date('2028-01-02T08:00:00.000Z');

async function openPosition(tenantId: TenantId, frame: number, grantYear = 2027) {
  await budget.setFrame({ tenantId, name: tenantId, grantYear, frame: kroner(frame), adminCap: adminCostCap(rules, kroner(frame)), allocationVersion: 1 }, undefined);
}

const municipality = (tenantId: TenantId): Tenant => ({ tenantId, kind: 'municipality', name: `Kommune ${tenantId}`, kommunenummer: '3035', managingYears: [2027, 2028] });
const depsFor = (tenants: Tenant[]) => ({ tenants: { list: async () => tenants }, budget, yearClose, clock: afterTheYear });

describe('closing a year in the store', () => {
  it('carries the unspent money over to next year, creating its position, with audit events of the close and the carry-over', async () => {
    // Prepare: 100 000 frame, 5 000 reserved, 60 000 awarded, 10 000 back → 45 000 unspent
    const tenantId = freshTenantId('yc');
    await openPosition(tenantId, 100_000);
    await budget.change(tenantId, 2027, 'reserve_admin', kroner(5_000), 'admin-1');
    await budget.change(tenantId, 2027, 'award', kroner(60_000), 'officer-1');
    await budget.change(tenantId, 2027, 'return_funds', kroner(10_000), 'officer-1');
    // Act
    const summary = await closeYear(depsFor([municipality(tenantId)]), { grantYear: 2027, policy: 'carry_over', actor: 'imdi-1' });
    // Assess
    const [closed, next] = [await budget.get(tenantId, 2027), await budget.get(tenantId, 2028)];
    expect(closed).toMatchObject({ carriedForward: 45_000, closed: { outcome: 'carried_over', amount: 45_000, by: 'imdi-1' } });
    expect(available(closed!)).toBe(0);
    expect(next).toMatchObject({ carriedOver: 45_000, frame: 0, allocationVersion: 0 });
    expect(summary.closed).toEqual({ carriedOver: 45_000, returnedToImdi: 0 });
    expect(summary.complete).toBe(true);
    const trail = await listAuditEvents({ tenants: { list: async () => [] }, auditTrail, clock: afterTheYear }, { tenantId, from: '2020-01-01', to: '2100-01-01' });
    expect(trail.events.map((event) => event.action).sort()).toEqual(['award', 'carry_over', 'close', 'reserve_admin', 'return_funds']);
    const close = trail.events.find((event) => event.action === 'close')!;
    expect(close).toMatchObject({ kind: 'budget', actor: 'imdi-1', amount: 45_000, grantYear: 2027, before: { available: 45_000 }, after: { available: 0, carriedForward: 45_000 } });
    expect(trail.events.find((event) => event.action === 'award')).toMatchObject({ actor: 'officer-1', before: { awarded: 0 }, after: { awarded: 60_000 } });
  });

  it('returns the unspent money to IMDi under that rule, and a second run changes nothing', async () => {
    // Prepare
    const tenantId = freshTenantId('yr');
    await openPosition(tenantId, 80_000);
    await budget.change(tenantId, 2027, 'award', kroner(30_000), 'officer-1');
    const deps = depsFor([municipality(tenantId)]);
    // Act
    await closeYear(deps, { grantYear: 2027, policy: 'return_to_imdi', actor: 'imdi-1' });
    const again = await closeYear(deps, { grantYear: 2027, policy: 'return_to_imdi', actor: 'imdi-2' });
    // Assess
    expect(await budget.get(tenantId, 2027)).toMatchObject({ returnedToImdi: 50_000, closed: { by: 'imdi-1', amount: 50_000 } });
    expect(await budget.get(tenantId, 2028)).toBeUndefined();
    expect(again.closed).toEqual({ carriedOver: 0, returnedToImdi: 50_000 });
  });

  it('completes a close that stopped part-way, and refuses changes to a closed year', async () => {
    // Prepare: the first municipality is closed already, the second not yet
    const [first, second] = [freshTenantId('yp'), freshTenantId('yp')];
    await openPosition(first, 10_000);
    await openPosition(second, 20_000);
    await yearClose.close({ tenantId: first, grantYear: 2027, policy: 'carry_over', actor: 'imdi-1', at: '2028-01-02T08:00:00.000Z' });
    // Act
    const summary = await closeYear(depsFor([municipality(first), municipality(second)]), { grantYear: 2027, policy: 'carry_over', actor: 'imdi-2' });
    // Assess
    expect(summary.closed.carriedOver).toBe(30_000);
    expect((await budget.get(first, 2028))?.carriedOver).toBe(10_000);
    expect((await budget.get(second, 2027))?.closed?.by).toBe('imdi-2');
    await expect(budget.change(second, 2027, 'award', kroner(1), 'officer-1')).rejects.toMatchObject({ code: 'budget.year_closed' });
  });

  it('keeps next year’s own money when a frame arrives after the carry-over', async () => {
    // Prepare
    const tenantId = freshTenantId('yf');
    await openPosition(tenantId, 50_000);
    await closeYear(depsFor([municipality(tenantId)]), { grantYear: 2027, policy: 'carry_over', actor: 'imdi-1' });
    // Act
    await budget.setFrame({ tenantId, name: tenantId, grantYear: 2028, frame: kroner(70_000), adminCap: kroner(3_500), allocationVersion: 1 }, undefined);
    // Assess
    const next = (await budget.get(tenantId, 2028))!;
    expect(next).toMatchObject({ frame: 70_000, carriedOver: 50_000 });
    expect(available(next)).toBe(120_000);
  });

  it('never loses or double counts a krone when a close races an award on the same position', async () => {
    for (let round = 0; round < 8; round++) {
      // Prepare
      const tenantId = freshTenantId('yx');
      await openPosition(tenantId, 100_000);
      // Act: the award and the close at the same moment
      const [awarded] = await Promise.allSettled([
        budget.change(tenantId, 2027, 'award', kroner(40_000), 'officer-1'),
        yearClose.close({ tenantId, grantYear: 2027, policy: 'carry_over', actor: 'imdi-1', at: '2028-01-02T08:00:00.000Z' }),
      ]);
      // Assess: either the award landed before the close (and 60 000 moved) or it was refused (and 100 000 moved)
      const [closed, next] = [(await budget.get(tenantId, 2027))!, (await budget.get(tenantId, 2028))!];
      if (awarded.status === 'fulfilled') {
        expect(closed.awarded).toBe(40_000);
        expect(next.carriedOver).toBe(60_000);
      } else {
        expect(awarded.reason).toMatchObject({ code: 'budget.year_closed' });
        expect(closed.awarded).toBe(0);
        expect(next.carriedOver).toBe(100_000);
      }
      expect(closed.awarded + closed.adminReserved + next.carriedOver).toBe(100_000);
      expect(available(closed)).toBe(0);
    }
  });
});
