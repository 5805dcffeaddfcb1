/**
 * Calendar days, in a time zone. Dates are `YYYY-MM-DD` strings: a date in a content file has
 * no time zone, it means "that day where the screen (or the event) is". Pure: `Intl` only, so
 * the core and the slides use exactly the same rules.
 */

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Days since 1970-01-01 for a real calendar date, or null. `2023-02-30` is null rather than
 * quietly becoming 2 March: a wrong date must show nothing, not a wrong count.
 */
export function dayNumber(isoDate: string): number | null {
  const match = ISO_DATE.exec(isoDate);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(y, m - 1, d);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) {
    return null;
  }
  return Math.round(ms / DAY_MS);
}

/** Whole calendar days from `from` to `to`; negative when `to` is earlier, null if either is invalid. */
export function calendarDaysBetween(from: string, to: string): number | null {
  const a = dayNumber(from);
  const b = dayNumber(to);
  return a === null || b === null ? null : b - a;
}

/** The date `days` calendar days after `date` (before, when negative), or null if it is invalid. */
export function addDays(date: string, days: number): string | null {
  const n = dayNumber(date);
  return n === null ? null : new Date((n + days) * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The calendar date of an instant in `timeZone`; without one, in this machine's zone, which is
 * the venue's: the audience's "today".
 */
export function calendarDate(instantMs: number, timeZone?: string): string {
  const parts = dateFormat(timeZone).formatToParts(new Date(instantMs));
  const get = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year').padStart(4, '0')}-${get('month')}-${get('day')}`;
}

/** Whether `day` lies in the window; `from` and `until` are both inclusive, either may be absent. */
export function inDateWindow(window: { from?: string; until?: string }, day: string): boolean {
  // ISO dates compare correctly as strings.
  if (window.from !== undefined && day < window.from) return false;
  if (window.until !== undefined && day > window.until) return false;
  return true;
}

/**
 * The instant a wall-clock time (`HH:MM`) on `date` happens in `timeZone`. In a gap (the hour
 * skipped when clocks go forward) it lands on the instant the clocks jumped to.
 */
export function zonedTimeToInstant(date: string, time: string, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  // The offset at the first guess can differ from the offset at the answer across a
  // daylight-saving change; a second pass settles it.
  const guess = wall - zoneOffsetMs(wall, timeZone);
  return wall - zoneOffsetMs(guess, timeZone);
}

/** How far `timeZone` is ahead of UTC at an instant, in ms. */
function zoneOffsetMs(instantMs: number, timeZone: string): number {
  const parts = wallClockFormat(timeZone).formatToParts(new Date(instantMs));
  const n = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return asUtc - Math.floor(instantMs / 1000) * 1000;
}

// Building a DateTimeFormat costs far more than using one, and the engine asks on every pass.
// The machine's own zone is never cached: it can change while the core runs.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(timeZone: string | undefined): Intl.DateTimeFormat {
  const make = (): Intl.DateTimeFormat =>
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
  if (timeZone === undefined) return make();
  let format = dateFormats.get(timeZone);
  if (!format) dateFormats.set(timeZone, (format = make()));
  return format;
}

function wallClockFormat(timeZone: string): Intl.DateTimeFormat {
  let format = wallClockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    wallClockFormats.set(timeZone, format);
  }
  return format;
}
