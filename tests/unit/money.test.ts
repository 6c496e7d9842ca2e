import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  InvalidAmountError, NBSP, add, applyRate, formatKroner, isKroner, kroner, kronerSchema, parseKroner, percentage, roundingModes, subtract, sum,
  type Kroner,
} from '../../shared/kernel/money.js';
import { issueCode, issueMessage } from '../../shared/kernel/i18n.js';

const amount = (max = 10_000_000_000) => fc.integer({ min: 0, max }).map((n) => kroner(n));

describe('kroner', () => {
  it('accepts safe integers', () => {
    // Prepare / Act
    const values = [0, 1, -5, Number.MAX_SAFE_INTEGER].map(kroner);
    // Assess
    expect(values).toEqual([0, 1, -5, Number.MAX_SAFE_INTEGER]);
  });

  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1])('refuses %s', (value) => {
    // Prepare / Act / Assess
    expect(() => kroner(value)).toThrow(InvalidAmountError);
    expect(isKroner(value)).toBe(false);
  });

  it('carries a stable code and messages in three languages when refusing', () => {
    // Prepare
    let error: InvalidAmountError | undefined;
    // Act
    try { kroner(0.1); } catch (e) { error = e as InvalidAmountError; }
    // Assess
    expect(error?.code).toBe('money.invalid_amount');
    expect(Object.keys(error?.messages ?? {})).toEqual(['nb', 'nn', 'en']);
  });

  it('adds, subtracts and sums exactly', () => {
    // Prepare
    const a = kroner(702_897);
    const b = kroner(35_145);
    // Act / Assess
    expect(add(a, b)).toBe(738_042);
    expect(subtract(b, a)).toBe(-667_752);
    expect(sum([a, b, kroner(1)])).toBe(738_043);
    expect(sum([])).toBe(0);
  });

  it('refuses a sum beyond the safe-integer range', () => {
    expect(() => add(kroner(Number.MAX_SAFE_INTEGER), kroner(1))).toThrow(InvalidAmountError);
  });

  it('parses a non-negative integer with the schema and refuses the rest with localized issues', () => {
    // Prepare / Act
    const good = kronerSchema.safeParse(25_000);
    const fractional = kronerSchema.safeParse(2.5);
    const negative = kronerSchema.safeParse(-1);
    // Assess
    expect(good.success && good.data).toBe(25_000);
    expect(fractional.success).toBe(false);
    expect(negative.success).toBe(false);
    const issue = negative.error?.issues[0];
    expect(issue && issueCode(issue)).toBe('money.negative');
    expect(issue && issueMessage(issue, 'nn')).toBe('Beløpet kan ikkje vere negativt.');
  });
});

describe('percentage', () => {
  it('computes 5 % of 702 897 as 35 145 with half-up, without float error', () => {
    expect(percentage(kroner(702_897), 5, 'half-up')).toBe(35_145);
    expect(applyRate(kroner(702_897), '0.05', 'half-up')).toBe(35_145);
  });

  it.each([
    ['half-up', 35_145], ['down', 35_144], ['up', 35_145], ['half-even', 35_145],
  ] as const)('rounds 35 144.85 with %s to %i', (mode, expected) => {
    expect(percentage(kroner(702_897), 5, mode)).toBe(expected);
  });

  it.each([
    ['half-up', 5, 3], ['down', 5, 2], ['up', 5, 3], ['half-even', 5, 2],
    ['half-up', 7, 4], ['down', 7, 3], ['up', 7, 4], ['half-even', 7, 4],
  ] as const)('rounds an exact half with %s: 50 %% of %i is %i', (mode, value, expected) => {
    // Prepare
    const base = kroner(value);
    // Act
    const result = percentage(base, 50, mode);
    // Assess
    expect(result).toBe(expected);
  });

  it('reads a float rate by its decimal text, so 0.1 is exactly one tenth', () => {
    // 0.1 × 5 = 0.5 exactly; a float product would be 0.5000000000000001 and round the same, but
    // 0.7 × 132 500 000 is 92 749 999.99999999 in floats.
    expect(applyRate(kroner(132_500_000), 0.7, 'down')).toBe(92_750_000);
    expect(applyRate(kroner(5), 0.1, 'half-even')).toBe(0);
  });

  it('never lands more than one krone from the exact value, and brackets it between down and up', () => {
    fc.assert(
      fc.property(amount(), fc.integer({ min: 0, max: 10_000 }), (value, basisPoints) => {
        // Prepare
        const rate = { numerator: BigInt(basisPoints), denominator: 10_000n };
        const exactTimes10000 = BigInt(value) * BigInt(basisPoints);
        // Act
        const down = applyRate(value, rate, 'down');
        const up = applyRate(value, rate, 'up');
        const results = roundingModes.map((mode) => applyRate(value, rate, mode));
        // Assess
        expect(BigInt(down) * 10_000n <= exactTimes10000).toBe(true);
        expect(BigInt(up) * 10_000n >= exactTimes10000).toBe(true);
        expect(up - down).toBeLessThanOrEqual(1);
        for (const r of results) expect(r >= down && r <= up).toBe(true);
      }),
    );
  });

  it('makes half-up and half-even pick the nearest krone when not exactly halfway', () => {
    fc.assert(
      fc.property(amount(), fc.integer({ min: 0, max: 100 }), (value, percent) => {
        // Prepare
        const exactTimes100 = BigInt(value) * BigInt(percent);
        // Act
        const halfUp = percentage(value, percent, 'half-up');
        // Assess: |result × 100 − exact × 100| ≤ 50
        const distance = BigInt(halfUp) * 100n - exactTimes100;
        expect(distance <= 50n && distance >= -50n).toBe(true);
      }),
    );
  });

  it('is monotone: a larger amount never gives a smaller share', () => {
    fc.assert(
      fc.property(amount(), amount(), fc.constantFrom(...roundingModes), (a, b, mode) => {
        const [small, large] = a <= b ? [a, b] : [b, a];
        expect(percentage(small, 5, mode)).toBeLessThanOrEqual(percentage(large, 5, mode));
      }),
    );
  });
});

describe('formatKroner', () => {
  it('formats Norwegian with no-break spaces and English with commas', () => {
    // Prepare
    const value = kroner(1_978_110);
    // Act / Assess
    expect(formatKroner(value, 'nb')).toBe(`1${NBSP}978${NBSP}110${NBSP}kr`);
    expect(formatKroner(value, 'nn')).toBe(`1${NBSP}978${NBSP}110${NBSP}kr`);
    expect(formatKroner(value, 'en')).toBe('NOK 1,978,110');
  });

  it('formats small and negative amounts', () => {
    expect(formatKroner(kroner(0), 'nb')).toBe(`0${NBSP}kr`);
    expect(formatKroner(kroner(999), 'en')).toBe('NOK 999');
    expect(formatKroner(kroner(-1000), 'nb')).toBe(`\u22121${NBSP}000${NBSP}kr`);
    expect(formatKroner(kroner(-1000), 'en')).toBe('-NOK 1,000');
  });
});

describe('parseKroner', () => {
  it.each(['1 000', '1000,-', '1.000', 'kr 1000', '1 000 kr', 'NOK 1000', '1000', ' 1000 ', 'kr. 1 000,-', '1,000', '1000 NOK', '1000kr', `1${NBSP}000`, '1\u202f000'])(
    'reads %j as 1 000',
    (input) => {
      // Act
      const result = parseKroner(input);
      // Assess
      expect(result).toEqual({ ok: true, value: 1000 });
    },
  );

  it('reads millions with any consistent grouping', () => {
    expect(parseKroner('1 978 110 kr')).toEqual({ ok: true, value: 1_978_110 });
    expect(parseKroner('1.978.110')).toEqual({ ok: true, value: 1_978_110 });
    expect(parseKroner('NOK 1,978,110')).toEqual({ ok: true, value: 1_978_110 });
  });

  it.each([
    ['', 'empty'], ['   ', 'empty'], ['kr', 'empty'],
    ['abc', 'not_a_number'], ['12a', 'not_a_number'], ['1 000 $', 'not_a_number'],
    ['-100', 'negative'], ['−1 000 kr', 'negative'], ['kr -5', 'negative'],
    ['1,5', 'decimals'], ['1.5', 'decimals'], ['1.000,50', 'decimals'], ['1000,00', 'decimals'], ['1 000,5', 'decimals'],
    ['10.00.000', 'ambiguous_separators'], ['1 000.000', 'ambiguous_separators'], ['1,0000', 'ambiguous_separators'], ['1.000,000', 'ambiguous_separators'],
    ['99999999999999999999', 'too_large'],
  ] as const)('refuses %j with %s', (input, code) => {
    // Act
    const result = parseKroner(input);
    // Assess
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.messages.nb.length).toBeGreaterThan(0);
      expect(result.error.messages.nn.length).toBeGreaterThan(0);
      expect(result.error.messages.en.length).toBeGreaterThan(0);
    }
  });

  it('reads back what it formats, in every language', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.constantFrom('nb', 'nn', 'en') as fc.Arbitrary<'nb' | 'nn' | 'en'>, (n, locale) => {
        // Prepare
        const value = kroner(n) as Kroner;
        // Act
        const parsed = parseKroner(formatKroner(value, locale));
        // Assess
        expect(parsed).toEqual({ ok: true, value });
      }),
    );
  });
});
