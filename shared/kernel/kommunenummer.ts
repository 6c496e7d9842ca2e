/**
 * Kommunenummer: 4 digits with leading zero (`0301` Oslo); the first two are the county. Numbers
 * are not stable — on 1 Jan 2024 the counties Viken, Vestfold og Telemark and Troms og Finnmark were
 * split and all their municipalities renumbered, and Ålesund became 1508 when Haram left it — so a
 * stored number carries the year it is valid from, and comparisons go through {@link sameKommune}.
 *
 * Only the county structures since the 2020 reform are modelled; the scheme's rule sets start in 2021.
 */
import { z } from 'zod';
import { addLocalizedIssue, type LocalizedText } from './i18n.js';
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

/**
 * Old (2020–2023) → new (2024–) numbers for the managing municipalities and their larger
 * neighbours. Not the full list of 2024 changes: numbers not listed translate to themselves, which is
 * right for every county that was not split.
 */
export const renumbering2024: Readonly<Record<string, string>> = {
  '3001': '3101', '3002': '3103', '3003': '3105', '3004': '3107', // Halden, Moss, Sarpsborg, Fredrikstad
  '3020': '3207', '3024': '3201', '3025': '3203', '3029': '3222', '3030': '3205', '3033': '3209', '3035': '3240', // Nordre Follo, Bærum, Asker, Lørenskog, Lillestrøm, Ullensaker, Eidsvoll
  '3005': '3301', '3006': '3303', '3007': '3305', // Drammen, Kongsberg, Ringerike
  '3801': '3901', '3802': '3903', '3803': '3905', '3804': '3907', '3805': '3909', // Horten, Holmestrand, Tønsberg, Sandefjord, Larvik
  '3806': '4001', '3807': '4003', // Porsgrunn, Skien
  '5401': '5501', '5402': '5503', '5403': '5601', '5406': '5603', // Tromsø, Harstad, Alta, Hammerfest
  '1507': '1508', // Ålesund (Haram left and became 1580)
};

const renumberingBack: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(renumbering2024).map(([from, to]) => [to, from]),
);

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
 * The number a municipality had in `toYear`, given its number in `fromYear`; unchanged where the
 * table has no entry.
 */
export function translateKommunenummer(kommunenummer: Kommunenummer, fromYear: number, toYear: number): Kommunenummer {
  if (fromYear < RENUMBERING_2024 && toYear >= RENUMBERING_2024) {
    return (renumbering2024[kommunenummer] ?? kommunenummer) as Kommunenummer;
  }
  if (fromYear >= RENUMBERING_2024 && toYear < RENUMBERING_2024) {
    return (renumberingBack[kommunenummer] ?? kommunenummer) as Kommunenummer;
  }
  return kommunenummer;
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
