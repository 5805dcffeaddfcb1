import type { EventItem } from '../../shared/content';

/**
 * The calendar day at `at` on this machine, `YYYY-MM-DD`. Playlist dates have no time zone:
 * they mean the day where the screen stands, and the screen is wherever this core runs.
 */
export function localDay(at: number): string {
  const d = new Date(at);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** `from` and `until` are both inclusive days; ISO dates compare correctly as strings. */
export function inWindow(window: { from?: string; until?: string }, day: string): boolean {
  if (window.from !== undefined && day < window.from) return false;
  if (window.until !== undefined && day > window.until) return false;
  return true;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** How far `timeZone` is ahead of UTC at the instant `epoch`, in ms. */
function zoneOffsetMs(timeZone: string, epoch: number): number {
  let format = formatters.get(timeZone);
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
    formatters.set(timeZone, format);
  }
  const parts = format.formatToParts(new Date(epoch));
  const get = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return wall - (epoch - (((epoch % 1000) + 1000) % 1000));
}

/** The instant a wall-clock time happens in `timeZone`. */
export function zonedEpoch(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // The offset at the guess can differ from the offset at the answer across a DST change;
  // a second pass settles it.
  const first = wall - zoneOffsetMs(timeZone, wall);
  return wall - zoneOffsetMs(timeZone, first);
}

/**
 * Whether an event has started by `at`. An all-day event (a date without a time) counts as
 * started only once its day is over, so it stays on screen on the day itself.
 */
export function eventIsOver(event: Pick<EventItem, 'start' | 'timeZone'>, at: number): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(event.start);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const starts =
    m[4] === undefined
      ? zonedEpoch(event.timeZone, year, month, day + 1)
      : zonedEpoch(event.timeZone, year, month, day, Number(m[4]), Number(m[5]));
  return at >= starts;
}
