/**
 * Deadlines and dates. People enter and read times in Europe/Oslo; the product stores instants as
 * ISO-8601 UTC strings (`2024-02-15T11:00:00.000Z`). Conversion goes through @date-fns/tz so that the
 * daylight-saving changes (last Sunday of March and of October) are right.
 *
 * Decisions:
 * - On time means at or before the deadline, compared to the whole second: a deadline of 12:00:00
 *   accepts 12:00:00.999 and refuses 12:00:01. People read "kl. 12:00" as including that moment.
 * - A local time that does not exist (02:30 on the March change) is refused, not shifted, because a
 *   deadline silently moved by an hour is worse than asking again. A local time that occurs twice
 *   (02:30 on the October change) means the later instant, so an applicant never loses the hour.
 * - Appeal deadlines (forvaltningsloven §§ 29–30): counted from the day the decision reached the
 *   party; a 3-week deadline ends on the same weekday three weeks later; if that day is a Saturday,
 *   Sunday or Norwegian public holiday, the deadline moves to the next working day. The deadline
 *   lasts to the end of that day, Oslo time.
 */
import { tz, tzOffset } from '@date-fns/tz';
import { format } from 'date-fns';
// Per-locale imports: the `date-fns/locale` barrel loads every locale and slows cold starts.
import { enGB } from 'date-fns/locale/en-GB';
import { nb } from 'date-fns/locale/nb';
import { nn } from 'date-fns/locale/nn';
import { z } from 'zod';
import { DomainError } from './errors.js';
import type { Locale, LocalizedText } from './i18n.js';
import { err, ok, type Result } from './result.js';

/** The time zone people in this product live in. */
export const OSLO_TIME_ZONE = 'Europe/Oslo';

/** A calendar date, `YYYY-MM-DD`, with no time zone of its own. */
export type LocalDate = string;

/** Schema for a stored instant: ISO-8601 in UTC with `Z` (the only form the product writes). */
export const utcInstantSchema = z.iso.datetime({ offset: false });

/** Why a local date-time typed by a person could not be used. */
export type LocalTimeErrorCode = 'format' | 'invalid_date' | 'nonexistent_local_time';

/** A local date-time that could not be used, with a message for the user. */
export interface LocalTimeError {
  readonly code: LocalTimeErrorCode;
  readonly messages: LocalizedText;
}

const localTimeMessages: Record<LocalTimeErrorCode, LocalizedText> = {
  format: {
    nb: 'Skriv dato og klokkeslett som ÅÅÅÅ-MM-DD TT:MM.',
    nn: 'Skriv dato og klokkeslett som ÅÅÅÅ-MM-DD TT:MM.',
    en: 'Enter the date and time as YYYY-MM-DD HH:MM.',
  },
  invalid_date: { nb: 'Datoen finnes ikke.', nn: 'Datoen finst ikkje.', en: 'The date does not exist.' },
  nonexistent_local_time: {
    nb: 'Klokkeslettet finnes ikke den dagen fordi klokka stilles fram. Velg et annet tidspunkt.',
    nn: 'Klokkeslettet finst ikkje den dagen fordi klokka blir stilt fram. Vel eit anna tidspunkt.',
    en: 'That time does not exist on that day because the clocks go forward. Choose another time.',
  },
};

/** Thrown by {@link osloLocalToUtc} for input that is not a usable Oslo local time. */
export class InvalidLocalTimeError extends DomainError {
  constructor(error: LocalTimeError, input: string) {
    super(`deadline.${error.code}`, error.messages, { details: { input } });
  }
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * Reads an Oslo local date-time as typed in a form (`2024-02-15T12:00`, as `datetime-local` sends
 * it, or `2024-02-15 12:00:00`) and returns the instant as UTC ISO. A date alone (`2026-03-29`)
 * means the end of that day, 23:59:59, because a deadline written as a date includes the whole day.
 */
export function parseOsloLocal(input: string): Result<string, LocalTimeError> {
  const match = LOCAL.exec(input.trim());
  const fail = (code: LocalTimeErrorCode) => err({ code, messages: localTimeMessages[code] });
  if (!match) return fail('format');
  const dateOnly = match[4] === undefined;
  const [year, month, day, hour, minute, second] = match
    .slice(1)
    .map((part, index) => (part === undefined ? (dateOnly ? END_OF_DAY[index - 3] : 0) : Number(part)));
  if (year === undefined || month === undefined || day === undefined) return fail('format');
  if (hour === undefined || minute === undefined || second === undefined) return fail('format');
  if (!isCalendarDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return fail('invalid_date');
  const instant = osloWallClockToInstant(Date.UTC(year, month - 1, day, hour, minute, second));
  if (instant === undefined) return fail('nonexistent_local_time');
  return ok(new Date(instant).toISOString());
}

const END_OF_DAY = [23, 59, 59] as const;
const MINUTE_MS = 60_000;
const HALF_DAY_MS = 12 * 3_600_000;

/**
 * The instant at which Oslo clocks show `wallClock` (the local fields written as if they were UTC).
 * Computed from the zone's offsets alone, never from the host's zone, so the answer is the same
 * under any `TZ`. Each offset in force within half a day is tried; an offset fits when Oslo really
 * has that offset at the instant it yields. No fit means the spring gap (undefined); two fits mean
 * the repeated autumn hour, and the later instant wins so the applicant never loses the hour.
 */
function osloWallClockToInstant(wallClock: number): number | undefined {
  const offsetAt = (instant: number) => tzOffset(OSLO_TIME_ZONE, new Date(instant)) * MINUTE_MS;
  const candidates = new Set([offsetAt(wallClock - HALF_DAY_MS), offsetAt(wallClock + HALF_DAY_MS)]);
  const fitting = [...candidates]
    .map((offset) => wallClock - offset)
    .filter((instant) => wallClock - offsetAt(instant) === instant);
  return fitting.length === 0 ? undefined : Math.max(...fitting);
}

/** Like {@link parseOsloLocal}, throwing {@link InvalidLocalTimeError}; for trusted data. */
export function osloLocalToUtc(input: string): string {
  const result = parseOsloLocal(input);
  if (!result.ok) throw new InvalidLocalTimeError(result.error, input);
  return result.value;
}

function toDate(instant: Date | string): Date {
  return typeof instant === 'string' ? new Date(instant) : instant;
}

/** An instant as Oslo local date, time and UTC offset, e.g. for a form's initial values. */
export function utcToOsloLocal(instant: Date | string): { date: LocalDate; time: string; offset: string } {
  const options = { in: tz(OSLO_TIME_ZONE) };
  const date = toDate(instant);
  return {
    date: format(date, 'yyyy-MM-dd', options),
    time: format(date, 'HH:mm:ss', options),
    // date-fns' ISO offset pattern, e.g. +01:00.
    offset: format(date, 'xxx', options),
  };
}

/** The last second of an Oslo calendar day (23:59:59), as UTC ISO: the end of a day-based deadline. */
export function endOfOsloDay(date: LocalDate): string {
  return osloLocalToUtc(`${date}T23:59:59`);
}

/** Midnight starting an Oslo calendar day, as UTC ISO. */
export function startOfOsloDay(date: LocalDate): string {
  return osloLocalToUtc(`${date}T00:00:00`);
}

/** The Oslo calendar date of an instant. */
export function osloDateOf(instant: Date | string): LocalDate {
  return utcToOsloLocal(instant).date;
}

/**
 * Whether something done at `now` is on time for `deadline`: at or before the deadline's second.
 */
export function isBeforeDeadline(now: Date | string, deadline: Date | string): boolean {
  return Math.floor(toDate(now).getTime() / 1000) <= Math.floor(toDate(deadline).getTime() / 1000);
}

/** Whether year, month (1–12) and day name a real date of the Gregorian calendar (no 30 February). */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

function parseLocalDate(date: LocalDate): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match || !isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
    throw new InvalidLocalTimeError({ code: 'invalid_date', messages: localTimeMessages.invalid_date }, date);
  }
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

function formatLocalDate(date: Date): LocalDate {
  return date.toISOString().slice(0, 10);
}

/** Adds whole calendar days to a local date (no time zone involved, so no DST surprises). */
export function addDays(date: LocalDate, days: number): LocalDate {
  const d = parseLocalDate(date);
  d.setUTCDate(d.getUTCDate() + days);
  return formatLocalDate(d);
}

function easterSunday(year: number): Date {
  // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(Date.UTC(year, month - 1, day));
}

/**
 * Norwegian public holidays of a year (helligdager and the two statutory holidays 1 and 17 May),
 * sorted. Sundays are not listed; {@link isWorkingDay} handles weekends.
 */
export function norwegianPublicHolidays(year: number): LocalDate[] {
  const easter = formatLocalDate(easterSunday(year));
  const movable = [-3, -2, 0, 1, 39, 49, 50].map((offset) => addDays(easter, offset));
  const fixed = ['01-01', '05-01', '05-17', '12-25', '12-26'].map((md) => `${year}-${md}`);
  return [...fixed, ...movable].sort();
}

/** Whether a date is a working day: not Saturday, Sunday or a Norwegian public holiday. */
export function isWorkingDay(date: LocalDate): boolean {
  const weekday = parseLocalDate(date).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !norwegianPublicHolidays(Number(date.slice(0, 4))).includes(date);
}

/** The date itself if it is a working day, otherwise the next working day. */
export function nextWorkingDayFrom(date: LocalDate): LocalDate {
  let day = date;
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

/** An appeal deadline: the last day and the last second it covers. */
export interface AppealDeadline {
  /** The decision reached the party on this Oslo date; the deadline counts from here. */
  readonly receivedOn: LocalDate;
  /** Last day to appeal, already moved past weekends and holidays. */
  readonly lastDay: LocalDate;
  /** End of {@link lastDay} in Oslo, as UTC ISO. */
  readonly endsAt: string;
  /** Whether the plain count landed on a weekend or holiday and was moved. */
  readonly moved: boolean;
}

/**
 * The appeal deadline for a decision that reached the party at `receivedAt` (fvl. § 29, counted by
 * § 30): `weeks` weeks later on the same weekday, moved to the next working day when needed. The
 * weeks come from the grant year's rule set (`appealDeadlineWeeks`), so there is no default here.
 */
export function appealDeadline(receivedAt: Date | string, weeks: number): AppealDeadline {
  const receivedOn = osloDateOf(receivedAt);
  const plain = addDays(receivedOn, weeks * 7);
  const lastDay = nextWorkingDayFrom(plain);
  return { receivedOn, lastDay, endsAt: endOfOsloDay(lastDay), moved: lastDay !== plain };
}

/** The default reporting deadline of a grant year: the given day of the next year, end of day in Oslo. */
export function defaultReportingDeadline(grantYear: number, day: { month: number; day: number }): string {
  const date = `${grantYear + 1}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`;
  return endOfOsloDay(date);
}

/** The first instant of a grant year (1 January 00:00 Oslo), as UTC ISO. */
export function grantYearStart(grantYear: number): string {
  return startOfOsloDay(`${grantYear}-01-01`);
}

/** The last second of a grant year (31 December 23:59:59 Oslo), as UTC ISO. */
export function grantYearEnd(grantYear: number): string {
  return endOfOsloDay(`${grantYear}-12-31`);
}

const dateLocales = { nb, nn, en: enGB } as const;

/**
 * An instant for people, in Oslo time: nb/nn `15. februar 2024 kl. 12:00`, en `15 February 2024 at
 * 12:00`. Times are always Oslo time, whatever the reader's own zone.
 */
export function formatDateTime(instant: Date | string, locale: Locale): string {
  const pattern = locale === 'en' ? "d MMMM yyyy 'at' HH:mm" : "d. MMMM yyyy 'kl.' HH:mm";
  return format(toDate(instant), pattern, { locale: dateLocales[locale], in: tz(OSLO_TIME_ZONE) });
}

/** A date for people: nb/nn `15. februar 2024`, en `15 February 2024`; instants are read in Oslo time. */
export function formatDate(value: Date | string, locale: Locale): string {
  const instant = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? startOfOsloDay(value) : value;
  const pattern = locale === 'en' ? 'd MMMM yyyy' : 'd. MMMM yyyy';
  return format(toDate(instant), pattern, { locale: dateLocales[locale], in: tz(OSLO_TIME_ZONE) });
}
