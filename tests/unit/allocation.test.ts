import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import figures from '../support/fixtures/public-figures.json';
import {
  allocateFrames, AllocationError, carriedOverFor, FloorsExceedPoolError, reallocateReturnedFunds, splitNationalFrame,
  type MunicipalityKey,
} from '../../shared/rules/allocation.js';
import { kroner, sum } from '../../shared/kernel/money.js';
import { ruleSetFor } from '../../shared/rules/index.js';

const municipalities = (min = 1, max = 40) =>
  fc.uniqueArray(
    fc.record({ kommunenummer: fc.integer({ min: 101, max: 5699 }).map((n) => String(n).padStart(4, '0')), key: fc.integer({ min: 0, max: 200_000 }) }),
    { minLength: min, maxLength: max, selector: (m) => m.kommunenummer },
  );

describe('splitNationalFrame', () => {
  it('splits 2023: 132 500 000 → IMDi 39 750 000 and municipalities 92 750 000', () => {
    // Prepare
    const { total, imdi, municipalities: pool } = figures.split2023;
    // Act
    const split = splitNationalFrame(kroner(total), ruleSetFor(2023));
    // Assess
    expect(split.imdi).toBe(imdi);
    expect(split.municipalPool).toBe(pool);
    expect(split.exactMunicipalPool).toBe('92750000');
  });

  it('splits 60/40 in 2021', () => {
    const split = splitNationalFrame(kroner(figures.nationalFrames['2021']), ruleSetFor(2021));
    expect(split).toMatchObject({ municipalPool: 57_720_000, imdi: 38_480_000 });
  });

  it('rounds the pool by the rule set and gives IMDi the rest', () => {
    // Prepare: 0.70 × 1 000 001 = 700 000.7
    const frame = kroner(1_000_001);
    // Act
    const halfUp = splitNationalFrame(frame, { municipalShare: '0.70', splitRounding: 'half-up' });
    const down = splitNationalFrame(frame, { municipalShare: '0.70', splitRounding: 'down' });
    // Assess
    expect(halfUp).toMatchObject({ municipalPool: 700_001, imdi: 300_000, exactMunicipalPool: '7000007/10' });
    expect(down).toMatchObject({ municipalPool: 700_000, imdi: 300_001 });
  });

  it('always adds up to the frame', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), fc.constantFrom('half-up', 'down', 'up', 'half-even' as const), (frame, mode) => {
      const split = splitNationalFrame(kroner(frame), { municipalShare: '0.70', splitRounding: mode });
      expect(split.imdi + split.municipalPool).toBe(frame);
      expect(split.imdi).toBeGreaterThanOrEqual(0);
    }));
  });
});

describe('allocateFrames', () => {
  it('divides by key and explains each frame', () => {
    // Prepare
    const input = { pool: kroner(1000), municipalities: [{ kommunenummer: '0301', key: 2 }, { kommunenummer: '4601', key: 1 }] };
    // Act
    const result = allocateFrames(input);
    // Assess
    expect(result.lines).toEqual([
      { kommunenummer: '0301', key: 2, share: '2/3', floor: 0, exactQuota: '2000/3', exactQuotaDecimal: '666.666666', quotaBeforeRounding: 666, roundingAdjustment: 1, frame: 667 },
      { kommunenummer: '4601', key: 1, share: '1/3', floor: 0, exactQuota: '1000/3', exactQuotaDecimal: '333.333333', quotaBeforeRounding: 333, roundingAdjustment: 0, frame: 333 },
    ]);
    expect(result).toMatchObject({ totalKey: 3, leftoverKroner: 1, distributedByKey: 1000 });
  });

  it('breaks equal remainders by the larger key, then by kommunenummer ascending', () => {
    // Prepare: three equal keys share 2 kroner; all remainders are 2/3
    const input = { pool: kroner(2), municipalities: [{ kommunenummer: '5001', key: 1 }, { kommunenummer: '0301', key: 1 }, { kommunenummer: '4601', key: 1 }] };
    // Act
    const result = allocateFrames(input);
    const reversed = allocateFrames({ ...input, municipalities: [...input.municipalities].reverse() });
    // Assess
    expect(result.lines.map((l) => [l.kommunenummer, l.frame])).toEqual([['0301', 1], ['4601', 1], ['5001', 0]]);
    expect(reversed).toEqual(result);
  });

  it('prefers the larger key when remainders tie', () => {
    // Prepare: keys 1 and 3 of 4, pool 2 → quotas 0.5 and 1.5, both remainder 1/2
    const result = allocateFrames({ pool: kroner(2), municipalities: [{ kommunenummer: '0301', key: 1 }, { kommunenummer: '9999', key: 3 }] });
    // Assess
    expect(result.lines.map((l) => l.frame)).toEqual([0, 2]);
  });

  it('gives floors first and divides the rest by key', () => {
    // Prepare
    const input = { pool: kroner(1_000_000), floor: kroner(100_000), municipalities: [
      { kommunenummer: '0301', key: 3 }, { kommunenummer: '4601', key: 1 }, { kommunenummer: '1804', key: 0, floor: kroner(200_000) },
    ] };
    // Act
    const result = allocateFrames(input);
    // Assess
    expect(result.floorsTotal).toBe(400_000);
    expect(result.lines.map((l) => [l.kommunenummer, l.frame])).toEqual([['0301', 550_000], ['1804', 200_000], ['4601', 250_000]]);
  });

  it('refuses floors that exceed the pool', () => {
    // Prepare
    const input = { pool: kroner(100), floor: kroner(60), municipalities: [{ kommunenummer: '0301', key: 1 }, { kommunenummer: '4601', key: 1 }] };
    // Act / Assess
    expect(() => allocateFrames(input)).toThrow(FloorsExceedPoolError);
  });

  it.each([
    ['allocation.no_municipalities', { pool: kroner(10), municipalities: [] as MunicipalityKey[] }],
    ['allocation.duplicate_municipality', { pool: kroner(10), municipalities: [{ kommunenummer: '0301', key: 1 }, { kommunenummer: '0301', key: 2 }] }],
    ['allocation.invalid_key', { pool: kroner(10), municipalities: [{ kommunenummer: '0301', key: -1 }] }],
    ['allocation.invalid_key', { pool: kroner(10), municipalities: [{ kommunenummer: '0301', key: 1.5 }] }],
    ['allocation.zero_total_key', { pool: kroner(10), municipalities: [{ kommunenummer: '0301', key: 0 }] }],
    ['allocation.invalid_kommunenummer', { pool: kroner(10), municipalities: [{ kommunenummer: 'abc', key: 1 }] }],
    ['allocation.invalid_kommunenummer', { pool: kroner(10), municipalities: [{ kommunenummer: '301', key: 1 }] }],
    ['allocation.duplicate_municipality', { pool: kroner(10), municipalities: [{ kommunenummer: ' 0301', key: 1 }, { kommunenummer: '0301', key: 2 }] }],
  ])('refuses input with %s', (code, input) => {
    // Act
    let error: AllocationError | undefined;
    try { allocateFrames(input); } catch (e) { error = e as AllocationError; }
    // Assess
    expect(error).toBeInstanceOf(AllocationError);
    expect(error?.code).toBe(code);
  });

  it('sums frames to the pool exactly and never gives a negative frame', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 200_000_000 }), municipalities(), (pool, ms) => {
      fc.pre(ms.some((m) => m.key > 0));
      // Act
      const result = allocateFrames({ pool: kroner(pool), municipalities: ms });
      // Assess
      expect(sum(result.lines.map((l) => l.frame))).toBe(pool);
      for (const l of result.lines) {
        expect(l.frame).toBeGreaterThanOrEqual(0);
        expect(l.frame).toBe(l.floor + l.quotaBeforeRounding + l.roundingAdjustment);
      }
    }));
  });

  it('keeps every frame within one krone of its exact quota pool × key / total key, computed independently', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 200_000_000 }), municipalities(), (pool, ms) => {
      fc.pre(ms.some((m) => m.key > 0));
      // Prepare: exact rationals in plain BigInt; |frame − pool·key/Σkey| < 1 ⇔ |frame·Σkey − pool·key| < Σkey
      const totalKey = ms.reduce((total, m) => total + BigInt(m.key), 0n);
      // Act
      const result = allocateFrames({ pool: kroner(pool), municipalities: ms });
      // Assess
      for (const m of ms) {
        const frame = result.lines.find((l) => l.kommunenummer === m.kommunenummer)?.frame;
        expect(frame).toBeDefined();
        const difference = BigInt(frame ?? 0) * totalKey - BigInt(pool) * BigInt(m.key);
        expect(difference < 0n ? -difference : difference).toBeLessThan(totalKey);
      }
    }));
  });

  it('carries returned funds over per municipality under one spelling of its number', () => {
    // Act
    const reallocation = reallocateReturnedFunds({ unspentFunds: 'carry_over' }, [
      { kommunenummer: ' 0301', amount: kroner(100) }, { kommunenummer: '0301', amount: kroner(50) },
    ]);
    // Assess
    expect(reallocation.carriedOver).toEqual([{ kommunenummer: '0301', amount: 150 }]);
    expect(() => reallocateReturnedFunds({ unspentFunds: 'carry_over' }, [{ kommunenummer: 'abc', amount: kroner(1) }])).toThrow(AllocationError);
  });

  it('sums to the pool with floors too, and every frame is at least its floor', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 50_000_000 }), municipalities(), fc.integer({ min: 0, max: 1_000_000 }), (pool, ms, floor) => {
      fc.pre(ms.some((m) => m.key > 0) && floor * ms.length <= pool);
      const result = allocateFrames({ pool: kroner(pool), floor: kroner(floor), municipalities: ms });
      expect(sum(result.lines.map((l) => l.frame))).toBe(pool);
      for (const l of result.lines) expect(l.frame).toBeGreaterThanOrEqual(floor);
    }));
  });

  it('never gives a larger key a smaller frame', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 200_000_000 }), municipalities(2), (pool, ms) => {
      fc.pre(ms.some((m) => m.key > 0));
      const lines = allocateFrames({ pool: kroner(pool), municipalities: ms }).lines;
      for (const a of lines) for (const b of lines) if (a.key > b.key) expect(a.frame).toBeGreaterThanOrEqual(b.frame);
    }));
  });

  it('does not depend on input order', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1_000_000 }), municipalities(1, 10), (pool, ms) => {
      fc.pre(ms.some((m) => m.key > 0));
      expect(allocateFrames({ pool: kroner(pool), municipalities: [...ms].reverse() })).toEqual(allocateFrames({ pool: kroner(pool), municipalities: ms }));
    }));
  });
});

describe('reallocateReturnedFunds', () => {
  const returned = [
    { kommunenummer: '3909', amount: kroner(12_000) }, { kommunenummer: '5503', amount: kroner(3_000) }, { kommunenummer: '3909', amount: kroner(500) },
  ];

  it('sends everything to next year\'s national frame when funds return to IMDi', () => {
    // Act
    const result = reallocateReturnedFunds(ruleSetFor(2024), returned);
    // Assess
    expect(result).toEqual({ policy: 'return_to_imdi', toNextYearNationalFrame: 15_500, carriedOver: [] });
    expect(carriedOverFor(result, '3909')).toBe(0);
  });

  it('lets each municipality carry its own returned funds over when the rule set allows', () => {
    // Act
    const result = reallocateReturnedFunds({ unspentFunds: 'carry_over' }, returned);
    // Assess
    expect(result.toNextYearNationalFrame).toBe(0);
    expect(result.carriedOver).toEqual([{ kommunenummer: '3909', amount: 12_500 }, { kommunenummer: '5503', amount: 3_000 }]);
    expect(carriedOverFor(result, '3909')).toBe(12_500);
  });

  it('refuses a negative returned amount', () => {
    expect(() => reallocateReturnedFunds({ unspentFunds: 'carry_over' }, [{ kommunenummer: '3909', amount: kroner(-1) }])).toThrow(AllocationError);
  });
});
