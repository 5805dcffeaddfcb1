import { parseLocal, zonedTimeToInstant, type EventTimes } from '../../shared/time';

/**
 * How an event's time reads on screen. When an event is (today, past, in N days) is shared
 * logic in src/shared/time, so the slide and the engine always agree; the words are ours.
 */

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

/** The instant a timed event starts; null for an all-day event or a malformed start. */
export function startInstant(event: EventTimes): number | null {
  const start = parseLocal(event.start);
  if (!start?.time) return null;
  return zonedTimeToInstant(start.date, start.time, event.timeZone);
}
