import { describe, expect, it } from 'vitest';
import {
  eventStatus,
  formatEventWhen,
  zonedTimeToInstant,
} from '../../../../src/renderer/slides/event-time';

const concert = { start: '2023-10-01T19:30', timeZone: 'Europe/Paris' };

describe('zonedTimeToInstant', () => {
  it('reads wall-clock time in the zone, summer and winter', () => {
    expect(zonedTimeToInstant('2023-10-01', '19:30', 'Europe/Paris')).toBe(
      Date.UTC(2023, 9, 1, 17, 30),
    );
    expect(zonedTimeToInstant('2023-12-01', '19:30', 'Europe/Paris')).toBe(
      Date.UTC(2023, 11, 1, 18, 30),
    );
    expect(zonedTimeToInstant('2023-10-01', '19:30', 'UTC')).toBe(Date.UTC(2023, 9, 1, 19, 30));
  });

  it('handles the day the clocks change', () => {
    // Paris moves from +2 to +1 at 03:00 on 29 Oct 2023.
    expect(zonedTimeToInstant('2023-10-29', '12:00', 'Europe/Paris')).toBe(
      Date.UTC(2023, 9, 29, 11, 0),
    );
  });
});

describe('eventStatus', () => {
  it('counts days to go in the event zone', () => {
    expect(eventStatus(concert, Date.UTC(2023, 8, 28, 12))).toEqual({ kind: 'upcoming', days: 3 });
    expect(eventStatus(concert, Date.UTC(2023, 8, 30, 12))).toEqual({ kind: 'upcoming', days: 1 });
  });

  it('is "today" all of the day, before and after the start time', () => {
    expect(eventStatus(concert, Date.UTC(2023, 9, 1, 8))).toEqual({ kind: 'today' });
    expect(eventStatus(concert, Date.UTC(2023, 9, 1, 20))).toEqual({ kind: 'today' });
  });

  it('is "past" after midnight in the event zone, not in UTC', () => {
    // 23:30 UTC on 1 Oct is already 01:30 on 2 Oct in Paris.
    expect(eventStatus(concert, Date.UTC(2023, 9, 1, 23, 30))).toEqual({ kind: 'past' });
    expect(eventStatus(concert, Date.UTC(2023, 9, 1, 21, 30))).toEqual({ kind: 'today' });
  });

  it('uses the end time when there is one', () => {
    const withEnd = { ...concert, end: '2023-10-01T22:00' };
    expect(eventStatus(withEnd, Date.UTC(2023, 9, 1, 20, 30))).toEqual({ kind: 'past' });
  });

  it('is "now" on the later days of a multi-day event', () => {
    const festival = { start: '2023-10-01', end: '2023-10-03', timeZone: 'UTC' };
    expect(eventStatus(festival, Date.UTC(2023, 9, 2, 12))).toEqual({ kind: 'now' });
    expect(eventStatus(festival, Date.UTC(2023, 9, 3, 23))).toEqual({ kind: 'now' });
    expect(eventStatus(festival, Date.UTC(2023, 9, 4, 0, 1))).toEqual({ kind: 'past' });
  });
});

describe('formatEventWhen', () => {
  it('formats the time in the event zone with its name', () => {
    const when = formatEventWhen(concert, 'en');
    expect(when?.date).toBe('Sunday, October 1, 2023');
    expect(when?.time).toMatch(/^7:30\sPM GMT\+2$/);
  });

  it('formats an all-day event without a time, on its own date', () => {
    const when = formatEventWhen({ start: '2023-09-16', timeZone: 'Pacific/Kiritimati' }, 'fr');
    expect(when).toEqual({ date: 'samedi 16 septembre 2023', time: null });
  });
});
