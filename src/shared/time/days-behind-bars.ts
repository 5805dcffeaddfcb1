import { dayNumber } from './calendar';

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
