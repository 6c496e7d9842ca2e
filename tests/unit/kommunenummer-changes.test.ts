import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { kommunenummerChanges } from '../../shared/kernel/kommunenummer-changes.js';
import { countiesIn, parseKommunenummer, sameKommune, translateKommunenummer, type Kommunenummer } from '../../shared/kernel/kommunenummer.js';

interface CsvRow { year: number; oldNumber: string; newNumber: string; kind: string }

// The CSV in data/ is the reference copy of SSB's change list; the TypeScript table must equal it.
const csvRows: CsvRow[] = readFileSync(new URL('../../data/kommunenummer-changes.csv', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split(';'))
  .map(([date, oldNumber, , newNumber, , kind]) => ({ year: Number(date?.slice(0, 4)), oldNumber: oldNumber ?? '', newNumber: newNumber ?? '', kind: kind?.trim() ?? '' }));

const k = (value: string) => value as Kommunenummer;

describe('kommunenummer changes of 2020 and 2024', () => {
  it('equals data/kommunenummer-changes.csv row for row', () => {
    expect(kommunenummerChanges.map((c) => ({ ...c }))).toEqual(csvRows);
  });

  it('translates every row forward to its new number, except minor parts that moved and the lesser halves of splits', () => {
    // Prepare: for a split the municipality goes on under the successor listed first
    const firstSuccessor = new Map<string, string>();
    for (const row of csvRows) if (row.kind !== 'moved' && !firstSuccessor.has(`${row.year}:${row.oldNumber}`)) firstSuccessor.set(`${row.year}:${row.oldNumber}`, row.newNumber);
    for (const row of csvRows) {
      // Act
      const forward = translateKommunenummer(k(row.oldNumber), row.year - 1, row.year);
      // Assess
      expect(forward, `${row.oldNumber}@${row.year - 1}`).toBe(row.kind === 'renumbered' || row.kind === 'merged' ? row.newNumber : firstSuccessor.get(`${row.year}:${row.oldNumber}`));
    }
  });

  it('translates every row back to its old number, or for a merger to one of the merged numbers', () => {
    for (const row of csvRows.filter((r) => r.kind !== 'moved')) {
      // Act
      const back = translateKommunenummer(k(row.newNumber), row.year, row.year - 1);
      // Assess
      const predecessors = csvRows.filter((r) => r.year === row.year && r.newNumber === row.newNumber && r.kind !== 'moved').map((r) => r.oldNumber);
      if (predecessors.length === 1) expect(back, `${row.newNumber}@${row.year}`).toBe(row.oldNumber);
      else expect(predecessors, `${row.newNumber}@${row.year}`).toContain(back);
    }
  });

  it.each([
    ['30', 'Viken', 51, ['31', '32', '33']],
    ['38', 'Vestfold og Telemark', 23, ['39', '40']],
    ['54', 'Troms og Finnmark', 39, ['55', '56']],
  ] as const)('gives every 2023 municipality of county %s (%s) a 2024 number in a successor county', (county, _name, count, successors) => {
    // Prepare
    const numbers2023 = csvRows.filter((r) => r.year === 2024 && r.oldNumber.startsWith(county)).map((r) => r.oldNumber);
    // Act
    const numbers2024 = numbers2023.map((n) => translateKommunenummer(k(n), 2023, 2024));
    // Assess
    expect(new Set(numbers2023).size).toBe(count);
    for (const n of numbers2024) {
      expect(successors).toContain(n.slice(0, 2));
      expect(parseKommunenummer(n, 2024).ok).toBe(true);
    }
    expect(new Set(numbers2024).size).toBe(count);
    expect(countiesIn(2023)[county]).toBe(_name);
  });

  it('knows Nittedal and Nannestad under both numbers', () => {
    expect(translateKommunenummer(k('3031'), 2023, 2024)).toBe('3232');
    expect(translateKommunenummer(k('3036'), 2023, 2024)).toBe('3238');
    expect(sameKommune({ kommunenummer: k('3031'), validFrom: 2023 }, { kommunenummer: k('3232'), validFrom: 2024 })).toBe(true);
  });

  it('follows a 2019 number through both renumberings', () => {
    // Larvik: 0712 until 2019, 3805 in 2020–2023, 3909 from 2024
    expect(translateKommunenummer(k('0712'), 2019, 2024)).toBe('3909');
    expect(translateKommunenummer(k('3909'), 2024, 2019)).toBe('0712');
  });
});
