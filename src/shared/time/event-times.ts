import { addDays, calendarDate, calendarDaysBetween, zonedTimeToInstant } from './calendar';

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

/** The fields of an event that say when it is. */
export interface EventTimes {
  start: string;
  end?: string | undefined;
  timeZone: string;
}

/**
 * The instant an event is over. With an end time, that time. Otherwise it lasts to the end of
 * its last day in its own zone: a 19:30 concert with no end is still on at 21:00, so it reads
 * "today" and is not dropped while people are there. Null when the start cannot be read.
 */
export function eventEndsAt(event: EventTimes): number | null {
  const start = parseLocal(event.start);
  if (!start) return null;
  const end = event.end ? parseLocal(event.end) : null;
  if (end?.time) return zonedTimeToInstant(end.date, end.time, event.timeZone);
  const dayAfter = addDays(end?.date ?? start.date, 1);
  return dayAfter === null ? null : zonedTimeToInstant(dayAfter, '00:00', event.timeZone);
}

/** Whether the event is over at `at`: the slide says "past", and `pastEvents: drop` drops it. */
export function eventIsOver(event: EventTimes, at: number): boolean {
  const ends = eventEndsAt(event);
  return ends !== null && at >= ends;
}

export type EventStatus =
  { kind: 'past' } | { kind: 'now' } | { kind: 'today' } | { kind: 'upcoming'; days: number };

/**
 * Where an event stands at `nowMs`, by the calendar of the event's own zone: over ("past"), on
 * its first day ("today"), on a later day of a multi-day event ("now"), or `days` calendar days
 * ahead ("upcoming", the countdown). Null when its dates cannot be read.
 */
export function eventStatus(event: EventTimes, nowMs: number): EventStatus | null {
  const start = parseLocal(event.start);
  const endsAt = eventEndsAt(event);
  if (!start || endsAt === null) return null;
  if (nowMs >= endsAt) return { kind: 'past' };
  const today = calendarDate(nowMs, event.timeZone);
  if (today === start.date) return { kind: 'today' };
  const days = calendarDaysBetween(today, start.date);
  if (days === null) return null;
  if (days < 0) return { kind: 'now' };
  return { kind: 'upcoming', days };
}
