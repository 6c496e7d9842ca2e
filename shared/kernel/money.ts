/**
 * Money is whole Norwegian kroner in a branded integer type. Grants, frames and caps are all set in
 * whole kroner, and every percentage rule states how it rounds, so no amount ever carries øre.
 *
 * Formatting uses U+00A0 NO-BREAK SPACE both as the Norwegian thousands separator and between the
 * amount and `kr` (`1 978 110 kr`): the same as `Intl` for nb-NO, and it keeps an amount on one line.
 * Parsing accepts regular, no-break, narrow no-break and thin spaces alike.
 */
import { z } from 'zod';
import { DomainError, InvalidValueError } from './errors.js';
import { decimalToFraction, fraction, multiply, roundFraction, type Fraction, type RoundingMode } from './fraction.js';
import type { Locale, LocalizedText } from './i18n.js';
import { err, ok, type Result } from './result.js';

export { roundingModes, type RoundingMode } from './fraction.js';

/** Whole kroner. Only {@link kroner}, the arithmetic here and {@link kronerSchema} make one. */
export type Kroner = number & z.$brand<'Kroner'>;

/** The no-break space used in Norwegian formatting. */
export const NBSP = '\u00a0';

/** Thrown when a number cannot be kroner: not an integer, NaN, infinite or beyond 2^53 − 1. */
export class InvalidAmountError extends InvalidValueError {
  constructor(value: unknown) {
    super('money.invalid_amount', {
      nb: 'Beløpet må være et helt antall kroner.',
      nn: 'Beløpet må vere eit heilt tal kroner.',
      en: 'The amount must be a whole number of kroner.',
    }, { details: { value: String(value) } });
  }
}

/** Makes kroner from a number; throws {@link InvalidAmountError} unless it is a safe integer. */
export function kroner(value: number): Kroner {
  if (!Number.isSafeInteger(value)) throw new InvalidAmountError(value);
  // -0 would print as "0" but compare oddly in Object.is-based checks.
  return (value === 0 ? 0 : value) as Kroner;
}

/** Zero kroner. */
export const ZERO = kroner(0);

/** Whether a value is usable as kroner (a safe integer). */
export function isKroner(value: unknown): value is Kroner {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** Schema for a non-negative amount in whole kroner, as stored and as sent over the API. */
export const kronerSchema = z
  .number()
  .refine((v) => Number.isSafeInteger(v), {
    message: 'The amount must be a whole number of kroner.',
    params: { code: 'money.invalid_amount', messages: { nb: 'Beløpet må være et helt antall kroner.', nn: 'Beløpet må vere eit heilt tal kroner.', en: 'The amount must be a whole number of kroner.' } },
  })
  .refine((v) => v >= 0, {
    message: 'The amount cannot be negative.',
    params: { code: 'money.negative', messages: { nb: 'Beløpet kan ikke være negativt.', nn: 'Beløpet kan ikkje vere negativt.', en: 'The amount cannot be negative.' } },
  })
  // A cast, not kroner(): zod still runs transforms on values that failed a non-aborting refine.
  .transform((v) => v as Kroner);

/** a + b; throws if the sum leaves the safe-integer range. */
export function add(a: Kroner, b: Kroner): Kroner {
  return kroner(a + b);
}

/** a − b; may be negative (a shortfall), callers that need non-negative check it. */
export function subtract(a: Kroner, b: Kroner): Kroner {
  return kroner(a - b);
}

/** Sum of any number of amounts; 0 for none. */
export function sum(amounts: Iterable<Kroner>): Kroner {
  let total = 0;
  for (const amount of amounts) total = kroner(total + amount);
  return kroner(total);
}

/** The smaller of two amounts. */
export function min(a: Kroner, b: Kroner): Kroner {
  return a <= b ? a : b;
}

/** The larger of two amounts. */
export function max(a: Kroner, b: Kroner): Kroner {
  return a >= b ? a : b;
}

/** A share as exact text (`"0.05"`), a number read by its shortest decimal text, or a fraction. */
export type Rate = string | number | Fraction;

/** Reads a {@link Rate} as an exact fraction. */
export function toFraction(rate: Rate): Fraction {
  return typeof rate === 'object' ? rate : decimalToFraction(rate);
}

/**
 * amount × rate, rounded to whole kroner by `mode`, computed exactly:
 * `applyRate(702897, '0.05', 'half-up')` is 35 145 (exact 35 144.85).
 */
export function applyRate(amount: Kroner, rate: Rate, mode: RoundingMode): Kroner {
  const exact = multiply(fraction(BigInt(amount)), toFraction(rate));
  return kroner(Number(roundFraction(exact, mode)));
}

/**
 * `percent` per cent of the amount, rounded by `mode`: `percentage(702897, 5, 'half-up')` is
 * 35 145. Same arithmetic as {@link applyRate}, for rules written as percentages.
 */
export function percentage(amount: Kroner, percent: string | number, mode: RoundingMode): Kroner {
  return applyRate(amount, multiply(decimalToFraction(percent), fraction(1n, 100n)), mode);
}

function groupThousands(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/**
 * Formats an amount for people: nb/nn `1 978 110 kr` (no-break spaces, `−` U+2212 for negatives),
 * en `NOK 1,978,110` (`-NOK 5` for negatives).
 */
export function formatKroner(amount: Kroner, locale: Locale): string {
  const digits = String(Math.abs(amount));
  const negative = amount < 0;
  if (locale === 'en') return `${negative ? '-' : ''}NOK ${groupThousands(digits, ',')}`;
  return `${negative ? '\u2212' : ''}${groupThousands(digits, NBSP)}${NBSP}kr`;
}

/** Formats a whole number (a count, or kroner under a heading that says so): nb/nn `1 978 110`, en `1,978,110`. */
export function formatWholeNumber(value: number, locale: Locale): string {
  const digits = groupThousands(String(Math.abs(value)), locale === 'en' ? ',' : NBSP);
  return value < 0 ? `${locale === 'en' ? '-' : '\u2212'}${digits}` : digits;
}

/** Why a typed amount could not be read. */
export type MoneyParseErrorCode = 'empty' | 'not_a_number' | 'negative' | 'decimals' | 'ambiguous_separators' | 'too_large';

/** A typed amount that could not be read, with a message for the user. */
export interface MoneyParseError {
  /** Stable code, prefixed `money.parse.` when shown as a field error. */
  readonly code: MoneyParseErrorCode;
  readonly input: string;
  readonly messages: LocalizedText;
}

const parseMessages: Record<MoneyParseErrorCode, LocalizedText> = {
  empty: { nb: 'Skriv inn et beløp.', nn: 'Skriv inn eit beløp.', en: 'Enter an amount.' },
  not_a_number: {
    nb: 'Beløpet kan bare inneholde tall, for eksempel 25 000.',
    nn: 'Beløpet kan berre innehalde tal, til dømes 25 000.',
    en: 'The amount can only contain digits, for example 25,000.',
  },
  negative: { nb: 'Beløpet kan ikke være negativt.', nn: 'Beløpet kan ikkje vere negativt.', en: 'The amount cannot be negative.' },
  decimals: {
    nb: 'Skriv beløpet i hele kroner, uten øre.',
    nn: 'Skriv beløpet i heile kroner, utan øre.',
    en: 'Enter the amount in whole kroner, without øre.',
  },
  ambiguous_separators: {
    nb: 'Vi klarer ikke å lese beløpet sikkert. Skriv det uten punktum og komma, for eksempel 25000.',
    nn: 'Vi klarar ikkje å lese beløpet sikkert. Skriv det utan punktum og komma, til dømes 25000.',
    en: 'We cannot read the amount with certainty. Write it without full stops and commas, for example 25000.',
  },
  too_large: { nb: 'Beløpet er for stort.', nn: 'Beløpet er for stort.', en: 'The amount is too large.' },
};

function parseError(code: MoneyParseErrorCode, input: string): Result<Kroner, MoneyParseError> {
  return err({ code, input, messages: parseMessages[code] });
}

const SPACES = /[\s\u00a0\u202f\u2009]+/g;
const CURRENCY_PREFIX = /^(?:kr\.?|nok)\s*/i;
const CURRENCY_SUFFIX = /\s*(?:kr\.?|nok)$/i;
const DASH_SUFFIX = /\s*[.,][-\u2013\u2012]$/;
const MINUS = /^[-\u2212\u2013]\s*/;

/**
 * Reads an amount as people type it: `1000`, `1 000`, `1.000`, `1,000`, `1000,-`, `kr 1000`,
 * `1 000 kr`, `NOK 1000`. Groups of three after `.`, `,` or a space are thousands, whichever the
 * separator, because kroner amounts in this scheme never have three decimals. Anything with øre
 * (`1,5`, `1.5`, `1.000,50`, `1000,00`) is refused as `decimals` rather than guessed, and mixed or
 * irregular grouping (`1.000 000`, `10.00.000`) as `ambiguous_separators`.
 */
export function parseKroner(input: string): Result<Kroner, MoneyParseError> {
  let text = input.replace(SPACES, ' ').trim();
  if (text === '') return parseError('empty', input);
  text = text.replace(CURRENCY_PREFIX, '').replace(DASH_SUFFIX, '').replace(CURRENCY_SUFFIX, '').replace(DASH_SUFFIX, '').trim();
  if (MINUS.test(text)) {
    const rest = text.replace(MINUS, '').replace(CURRENCY_PREFIX, '');
    return /\d/.test(rest) ? parseError('negative', input) : parseError('not_a_number', input);
  }
  text = text.replace(/^\+\s*/, '');
  if (text === '') return parseError('empty', input);
  if (!/^[\d .,]+$/.test(text) || !/^\d/.test(text) || !/\d$/.test(text)) return parseError('not_a_number', input);

  let digits: string;
  if (/^\d+$/.test(text)) {
    digits = text;
  } else if (/^\d{1,3}( \d{3})+$/.test(text) || /^\d{1,3}(\.\d{3})+$/.test(text) || /^\d{1,3}(,\d{3})+$/.test(text)) {
    digits = text.replace(/[ .,]/g, '');
  } else if (/^\d{1,3}(?:([ .,])\d{3}(?:\1\d{3})*)?[.,]\d{1,2}$/.test(text) || /^\d+[.,]\d{1,2}$/.test(text)) {
    return parseError('decimals', input);
  } else {
    return parseError('ambiguous_separators', input);
  }
  const value = Number(digits);
  if (!Number.isSafeInteger(value)) return parseError('too_large', input);
  return ok(kroner(value));
}

/** Thrown by code that requires a non-negative amount and got a negative one. */
export class NegativeAmountError extends DomainError {
  constructor(amount: Kroner) {
    super('money.negative', parseMessages.negative, { details: { amount } });
  }
}
