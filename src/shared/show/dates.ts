import { calendarDate, inDateWindow } from '../time';

export { inTimeWindow, machineTimeZone, windowEdges } from '../time';

// The date rules live in src/shared/time, so the engine (what plays) and the slides (what they
// say) can never disagree about whether an event is over or which day it is.
export { eventEndsAt, eventIsOver } from '../time';

/**
 * The calendar day at `at` on this machine, `YYYY-MM-DD`. Playlist dates have no time zone:
 * they mean the day where the screen stands, and the screen is wherever this core runs.
 */
export function localDay(at: number): string {
  return calendarDate(at);
}

/** `from` and `until` are both inclusive days. */
export const inWindow = inDateWindow;

/** The first instant of the next calendar day on this machine: when date windows can change. */
export function nextLocalMidnight(at: number): number {
  const d = new Date(at);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime();
}
