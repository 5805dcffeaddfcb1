import { dayNumber } from './calendar';

/**
 * A date as precise as the facts are: `2024-02-13` (the day is known) or `2019-02` (only the
 * month). Kept as the string the content wrote, so nothing downstream can pretend to a day
 * nobody knows.
 */
export type PartialDate = string;

const MONTH_ONLY = /^(\d{4})-(\d{2})$/;

/** Whether `text` names a month without a day (`2019-02`), and a real month at that. */
export function isMonthOnly(text: string): boolean {
  const match = MONTH_ONLY.exec(text);
  return match !== null && Number(match[2]) >= 1 && Number(match[2]) <= 12;
}

/** Whether `text` is a real `YYYY-MM-DD` day or a real `YYYY-MM` month. */
export function isPartialDate(text: string): boolean {
  return isMonthOnly(text) || dayNumber(text) !== null;
}

/** The first calendar day a partial date can mean: the day itself, or the 1st of the month. */
export function earliestDay(date: PartialDate): string | null {
  if (isMonthOnly(date)) return `${date}-01`;
  return dayNumber(date) === null ? null : date;
}

/** The last calendar day a partial date can mean: the day itself, or the month's last day. */
export function latestDay(date: PartialDate): string | null {
  if (!isMonthOnly(date)) return dayNumber(date) === null ? null : date;
  const [y, m] = date.split('-').map(Number) as [number, number];
  // Day 0 of the next month is this month's last day, leap Februaries included.
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}
