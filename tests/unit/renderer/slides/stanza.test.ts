import { describe, expect, it } from 'vitest';
import { MIN_STANZA_MS, nextStanzaInMs, stanzaAt } from '../../../../src/renderer/slides/stanza';

const timing = (overrides = {}) => ({
  startedAt: 1_000_000,
  durationMs: 60_000,
  paused: false,
  remainingMs: null,
  clockOffsetMs: 0,
  ...overrides,
});

describe('stanzaAt', () => {
  it('splits the time on air evenly between the stanzas', () => {
    expect(stanzaAt(timing(), 1_000_000, 4)).toBe(0);
    expect(stanzaAt(timing(), 1_000_000 + 14_999, 4)).toBe(0);
    expect(stanzaAt(timing(), 1_000_000 + 15_000, 4)).toBe(1);
    expect(stanzaAt(timing(), 1_000_000 + 59_000, 4)).toBe(3);
    expect(stanzaAt(timing(), 1_000_000 + 90_000, 4)).toBe(3);
  });

  it('never turns faster than a stanza can be read, leaving the last ones out', () => {
    const short = timing({ durationMs: 30_000 });
    expect(stanzaAt(short, 1_000_000 + MIN_STANZA_MS - 1, 6)).toBe(0);
    expect(stanzaAt(short, 1_000_000 + 29_000, 6)).toBe(2);
  });

  it('reads the server clock, and holds still while paused', () => {
    // This machine is 5 s behind the server.
    expect(stanzaAt(timing({ clockOffsetMs: 5_000 }), 1_000_000 + 10_000, 4)).toBe(1);
    expect(stanzaAt(timing({ paused: true, remainingMs: 20_000 }), 0, 4)).toBe(2);
  });

  it('shows the first stanza outside the loop', () => {
    expect(stanzaAt(undefined, 123, 4)).toBe(0);
  });
});

describe('nextStanzaInMs', () => {
  it('counts down to the next page, and stops at the last', () => {
    expect(nextStanzaInMs(timing(), 1_000_000 + 10_000, 4)).toBe(5_000);
    expect(nextStanzaInMs(timing(), 1_000_000 + 50_000, 4)).toBeNull();
    expect(nextStanzaInMs(timing({ paused: true, remainingMs: 1 }), 0, 4)).toBeNull();
  });
});
