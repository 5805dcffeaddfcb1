import { calendarDaysBetween } from './calendar';
import { earliestDay, type PartialDate } from './partial-date';

/** How many days a case's facts may go unchecked before the app warns, when the pack says nothing. */
export const DEFAULT_FACTS_MAX_AGE_DAYS = 90;

/**
 * Whether facts confirmed on `asOf` are older than `maxAgeDays` on `today`. A month without a
 * day counts from its 1st: facts "from 2024-03" may be from the 1st, and a warning a few days
 * early costs a look, a late one costs a wrong number on a rally screen. Undated facts (no
 * date, or one that is not a date) are always stale.
 */
export function factsAreStale(
  asOf: PartialDate | undefined,
  today: string,
  maxAgeDays: number = DEFAULT_FACTS_MAX_AGE_DAYS,
): boolean {
  const from = asOf === undefined ? null : earliestDay(asOf);
  if (from === null) return true;
  const age = calendarDaysBetween(from, today);
  return age === null || age > maxAgeDays;
}
