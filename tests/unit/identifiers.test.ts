import { describe, expect, it } from 'vitest';
import figures from '../support/fixtures/public-figures.json';
import { issueCode, issueMessage } from '../../shared/kernel/i18n.js';
import {
  countyOf, kommuneRefSchema, kommunenummerIn, kommunenummerSchema, parseKommunenummer, sameKommune, translateKommunenummer,
  type Kommunenummer,
} from '../../shared/kernel/kommunenummer.js';
import { formatOrgnr, isValidOrgnr, orgnrCheckDigit, orgnrSchema, parseOrgnr, type Orgnr } from '../../shared/kernel/orgnr.js';

describe('organisasjonsnummer', () => {
  it.each(figures.orgnr.valid)('accepts the public valid number %s', (orgnr) => {
    expect(isValidOrgnr(orgnr)).toBe(true);
  });

  it.each(figures.orgnr.invalid)('refuses the public invalid number %s', (orgnr) => {
    expect(isValidOrgnr(orgnr)).toBe(false);
  });

  it('accepts spaces and no-break spaces as typed or copied', () => {
    // Act
    const result = parseOrgnr(' 974 760\u00a0673 ');
    // Assess
    expect(result).toEqual({ ok: true, value: '974760673' });
  });

  it.each([
    ['', 'empty'], ['   ', 'empty'], ['abcdefghi', 'not_digits'], ['97476067-3', 'not_digits'],
    ['12345678', 'wrong_length'], ['1234567850', 'wrong_length'], ['123456789', 'checksum'],
  ] as const)('refuses %j with %s', (input, code) => {
    // Act
    const result = parseOrgnr(input);
    // Assess
    expect(result.ok ? undefined : result.error.code).toBe(code);
  });

  function firstEightWithRemainder(remainder: number): string | undefined {
    return Array.from({ length: 100_000 }, (_, i) => String(i + 1).padStart(8, '0')).find(
      (digits) => [...digits].reduce((total, c, i) => total + Number(c) * ([3, 2, 7, 6, 5, 4, 3, 2][i] ?? 0), 0) % 11 === remainder,
    );
  }

  it('uses check digit 0 when the weighted sum leaves remainder 0', () => {
    // Prepare
    const digits = firstEightWithRemainder(0) ?? '';
    // Act
    const checkDigit = orgnrCheckDigit(digits);
    // Assess
    expect(checkDigit).toBe(0);
    expect(isValidOrgnr(`${digits}0`)).toBe(true);
  });

  it('refuses every number whose weighted sum leaves remainder 1', () => {
    // Prepare
    const digits = firstEightWithRemainder(1) ?? '';
    // Act
    const checkDigit = orgnrCheckDigit(digits);
    // Assess
    expect(checkDigit).toBeUndefined();
    for (let d = 0; d <= 9; d++) expect(isValidOrgnr(`${digits}${d}`)).toBe(false);
  });

  it('parses with the schema into the normalized number and reports localized issues', () => {
    // Act
    const good = orgnrSchema.safeParse('974 760 673');
    const bad = orgnrSchema.safeParse('123456789');
    // Assess
    expect(good.success && good.data).toBe('974760673');
    expect(bad.success).toBe(false);
    const issue = bad.error?.issues[0];
    expect(issue && issueCode(issue)).toBe('orgnr.checksum');
    expect(issue && issueMessage(issue, 'nb')).toContain('ikke et gyldig organisasjonsnummer');
    expect(issue && issueMessage(issue, 'en')).toContain('not a valid organisation number');
  });

  it('formats in groups of three', () => {
    expect(formatOrgnr('974760673' as Orgnr)).toBe('974 760 673');
  });
});

describe('kommunenummer', () => {
  it('keeps the leading zero and reads the county from the first two digits', () => {
    // Act
    const oslo = parseKommunenummer('0301', 2024);
    // Assess
    expect(oslo).toEqual({ ok: true, value: '0301' });
    expect(countyOf('0301' as Kommunenummer)).toBe('03');
  });

  it.each([['301', 'format'], ['03011', 'format'], ['abcd', 'format']] as const)('refuses %j as %s', (input, code) => {
    const result = parseKommunenummer(input, 2024);
    expect(result.ok ? undefined : result.error.code).toBe(code);
  });

  it('checks the county against the year the number is valid from', () => {
    // Viken (30) existed 2020–2023, Akershus (32) from 2024.
    expect(parseKommunenummer('3035', 2023).ok).toBe(true);
    expect(parseKommunenummer('3035', 2024).ok).toBe(false);
    expect(parseKommunenummer('3240', 2023).ok).toBe(false);
    expect(parseKommunenummer('3240', 2024).ok).toBe(true);
    expect(parseKommunenummer('0301', 2019)).toMatchObject({ ok: false, error: { code: 'year_out_of_range' } });
  });

  it('translates Ålesund 1507 to 1508 from 2024 and back', () => {
    // Prepare
    const alesund = '1507' as Kommunenummer;
    // Act / Assess
    expect(translateKommunenummer(alesund, 2023, 2024)).toBe('1508');
    expect(translateKommunenummer('1508' as Kommunenummer, 2024, 2022)).toBe('1507');
    expect(translateKommunenummer(alesund, 2021, 2023)).toBe('1507');
  });

  it('leaves numbers in unsplit counties unchanged', () => {
    expect(kommunenummerIn({ kommunenummer: '1506' as Kommunenummer, validFrom: 2020 }, 2024)).toBe('1506');
  });

  it('recognises the same municipality under old and new numbers', () => {
    // Prepare
    const eidsvoll2023 = { kommunenummer: '3035' as Kommunenummer, validFrom: 2020 };
    const eidsvoll2024 = { kommunenummer: '3240' as Kommunenummer, validFrom: 2024 };
    const lorenskog = { kommunenummer: '3222' as Kommunenummer, validFrom: 2024 };
    // Act / Assess
    expect(sameKommune(eidsvoll2023, eidsvoll2024)).toBe(true);
    expect(sameKommune(eidsvoll2023, lorenskog)).toBe(false);
  });

  it('validates a stored reference with the schema and names the field in the issue', () => {
    // Act
    const good = kommuneRefSchema.safeParse({ kommunenummer: '3240', validFrom: 2024 });
    const bad = kommuneRefSchema.safeParse({ kommunenummer: '3240', validFrom: 2022 });
    const format = kommunenummerSchema.safeParse('301');
    // Assess
    expect(good.success && good.data).toEqual({ kommunenummer: '3240', validFrom: 2024 });
    expect(bad.error?.issues[0]?.path).toEqual(['kommunenummer']);
    expect(bad.error?.issues[0] && issueCode(bad.error.issues[0])).toBe('kommunenummer.unknown_county');
    expect(format.error?.issues[0] && issueMessage(format.error.issues[0], 'nn')).toContain('4 siffer');
  });
});
