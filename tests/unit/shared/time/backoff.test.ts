import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKOFF, backoffDelay } from '../../../../src/shared/time';

// One backoff for the OBS bridge and for a view finding the core again.
describe('backoffDelay', () => {
  const options = { baseMs: 500, maxMs: 10_000 };

  it('doubles from 0.5 s and stops at 10 s', () => {
    const top = (attempt: number) => backoffDelay(attempt, options, () => 1);
    expect([0, 1, 2, 3, 4, 5, 6, 12].map(top)).toEqual([
      500, 1000, 2000, 4000, 8000, 10_000, 10_000, 10_000,
    ]);
  });

  it('jitters between half and the whole delay, never zero', () => {
    for (const attempt of [0, 3, 9]) {
      const full = Math.min(10_000, 500 * 2 ** attempt);
      expect(backoffDelay(attempt, options, () => 0)).toBe(full / 2);
      expect(backoffDelay(attempt, options, () => 0.999_999)).toBeLessThanOrEqual(full);
      const some = backoffDelay(attempt, options, Math.random);
      expect(some).toBeGreaterThanOrEqual(full / 2);
      expect(some).toBeLessThanOrEqual(full);
    }
  });
});

describe('backoffDelay (the defaults, as a view reconnects)', () => {
  it('grows exponentially to the cap, jittered within the upper half', () => {
    expect(backoffDelay(0, DEFAULT_BACKOFF, () => 0)).toBe(250);
    expect(backoffDelay(0, DEFAULT_BACKOFF, () => 1)).toBe(500);
    expect(backoffDelay(3, DEFAULT_BACKOFF, () => 0)).toBe(2000);
    expect(backoffDelay(30, DEFAULT_BACKOFF, () => 0.999)).toBeLessThanOrEqual(10_000);
    expect(backoffDelay(30, DEFAULT_BACKOFF, () => 0)).toBe(5_000);
  });
});
