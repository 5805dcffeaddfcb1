import { describe, expect, it } from 'vitest';
import { formatEventWhen, startInstant } from '../../../../src/renderer/slides/event-format';

const concert = { start: '2023-10-01T19:30', timeZone: 'Europe/Paris' };

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

  it('gives a range for an event that ends the same day', () => {
    const when = formatEventWhen({ ...concert, end: '2023-10-01T22:00' }, 'en');
    expect(when?.time).toMatch(/^7:30\s–\s10:00\sPM GMT\+2$/);
  });
});

describe('startInstant', () => {
  it('is the start in the event zone, or null for an all-day event', () => {
    expect(startInstant(concert)).toBe(Date.UTC(2023, 9, 1, 17, 30));
    expect(startInstant({ start: '2023-09-16', timeZone: 'UTC' })).toBeNull();
  });
});
