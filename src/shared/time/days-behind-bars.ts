import { dayNumber } from './calendar';
import { isMonthOnly, latestDay, type PartialDate } from './partial-date';

/**
 * Days behind bars on `today`, counting the day of the arrest as day 1: someone arrested this
 * morning has spent a day behind bars, and campaigns count that way ("day 1", "day 100"). The
 * count is in calendar days, never 24-hour periods, so it changes at midnight and a
 * daylight-saving change cannot shift it.
 *
 * With `released`, the count stops there (the day of release counts: it was spent inside). A
 * release date still ahead of `today` does not stop it yet.
 *
 * Null when a date is invalid, `today` is before the arrest, or the release is before the
 * arrest: a screen with a wrong clock or a typo should show no number rather than a wrong one.
 */
export function daysBehindBars(
  arrested: string,
  today: string,
  released?: string | undefined,
): number | null {
  const from = dayNumber(arrested);
  const now = dayNumber(today);
  if (from === null || now === null || now < from) return null;
  let to = now;
  if (released !== undefined) {
    const free = dayNumber(released);
    if (free === null || free < from) return null;
    to = Math.min(now, free);
  }
  return to - from + 1;
}

/** One stretch in custody: `until` absent while the person is still held. */
export interface CustodyPeriod {
  from: PartialDate;
  until?: string | undefined;
}

/**
 * The days behind bars over every custody period, on `today` (a calendar date in the
 * screen's time zone).
 *
 * `atLeast` is true when a period starts on a month without a day (`2019-02`). The count is
 * then the fewest days it can be (from the month's LAST day), so "more than N days" with
 * N = days − 1 is true whatever the day was; counting from the 1st would claim up to 30 days
 * nobody can vouch for.
 *
 * Null when a date is invalid, periods are reversed or overlap, or `today` is before every
 * period: a wrong clock or a typo shows no number rather than a wrong one. A period that has
 * not started by `today` adds nothing; one whose release is still ahead counts to `today`.
 */
export function custodyDays(
  periods: readonly CustodyPeriod[],
  today: string,
): { days: number; atLeast: boolean } | null {
  const now = dayNumber(today);
  if (now === null || periods.length === 0) return null;
  let days = 0;
  let atLeast = false;
  let started = false;
  let previousEnd = -Infinity;
  for (const period of periods) {
    const start = dayNumber(latestDay(period.from) ?? '');
    const end = period.until === undefined ? Infinity : dayNumber(period.until);
    if (start === null || end === null || end < start || start <= previousEnd) return null;
    previousEnd = end;
    if (start > now) continue;
    started = true;
    if (isMonthOnly(period.from)) atLeast = true;
    days += Math.min(end, now) - start + 1;
  }
  return started ? { days, atLeast } : null;
}
