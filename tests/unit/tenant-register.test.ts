import { describe, expect, it } from 'vitest';
import { ConcurrentChangeError } from '../../shared/applications/errors.js';
import { parseKommunenummerIn } from '../../shared/kernel/kommunenummer-validity.js';
import { managesIn, managingPeriodsOf, type Tenant, type TenantId } from '../../shared/kernel/tenants.js';
import type { TenantRepository } from '../../shared/national/ports.js';
import { registerOfYear, type RegisterChange, type VersionedTenant } from '../../shared/national/register.js';
import { addManagingMunicipality } from '../../shared/national/use-cases/add-managing-municipality.js';
import { retireManagingMunicipality } from '../../shared/national/use-cases/retire-managing-municipality.js';

/** The register in memory, with the version guard the DynamoDB repository has. */
function memoryRegister(initial: Tenant[] = []) {
  const entries = new Map<string, VersionedTenant>(initial.map((tenant) => [tenant.tenantId, { tenant, version: 0 }]));
  const changes: RegisterChange[] = [];
  const tenants: Pick<TenantRepository, 'list' | 'read' | 'record'> = {
    list: async () => [...entries.values()].map((entry) => entry.tenant),
    read: async (tenantId) => entries.get(tenantId),
    record: async (change) => {
      const stored = entries.get(change.tenant.tenantId);
      if (stored?.version !== change.expectedVersion) throw new ConcurrentChangeError();
      entries.set(change.tenant.tenantId, { tenant: change.tenant, version: (change.expectedVersion ?? 0) + 1 });
      changes.push(change);
    },
  };
  let id = 0;
  return { tenants, changes, entries, clock: () => new Date('2026-12-01T10:00:00Z'), newId: () => `e${++id}` };
}

const eidsvoll: Tenant = {
  tenantId: 'k3035' as TenantId, kind: 'municipality', name: 'Eidsvoll', kommunenummer: '3035', kommunenummerValidFrom: 2020,
  managingYears: [], managingPeriods: [{ from: 2022 }],
};
const add = { name: 'Lørenskog', contactEmail: 'tilskudd@lorenskog.example', actor: 'imdi-admin' };

describe('managing periods', () => {
  it('joins single years and periods, and tells whether a year is managed', () => {
    const tenant = { managingYears: [2020, 2021], managingPeriods: [{ from: 2022, to: 2023 }, { from: 2026 }] };
    expect(managingPeriodsOf(tenant)).toEqual([{ from: 2020, to: 2023 }, { from: 2026 }]);
    expect([2019, 2020, 2023, 2024, 2026, 2040].map((year) => managesIn(tenant, year))).toEqual([false, true, true, false, true, true]);
  });
});

describe('a kommunenummer in a year', () => {
  it('refuses a number renumbered before the year and suggests the year’s number', () => {
    const result = parseKommunenummerIn('3035', 2024);
    expect(result).toMatchObject({ ok: false, error: { code: 'retired', suggestion: '3240' } });
  });

  it('refuses a number that begins after the year and suggests the year’s number', () => {
    expect(parseKommunenummerIn('3240', 2023)).toMatchObject({ ok: false, error: { code: 'not_yet', suggestion: '3035' } });
    expect(parseKommunenummerIn('3240', 2024)).toEqual({ ok: true, value: '3240' });
  });
});

describe('adding a managing municipality', () => {
  it('adds a new municipality from a year on with an audit event', async () => {
    const register = memoryRegister([eidsvoll]);
    const tenant = await addManagingMunicipality(register, { ...add, kommunenummer: '3222', fromYear: 2025 });
    expect(tenant).toMatchObject({ tenantId: 'k3222', kommunenummer: '3222', kommunenummerValidFrom: 2025, managingPeriods: [{ from: 2025 }], contactEmail: add.contactEmail });
    expect(register.changes[0]).toMatchObject({ expectedVersion: undefined, event: { action: 'add', actor: 'imdi-admin', year: 2025, before: [], after: [{ from: 2025 }] } });
    expect(registerOfYear(await register.tenants.list(), 2024).map((line) => [line.tenant.name, line.managesInYear])).toEqual([['Eidsvoll', true], ['Lørenskog', false]]);
  });

  it('refuses a kommunenummer not in use in that year, naming the number of that year', async () => {
    const register = memoryRegister();
    const refused = addManagingMunicipality(register, { ...add, kommunenummer: '3029', fromYear: 2025 });
    await expect(refused).rejects.toMatchObject({ code: 'register.kommunenummer_retired', details: { suggestion: '3222' }, fields: [{ field: 'kommunenummer' }] });
    expect(register.changes).toHaveLength(0);
  });

  it('refuses a municipality that already manages the scheme, found by its number of another year', async () => {
    const register = memoryRegister([eidsvoll]);
    await expect(addManagingMunicipality(register, { ...add, name: 'Eidsvoll', kommunenummer: '3240', fromYear: 2025 })).rejects.toMatchObject({ code: 'register.already_managing' });
  });

  it('adds a new period to a retired municipality, keeping its id and its earlier period', async () => {
    const register = memoryRegister([{ ...eidsvoll, managingPeriods: [{ from: 2022, to: 2023 }] }]);
    const tenant = await addManagingMunicipality(register, { ...add, name: 'Eidsvoll', kommunenummer: '3240', fromYear: 2026 });
    expect(tenant).toMatchObject({ tenantId: 'k3035', kommunenummer: '3240', managingPeriods: [{ from: 2022, to: 2023 }, { from: 2026 }] });
    expect(register.changes[0]?.expectedVersion).toBe(0);
  });
});

describe('retiring a managing municipality', () => {
  it('ends its period the year before, keeping the years it managed', async () => {
    const register = memoryRegister([eidsvoll]);
    const tenant = await retireManagingMunicipality(register, { tenantId: eidsvoll.tenantId, fromYear: 2026, actor: 'imdi-admin' });
    expect(tenant.managingPeriods).toEqual([{ from: 2022, to: 2025 }]);
    expect(register.changes[0]?.event).toMatchObject({ action: 'retire', year: 2026, kommunenummer: '3035', before: [{ from: 2022 }], after: [{ from: 2022, to: 2025 }] });
  });

  it('refuses retiring twice', async () => {
    const register = memoryRegister([eidsvoll]);
    await retireManagingMunicipality(register, { tenantId: eidsvoll.tenantId, fromYear: 2026, actor: 'a' });
    await expect(retireManagingMunicipality(register, { tenantId: eidsvoll.tenantId, fromYear: 2026, actor: 'a' })).rejects.toMatchObject({ code: 'register.not_managing' });
    expect(register.changes).toHaveLength(1);
  });

  it('refuses retiring before or in the year it started', async () => {
    const register = memoryRegister([eidsvoll]);
    for (const fromYear of [2021, 2022]) {
      await expect(retireManagingMunicipality(register, { tenantId: eidsvoll.tenantId, fromYear, actor: 'a' })).rejects.toMatchObject({
        code: 'register.retired_before_start', fields: [{ field: 'fromYear' }],
      });
    }
  });

  it('refuses a tenant not in the register, and IMDi', async () => {
    const register = memoryRegister([{ tenantId: 'imdi' as TenantId, kind: 'national', name: 'IMDi', managingYears: [], managingPeriods: [{ from: 2020 }] }]);
    for (const tenantId of ['imdi', 'k9999'] as TenantId[]) {
      await expect(retireManagingMunicipality(register, { tenantId, fromYear: 2026, actor: 'a' })).rejects.toMatchObject({ code: 'register.not_found' });
    }
  });

  it('answers a change made meanwhile with ConcurrentChangeError', async () => {
    const register = memoryRegister([eidsvoll]);
    const stale = await register.tenants.read(eidsvoll.tenantId);
    await retireManagingMunicipality(register, { tenantId: eidsvoll.tenantId, fromYear: 2026, actor: 'a' });
    const lateTenants = { ...register.tenants, read: async () => stale };
    await expect(retireManagingMunicipality({ ...register, tenants: lateTenants }, { tenantId: eidsvoll.tenantId, fromYear: 2025, actor: 'b' })).rejects.toBeInstanceOf(ConcurrentChangeError);
  });
});
