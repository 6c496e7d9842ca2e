/**
 * The public figures in tests/support/fixtures/public-figures.json, each with its source, reproduced by
 * the rules engine. They are expected values from the real scheme, not values the code was tuned to.
 */
import { describe, expect, it } from 'vitest';
import figures from '../support/fixtures/public-figures.json';
import { splitNationalFrame } from '../../shared/rules/allocation.js';
import { adminCostCap, openBudget } from '../../shared/rules/budget.js';
import { formatKroner, kroner, parseKroner } from '../../shared/kernel/money.js';
import { isValidOrgnr } from '../../shared/kernel/orgnr.js';
import { kommunenummerIn, parseKommunenummer, type Kommunenummer } from '../../shared/kernel/kommunenummer.js';
import { ruleSetFor } from '../../shared/rules/index.js';

describe('public figures', () => {
  it('split 2023: 132 500 000 → IMDi 39 750 000, municipalities 92 750 000', () => {
    // Prepare
    const { total, imdi, municipalities, imdiShare } = figures.split2023;
    // Act
    const split = splitNationalFrame(kroner(total), ruleSetFor(2023));
    // Assess
    expect({ imdi: split.imdi, municipalities: split.municipalPool }).toEqual({ imdi, municipalities });
    expect(1 - Number(ruleSetFor(2023).municipalShare)).toBeCloseTo(imdiShare, 10);
  });

  it.each(figures.adminCap2023.examples)('admin cap 2023 for $name: 5 % of $frame is $adminCap', ({ frame, adminCap }) => {
    expect(adminCostCap(ruleSetFor(2023), kroner(frame))).toBe(adminCap);
    expect(openBudget(ruleSetFor(2023), kroner(frame)).adminCap).toBe(adminCap);
  });

  it('uses the same admin rate as the assignment letter', () => {
    expect(Number(ruleSetFor(2023).adminCostCap.rate)).toBe(figures.adminCap2023.rate);
  });

  it.each(figures.orgnr.valid)('accepts valid organisation number %s', (orgnr) => expect(isValidOrgnr(orgnr)).toBe(true));

  it.each(figures.orgnr.invalid)('refuses invalid organisation number %s', (orgnr) => expect(isValidOrgnr(orgnr)).toBe(false));

  it('uses the published audit threshold and appeal deadline', () => {
    for (const year of [2021, 2022, 2023, 2024]) {
      expect(ruleSetFor(year).auditThreshold).toBe(figures.auditThreshold.amount);
      expect(ruleSetFor(year).appealDeadlineWeeks).toBe(figures.appealDeadlineWeeks.weeks);
    }
  });

  it.each(figures.municipalFrames.items)('formats and reads back $name $year: $frame', ({ frame, kommunenummer, year }) => {
    // Act
    const nb = formatKroner(kroner(frame), 'nb');
    const en = formatKroner(kroner(frame), 'en');
    // Assess
    expect(parseKroner(nb)).toEqual({ ok: true, value: frame });
    expect(parseKroner(en)).toEqual({ ok: true, value: frame });
    // The fixture names each municipality by today's number; the figure's year may predate it
    const numberThatYear = kommunenummerIn({ kommunenummer: kommunenummer as Kommunenummer, validFrom: 2024 }, year);
    expect(parseKommunenummer(numberThatYear, year).ok).toBe(true);
    expect(kommunenummerIn({ kommunenummer: numberThatYear, validFrom: year }, 2024)).toBe(kommunenummer);
  });

  it('names Eidsvoll 2023 and Larvik 2022 by the numbers valid in those years', () => {
    expect(kommunenummerIn({ kommunenummer: '3240' as Kommunenummer, validFrom: 2024 }, 2023)).toBe('3035');
    expect(kommunenummerIn({ kommunenummer: '3909' as Kommunenummer, validFrom: 2024 }, 2022)).toBe('3805');
  });

  it('formats Lørenskog 2023 as people write it', () => {
    expect(formatKroner(kroner(1_978_110), 'nb').replaceAll('\u00a0', ' ')).toBe('1 978 110 kr');
    expect(formatKroner(kroner(1_978_110), 'en')).toBe('NOK 1,978,110');
  });
});
