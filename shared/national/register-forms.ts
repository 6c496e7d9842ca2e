/**
 * The register's forms as the domain reads them: each field's complaint in every language. Whether
 * a kommunenummer was in use in the year is the use case's check, since it needs the year.
 */
import { z } from 'zod';
import { addLocalizedIssue, type LocalizedText } from '../kernel/i18n.js';
import { FIRST_KNOWN_NUMBERING_YEAR } from '../kernel/kommunenummer.js';

/** The latest year the register takes: far enough for any plan. */
export const LAST_REGISTER_YEAR = 2100;

const messages = {
  kommunenummer: {
    nb: 'Skriv kommunenummeret med 4 sifre, for eksempel 0301.',
    nn: 'Skriv kommunenummeret med 4 siffer, til dømes 0301.',
    en: 'Enter the municipality number as 4 digits, for example 0301.',
  },
  name: { nb: 'Skriv navnet på kommunen.', nn: 'Skriv namnet på kommunen.', en: 'Enter the name of the municipality.' },
  contactEmail: {
    nb: 'Skriv en e-postadresse for tilskuddsordningen, for eksempel tilskudd@kommune.no.',
    nn: 'Skriv ei e-postadresse for tilskotsordninga, til dømes tilskot@kommune.no.',
    en: 'Enter an email address for the grant scheme, for example tilskudd@kommune.no.',
  },
  fromYear: {
    nb: `Skriv et år fra ${FIRST_KNOWN_NUMBERING_YEAR} til ${LAST_REGISTER_YEAR}.`,
    nn: `Skriv eit år frå ${FIRST_KNOWN_NUMBERING_YEAR} til ${LAST_REGISTER_YEAR}.`,
    en: `Enter a year from ${FIRST_KNOWN_NUMBERING_YEAR} to ${LAST_REGISTER_YEAR}.`,
  },
} satisfies Record<string, LocalizedText>;

/** A trimmed text field that must pass `test`, or gets its own message. */
function text(field: keyof typeof messages, test: (value: string) => boolean) {
  return z.string().trim().superRefine((value, ctx) => {
    if (!test(value)) addLocalizedIssue(ctx, { code: `register.${field}`, messages: messages[field] });
  });
}

const emailCheck = z.email();

/** A grant year as typed: digits in the years the register takes. */
export const registerYearSchema = z.string().trim().transform((value, ctx) => {
  const year = /^\d{4}$/.test(value) ? Number(value) : Number.NaN;
  if (year >= FIRST_KNOWN_NUMBERING_YEAR && year <= LAST_REGISTER_YEAR) return year;
  addLocalizedIssue(ctx, { code: 'register.fromYear', messages: messages.fromYear });
  return z.NEVER;
});

/** Adding a municipality from a year on. */
export const addMunicipalityFormSchema = z.object({
  kommunenummer: text('kommunenummer', (value) => /^\d{4}$/.test(value.replace(/\s+/g, ''))),
  name: text('name', (value) => value.length > 0 && value.length <= 200),
  contactEmail: text('contactEmail', (value) => value.length <= 254 && emailCheck.safeParse(value).success),
  fromYear: registerYearSchema,
});

/** Retiring a municipality from a year on. */
export const retireMunicipalityFormSchema = z.object({ fromYear: registerYearSchema });
