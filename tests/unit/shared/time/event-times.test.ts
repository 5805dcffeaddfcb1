import { describe, expect, it } from 'vitest';
import { eventEndsAt, eventIsOver, eventStatus, parseLocal } from '../../../../src/shared/time';

const concert = { start: '2023-10-01T19:30', timeZone: 'Europe/Paris' };

describe('parseLocal', () => {
  it('splits a date and an optional time', () => {
    expect(parseLocal('2023-10-01T19:30')).toEqual({ date: '2023-10-01', time: '19:30' });
    expect(parseLocal('2023-10-01')).toEqual({ date: '2023-10-01', time: null });
    expect(parseLocal('1 October')).toBeNull();
  });
});

describe('eventEndsAt and eventIsOver', () => {
  it('ends at its end time when it has one', () => {
    const withEnd = { ...concert, end: '2023-10-01T22:00' };
    expect(eventEndsAt(withEnd)).toBe(Date.UTC(2023, 9, 1, 20, 0));
    expect(eventIsOver(withEnd, Date.UTC(2023, 9, 1, 19, 59))).toBe(false);
    expect(eventIsOver(withEnd, Date.UTC(2023, 9, 1, 20, 0))).toBe(true);
  });

  it('without an end time lasts to the end of its last day, in its own zone', () => {
    // Midnight in Paris on 2 Oct is 22:00 UTC on 1 Oct.
    expect(eventEndsAt(concert)).toBe(Date.UTC(2023, 9, 1, 22, 0));
    // Still on long after the doors opened: not over, not dropped.
    expect(eventIsOver(concert, Date.UTC(2023, 9, 1, 19, 0))).toBe(false);
    expect(eventIsOver(concert, Date.UTC(2023, 9, 1, 22, 0))).toBe(true);
    const festival = { start: '2023-10-01', end: '2023-10-03', timeZone: 'UTC' };
    expect(eventEndsAt(festival)).toBe(Date.UTC(2023, 9, 4));
    expect(eventEndsAt({ start: '2024-02-28', timeZone: 'UTC' })).toBe(Date.UTC(2024, 1, 29));
  });

  it('is never over when the start cannot be read', () => {
    expect(eventEndsAt({ start: 'soon', timeZone: 'UTC' })).toBeNull();
    expect(eventIsOver({ start: 'soon', timeZone: 'UTC' }, Date.now())).toBe(false);
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

  it('says "past" exactly when eventIsOver says over, so the slide and the engine agree', () => {
    const events = [
      concert,
      { ...concert, end: '2023-10-01T22:00' },
      { start: '2023-10-01', end: '2023-10-03', timeZone: 'Pacific/Kiritimati' },
      { start: '2023-10-29T01:30', timeZone: 'Europe/Paris' },
    ];
    for (const event of events) {
      for (let hour = -48; hour <= 120; hour += 0.5) {
        const at = Date.UTC(2023, 9, 1) + hour * 3_600_000;
        expect(eventStatus(event, at)?.kind === 'past', `${event.start} at ${hour}h`).toBe(
          eventIsOver(event, at),
        );
      }
    }
  });
});
