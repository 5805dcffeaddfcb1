import { describe, expect, it } from 'vitest';
import {
  calendarDate,
  custodyDays,
  factsAreStale,
  latestDay,
  zonedTimeToInstant,
} from '../../../../src/shared/time';

describe('custodyDays', () => {
  it('counts one open period from the arrest day, as day 1', () => {
    expect(custodyDays([{ from: '2023-07-25' }], '2023-07-25')).toEqual({
      days: 1,
      atLeast: false,
    });
    expect(custodyDays([{ from: '2023-07-25' }], '2023-10-10')).toEqual({
      days: 78,
      atLeast: false,
    });
  });

  it('adds two periods and leaves out the days free between them', () => {
    const boris = [{ from: '2023-07-25', until: '2023-12-12' }, { from: '2024-02-13' }];
    // 141 days inside, 62 days free (13 Dec – 12 Feb), then 13 Feb to 13 Feb: 1 day.
    expect(custodyDays(boris, '2024-02-13')).toEqual({ days: 142, atLeast: false });
    expect(custodyDays(boris, '2026-12-06')).toEqual({ days: 1169, atLeast: false });
    // While he was free, the number stands still.
    expect(custodyDays(boris, '2024-01-20')).toEqual({ days: 141, atLeast: false });
  });

  it('counts the day of release as a day inside, and stops there', () => {
    expect(custodyDays([{ from: '2023-07-25', until: '2023-07-25' }], '2024-01-01')?.days).toBe(1);
    expect(custodyDays([{ from: '2023-07-25', until: '2023-07-27' }], '2023-07-27')?.days).toBe(3);
    expect(custodyDays([{ from: '2023-07-25', until: '2023-07-27' }], '2030-01-01')?.days).toBe(3);
  });

  it('counts a release still ahead of today only up to today', () => {
    expect(custodyDays([{ from: '2023-07-25', until: '2023-08-01' }], '2023-07-26')?.days).toBe(2);
  });

  it('counts a month-precision start from the month’s last day and says it is a lower bound', () => {
    // February 2019 has 28 days: the fewest days is from the 28th, whatever the real day was.
    expect(latestDay('2019-02')).toBe('2019-02-28');
    expect(custodyDays([{ from: '2019-02' }], '2019-03-01')).toEqual({ days: 2, atLeast: true });
    expect(custodyDays([{ from: '2019-02' }], '2026-12-06')).toEqual({ days: 2839, atLeast: true });
    // Inside the month itself, before its last day, there is no number it can vouch for.
    expect(custodyDays([{ from: '2019-02' }], '2019-02-10')).toBeNull();
    // One month-precision period makes the whole sum a lower bound.
    expect(
      custodyDays([{ from: '2019-02', until: '2019-03-10' }, { from: '2020-01-01' }], '2020-01-01'),
    ).toEqual({ days: 12, atLeast: true });
  });

  it('takes a leap February’s 29th as its last day, and counts 29 February', () => {
    expect(latestDay('2024-02')).toBe('2024-02-29');
    expect(custodyDays([{ from: '2024-02' }], '2024-03-01')).toEqual({ days: 2, atLeast: true });
    expect(custodyDays([{ from: '2024-02-28' }], '2024-03-01')?.days).toBe(3);
    expect(custodyDays([{ from: '2023-02-28' }], '2023-03-01')?.days).toBe(2);
    expect(custodyDays([{ from: '2000-02-28' }], '2000-03-01')?.days).toBe(3);
    expect(custodyDays([{ from: '1900-02-28' }], '1900-03-01')?.days).toBe(2);
  });

  it('changes at midnight in the screen’s time zone, not in UTC', () => {
    const periods = [{ from: '2023-07-25' }];
    // 23:30 on 25 July in Moscow is still day 1 there, but already 26 July in Tokyo.
    const lateEvening = zonedTimeToInstant('2023-07-25', '23:30', 'Europe/Moscow');
    expect(custodyDays(periods, calendarDate(lateEvening, 'Europe/Moscow'))?.days).toBe(1);
    expect(custodyDays(periods, calendarDate(lateEvening, 'Asia/Tokyo'))?.days).toBe(2);
    // Just after midnight in Moscow the next day begins; in New York it is still the 25th.
    const afterMidnight = zonedTimeToInstant('2023-07-26', '00:05', 'Europe/Moscow');
    expect(custodyDays(periods, calendarDate(afterMidnight, 'Europe/Moscow'))?.days).toBe(2);
    expect(custodyDays(periods, calendarDate(afterMidnight, 'America/New_York'))?.days).toBe(1);
    // Before the arrest day has begun where the screen is, there is no number.
    expect(
      custodyDays(periods, calendarDate(afterMidnight - 86_400_000, 'Pacific/Honolulu')),
    ).toBeNull();
  });

  it('shows no number rather than a wrong one: bad dates, reversed or overlapping periods', () => {
    expect(custodyDays([], '2024-01-01')).toBeNull();
    expect(custodyDays([{ from: '2023-02-30' }], '2024-01-01')).toBeNull();
    expect(custodyDays([{ from: '2023-07-25' }], 'today')).toBeNull();
    expect(custodyDays([{ from: '2023-07-25', until: '2023-07-01' }], '2024-01-01')).toBeNull();
    expect(
      custodyDays(
        [{ from: '2023-07-25', until: '2023-12-12' }, { from: '2023-12-12' }],
        '2024-01-01',
      ),
    ).toBeNull();
    expect(custodyDays([{ from: '2023-07-25' }, { from: '2024-02-13' }], '2024-03-01')).toBeNull();
  });
});

describe('factsAreStale', () => {
  it('is fresh up to the limit and stale the day after (default 90 days)', () => {
    expect(factsAreStale('2024-06-05', '2024-09-03')).toBe(false); // 90 days
    expect(factsAreStale('2024-06-05', '2024-09-04')).toBe(true); // 91 days
  });

  it('counts a month from its 1st', () => {
    expect(factsAreStale('2024-03', '2024-05-30')).toBe(false);
    expect(factsAreStale('2024-03', '2024-05-31')).toBe(true);
  });

  it('takes the pack’s limit', () => {
    expect(factsAreStale('2024-03-10', '2024-03-17', 7)).toBe(false);
    expect(factsAreStale('2024-03-10', '2024-03-18', 7)).toBe(true);
  });

  it('treats undated facts as stale', () => {
    expect(factsAreStale(undefined, '2024-01-01')).toBe(true);
    expect(factsAreStale('September 2023', '2024-01-01')).toBe(true);
  });
});
