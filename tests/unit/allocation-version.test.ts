import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Kommunenummer } from '../../shared/kernel/kommunenummer.js';
import { kroner } from '../../shared/kernel/money.js';
import type { TenantId } from '../../shared/kernel/tenants.js';
import { frameChanges, nextAllocationVersion, proposeAllocation } from '../../shared/national/allocation-version.js';
import type { KeyMatch } from '../../shared/national/key-matching.js';
import { ruleSetFor } from '../../shared/rules/rule-set-for.js';

const rules2023 = ruleSetFor(2023);

function match(kommunenummer: string, name: string, key: number): KeyMatch {
  return {
    tenantId: `k${kommunenummer}` as TenantId, name, key, line: 1,
    kommunenummer: kommunenummer as Kommunenummer, fileKommunenummer: kommunenummer as Kommunenummer,
  };
}

describe('proposing a year’s allocation', () => {
  it('reproduces 2023: 132 500 000 splits into 39 750 000 for IMDi and 92 750 000 for the municipalities, Eidsvoll’s 702 897 with a cap of 35 145', () => {
    // Keys proportional to the published frames give exactly those frames back.
    const keys = [match('3240', 'Eidsvoll', 702_897), match('0301', 'Oslo', 92_750_000 - 702_897)];

    const proposal = proposeAllocation(2023, kroner(132_500_000), rules2023, keys);

    expect(proposal.split.imdi).toBe(39_750_000);
    expect(proposal.split.municipalPool).toBe(92_750_000);
    const eidsvoll = proposal.frames.find((frame) => frame.name === 'Eidsvoll')!;
    expect(eidsvoll.frame).toBe(702_897);
    expect(eidsvoll.adminCap).toBe(35_145);
    expect(proposal.framesTotal).toBe(92_750_000);
  });

  it('always gives frames that add up to the municipal pool, and the same frames whatever the order of the keys', () => {
    const keysArbitrary = fc.uniqueArray(
      fc.record({ number: fc.integer({ min: 101, max: 5699 }), key: fc.integer({ min: 0, max: 500_000 }) }),
      { minLength: 1, maxLength: 40, selector: (entry) => entry.number },
    ).filter((entries) => entries.some((entry) => entry.key > 0));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500_000_000 }), keysArbitrary, (frame, entries) => {
        const keys = entries.map((entry) => match(String(entry.number).padStart(4, '0'), `M${entry.number}`, entry.key));

        const forward = proposeAllocation(2024, kroner(frame), ruleSetFor(2024), keys);
        const backward = proposeAllocation(2024, kroner(frame), ruleSetFor(2024), [...keys].reverse());

        expect(forward.framesTotal).toBe(forward.split.municipalPool);
        expect(forward.split.municipalPool + forward.split.imdi).toBe(frame);
        expect(backward.frames).toEqual(forward.frames);
        for (const line of forward.frames) expect(line.adminCap).toBeLessThanOrEqual(line.frame);
      }),
    );
  });
});

describe('publishing versions', () => {
  const first = proposeAllocation(2024, kroner(100_000_000), ruleSetFor(2024), [match('3240', 'Eidsvoll', 3), match('3222', 'Lørenskog', 7)]);

  it('numbers versions from 1 and keeps the reason for a correction', () => {
    const v1 = nextAllocationVersion(first, undefined, { at: '2024-02-01T09:00:00.000Z', by: 'user-1' });
    const v2 = nextAllocationVersion(first, v1, { at: '2024-06-20T09:00:00.000Z', by: 'user-2', reason: ' Revidert budsjett ' });

    expect([v1.version, v1.reason]).toEqual([1, '']);
    expect([v2.version, v2.reason, v2.publishedBy]).toEqual([2, 'Revidert budsjett', 'user-2']);
  });

  it('shows how each frame moved when an extra grant is allocated in the revised budget', () => {
    const revised = proposeAllocation(2024, kroner(110_000_000), ruleSetFor(2024), [match('3240', 'Eidsvoll', 3), match('3222', 'Lørenskog', 7)]);

    const changes = frameChanges(first, revised);

    expect(changes.map((change) => [change.name, change.before, change.after, change.change])).toEqual([
      ['Eidsvoll', 21_000_000, 23_100_000, 2_100_000],
      ['Lørenskog', 49_000_000, 53_900_000, 4_900_000],
    ]);
    expect(changes.reduce((total, change) => total + change.change, 0)).toBe(revised.framesTotal - first.framesTotal);
  });

  it('lists a municipality added or dropped between versions', () => {
    const withBergen = proposeAllocation(2024, kroner(100_000_000), ruleSetFor(2024), [match('3240', 'Eidsvoll', 3), match('4601', 'Bergen', 7)]);

    const changes = frameChanges(first, withBergen);

    expect(changes.map((change) => [change.name, change.before, change.after])).toEqual([
      ['Bergen', 0, 49_000_000],
      ['Lørenskog', 49_000_000, 0],
    ]);
  });
});
