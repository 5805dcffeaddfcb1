import { calendarDate, earliestDay } from '../../shared/time';
import { displayFieldPath, type CaseItem, type ContentError } from '../../shared/content';
import { problem } from '../../shared/protocol/localized-text';
import type { LineMap } from './source';

/**
 * The latest calendar date anywhere on Earth now (UTC+14). A fact dated after it is a typo:
 * it cannot have happened yet, wherever the author or the screen is.
 */
export function latestDateOnEarth(nowMs: number): string {
  return calendarDate(nowMs, 'Pacific/Kiritimati');
}

/** Every date a case states, with the field it is written in. */
function datedFields(item: CaseItem): { path: (string | number)[]; date: string }[] {
  const dates: { path: (string | number)[]; date: string }[] = [];
  if (item.arrested !== undefined) dates.push({ path: ['arrested'], date: item.arrested });
  if (item.released !== undefined) dates.push({ path: ['released'], date: item.released });
  item.custody?.forEach((period, i) => {
    dates.push({ path: ['custody', i, 'from'], date: period.from });
    if (period.until !== undefined)
      dates.push({ path: ['custody', i, 'until'], date: period.until });
  });
  item.events.forEach((event, i) => dates.push({ path: ['events', i, 'date'], date: event.date }));
  item.sentences.forEach((s, i) => dates.push({ path: ['sentences', i, 'date'], date: s.date }));
  if (typeof item.asOf === 'string') dates.push({ path: ['asOf'], date: item.asOf });
  return dates;
}

/**
 * Facts dated in the future. A release set for next month would otherwise stop a rally's
 * counter early without anyone having decided it; a mistyped year would show a case "as of"
 * a day that has not come.
 */
export function futureDateErrors(
  file: string,
  lines: LineMap,
  item: CaseItem,
  nowMs: number,
): ContentError[] {
  const latest = latestDateOnEarth(nowMs);
  const errors: ContentError[] = [];
  for (const { path, date } of datedFields(item)) {
    const day = earliestDay(date);
    if (day === null || day <= latest) continue;
    const error: ContentError = {
      file,
      field: displayFieldPath(path),
      ...problem('case.futureDate', { date }),
    };
    const line = lines.lineOf(path);
    if (line !== undefined) error.line = line;
    errors.push(error);
  }
  return errors;
}

/**
 * The case with its custody written out as periods, whichever form the file used. The
 * shorthand fields go: every view reads one form, and the snapshot the views re-check never
 * carries both.
 */
export function withCustodyPeriods(item: CaseItem): CaseItem {
  if (item.custody !== undefined || item.arrested === undefined) return item;
  const { arrested, released, ...rest } = item;
  return {
    ...rest,
    custody: [released === undefined ? { from: arrested } : { from: arrested, until: released }],
  };
}
