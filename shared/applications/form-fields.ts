/**
 * Field schemas for the application form. Forms send strings; each schema takes the typed text,
 * checks it and turns it into the domain value, raising issues whose messages exist in bokmål,
 * nynorsk and English (read them with `issueMessage`), so every field error can be shown next to
 * the field in the applicant's language.
 */
import { z } from 'zod';
import { addLocalizedIssue, type LocalizedText } from '../kernel/i18n';
import { parseKroner, type Kroner } from '../kernel/money';
import { parseOrgnr, type Orgnr } from '../kernel/orgnr';
import type { Kommunenummer } from '../kernel/kommunenummer';
import { parseKommunenummerIn } from '../kernel/kommunenummer-validity';

const required: LocalizedText = { nb: 'Fyll ut feltet.', nn: 'Fyll ut feltet.', en: 'Fill in this field.' };

function tooLong(max: number): LocalizedText {
  return {
    nb: `Teksten kan være på høyst ${max} tegn.`,
    nn: `Teksten kan vere på høgst ${max} teikn.`,
    en: `The text can be at most ${max} characters.`,
  };
}

/** Text the user must fill in, trimmed, at most `max` characters. */
export function requiredText(max: number) {
  return z.string().transform((value, ctx) => {
    const text = value.trim();
    if (text === '') addLocalizedIssue(ctx, { code: 'field.required', messages: required });
    else if (text.length > max) addLocalizedIssue(ctx, { code: 'field.too_long', messages: tooLong(max) });
    return text;
  });
}

/** Text the user may leave empty, at most `max` characters. */
export function optionalText(max: number) {
  return z
    .string()
    .optional()
    .transform((value, ctx) => {
      const text = (value ?? '').trim();
      if (text.length > max) addLocalizedIssue(ctx, { code: 'field.too_long', messages: tooLong(max) });
      return text;
    });
}

/** An email address, as far as a form can tell: one @, a dot in the domain, no spaces. */
export const emailField = z.string().transform((value, ctx) => {
  const text = value.trim();
  if (text === '') addLocalizedIssue(ctx, { code: 'field.required', messages: required });
  else if (text.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) {
    addLocalizedIssue(ctx, {
      code: 'email.invalid',
      messages: {
        nb: 'Skriv e-postadressen slik: navn@eksempel.no',
        nn: 'Skriv e-postadressa slik: namn@døme.no',
        en: 'Enter the email address like this: name@example.com',
      },
    });
  }
  return text.toLowerCase();
});

/** A phone number: 8 digits for Norway, or + and country code and 6–15 digits. */
export const phoneField = z.string().transform((value, ctx) => {
  const text = value.replace(/[\s-]/g, '');
  if (text === '') addLocalizedIssue(ctx, { code: 'field.required', messages: required });
  else if (!/^(\d{8}|\+\d{6,15}|00\d{6,15})$/.test(text)) {
    addLocalizedIssue(ctx, {
      code: 'phone.invalid',
      messages: {
        nb: 'Skriv et telefonnummer med 8 siffer, eller med landskode, for eksempel +46 701234567.',
        nn: 'Skriv eit telefonnummer med 8 siffer, eller med landskode, til dømes +46 701234567.',
        en: 'Enter a phone number with 8 digits, or with a country code, e.g. +46 701234567.',
      },
    });
  }
  return text;
});

/**
 * A Norwegian bank account number: 11 digits, the last a mod-11 check digit with weights
 * 5 4 3 2 7 6 5 4 3 2 (the same family as organisation numbers).
 */
export function isValidAccountNumber(digits: string): boolean {
  if (!/^\d{11}$/.test(digits)) return false;
  const weights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  const sum = weights.reduce((total, weight, index) => total + weight * Number(digits[index]), 0);
  const remainder = sum % 11;
  const check = remainder === 0 ? 0 : 11 - remainder;
  return check !== 10 && check === Number(digits[10]);
}

/** A bank account number as people write it (`1234.56.78903`, spaces allowed). */
export const accountNumberField = z.string().transform((value, ctx) => {
  const digits = value.replace(/[\s.]/g, '');
  if (digits === '') addLocalizedIssue(ctx, { code: 'field.required', messages: required });
  else if (!isValidAccountNumber(digits)) {
    addLocalizedIssue(ctx, {
      code: 'account.invalid',
      messages: {
        nb: 'Kontonummeret må ha 11 siffer og være gyldig, for eksempel 1234.56.78903. Sjekk sifrene.',
        nn: 'Kontonummeret må ha 11 siffer og vere gyldig, til dømes 1234.56.78903. Sjekk sifra.',
        en: 'The account number must have 11 digits and be valid, e.g. 1234.56.78903. Check the digits.',
      },
    });
  }
  return digits;
});

/** An organisation number, checked with its mod-11 check digit. */
export const orgnrField = z.string().transform((value, ctx): Orgnr => {
  const result = parseOrgnr(value);
  if (!result.ok) {
    addLocalizedIssue(ctx, { code: `orgnr.${result.error.code}`, messages: result.error.messages });
    return value as Orgnr;
  }
  return result.value;
});

/** An amount in whole kroner as people type it (`25 000`, `25000,-`, `kr 25 000`). */
export function amountField(options: { optional?: boolean } = {}) {
  return z
    .string()
    .optional()
    .transform((value, ctx): Kroner | undefined => {
      const text = (value ?? '').trim();
      if (text === '' && options.optional) return undefined;
      const result = parseKroner(text);
      if (!result.ok) {
        addLocalizedIssue(ctx, { code: `money.${result.error.code}`, messages: result.error.messages });
        return undefined;
      }
      return result.value;
    });
}

function countMessages(max: number): LocalizedText {
  return {
    nb: `Skriv et helt tall fra 0 til ${max}.`,
    nn: `Skriv eit heilt tal frå 0 til ${max}.`,
    en: `Enter a whole number from 0 to ${max}.`,
  };
}

/** A count of people or hours: a whole number, 0 or more, at most `max`. */
export function countField(max: number) {
  return z.string().transform((value, ctx) => {
    const text = value.replace(/\s/g, '');
    if (text === '') {
      addLocalizedIssue(ctx, { code: 'field.required', messages: required });
      return 0;
    }
    if (!/^\d+$/.test(text) || Number(text) > max) {
      addLocalizedIssue(ctx, { code: 'count.invalid', messages: countMessages(max) });
      return 0;
    }
    return Number(text);
  });
}

/**
 * A calendar date as `YYYY-MM-DD` (what `<input type=date>` sends), inside the grant year when
 * one is given: the money must be used within the year it is granted for.
 */
export const dateField = (grantYear?: number) => z.string().transform((value, ctx) => {
  const text = value.trim();
  if (text === '') {
    addLocalizedIssue(ctx, { code: 'field.required', messages: required });
    return text;
  }
  checkDate(text, ctx, grantYear);
  return text;
});

/**
 * A date that may be left empty (undefined), and when given is a real date no later than
 * `latestYear`, e.g. the organisation's founding date.
 */
export const optionalPastDateField = (latestYear: number) => z.string().optional().transform((value, ctx) => {
  const text = (value ?? '').trim();
  if (text === '') return undefined;
  if (checkDate(text, ctx) && text.slice(0, 4) > String(latestYear)) {
    addLocalizedIssue(ctx, {
      code: 'date.in_future',
      messages: {
        nb: `Datoen kan ikke være senere enn ${latestYear}.`,
        nn: `Datoen kan ikkje vere seinare enn ${latestYear}.`,
        en: `The date cannot be later than ${latestYear}.`,
      },
    });
  }
  return text;
});

/** A count that may be left empty (undefined), otherwise as {@link countField}. */
export const optionalCountField = (max: number) => z.string().optional().transform((value, ctx) => {
  const text = (value ?? '').replace(/\s/g, '');
  if (text === '') return undefined;
  const parsed = countField(max).safeParse(text);
  if (!parsed.success) {
    addLocalizedIssue(ctx, { code: 'count.invalid', messages: countMessages(max) });
    return undefined;
  }
  return parsed.data;
});

/** A single checkbox: checked when the form sends its value. */
export const checkboxField = z.string().optional().transform((value) => value !== undefined && value !== '');

function checkDate(text: string, ctx: z.RefinementCtx, grantYear?: number): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  if (!match || !date || date.getUTCDate() !== Number(match[3]) || date.getUTCMonth() !== Number(match[2]) - 1) {
    addLocalizedIssue(ctx, {
      code: 'date.invalid',
      messages: {
        nb: 'Skriv datoen slik: 2027-03-15 (år-måned-dag).',
        nn: 'Skriv datoen slik: 2027-03-15 (år-månad-dag).',
        en: 'Enter the date like this: 2027-03-15 (year-month-day).',
      },
    });
    return false;
  }
  if (grantYear !== undefined && !text.startsWith(`${grantYear}-`)) {
    addLocalizedIssue(ctx, {
      code: 'date.outside_grant_year',
      messages: {
        nb: `Datoen må være i tilskuddsåret ${grantYear}: pengene må brukes i løpet av året.`,
        nn: `Datoen må vere i tilskotsåret ${grantYear}: pengane må brukast i løpet av året.`,
        en: `The date must be in the grant year ${grantYear}: the money must be used within the year.`,
      },
    });
    return false;
  }
  return true;
}

/**
 * A yes/no question answered with two radio buttons: `yes` → true, `no` → false, unanswered →
 * undefined (the screening then assumes nothing). Anything else is refused by the field.
 */
export const yesNoField = z.string().optional().transform((value, ctx) => {
  if (value === undefined || value === '') return undefined;
  if (value === 'yes') return true;
  if (value === 'no') return false;
  addLocalizedIssue(ctx, { code: 'yes_no.invalid', messages: { nb: 'Svar ja eller nei.', nn: 'Svar ja eller nei.', en: 'Answer yes or no.' } });
  return undefined;
});

/**
 * A list of kommunenummer valid in `year`, separated by commas, spaces or new lines (e.g.
 * `3240, 3242, 3205`); empty is undefined. A number not valid that year is named in the error.
 */
export const kommunenummerListField = (year: number) =>
  z.string().optional().transform((value, ctx): Kommunenummer[] | undefined => {
    const parts = (value ?? '').split(/[\s,;]+/).filter(Boolean);
    if (parts.length === 0) return undefined;
    const numbers: Kommunenummer[] = [];
    for (const part of parts) {
      const parsed = parseKommunenummerIn(part, year);
      if (!parsed.ok) {
        addLocalizedIssue(ctx, {
          code: 'kommunenummer_list.invalid',
          messages: {
            nb: `${part} er ikke et kommunenummer i ${year}. Skriv firesifrede kommunenummer, skilt med komma.`,
            nn: `${part} er ikkje eit kommunenummer i ${year}. Skriv firesifra kommunenummer, skilde med komma.`,
            en: `${part} is not a municipality number in ${year}. Enter four-digit municipality numbers separated by commas.`,
          },
        });
        return undefined;
      }
      if (!numbers.includes(parsed.value)) numbers.push(parsed.value);
    }
    return numbers;
  });
