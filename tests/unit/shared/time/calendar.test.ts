import { describe, expect, it } from 'vitest';
import {
  addDays,
  calendarDate,
  calendarDaysBetween,
  dayNumber,
  inDateWindow,
  zonedTimeToInstant,
} from '../../../../src/shared/time';

describe('dayNumber', () => {
  it('numbers real dates and refuses impossible ones', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('1969-12-31')).toBe(-1);
    expect(dayNumber('2023-02-30')).toBeNull();
    expect(dayNumber('2023-2-3')).toBeNull();
    expect(dayNumber('July 25')).toBeNull();
  });
});

describe('calendarDaysBetween and addDays', () => {
  it('is signed and counts leap days', () => {
    expect(calendarDaysBetween('2023-10-01', '2023-10-03')).toBe(2);
    expect(calendarDaysBetween('2023-10-03', '2023-10-01')).toBe(-2);
    expect(calendarDaysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(calendarDaysBetween('2023-02-28', '2023-03-01')).toBe(1);
    expect(calendarDaysBetween('2023-02-30', '2023-03-01')).toBeNull();
  });

  it('steps over month, year and leap-day ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(addDays('2024-01-01', -1)).toBe('2023-12-31');
    expect(addDays('nonsense', 1)).toBeNull();
  });
});

describe('calendarDate', () => {
  it('reads the date in the given time zone', () => {
    const lateEvening = Date.UTC(2023, 9, 1, 22, 30); // 00:30 on 2 Oct in Paris
    expect(calendarDate(lateEvening, 'UTC')).toBe('2023-10-01');
    expect(calendarDate(lateEvening, 'Europe/Paris')).toBe('2023-10-02');
    expect(calendarDate(lateEvening, 'America/New_York')).toBe('2023-10-01');
  });

  it('without a zone reads this machine’s calendar', () => {
    const localNoon = new Date(2024, 5, 15, 12).getTime();
    expect(calendarDate(localNoon)).toBe('2024-06-15');
  });
});

describe('inDateWindow', () => {
  it('includes both ends and allows either to be absent', () => {
    const window = { from: '2024-06-01', until: '2024-06-15' };
    expect(inDateWindow(window, '2024-05-31')).toBe(false);
    expect(inDateWindow(window, '2024-06-01')).toBe(true);
    expect(inDateWindow(window, '2024-06-15')).toBe(true);
    expect(inDateWindow(window, '2024-06-16')).toBe(false);
    expect(inDateWindow({}, '1999-01-01')).toBe(true);
    expect(inDateWindow({ until: '2024-06-15' }, '1999-01-01')).toBe(true);
  });
});

describe('zonedTimeToInstant', () => {
  it('reads wall-clock time in the zone, summer and winter', () => {
    expect(zonedTimeToInstant('2023-10-01', '19:30', 'Europe/Paris')).toBe(
      Date.UTC(2023, 9, 1, 17, 30),
    );
    expect(zonedTimeToInstant('2023-12-01', '19:30', 'Europe/Paris')).toBe(
      Date.UTC(2023, 11, 1, 18, 30),
    );
    expect(zonedTimeToInstant('2024-01-15', '19:30', 'America/New_York')).toBe(
      Date.UTC(2024, 0, 16, 0, 30),
    );
    expect(zonedTimeToInstant('2023-10-01', '19:30', 'UTC')).toBe(Date.UTC(2023, 9, 1, 19, 30));
  });

  it('handles the days the clocks change', () => {
    // Paris moves from +2 to +1 at 03:00 on 29 Oct 2023, and from +1 to +2 on 26 Mar 2023.
    expect(zonedTimeToInstant('2023-10-29', '12:00', 'Europe/Paris')).toBe(
      Date.UTC(2023, 9, 29, 11, 0),
    );
    expect(zonedTimeToInstant('2023-03-26', '12:00', 'Europe/Paris')).toBe(
      Date.UTC(2023, 2, 26, 10, 0),
    );
    expect(zonedTimeToInstant('2023-03-26', '00:00', 'Europe/Paris')).toBe(
      Date.UTC(2023, 2, 25, 23, 0),
    );
  });
});
