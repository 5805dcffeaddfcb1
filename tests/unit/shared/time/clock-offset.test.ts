import { describe, expect, it } from 'vitest';
import {
  ClockOffsetEstimator,
  estimateOffset,
  offsetSample,
  type PingStamps,
} from '../../../../src/shared/time';

/** A ping between a view and a core whose clock is `offset` ahead, with these delays. */
function ping(
  at: number,
  offset: number,
  { up, handling = 0, down }: { up: number; handling?: number; down: number },
): PingStamps {
  const t1 = at + up + offset;
  const t2 = t1 + handling;
  return { t0: at, t1, t2, t3: t2 - offset + down };
}

describe('offsetSample', () => {
  it('finds the offset exactly when the delays are the same both ways', () => {
    const sample = offsetSample(ping(1_000, 250, { up: 7, handling: 3, down: 7 }));
    expect(sample).toEqual({ offsetMs: 250, roundTripMs: 14 });
  });

  it('is off by half the difference when the delays are lopsided, and counts the trip', () => {
    const sample = offsetSample(ping(1_000, -40, { up: 30, handling: 1, down: 2 }));
    expect(sample?.offsetMs).toBe(-40 + (30 - 2) / 2);
    expect(sample?.roundTripMs).toBe(32);
  });

  it('refuses stamps that cannot be true: a clock that went back, an answer before the ping', () => {
    expect(offsetSample({ t0: 100, t1: 500, t2: 501, t3: 90 })).toBeNull();
    expect(offsetSample({ t0: 100, t1: 500, t2: 400, t3: 120 })).toBeNull();
    expect(offsetSample({ t0: 100, t1: Number.NaN, t2: 400, t3: 120 })).toBeNull();
  });

  it('refuses a trip too slow to say anything about a frame', () => {
    expect(offsetSample(ping(0, 0, { up: 1_500, down: 1_500 }))).toBeNull();
  });
});

describe('estimateOffset', () => {
  it('is null without samples', () => {
    expect(estimateOffset([])).toBeNull();
  });

  it('trusts the fast trips over the slow lopsided ones', () => {
    const samples = [
      offsetSample(ping(0, 100, { up: 2, down: 2 })),
      offsetSample(ping(10, 100, { up: 3, down: 2 })),
      offsetSample(ping(20, 100, { up: 2, down: 3 })),
      offsetSample(ping(30, 100, { up: 2, down: 2 })),
      // A busy Wi-Fi: three slow trips, each slow on the way there.
      offsetSample(ping(40, 100, { up: 180, down: 4 })),
      offsetSample(ping(50, 100, { up: 220, down: 3 })),
      offsetSample(ping(60, 100, { up: 150, down: 5 })),
    ].flatMap((s) => (s ? [s] : []));
    const estimate = estimateOffset(samples) as number;
    expect(Math.abs(estimate - 100)).toBeLessThanOrEqual(0.5);
  });

  it('drops a fast outlier by taking the median', () => {
    const samples = [
      { offsetMs: 10, roundTripMs: 2 },
      { offsetMs: 11, roundTripMs: 3 },
      { offsetMs: 400, roundTripMs: 1 },
      { offsetMs: 9, roundTripMs: 4 },
      { offsetMs: 10, roundTripMs: 3 },
      { offsetMs: 50, roundTripMs: 90 },
    ];
    expect(estimateOffset(samples)).toBe(11);
  });
});

describe('ClockOffsetEstimator', () => {
  it('starts over when a clock jumps, instead of averaging two clocks', () => {
    const estimator = new ClockOffsetEstimator();
    for (let i = 0; i < 8; i++) estimator.add(ping(i * 100, 5, { up: 2, down: 2 }));
    expect(estimator.estimate()).toBe(5);
    // The view's clock is set an hour back (a Pi that found the date): the core is now an
    // hour ahead of it. One sample is enough to follow; the old ones measured another clock.
    const hour = 3_600_000;
    expect(estimator.add(ping(1_000 - hour, 5 + hour, { up: 2, down: 2 }))).toBe(5 + hour);
    expect(estimator.add(ping(1_100 - hour, 5 + hour, { up: 3, down: 3 }))).toBe(5 + hour);
  });

  it('keeps the newest samples only, and ignores a sample that cannot be true', () => {
    const estimator = new ClockOffsetEstimator();
    for (let i = 0; i < 8; i++) estimator.add(ping(i * 100, 20, { up: 1, down: 1 }));
    // The offset drifts by 300 ms (less than a jump): eight new samples replace the old.
    for (let i = 0; i < 8; i++) estimator.add(ping(1_000 + i * 100, 320, { up: 5, down: 5 }));
    expect(estimator.estimate()).toBe(320);
    expect(estimator.add({ t0: 5_000, t1: 1, t2: 2, t3: 4_000 })).toBe(320);
  });
});
