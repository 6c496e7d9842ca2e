import { describe, expect, it } from 'vitest';
import type { KommuneRef, Kommunenummer } from '../../shared/kernel/kommunenummer.js';
import type { TenantId } from '../../shared/kernel/tenants.js';
import { decodeKeyFile, KeyFileError, readKeyFile, type KeyFile } from '../../shared/national/distribution-key.js';
import { matchKeyFile, type ManagingMunicipality } from '../../shared/national/key-matching.js';

/** SSB statbank's "semikolonseparert med overskrift" download of table 09817, as it is laid out. */
const ssbCsv = [
  '"09817: Innvandrere og norskfødte med innvandrerforeldre, etter region, innvandringskategori, statistikkvariabel og år"',
  '',
  '"region";"innvandringskategori";"statistikkvariabel";"2022";"2023"',
  '"0 Hele landet";"Innvandrere og norskfødte med innvandrerforeldre";"Personer";"952 382";"993 175"',
  '"K-3035 Eidsvoll";"Innvandrere og norskfødte med innvandrerforeldre";"Personer";"3 802";"3 967"',
  '"K-3029 Lørenskog";"Innvandrere og norskfødte med innvandrerforeldre";"Personer";"11 012";"11 163"',
  '"K-0301 Oslo - Oslove";"Innvandrere og norskfødte med innvandrerforeldre";"Personer";"233 942";"240 102"',
  '',
].join('\r\n');

function latin1(text: string): Uint8Array {
  return Uint8Array.from([...text].map((char) => {
    const code = char.charCodeAt(0);
    if (code > 0xff) throw new Error(`not Latin-1: ${char}`);
    return code;
  }));
}

function read(text: string, year?: number): KeyFile {
  const result = readKeyFile(text, year);
  if (!result.ok) throw result.error;
  return result.value;
}

function refusal(text: string): KeyFileError {
  const result = readKeyFile(text);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.error;
}

const ref = (kommunenummer: string, validFrom: number): KommuneRef => ({ kommunenummer: kommunenummer as Kommunenummer, validFrom });
const managing = (tenantId: string, name: string, kommunenummer: KommuneRef): ManagingMunicipality => ({
  tenantId: tenantId as TenantId, name, kommunenummer,
});

describe('reading a key file', () => {
  it('reads SSB statbank CSV in Latin-1 with its title lines, quotes and a column per year', () => {
    const file = read(decodeKeyFile(latin1(ssbCsv)), 2023);

    expect(file.layout).toBe('ssb');
    expect(file.statisticsYear).toBe(2023);
    expect(file.rows).toEqual([
      { line: 5, kommunenummer: '3035', name: 'Eidsvoll', count: 3967 },
      { line: 6, kommunenummer: '3029', name: 'Lørenskog', count: 11163 },
      { line: 7, kommunenummer: '0301', name: 'Oslo - Oslove', count: 240102 },
    ]);
    expect(file.ignored).toEqual([{ line: 4, text: expect.stringContaining('0 Hele landet') }]);
  });

  it('reads the same file in UTF-8 with a byte-order mark identically', () => {
    const utf8 = new TextEncoder().encode(`\ufeff${ssbCsv}`);

    expect(read(decodeKeyFile(utf8), 2023)).toEqual(read(decodeKeyFile(latin1(ssbCsv)), 2023));
  });

  it('takes the last year column when no year is asked for', () => {
    expect(read(ssbCsv).statisticsYear).toBe(2023);
    expect(read(ssbCsv, 2022).rows[0]!.count).toBe(3802);
  });

  it('reads a plain kommunenummer;count file with or without a header', () => {
    const withHeader = read('kommunenummer;antall\n3240;3967\n3222;11163\n');
    const without = read('3240;3967\n3222;11163');

    expect(withHeader.layout).toBe('plain');
    expect(without.rows).toEqual(withHeader.rows.map((row) => ({ ...row, line: row.line - 1 })));
    expect(without.rows.map((row) => row.count)).toEqual([3967, 11163]);
  });

  it.each([
    ['a comma-separated file', '3240,3967\n3222,11163', 'key_file.delimiter', undefined],
    ['a line without the count column', 'kommunenummer;antall\n3240;3967\n3222\n', 'key_file.missing_column', 3],
    ['a kommunenummer twice', '3240;3967\n3222;11163\n3240;4000', 'key_file.duplicate', 3],
    ['a negative count', '3240;3967\n3222;-5', 'key_file.count_negative', 2],
    ['a count that is not a number', '3240;3967\n3222;mange', 'key_file.count_not_a_number', 2],
    ['a decimal count', '3240;3967,5', 'key_file.count_not_a_number', 1],
    ["SSB's symbol for a missing figure", '"region";"2023"\n"K-3240 Eidsvoll";".."', 'key_file.count_missing', 2],
    ['an empty file', '\n\n', 'key_file.empty', undefined],
    ['a file without municipalities', 'region;2023\nHele landet;993175', 'key_file.no_rows', undefined],
  ])('refuses %s with a specific error naming the line', (_name, text, code, line) => {
    const error = refusal(text);

    expect(error).toBeInstanceOf(KeyFileError);
    expect(error.code).toBe(code);
    expect(error.details.line).toBe(line);
    for (const message of Object.values(error.messages)) {
      expect(message.length).toBeGreaterThan(10);
      if (line !== undefined) expect(message).toContain(String(line));
    }
  });

  it('refuses a year the file has no column for', () => {
    const result = readKeyFile(ssbCsv, 2019);

    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('key_file.missing_year');
  });
});

describe('matching a key file to the managing municipalities', () => {
  const managers = [
    managing('k3240', 'Eidsvoll', ref('3240', 2024)),
    managing('k3222', 'Lørenskog', ref('3222', 2024)),
    managing('k4601', 'Bergen', ref('4601', 2024)),
  ];

  it('translates a 2023 file to the 2024 numbering and reports what is missing and what is not managing', () => {
    const report = matchKeyFile(read(ssbCsv, 2023), managers, 2024);

    expect(report.fileYear).toBe(2023);
    expect(report.matched).toEqual([
      { tenantId: 'k3222', name: 'Lørenskog', kommunenummer: '3222', key: 11163, line: 6, fileKommunenummer: '3029' },
      { tenantId: 'k3240', name: 'Eidsvoll', kommunenummer: '3240', key: 3967, line: 5, fileKommunenummer: '3035' },
    ]);
    expect(report.missing.map((m) => m.name)).toEqual(['Bergen']);
    expect(report.notManaging.map((row) => row.kommunenummer)).toEqual(['0301']);
    expect(report.ignored).toHaveLength(1);
  });

  it('matches a register kept in 2023 numbers against a 2024 file', () => {
    const file = read('3240;3967\n3222;11163');
    const report = matchKeyFile(file, [managing('eidsvoll', 'Eidsvoll', ref('3035', 2023))], 2024, 2024);

    expect(report.matched.map((m) => [m.tenantId, m.kommunenummer, m.key])).toEqual([['eidsvoll', '3240', 3967]]);
    expect(report.notManaging.map((row) => row.kommunenummer)).toEqual(['3222']);
  });

  it('gives the same result whatever order the file lists the municipalities in', () => {
    const forward = read('3240;3967\n3222;11163\n4601;60000');
    const backward = read('4601;60000\n3222;11163\n3240;3967');

    const strip = (report: ReturnType<typeof matchKeyFile>) => report.matched.map(({ line: _line, ...match }) => match);
    expect(strip(matchKeyFile(forward, managers, 2024))).toEqual(strip(matchKeyFile(backward, managers, 2024)));
  });
});
