/**
 * Reading the distribution key: residents with an immigrant background per municipality, as IMDi
 * downloads it from SSB's statbank (table 09817) or keeps it as a plain `kommunenummer;count` file.
 *
 * SSB's CSV has title lines before its header, quotes every cell, separates with semicolons, names
 * each region as `3240 Eidsvoll` (or `K-3240 Eidsvoll`) and may have a column per year; it comes in
 * UTF-8 or Latin-1. A file is read whole or refused whole: one bad line means nothing is stored,
 * because a frame computed from a partly read key would be wrong for every municipality.
 */
import { parse } from 'csv-parse/sync';
import { DomainError } from '../kernel/errors.js';
import type { LocalizedText } from '../kernel/i18n.js';
import type { Kommunenummer } from '../kernel/kommunenummer.js';
import { err, ok, type Result } from '../kernel/result.js';

/** One municipality's count as read from the file. */
export interface KeyFileRow {
  /** Line in the file, counting from 1, so errors and reports can point at it. */
  readonly line: number;
  /** As written in the file: valid in the year the statistics describe. */
  readonly kommunenummer: Kommunenummer;
  /** The name after the number in SSB's region cell, when there is one. */
  readonly name?: string;
  readonly count: number;
}

/** A line that was read but is not a municipality (the whole country, a county). */
export interface IgnoredKeyFileLine {
  readonly line: number;
  readonly text: string;
}

/** A key file that was read whole. */
export interface KeyFile {
  readonly layout: 'ssb' | 'plain';
  /** The year column the counts were taken from, when the file names years. */
  readonly statisticsYear?: number;
  readonly rows: readonly KeyFileRow[];
  readonly ignored: readonly IgnoredKeyFileLine[];
}

/** Why a key file was refused; `details.line` names the line where that applies. */
export class KeyFileError extends DomainError {}

const regionCell = /^(?:K-)?(\d{4})(?:\s+(.+))?$/;
/** SSB's symbols for a figure that is missing, confidential or not applicable. */
const ssbMissingSymbols = new Set(['.', '..', '...', ':', '-']);

/**
 * Turns the uploaded bytes into text: UTF-8 (with or without a byte-order mark) when the bytes are
 * valid UTF-8, Latin-1 otherwise, which is what SSB's "ISO-8859-1" download gives.
 */
export function decodeKeyFile(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function refuse(code: string, messages: LocalizedText, line?: number): Result<never, KeyFileError> {
  return err(new KeyFileError(`key_file.${code}`, messages, { details: line === undefined ? {} : { line } }));
}

function readRecords(text: string): string[][] {
  return parse(text, {
    delimiter: ';',
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    trim: true,
    bom: true,
  }) as string[][];
}

/** Which column holds the counts: the asked-for year, or the last column. */
function countColumn(header: readonly string[], year: number | undefined): { index: number; year?: number } | undefined {
  const years = header.map((cell) => /(?:^|\D)((?:19|20)\d{2})(?:\D|$)/.exec(cell)?.[1]).map((y) => (y ? Number(y) : undefined));
  if (year !== undefined) {
    const index = years.lastIndexOf(year);
    return index > 0 ? { index, year } : undefined;
  }
  const index = header.length - 1;
  return { index, year: years[index] };
}

function parseCount(cell: string, line: number): Result<number, KeyFileError> {
  const value = cell.replace(/[\s\u00a0\u202f]/g, '');
  if (ssbMissingSymbols.has(value)) {
    return refuse('count_missing', {
      nb: `Linje ${line}: SSB har ikke tallet («${value}»). Bruk en tabell der alle forvaltningskommuner har tall.`,
      nn: `Linje ${line}: SSB har ikkje talet («${value}»). Bruk ein tabell der alle forvaltingskommunar har tal.`,
      en: `Line ${line}: SSB has no figure here ("${value}"). Use a table in which every managing municipality has a figure.`,
    }, line);
  }
  if (/^-\d+$/.test(value)) {
    return refuse('count_negative', {
      nb: `Linje ${line}: antallet ${value} er negativt.`,
      nn: `Linje ${line}: talet ${value} er negativt.`,
      en: `Line ${line}: the count ${value} is negative.`,
    }, line);
  }
  if (!/^\d{1,9}$/.test(value)) {
    return refuse('count_not_a_number', {
      nb: `Linje ${line}: «${cell}» er ikke et helt tall.`,
      nn: `Linje ${line}: «${cell}» er ikkje eit heilt tal.`,
      en: `Line ${line}: "${cell}" is not a whole number.`,
    }, line);
  }
  return ok(Number(value));
}

/**
 * Reads a key file: SSB's statbank CSV or a plain `kommunenummer;count` file, with or without a
 * header. `statisticsYear` picks the year column of an SSB file with several; without it the last
 * column is used. Refuses the whole file, naming the line, for a wrong delimiter, a missing column,
 * a duplicate kommunenummer, or a count that is negative, missing or not a whole number.
 */
export function readKeyFile(text: string, statisticsYear?: number): Result<KeyFile, KeyFileError> {
  const records = readRecords(text);
  if (records.length === 0) {
    return refuse('empty', { nb: 'Fila er tom.', nn: 'Fila er tom.', en: 'The file is empty.' });
  }
  const tabular = records.findIndex((record) => record.length >= 2);
  if (tabular < 0) {
    return refuse('delimiter', {
      nb: 'Fant ingen kolonner skilt med semikolon (;). Last ned fra SSB som «semikolonseparert», eller skriv kommunenummer;antall.',
      nn: 'Fann ingen kolonnar skilde med semikolon (;). Last ned frå SSB som «semikolonseparert», eller skriv kommunenummer;tal.',
      en: 'Found no columns separated by semicolons (;). Download from SSB as "semicolon separated", or write kommunenummer;count.',
    });
  }
  const startsWithData = regionCell.test(records[tabular]![0]!);
  const header = startsWithData ? undefined : records[tabular]!;
  const column = header ? countColumn(header, statisticsYear) : { index: 1, year: statisticsYear };
  if (!column) {
    return refuse('missing_year', {
      nb: `Fila har ingen kolonne for ${statisticsYear}.`,
      nn: `Fila har ingen kolonne for ${statisticsYear}.`,
      en: `The file has no column for ${statisticsYear}.`,
    });
  }
  const lineNumbers = nonEmptyLineNumbers(text);
  const rows: KeyFileRow[] = [];
  const ignored: IgnoredKeyFileLine[] = [];
  const seen = new Map<string, number>();
  for (let i = startsWithData ? tabular : tabular + 1; i < records.length; i += 1) {
    const record = records[i]!;
    const line = lineNumbers[i] ?? i + 1;
    const region = regionCell.exec(record[0] ?? '');
    if (!region) {
      ignored.push({ line, text: record.join(';') });
      continue;
    }
    if (record.length <= column.index) {
      return refuse('missing_column', {
        nb: `Linje ${line} mangler kolonnen med antall.`,
        nn: `Linje ${line} manglar kolonnen med tal.`,
        en: `Line ${line} has no count column.`,
      }, line);
    }
    const kommunenummer = region[1] as Kommunenummer;
    const earlier = seen.get(kommunenummer);
    if (earlier !== undefined) {
      return refuse('duplicate', {
        nb: `Kommunenummer ${kommunenummer} står både på linje ${earlier} og ${line}.`,
        nn: `Kommunenummer ${kommunenummer} står både på linje ${earlier} og ${line}.`,
        en: `Kommunenummer ${kommunenummer} is on both line ${earlier} and line ${line}.`,
      }, line);
    }
    const count = parseCount(record[column.index]!, line);
    if (!count.ok) return count;
    seen.set(kommunenummer, line);
    rows.push({ line, kommunenummer, ...(region[2] ? { name: region[2] } : {}), count: count.value });
  }
  if (rows.length === 0) {
    return refuse('no_rows', {
      nb: 'Fila har ingen linjer med kommunenummer.',
      nn: 'Fila har ingen linjer med kommunenummer.',
      en: 'The file has no lines with a kommunenummer.',
    });
  }
  // SSB's downloads have title lines, more than two columns or named regions; a plain file has none.
  const layout = tabular > 0 || (header?.length ?? 2) > 2 || rows.some((row) => row.name) ? 'ssb' : 'plain';
  return ok({ layout, ...(column.year === undefined ? {} : { statisticsYear: column.year }), rows, ignored });
}

/**
 * The 1-based line number of each non-empty line, in order: the parser skips empty lines, and no
 * cell in these files holds a line break, so record `i` stands on the `i`-th non-empty line.
 */
function nonEmptyLineNumbers(text: string): number[] {
  return text
    .split(/\r\n|\n|\r/)
    .map((line, index) => (line.trim() === '' ? 0 : index + 1))
    .filter((line) => line > 0);
}
