/**
 * Organisasjonsnummer: the 9-digit number Brønnøysundregistrene gives every legal entity. The last
 * digit is a modulus-11 check digit with weights 3 2 7 6 5 4 3 2 over digits 1–8; a remainder of 1
 * would need the check digit "10", so Brønnøysund never issues such numbers and they are invalid.
 */
import { z } from 'zod';
import { addLocalizedIssue, type LocalizedText } from './i18n.js';
import { err, ok, type Result } from './result.js';

/** A valid organisasjonsnummer, 9 digits without spaces. */
export type Orgnr = string & z.$brand<'Orgnr'>;

/** Why a typed organisasjonsnummer is not valid. */
export type OrgnrErrorCode = 'empty' | 'not_digits' | 'wrong_length' | 'checksum';

/** An organisasjonsnummer that could not be accepted, with a message for the user. */
export interface OrgnrError {
  readonly code: OrgnrErrorCode;
  readonly messages: LocalizedText;
}

const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2] as const;

const messages: Record<OrgnrErrorCode, LocalizedText> = {
  empty: { nb: 'Skriv inn organisasjonsnummeret.', nn: 'Skriv inn organisasjonsnummeret.', en: 'Enter the organisation number.' },
  not_digits: {
    nb: 'Organisasjonsnummeret kan bare inneholde sifre.',
    nn: 'Organisasjonsnummeret kan berre innehalde siffer.',
    en: 'The organisation number can only contain digits.',
  },
  wrong_length: {
    nb: 'Organisasjonsnummeret må ha 9 sifre.',
    nn: 'Organisasjonsnummeret må ha 9 siffer.',
    en: 'The organisation number must have 9 digits.',
  },
  checksum: {
    nb: 'Dette er ikke et gyldig organisasjonsnummer. Sjekk at du har skrevet det riktig.',
    nn: 'Dette er ikkje eit gyldig organisasjonsnummer. Sjekk at du har skrive det rett.',
    en: 'This is not a valid organisation number. Check that you typed it correctly.',
  },
};

/**
 * The check digit for the first 8 digits, or undefined when the weighted sum leaves remainder 1
 * (no number with those 8 digits is valid).
 */
export function orgnrCheckDigit(firstEight: string): number | undefined {
  if (!/^\d{8}$/.test(firstEight)) return undefined;
  let weighted = 0;
  for (let i = 0; i < 8; i++) weighted += Number(firstEight[i]) * (WEIGHTS[i] ?? 0);
  const remainder = weighted % 11;
  if (remainder === 0) return 0;
  if (remainder === 1) return undefined;
  return 11 - remainder;
}

/** Removes the spaces people type or copy (`974 760 673`), including no-break spaces. */
export function normalizeOrgnr(input: string): string {
  return input.replace(/[\s\u00a0\u202f\u2009]+/g, '');
}

/** Reads a typed organisasjonsnummer, spaces allowed. */
export function parseOrgnr(input: string): Result<Orgnr, OrgnrError> {
  const value = normalizeOrgnr(input);
  const fail = (code: OrgnrErrorCode) => err({ code, messages: messages[code] });
  if (value === '') return fail('empty');
  if (!/^\d+$/.test(value)) return fail('not_digits');
  if (value.length !== 9) return fail('wrong_length');
  if (orgnrCheckDigit(value.slice(0, 8)) !== Number(value[8])) return fail('checksum');
  return ok(value as Orgnr);
}

/** Whether the input (spaces allowed) is a valid organisasjonsnummer. */
export function isValidOrgnr(input: string): boolean {
  return parseOrgnr(input).ok;
}

/** Groups an organisasjonsnummer for display: `974 760 673`. */
export function formatOrgnr(orgnr: Orgnr): string {
  return `${orgnr.slice(0, 3)} ${orgnr.slice(3, 6)} ${orgnr.slice(6)}`;
}

/**
 * Schema for an organisasjonsnummer from a form or an API: strips spaces, checks the check digit,
 * and reports failures with code `orgnr.<reason>` and nb/nn/en messages in the issue's params.
 */
export const orgnrSchema = z.string().transform((input, ctx) => {
  const result = parseOrgnr(input);
  if (result.ok) return result.value;
  addLocalizedIssue(ctx, { code: `orgnr.${result.error.code}`, messages: result.error.messages });
  return z.NEVER;
});
