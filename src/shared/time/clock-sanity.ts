import { addDays, calendarDate, dayNumber } from './calendar';
import { earliestDay, type PartialDate } from './partial-date';

/**
 * The facts a pack states as already past: when a case's facts were checked (`asOf`), the
 * arrest, the start of each stretch in custody. Event dates, release dates and sentence ends
 * are left out: they may rightly be in the future, and a clock is not wrong for being
 * earlier than next week's concert.
 */
export interface PastFacts {
  asOf?: unknown;
  arrested?: PartialDate;
  custody?: readonly { from?: PartialDate }[];
}

/** `asOf` is localized text: a date string, or one per language. */
function texts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') {
    return Object.values(value).filter((v): v is string => typeof v === 'string');
  }
  return [];
}

/** The newest day (YYYY-MM-DD) the pack states as past, or null if it states none. */
export function newestPastDay(cases: readonly PastFacts[]): string | null {
  let newest: string | null = null;
  for (const record of cases) {
    const dates = [
      ...texts(record.asOf),
      ...(record.arrested ? [record.arrested] : []),
      ...(record.custody ?? []).flatMap((period) => (period.from ? [period.from] : [])),
    ];
    for (const date of dates) {
      // A month alone counts from its 1st: "checked in 2026-12" proves only December 1st.
      const day = earliestDay(date.trim());
      if (day !== null && dayNumber(day) !== null && (newest === null || day > newest)) {
        newest = day;
      }
    }
  }
  return newest;
}

export type ClockSanity =
  | { status: 'plausible' }
  /** The clock's day is before a day the pack states as past: the counters would be wrong. */
  | { status: 'behind'; today: string; newestPastDay: string };

/** Whether `nowMs` can be right, given the newest day the pack states as past. */
export function clockSanity(
  nowMs: number,
  newestPast: string | null,
  timeZone?: string,
): ClockSanity {
  if (newestPast === null) return { status: 'plausible' };
  const today = calendarDate(nowMs, timeZone);
  return today < newestPast
    ? { status: 'behind', today, newestPastDay: newestPast }
    : { status: 'plausible' };
}

/** How far past the pack's newest past day a time set by hand may be. */
export const SHOW_CLOCK_MAX_DAYS_AHEAD = 366;

export type ShowClockRefusal = 'beforePack' | 'tooFarAhead' | null;

/**
 * Whether a time someone offers for the show clock ("use my phone's time") is believable:
 * not before what the pack states as past, and not more than a year after it. A phone with
 * a wrong clock must not move the counters by years.
 */
export function showClockRefusal(
  proposedMs: number,
  newestPast: string | null,
  timeZone?: string,
): ShowClockRefusal {
  if (newestPast === null) return null;
  const day = calendarDate(proposedMs, timeZone);
  if (day < newestPast) return 'beforePack';
  const latest = addDays(newestPast, SHOW_CLOCK_MAX_DAYS_AHEAD);
  if (latest !== null && day > latest) return 'tooFarAhead';
  return null;
}
