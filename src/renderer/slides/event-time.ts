import { calendarDate, calendarDaysBetween } from './days-behind-bars';

/** A local date or date-time as written in an event file, read in the event's own time zone. */
export interface LocalDateTime {
  date: string;
  /** `HH:MM`, or null for an all-day event. */
  time: string | null;
}

export function parseLocal(value: string): LocalDateTime | null {
  const match = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}))?$/.exec(value);
  if (!match) return null;
  return { date: match[1] as string, time: match[2] ?? null };
}

/** How far a time zone is ahead of UTC at an instant, in ms. */
function zoneOffsetMs(instantMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(instantMs));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return asUtc - Math.floor(instantMs / 1000) * 1000;
}

/**
 * The instant a wall-clock time in `timeZone` happens. Two passes, because the offset at the
 * guessed instant can differ from the offset at the answer across a daylight-saving change.
 */
export function zonedTimeToInstant(date: string, time: string, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  let instant = wall - zoneOffsetMs(wall, timeZone);
  instant = wall - zoneOffsetMs(instant, timeZone);
  return instant;
}

function nextDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

export type EventStatus =
  { kind: 'past' } | { kind: 'now' } | { kind: 'today' } | { kind: 'upcoming'; days: number };

interface EventTimes {
  start: string;
  end?: string | undefined;
  timeZone: string;
}

/**
 * Where an event stands at `nowMs`, judged by the calendar of the event's own time zone.
 * An event without an end lasts until the end of its last day, so a 19:30 concert still reads
 * "today" at 21:00 rather than "past".
 */
export function eventStatus(event: EventTimes, nowMs: number): EventStatus | null {
  const start = parseLocal(event.start);
  if (!start) return null;
  const end = event.end ? parseLocal(event.end) : null;
  const lastDay = end?.date ?? start.date;
  const endMs = end?.time
    ? zonedTimeToInstant(end.date, end.time, event.timeZone)
    : zonedTimeToInstant(nextDay(lastDay), '00:00', event.timeZone);
  if (nowMs >= endMs) return { kind: 'past' };
  const today = calendarDate(nowMs, event.timeZone);
  if (today === start.date) return { kind: 'today' };
  const days = calendarDaysBetween(today, start.date);
  if (days === null) return null;
  if (days < 0) return { kind: 'now' };
  return { kind: 'upcoming', days };
}

function safeFormat(language: string, options: Intl.DateTimeFormatOptions) {
  try {
    return new Intl.DateTimeFormat(language, options);
  } catch {
    return new Intl.DateTimeFormat('en', options);
  }
}

const DATE_PARTS: Intl.DateTimeFormatOptions = {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
};

/**
 * The event's date and time as people at the event will read them: in the event's time
 * zone, whatever zone this screen is in.
 */
export function formatEventWhen(
  event: EventTimes,
  language: string,
): { date: string; time: string | null } | null {
  const start = parseLocal(event.start);
  if (!start) return null;
  const end = event.end ? parseLocal(event.end) : null;

  if (!start.time) {
    // All-day: format the calendar date itself (as UTC) so no zone can move it a day.
    const format = safeFormat(language, { ...DATE_PARTS, timeZone: 'UTC' });
    const from = new Date(`${start.date}T00:00:00Z`);
    const date =
      end && end.date !== start.date
        ? format.formatRange(from, new Date(`${end.date}T00:00:00Z`))
        : format.format(from);
    return { date, time: null };
  }

  const startMs = zonedTimeToInstant(start.date, start.time, event.timeZone);
  const dateFormat = safeFormat(language, { ...DATE_PARTS, timeZone: event.timeZone });
  const timeFormat = safeFormat(language, {
    hour: 'numeric',
    minute: '2-digit',
    timeZone: event.timeZone,
    timeZoneName: 'short',
  });
  if (end?.time && end.date === start.date) {
    const endMs = zonedTimeToInstant(end.date, end.time, event.timeZone);
    return { date: dateFormat.format(startMs), time: timeFormat.formatRange(startMs, endMs) };
  }
  if (end && end.date !== start.date) {
    const endMs = end.time
      ? zonedTimeToInstant(end.date, end.time, event.timeZone)
      : zonedTimeToInstant(end.date, '00:00', event.timeZone);
    return { date: dateFormat.formatRange(startMs, endMs), time: timeFormat.format(startMs) };
  }
  return { date: dateFormat.format(startMs), time: timeFormat.format(startMs) };
}
