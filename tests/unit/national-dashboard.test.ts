/**
 * The national dashboard's arithmetic: every total is the exact sum of the rows, rows come by name,
 * a municipality without a position or counters shows zeros, tenants not managing the year are left
 * out; and the charts' axis maximum is a round number at or above the largest value.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvText } from '../../shared/kernel/csv';
import { kroner } from '../../shared/kernel/money';
import type { TenantId } from '../../shared/kernel/tenants';
import { aggregateItemSchema } from '../../shared/national/aggregates';
import { emptyPosition } from '../../shared/national/budget-position';
import { dashboardFigureNames, nationalDashboard } from '../../shared/national/dashboard';
import { niceMaximum } from '../../web/components/charts';

const amount = fc.integer({ min: 0, max: 50_000_000 });
const municipality = fc.record({
  name: fc.string({ minLength: 1, maxLength: 12 }),
  frame: amount, adminCap: amount, awarded: amount, returned: amount,
  submitted: fc.integer({ min: 0, max: 5_000 }), applied: amount, paid: amount, hasPosition: fc.boolean(), hasCounters: fc.boolean(),
});

describe('the national dashboard', () => {
  it('totals every figure to the krone as the sum of the rows, whatever the municipalities hold', () => {
    fc.assert(fc.property(fc.array(municipality, { maxLength: 45 }), (drawn) => {
      // Prepare
      const municipalities = drawn.map((each, n) => ({ tenantId: `m${n}` as TenantId, name: each.name }));
      const positions = drawn.flatMap((each, n) => (each.hasPosition ? [{ ...emptyPosition(`m${n}` as TenantId, 2027), frame: kroner(each.frame), adminCap: kroner(each.adminCap), returned: kroner(each.returned) }] : []));
      const aggregates = drawn.flatMap((each, n) => (each.hasCounters ? [aggregateItemSchema.parse({ tenantId: `m${n}`, grantYear: 2027, applicationsSubmitted: each.submitted, amountApplied: each.applied, amountAwarded: each.awarded, amountPaid: each.paid })] : []));
      // A tenant that does not manage the year has counters, but no row.
      aggregates.push(aggregateItemSchema.parse({ tenantId: 'other', grantYear: 2027, amountApplied: 999 }));

      // Act
      const dashboard = nationalDashboard({ grantYear: 2027, municipalities, aggregates, positions });

      // Assess
      expect(dashboard.rows).toHaveLength(drawn.length);
      for (const name of dashboardFigureNames) {
        expect(dashboard.totals[name]).toBe(dashboard.rows.reduce((sum, row) => sum + row[name], 0));
        expect(Number.isInteger(dashboard.totals[name])).toBe(true);
      }
      expect(dashboard.totals.amountApplied).toBe(drawn.reduce((sum, each) => sum + (each.hasCounters ? each.applied : 0), 0));
      expect(dashboard.totals.frame).toBe(drawn.reduce((sum, each) => sum + (each.hasPosition ? each.frame : 0), 0));
      const names = dashboard.rows.map((row) => row.name);
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'nb')));
    }));
  });

  it('shows a municipality with neither a frame nor an application as zeros', () => {
    const dashboard = nationalDashboard({ grantYear: 2027, municipalities: [{ tenantId: 'm1' as TenantId, name: 'Ås' }], aggregates: [], positions: [] });
    expect(dashboard.rows[0]).toMatchObject({ name: 'Ås', frame: 0, applications: 0, amountAwarded: 0 });
    expect(Object.values(dashboard.totals).every((value) => value === 0)).toBe(true);
  });
});

describe('the charts’ axis', () => {
  it('ends on 1, 2 or 5 times a power of ten, at or above the largest value and below ten times it', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 10 ** 12 }), (value) => {
      const maximum = niceMaximum(value);
      expect(maximum).toBeGreaterThanOrEqual(value);
      expect(maximum).toBeLessThan(value * 10 + 1);
      expect(String(maximum)).toMatch(/^[125]0*$/);
    }));
    expect(niceMaximum(0)).toBe(1);
  });
});

describe('CSV text', () => {
  it('quotes separators and quotes, defuses formulas, and ends lines with CRLF', () => {
    expect(csvText([['a;b', 'say "hi"', '=SUM(A1)', 'plain']])).toBe('"a;b";"say ""hi""";\'=SUM(A1);plain\r\n');
  });
});
