/**
 * Kommunenummer: 4 digits with leading zero (`0301` Oslo); the first two are the county. Numbers
 * are not stable — on 1 Jan 2024 the counties Viken, Vestfold og Telemark and Troms og Finnmark were
 * split and all their municipalities renumbered, and Ålesund became 1508 when Haram left it — so a
 * stored number carries the year it is valid from, and comparisons go through {@link sameKommune}.
 *
 * Numbers are read for the county structures since the 2020 reform (the scheme's rule sets start in
 * 2021); translation knows every change of 2020 and 2024 ({@link kommunenummerChanges}).
 */
import { z } from 'zod';
import { addLocalizedIssue, type LocalizedText } from './i18n.js';
import { kommunenummerChanges } from './kommunenummer-changes.js';
import { err, ok, type Result } from './result.js';

/** Four digits, leading zero kept. */
export type Kommunenummer = string & z.$brand<'Kommunenummer'>;

/** A kommunenummer with the first year it is valid (e.g. Eidsvoll `3035` from 2020, `3240` from 2024). */
export interface KommuneRef {
  readonly kommunenummer: Kommunenummer;
  readonly validFrom: number;
}

/** The first year whose numbering this module knows (the 2020 regional reform). */
export const FIRST_KNOWN_NUMBERING_YEAR = 2020;

/** The year of the last renumbering this module knows. */
export const RENUMBERING_2024 = 2024;

const counties2020: Readonly<Record<string, string>> = {
  '03': 'Oslo', '11': 'Rogaland', '15': 'Møre og Romsdal', '18': 'Nordland', '30': 'Viken', '34': 'Innlandet',
  '38': 'Vestfold og Telemark', '42': 'Agder', '46': 'Vestland', '50': 'Trøndelag', '54': 'Troms og Finnmark',
};

const counties2024: Readonly<Record<string, string>> = {
  '03': 'Oslo', '11': 'Rogaland', '15': 'Møre og Romsdal', '18': 'Nordland', '31': 'Østfold', '32': 'Akershus',
  '33': 'Buskerud', '34': 'Innlandet', '39': 'Vestfold', '40': 'Telemark', '42': 'Agder', '46': 'Vestland',
  '50': 'Trøndelag', '55': 'Troms', '56': 'Finnmark',
};

/** A renumbering date's translations, derived from {@link kommunenummerChanges}. */
interface Renumbering {
  readonly year: number;
  /** Old → new. A split old number goes to the successor listed first (1507 → 1508 Ålesund, not Haram). */
  readonly forward: ReadonlyMap<string, string>;
  /** New → old. A merged new number goes back to the predecessor listed first, because the way back is ambiguous. */
  readonly back: ReadonlyMap<string, string>;
}

function renumberingOf(year: number): Renumbering {
  const forward = new Map<string, string>();
  const back = new Map<string, string>();
  // A `moved` row is a minor part that went elsewhere; the municipality itself went where its other row says.
  for (const change of kommunenummerChanges.filter((c) => c.year === year && c.kind !== 'moved')) {
    if (!forward.has(change.oldNumber)) forward.set(change.oldNumber, change.newNumber);
    if (!back.has(change.newNumber)) back.set(change.newNumber, change.oldNumber);
  }
  return { year, forward, back };
}

const renumberings: readonly Renumbering[] = [...new Set(kommunenummerChanges.map((c) => c.year))]
  .sort((x, y) => x - y)
  .map(renumberingOf);

/** Why a kommunenummer was refused. */
export type KommunenummerErrorCode = 'format' | 'unknown_county' | 'year_out_of_range';

/** A refused kommunenummer with a message for the user. */
export interface KommunenummerError {
  readonly code: KommunenummerErrorCode;
  readonly messages: LocalizedText;
}

const messages: Record<KommunenummerErrorCode, LocalizedText> = {
  format: {
    nb: 'Kommunenummeret må ha 4 sifre, for eksempel 0301.',
    nn: 'Kommunenummeret må ha 4 siffer, til dømes 0301.',
    en: 'The municipality number must have 4 digits, for example 0301.',
  },
  unknown_county: {
    nb: 'Kommunenummeret hører ikke til noe fylke det året.',
    nn: 'Kommunenummeret høyrer ikkje til noko fylke det året.',
    en: 'The municipality number does not belong to any county that year.',
  },
  year_out_of_range: {
    nb: 'Året må være 2020 eller senere.',
    nn: 'Året må vere 2020 eller seinare.',
    en: 'The year must be 2020 or later.',
  },
};

/** The county names in force in a year, keyed by the two-digit county number. */
export function countiesIn(year: number): Readonly<Record<string, string>> {
  return year >= RENUMBERING_2024 ? counties2024 : counties2020;
}

/** The county part (first two digits) of a kommunenummer. */
export function countyOf(kommunenummer: Kommunenummer): string {
  return kommunenummer.slice(0, 2);
}

/**
 * Reads a kommunenummer valid in `year`: 4 digits (spaces ignored) whose county existed that year.
 * A 3-digit input is refused rather than padded, because `301` could be a typo for any of several.
 */
export function parseKommunenummer(input: string, year: number): Result<Kommunenummer, KommunenummerError> {
  const value = input.replace(/\s+/g, '');
  const fail = (code: KommunenummerErrorCode) => err({ code, messages: messages[code] });
  if (!/^\d{4}$/.test(value)) return fail('format');
  if (!Number.isInteger(year) || year < FIRST_KNOWN_NUMBERING_YEAR) return fail('year_out_of_range');
  if (!(value.slice(0, 2) in countiesIn(year))) return fail('unknown_county');
  return ok(value as Kommunenummer);
}

/**
 * The number a municipality had in `toYear`, given its number in `fromYear`, through every
 * renumbering in between (2020 and 2024); unchanged where no change lists it.
 */
export function translateKommunenummer(kommunenummer: Kommunenummer, fromYear: number, toYear: number): Kommunenummer {
  let number: string = kommunenummer;
  if (toYear > fromYear) {
    for (const step of renumberings.filter((r) => r.year > fromYear && r.year <= toYear)) number = step.forward.get(number) ?? number;
  } else {
    for (const step of renumberings.filter((r) => r.year > toYear && r.year <= fromYear).reverse()) number = step.back.get(number) ?? number;
  }
  return number as Kommunenummer;
}

/** The number of a stored municipality as of `year`. */
export function kommunenummerIn(ref: KommuneRef, year: number): Kommunenummer {
  return translateKommunenummer(ref.kommunenummer, ref.validFrom, year);
}

/** Whether two stored numbers name the same municipality, whichever years they were stored with. */
export function sameKommune(a: KommuneRef, b: KommuneRef): boolean {
  const year = Math.max(a.validFrom, b.validFrom, RENUMBERING_2024);
  return kommunenummerIn(a, year) === kommunenummerIn(b, year);
}

/** Schema for a bare 4-digit kommunenummer (format only; use {@link kommuneRefSchema} to check the county). */
export const kommunenummerSchema = z.string().transform((input, ctx) => {
  const value = input.replace(/\s+/g, '');
  if (/^\d{4}$/.test(value)) return value as Kommunenummer;
  addLocalizedIssue(ctx, { code: 'kommunenummer.format', messages: messages.format });
  return z.NEVER;
});

/** Schema for a {@link KommuneRef}: the number must belong to a county that existed in `validFrom`. */
export const kommuneRefSchema = z
  .object({ kommunenummer: z.string(), validFrom: z.int() })
  .transform((input, ctx) => {
    const parsed = parseKommunenummer(input.kommunenummer, input.validFrom);
    if (parsed.ok) return { kommunenummer: parsed.value, validFrom: input.validFrom } satisfies KommuneRef;
    addLocalizedIssue(ctx, { code: `kommunenummer.${parsed.error.code}`, messages: parsed.error.messages }, [
      parsed.error.code === 'year_out_of_range' ? 'validFrom' : 'kommunenummer',
    ]);
    return z.NEVER;
  });
