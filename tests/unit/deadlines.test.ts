import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import figures from '../support/fixtures/public-figures.json';
import {
  addDays, appealDeadline, defaultReportingDeadline, endOfOsloDay, formatDate, formatDateTime, grantYearEnd, InvalidLocalTimeError,
  isBeforeDeadline, isWorkingDay, norwegianPublicHolidays, osloLocalToUtc, parseOsloLocal, utcToOsloLocal,
} from '../../shared/kernel/deadlines.js';
import { ruleSetFor, ruleSetSchema } from '../../shared/rules/index.js';
import { appealDeadlineUnder } from '../../shared/appeals/appeal-deadline.js';

describe('Oslo local time ↔ UTC', () => {
  it('stores a winter deadline one hour behind Oslo and a summer one two hours behind', () => {
    expect(osloLocalToUtc('2024-02-15T12:00')).toBe('2024-02-15T11:00:00.000Z');
    expect(osloLocalToUtc('2024-04-15 12:00:00')).toBe('2024-04-15T10:00:00.000Z');
    expect(osloLocalToUtc('2020-02-05T12:00')).toBe('2020-02-05T11:00:00.000Z');
  });

  it('handles the March change on 2024-03-31', () => {
    // Act
    const before = osloLocalToUtc('2024-03-31T01:59:59');
    const after = osloLocalToUtc('2024-03-31T03:00');
    const gap = parseOsloLocal('2024-03-31T02:30');
    // Assess: 01:59:59 CET and 03:00 CEST are one second apart
    expect(before).toBe('2024-03-31T00:59:59.000Z');
    expect(after).toBe('2024-03-31T01:00:00.000Z');
    expect(gap.ok ? undefined : gap.error.code).toBe('nonexistent_local_time');
    expect(() => osloLocalToUtc('2024-03-31T02:30')).toThrow(InvalidLocalTimeError);
  });

  it('handles the October change on 2024-10-27, taking the later of the repeated hour', () => {
    expect(osloLocalToUtc('2024-10-27T01:30')).toBe('2024-10-26T23:30:00.000Z');
    expect(osloLocalToUtc('2024-10-27T02:30')).toBe('2024-10-27T01:30:00.000Z');
    expect(osloLocalToUtc('2024-10-27T12:00')).toBe('2024-10-27T11:00:00.000Z');
  });

  it.each(['UTC', 'Europe/Oslo', 'America/New_York', 'Asia/Tokyo'])('reads Oslo wall-clock times the same when the host zone is %s', (hostZone) => {
    // Prepare: Node re-reads TZ when it is assigned, so the host zone changes for this test alone
    const original = process.env.TZ;
    process.env.TZ = hostZone;
    try {
      // Act
      const repeated = osloLocalToUtc('2024-10-27T02:30');
      const beforeRepeat = osloLocalToUtc('2024-10-27T01:59:59');
      const gap = parseOsloLocal('2024-03-31T02:00');
      const winter = osloLocalToUtc('2024-01-15T00:00');
      // Assess
      expect(repeated).toBe('2024-10-27T01:30:00.000Z');
      expect(beforeRepeat).toBe('2024-10-26T23:59:59.000Z');
      expect(gap.ok).toBe(false);
      expect(winter).toBe('2024-01-14T23:00:00.000Z');
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
  });

  it('reads a date-only deadline as the end of that day in Oslo, never its start', () => {
    // Act
    const summer = osloLocalToUtc('2026-03-29');
    const winter = osloLocalToUtc('2026-02-15');
    // Assess: 29 March 2026 is the spring change, so the day ends at 23:59:59 CEST
    expect(summer).toBe('2026-03-29T21:59:59.000Z');
    expect(winter).toBe('2026-02-15T22:59:59.000Z');
  });

  it('shows a stored instant in Oslo time on both sides of each change', () => {
    expect(utcToOsloLocal('2024-03-31T00:59:59.000Z')).toEqual({ date: '2024-03-31', time: '01:59:59', offset: '+01:00' });
    expect(utcToOsloLocal('2024-03-31T01:00:00.000Z')).toEqual({ date: '2024-03-31', time: '03:00:00', offset: '+02:00' });
    expect(utcToOsloLocal('2024-10-27T00:30:00.000Z')).toEqual({ date: '2024-10-27', time: '02:30:00', offset: '+02:00' });
    expect(utcToOsloLocal('2024-10-27T01:30:00.000Z')).toEqual({ date: '2024-10-27', time: '02:30:00', offset: '+01:00' });
  });

  it.each([['15.02.2024', 'format'], ['2024-02-30T12:00', 'invalid_date'], ['2024-02-15T24:00', 'invalid_date']] as const)('refuses %j with %s', (input, code) => {
    const result = parseOsloLocal(input);
    expect(result.ok ? undefined : result.error.code).toBe(code);
  });

  it('round-trips any instant on a whole minute through Oslo local time', () => {
    fc.assert(fc.property(fc.integer({ min: Date.UTC(2020, 0, 1) / 60_000, max: Date.UTC(2030, 0, 1) / 60_000 }), (minutes) => {
      // Prepare
      const iso = new Date(minutes * 60_000).toISOString();
      const local = utcToOsloLocal(iso);
      // Act
      const back = parseOsloLocal(`${local.date}T${local.time}`);
      // Assess: the repeated October hour maps back to its later instant
      expect(back.ok).toBe(true);
      if (back.ok && back.value !== iso) expect(Date.parse(back.value) - Date.parse(iso)).toBe(3_600_000);
    }));
  });
});

describe('isBeforeDeadline', () => {
  const deadline = '2024-02-15T11:00:00.000Z';

  it('is on time at the deadline second and late one second after', () => {
    expect(isBeforeDeadline(new Date('2024-02-15T10:59:59.000Z'), deadline)).toBe(true);
    expect(isBeforeDeadline(new Date('2024-02-15T11:00:00.000Z'), deadline)).toBe(true);
    expect(isBeforeDeadline(new Date('2024-02-15T11:00:00.999Z'), deadline)).toBe(true);
    expect(isBeforeDeadline(new Date('2024-02-15T11:00:01.000Z'), deadline)).toBe(false);
  });

  it('is correct across the March change: 12:00 Oslo on 2024-04-01 is 10:00 UTC', () => {
    const easterMonday = osloLocalToUtc('2024-04-01T12:00');
    expect(isBeforeDeadline('2024-04-01T10:00:00.000Z', easterMonday)).toBe(true);
    expect(isBeforeDeadline('2024-04-01T10:00:01.000Z', easterMonday)).toBe(false);
  });
});

describe('appealDeadline', () => {
  it('ends on the same weekday three weeks later, at the end of that day in Oslo', () => {
    // Prepare: received Wednesday 1 May 2024 (a holiday itself does not matter; the last day does)
    const received = '2024-05-01T08:00:00.000Z';
    // Act
    const deadline = appealDeadline(received, figures.appealDeadlineWeeks.weeks);
    // Assess
    expect(deadline).toEqual({ receivedOn: '2024-05-01', lastDay: '2024-05-22', endsAt: '2024-05-22T21:59:59.000Z', moved: false });
  });

  it('moves a deadline on a Saturday or Sunday to the Monday', () => {
    expect(appealDeadline('2024-02-03T12:00:00.000Z', 3).lastDay).toBe('2024-02-26');
    expect(appealDeadline('2024-02-04T12:00:00.000Z', 3)).toMatchObject({ lastDay: '2024-02-26', moved: true });
  });

  it('moves a deadline past Easter to the next working day', () => {
    // Received Thursday 7 March 2024; 28 March is Maundy Thursday, then Good Friday, the weekend and Easter Monday
    expect(appealDeadline('2024-03-07T10:00:00.000Z', 3).lastDay).toBe('2024-04-02');
  });

  it('counts from the Oslo date the decision arrived, also late in the evening UTC', () => {
    // 23:30 UTC on 30 April is 01:30 on 1 May in Oslo
    expect(appealDeadline('2024-04-30T23:30:00.000Z', 3).receivedOn).toBe('2024-05-01');
  });

  it('counts with the rule set’s weeks, not a fixed three', () => {
    // Prepare: a regulation that gives four weeks to appeal
    const fourWeeks = ruleSetSchema.parse({ ...ruleSetFor(2024), appealDeadlineWeeks: 4 });
    // Act
    const deadline = appealDeadlineUnder(fourWeeks, '2024-05-01T08:00:00.000Z');
    // Assess
    expect(deadline.lastDay).toBe('2024-05-29');
    expect(appealDeadlineUnder(ruleSetFor(2024), '2024-05-01T08:00:00.000Z').lastDay).toBe('2024-05-22');
  });

  it('ends winter deadlines at 22:59:59 UTC and summer ones at 21:59:59 UTC', () => {
    expect(endOfOsloDay('2024-01-10')).toBe('2024-01-10T22:59:59.000Z');
    expect(endOfOsloDay('2024-10-27')).toBe('2024-10-27T22:59:59.000Z');
    expect(endOfOsloDay('2024-03-31')).toBe('2024-03-31T21:59:59.000Z');
  });
});

describe('working days', () => {
  it('knows the Norwegian public holidays of 2024', () => {
    expect(norwegianPublicHolidays(2024)).toEqual([
      '2024-01-01', '2024-03-28', '2024-03-29', '2024-03-31', '2024-04-01', '2024-05-01', '2024-05-09', '2024-05-17',
      '2024-05-19', '2024-05-20', '2024-12-25', '2024-12-26',
    ]);
  });

  it('treats weekends and holidays as non-working days', () => {
    expect(isWorkingDay('2024-05-17')).toBe(false);
    expect(isWorkingDay('2024-05-18')).toBe(false);
    expect(isWorkingDay('2024-05-21')).toBe(true);
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
  });
});

describe('grant-year dates', () => {
  it('sets the default reporting deadline to 1 March next year, end of day in Oslo', () => {
    expect(defaultReportingDeadline(2024, ruleSetFor(2024).reportingDeadlineDefault)).toBe('2025-03-01T22:59:59.000Z');
    expect(grantYearEnd(2024)).toBe('2024-12-31T22:59:59.000Z');
  });
});

describe('formatting', () => {
  it('shows deadlines in Oslo time in nb, nn and en', () => {
    // Prepare: IMDi's 2020 deadline, 5 Feb at 12:00
    const deadline = '2020-02-05T11:00:00.000Z';
    // Act / Assess
    expect(formatDateTime(deadline, 'nb')).toBe('5. februar 2020 kl. 12:00');
    expect(formatDateTime(deadline, 'nn')).toBe('5. februar 2020 kl. 12:00');
    expect(formatDateTime(deadline, 'en')).toBe('5 February 2020 at 12:00');
  });

  it('shows summer-time instants and plain dates', () => {
    expect(formatDateTime('2024-04-15T10:00:00.000Z', 'nb')).toBe('15. april 2024 kl. 12:00');
    expect(formatDate('2024-05-22', 'nn')).toBe('22. mai 2024');
    expect(formatDate('2024-05-22T21:59:59.000Z', 'en')).toBe('22 May 2024');
  });
});
