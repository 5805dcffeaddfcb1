import { addDays, zonedTimeToInstant } from './calendar';

/**
 * A playlist's or an entry's `from`/`until`: a day (`2026-12-12`, the whole day) or a local
 * time (`2026-12-12T19:00`), read in the pack's time zone. `from` is inclusive; `until` a day
 * runs to the end of that day, `until` a time stops at that minute, so a merch playlist
 * `until: …T19:00` and the main show `from: …T19:00` hand over at 19:00 exactly.
 */
export interface TimeWindow {
  from?: string;
  until?: string;
}

const LOCAL = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}))?$/;

/** The zone of this machine: where the screen stands, unless the pack names another. */
export function machineTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * The instant a window edge happens in `timeZone`; a day alone starts at its midnight (for
 * `until`, the next day's). Null for a value that is neither (the schema refuses those).
 */
export function windowEdge(value: string, edge: 'from' | 'until', timeZone: string): number | null {
  const match = LOCAL.exec(value);
  if (!match) return null;
  const [, date = '', time] = match;
  if (time !== undefined) return zonedTimeToInstant(date, time, timeZone);
  const day = edge === 'from' ? date : addDays(date, 1);
  return day === null ? null : zonedTimeToInstant(day, '00:00', timeZone);
}

/** Whether `at` lies in the window, in `timeZone` (this machine's when absent). */
export function inTimeWindow(window: TimeWindow, at: number, timeZone = machineTimeZone()) {
  const from = window.from === undefined ? null : windowEdge(window.from, 'from', timeZone);
  const until = window.until === undefined ? null : windowEdge(window.until, 'until', timeZone);
  if (from !== null && at < from) return false;
  if (until !== null && at >= until) return false;
  return true;
}

/** The instants at which the window opens and closes: when the time alone changes the show. */
export function windowEdges(window: TimeWindow, timeZone = machineTimeZone()): number[] {
  const edges: (number | null)[] = [
    window.from === undefined ? null : windowEdge(window.from, 'from', timeZone),
    window.until === undefined ? null : windowEdge(window.until, 'until', timeZone),
  ];
  return edges.filter((edge): edge is number => edge !== null);
}
