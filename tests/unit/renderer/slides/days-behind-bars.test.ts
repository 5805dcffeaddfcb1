import { describe, expect, it } from 'vitest';
import {
  calendarDate,
  calendarDaysBetween,
  daysBehindBars,
} from '../../../../src/renderer/slides/days-behind-bars';

describe('daysBehindBars', () => {
  it('counts the day of the arrest as day 1', () => {
    expect(daysBehindBars('2023-07-25', '2023-07-25')).toBe(1);
    expect(daysBehindBars('2023-07-25', '2023-07-26')).toBe(2);
  });

  it('counts across a leap day', () => {
    // 2024 is a leap year: 28 Feb, 29 Feb, 1 Mar.
    expect(daysBehindBars('2024-02-28', '2024-03-01')).toBe(3);
    // 2023 is not: 28 Feb, 1 Mar.
    expect(daysBehindBars('2023-02-28', '2023-03-01')).toBe(2);
    // 1900 was not a leap year, 2000 was.
    expect(daysBehindBars('1900-02-28', '1900-03-01')).toBe(2);
    expect(daysBehindBars('2000-02-28', '2000-03-01')).toBe(3);
  });

  it('counts whole years correctly', () => {
    expect(daysBehindBars('2023-07-25', '2024-07-24')).toBe(366); // includes 29 Feb 2024
    expect(daysBehindBars('2022-07-25', '2023-07-24')).toBe(365);
  });

  it('is not moved by daylight-saving changes', () => {
    // The last Sunday of March: a 23-hour day in most of Europe.
    expect(daysBehindBars('2024-03-30', '2024-04-01')).toBe(3);
  });

  it('shows nothing rather than a wrong number', () => {
    expect(daysBehindBars('2023-07-25', '2023-07-24')).toBeNull();
    expect(daysBehindBars('2023-02-30', '2023-03-01')).toBeNull();
    expect(daysBehindBars('July 25', '2023-03-01')).toBeNull();
  });
});

describe('calendarDaysBetween', () => {
  it('is signed', () => {
    expect(calendarDaysBetween('2023-10-01', '2023-10-03')).toBe(2);
    expect(calendarDaysBetween('2023-10-03', '2023-10-01')).toBe(-2);
  });
});

describe('calendarDate', () => {
  it('reads the date in the given time zone', () => {
    const lateEvening = Date.UTC(2023, 9, 1, 22, 30); // 00:30 on 2 Oct in Paris
    expect(calendarDate(lateEvening, 'UTC')).toBe('2023-10-01');
    expect(calendarDate(lateEvening, 'Europe/Paris')).toBe('2023-10-02');
    expect(calendarDate(lateEvening, 'America/New_York')).toBe('2023-10-01');
  });
});
