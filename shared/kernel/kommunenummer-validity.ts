/**
 * Whether a kommunenummer is the number of a municipality in a given year, by the renumberings
 * this kernel knows ({@link kommunenummerChanges}): `3035` (Eidsvoll) ended on 31 December 2023 and
 * `3240` began on 1 January 2024, so neither is valid in the other's years, and each time the other
 * is suggested. Numbers no change lists are checked only for their format and county.
 */
import type { LocalizedText } from './i18n.js';
import { parseKommunenummer, translateKommunenummer, type Kommunenummer, type KommunenummerErrorCode } from './kommunenummer.js';
import { kommunenummerChanges } from './kommunenummer-changes.js';
import { err, ok, type Result } from './result.js';

/** Why a number is not valid in a year: its format or county, or a renumbering (`retired`, `not_yet`). */
export type KommunenummerInYearErrorCode = KommunenummerErrorCode | 'retired' | 'not_yet';

/** A number refused for a year, with the number the same municipality had that year where known. */
export interface KommunenummerInYearError {
  readonly code: KommunenummerInYearErrorCode;
  readonly messages: LocalizedText;
  readonly suggestion?: Kommunenummer;
}

function renumbered(code: 'retired' | 'not_yet', number: string, year: number, suggestion: Kommunenummer | undefined): KommunenummerInYearError {
  const hint: LocalizedText = suggestion
    ? { nb: ` Kommunen hadde nummer ${suggestion} i ${year}.`, nn: ` Kommunen hadde nummer ${suggestion} i ${year}.`, en: ` The municipality's number in ${year} was ${suggestion}.` }
    : { nb: '', nn: '', en: '' };
  const reason: LocalizedText = code === 'retired'
    ? { nb: `Kommunenummer ${number} var ikke lenger i bruk i ${year}.`, nn: `Kommunenummer ${number} var ikkje lenger i bruk i ${year}.`, en: `Municipality number ${number} was no longer in use in ${year}.` }
    : { nb: `Kommunenummer ${number} var ikke tatt i bruk ennå i ${year}.`, nn: `Kommunenummer ${number} var ikkje teke i bruk enno i ${year}.`, en: `Municipality number ${number} was not yet in use in ${year}.` };
  return {
    code,
    messages: { nb: reason.nb + hint.nb, nn: reason.nn + hint.nn, en: reason.en + hint.en },
    ...(suggestion ? { suggestion } : {}),
  };
}

/**
 * Reads a kommunenummer that is valid in `year`. Besides {@link parseKommunenummer}'s checks, a
 * number whose last listed change up to `year` ended it is `retired` (with its successor), and a
 * number that only begins after `year` is `not_yet` (with its predecessor).
 */
export function parseKommunenummerIn(input: string, year: number): Result<Kommunenummer, KommunenummerInYearError> {
  const number = input.replace(/\s+/g, '');
  const parsed = parseKommunenummer(number, year);
  if (!parsed.ok && parsed.error.code !== 'unknown_county') return parsed;
  const events = kommunenummerChanges.flatMap((change) => [
    ...(change.oldNumber === number ? [{ year: change.year, starts: false }] : []),
    ...(change.newNumber === number && change.kind !== 'moved' ? [{ year: change.year, starts: true }] : []),
  ]);
  const upToYear = events.filter((event) => event.year <= year);
  const latestYear = Math.max(...upToYear.map((event) => event.year));
  const latest = upToYear.filter((event) => event.year === latestYear);
  const suggest = (from: number) => {
    const other = translateKommunenummer(number as Kommunenummer, from, year);
    return other === number ? undefined : other;
  };
  if (latest.length > 0 && latest.every((event) => !event.starts)) return err(renumbered('retired', number, year, suggest(latestYear - 1)));
  const firstStart = events.filter((event) => event.starts && event.year > year).map((event) => event.year).sort()[0];
  if (upToYear.length === 0 && firstStart !== undefined) return err(renumbered('not_yet', number, year, suggest(firstStart)));
  return parsed;
}
