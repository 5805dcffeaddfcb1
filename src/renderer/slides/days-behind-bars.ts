/**
 * Pure date math for the "days behind bars" counter.
 *
 * Counting rule: the day of the arrest is day 1. Someone arrested this morning has spent a day
 * behind bars, and campaigns count that way ("day 1", "day 100"), so the same day gives 1, not 0.
 * The count is in whole calendar days, never in 24-hour periods, so it changes at midnight
 * and daylight-saving changes cannot shift it.
 *
 * Lives in the renderer for now; it is pure and belongs in src/shared once someone who owns
 * that folder moves it.
 */

const DAY_MS = 86_400_000;

function dayNumber(isoDate: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(y, m - 1, d);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) {
    return null;
  }
  return Math.round(ms / DAY_MS);
}

/**
 * Days behind bars on `today`, counting the day of the arrest as day 1. Null when either date
 * is invalid or `today` is before the arrest: a screen with a wrong clock should show no
 * number rather than a wrong one.
 */
export function daysBehindBars(arrested: string, today: string): number | null {
  const from = dayNumber(arrested);
  const to = dayNumber(today);
  if (from === null || to === null || to < from) return null;
  return to - from + 1;
}

/** Whole calendar days from `from` to `to` (both `YYYY-MM-DD`); negative when `to` is earlier. */
export function calendarDaysBetween(from: string, to: string): number | null {
  const a = dayNumber(from);
  const b = dayNumber(to);
  return a === null || b === null ? null : b - a;
}

/**
 * The calendar date (`YYYY-MM-DD`) of an instant in a time zone; without one, in this
 * machine's zone, which is the venue's: the audience's "today".
 */
export function calendarDate(instantMs: number, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(instantMs));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year').padStart(4, '0')}-${get('month')}-${get('day')}`;
}
