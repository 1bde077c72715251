import { describe, expect, it } from 'vitest';
import { isCalendarDate, lastEndedMonth, parseInstant } from '../lib/calendar.ts';

describe('calendar days', () => {
  it('takes a day that exists, 29 February of a leap year included', () => {
    // 2024 is divisible by 4 and not by 100; 2000 by 400: both leap years.
    for (const day of ['2024-02-29', '2000-02-29', '2023-01-31', '2023-12-31', '2023-04-30', '1990-01-01']) expect(isCalendarDate(day), day).toBe(true);
  });

  it('refuses a day the month does not have, which Date.parse would roll into the next month', () => {
    // 2023 is not a leap year; 1900 is divisible by 100 and not by 400, so not one either. April has 30 days.
    for (const day of ['2023-02-29', '2023-02-30', '2024-02-30', '1900-02-29', '2023-04-31', '2023-06-31']) expect(isCalendarDate(day), day).toBe(false);
  });

  it('refuses month or day zero or beyond the calendar, and any other shape', () => {
    for (const text of ['2023-00-10', '2023-13-01', '2023-01-00', '2023-01-32', '2023-1-01', '20230101', '2023-01-01T00:00:00Z', ' 2023-01-01', ''])
      expect(isCalendarDate(text), text).toBe(false);
  });
});

describe('instants', () => {
  it('reads the zone, optional seconds and a fraction of any length as the DateTime scalar always has', () => {
    expect(parseInstant('2026-03-31T16:00:00Z')?.toISOString()).toBe('2026-03-31T16:00:00.000Z');
    // 00:00 in Beijing (+08:00) on 1 April is 16:00 UTC on 31 March.
    expect(parseInstant('2026-04-01T00:00:00+08:00')?.toISOString()).toBe('2026-03-31T16:00:00.000Z');
    expect(parseInstant('2026-04-01T00:00+08:00')?.toISOString()).toBe('2026-03-31T16:00:00.000Z');
    // 23:30 at -05:30 is 05:00 UTC the next day, 1 March of the leap year 2024.
    expect(parseInstant('2024-02-29T23:30:00-05:30')?.toISOString()).toBe('2024-03-01T05:00:00.000Z');
    expect(parseInstant('2024-02-29T12:00:00.5Z')?.toISOString()).toBe('2024-02-29T12:00:00.500Z');
    // Milliseconds are all a Date keeps: the rest is cut off, not rounded up into the next second or year.
    expect(parseInstant('2024-12-31T23:59:59.999999999Z')?.toISOString()).toBe('2024-12-31T23:59:59.999Z');
  });

  it('refuses a day the month does not have, which Date.parse would roll over', () => {
    // Date.parse reads these as 2024-03-01 and 2023-03-02.
    expect(parseInstant('2024-02-30T00:00:00Z')).toBeNull();
    expect(parseInstant('2023-02-30T00:00:00+08:00')).toBeNull();
    expect(parseInstant('2023-02-29T12:00:00Z')).toBeNull();
  });

  it('refuses an hour, minute or second out of range, 24:00 included', () => {
    // Date.parse reads T24:00:00Z as the next day's midnight.
    for (const text of ['2024-01-01T24:00:00Z', '2024-01-01T24:61:00Z', '2024-01-01T25:00:00Z', '2024-01-01T23:60:00Z', '2024-01-01T23:59:60Z'])
      expect(parseInstant(text), text).toBeNull();
  });

  it('refuses an offset out of range and an instant without its zone', () => {
    for (const text of [
      '2024-01-01T10:00:00+24:00',
      '2024-01-01T10:00:00+05:60',
      '2024-01-01T10:00:00-99:00',
      '2024-01-01T10:00:00',
      '2024-01-01',
      '2024-01-01T10Z',
    ])
      expect(parseInstant(text), text).toBeNull();
  });
});

describe('months ended', () => {
  it('counts every month of a year gone by, the months before today’s in the current year, none of a year to come', () => {
    const now = new Date('2026-12-07T14:00:00Z');
    expect(lastEndedMonth(2025, now)).toBe(12);
    // 7 December: November is the last month that has ended.
    expect(lastEndedMonth(2026, now)).toBe(11);
    expect(lastEndedMonth(2027, now)).toBe(0);
    // In January no month of the year has ended yet; on 1 March, February has.
    expect(lastEndedMonth(2026, new Date('2026-01-31T23:59:59Z'))).toBe(0);
    expect(lastEndedMonth(2026, new Date('2026-03-01T00:00:00Z'))).toBe(2);
  });
});
