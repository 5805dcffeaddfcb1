import { describe, expect, it } from 'vitest';
import {
  clockSanity,
  newestPastDay,
  showClockRefusal,
} from '../../../../src/shared/time/clock-sanity';

const utc = (iso: string) => Date.parse(`${iso}Z`);

describe('newestPastDay', () => {
  it('takes the newest of asOf (in any language), arrests and custody starts', () => {
    expect(
      newestPastDay([
        { asOf: '2026-06-05', arrested: '2024-02-13' },
        { asOf: { en: '2026-11', ru: '2026-11-20' }, custody: [{ from: '2019-02-01' }] },
        { asOf: 'September 2023', custody: [{ from: '2026-03-01' }, {}] },
      ]),
    ).toBe('2026-11-20');
  });

  it('counts a month alone from its 1st, and ignores free text and impossible dates', () => {
    expect(newestPastDay([{ asOf: '2026-12' }])).toBe('2026-12-01');
    expect(newestPastDay([{ asOf: 'last spring' }, { asOf: '2026-02-31' }])).toBeNull();
    expect(newestPastDay([])).toBeNull();
  });
});

describe('clockSanity', () => {
  it('flags a clock whose day is before what the pack states as past', () => {
    expect(clockSanity(0, '2026-11-20', 'UTC')).toEqual({
      status: 'behind',
      today: '1970-01-01',
      newestPastDay: '2026-11-20',
    });
    expect(clockSanity(utc('2026-11-19T23:59'), '2026-11-20', 'UTC').status).toBe('behind');
  });

  it('trusts a clock on or after that day, and any clock when the pack states no date', () => {
    expect(clockSanity(utc('2026-11-20T00:00'), '2026-11-20', 'UTC').status).toBe('plausible');
    expect(clockSanity(utc('2030-01-01T00:00'), '2026-11-20', 'UTC').status).toBe('plausible');
    expect(clockSanity(0, null, 'UTC').status).toBe('plausible');
  });

  it('reads the day in the venue time zone', () => {
    // 23:30 UTC on the 19th is already the 20th in Moscow.
    const now = utc('2026-11-19T23:30');
    expect(clockSanity(now, '2026-11-20', 'UTC').status).toBe('behind');
    expect(clockSanity(now, '2026-11-20', 'Europe/Moscow').status).toBe('plausible');
  });
});

describe('showClockRefusal', () => {
  it('refuses a time before the pack, or more than a year after it', () => {
    expect(showClockRefusal(0, '2026-11-20', 'UTC')).toBe('beforePack');
    expect(showClockRefusal(utc('2026-11-19T12:00'), '2026-11-20', 'UTC')).toBe('beforePack');
    expect(showClockRefusal(utc('2027-11-22T00:00'), '2026-11-20', 'UTC')).toBe('tooFarAhead');
    expect(showClockRefusal(utc('2126-01-01T00:00'), '2026-11-20', 'UTC')).toBe('tooFarAhead');
  });

  it('takes a believable time', () => {
    expect(showClockRefusal(utc('2026-12-06T21:40'), '2026-11-20', 'UTC')).toBeNull();
    expect(showClockRefusal(utc('2027-11-21T23:00'), '2026-11-20', 'UTC')).toBeNull();
  });
});
