/** The demo publishes the current and next year's allocation at first start, so every workspace has a frame. */
import { describe, expect, it } from 'vitest';
import { createAdapters } from '../../functions/composition/adapters';
import { publishDemoAllocations } from '../../infra/local/demo-allocations';
import { seedDemoData } from '../../infra/local/demo-data';
import { ownTableConfig } from '../support/test-environment';

describe('demo allocations', () => {
  it('gives every demo municipality a frame for this year and the next, adding up to the municipal pool, once', async () => {
    // Prepare
    const adapters = createAdapters(await ownTableConfig());
    const now = new Date('2026-12-01T09:00:00.000Z');
    const seeded = (await seedDemoData(adapters, { now }))!;

    // Act
    const published = await publishDemoAllocations(adapters, { now, years: seeded.managingYears });
    const again = await publishDemoAllocations(adapters, { now, years: seeded.managingYears });

    // Assess
    expect(published).toEqual([2026, 2027]);
    expect(again).toEqual([]);
    const municipalities = (await adapters.tenants.list()).filter((tenant) => tenant.kind === 'municipality');
    for (const year of published) {
      const positions = await Promise.all(municipalities.map((tenant) => adapters.budget.get(tenant.tenantId, year)));
      expect(positions.every((position) => position !== undefined && position.frame > 0 && position.allocationVersion === 1)).toBe(true);
      expect(positions.reduce((total, position) => total + position!.frame, 0)).toBe(92_750_000);
    }
  });
});
