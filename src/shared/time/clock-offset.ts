/*
 * How far a view's clock is from the core's, measured NTP-style over the socket. The view
 * stamps a ping when it leaves (t0), the core stamps when it got it (t1) and when it answered
 * (t2), the view stamps the answer's arrival (t3). Pure: the transport brings the stamps.
 */

/** One ping's four stamps, each on its own side's clock (epoch ms). */
export interface PingStamps {
  t0: number;
  t1: number;
  t2: number;
  t3: number;
}

export interface OffsetSample {
  /** Core clock minus view clock, in ms. */
  offsetMs: number;
  /** Time on the wire both ways, without the core's own handling time. */
  roundTripMs: number;
}

/** A round trip longer than this says nothing useful about a frame-sized offset. */
export const MAX_ROUND_TRIP_MS = 2_000;
/**
 * A sample this far (beyond its own round trip) from the estimate means a clock jumped (an
 * NTP step, a Pi that found the date): the older samples measured another clock.
 */
export const CLOCK_JUMP_MS = 1_000;
/** Samples kept: the 8 at connect, then one every 30 s replaces the oldest. */
export const MAX_SAMPLES = 8;

/**
 * The sample one ping gives, or null when its stamps cannot be true (a clock that went
 * backwards during the ping, a core that answered before it heard) or the trip was too slow.
 */
export function offsetSample({ t0, t1, t2, t3 }: PingStamps): OffsetSample | null {
  const roundTripMs = t3 - t0 - (t2 - t1);
  if (!(roundTripMs >= 0) || t2 < t1 || roundTripMs > MAX_ROUND_TRIP_MS) return null;
  return { offsetMs: (t1 - t0 + (t2 - t3)) / 2, roundTripMs };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * The offset the samples agree on, or null with none. Only the faster half counts: a slow
 * trip is slow one way more often than both, and its offset is off by half the difference.
 * Their median then drops the odd outlier that was fast but still lopsided.
 */
export function estimateOffset(samples: readonly OffsetSample[]): number | null {
  if (samples.length === 0) return null;
  const fastest = [...samples]
    .sort((a, b) => a.roundTripMs - b.roundTripMs)
    .slice(0, Math.ceil(samples.length / 2));
  return median(fastest.map((s) => s.offsetMs));
}

/** Keeps the newest samples and the estimate from them. */
export class ClockOffsetEstimator {
  private samples: OffsetSample[] = [];

  /** Adds one ping's stamps; returns the estimate after it (null until a sample counts). */
  add(stamps: PingStamps): number | null {
    const sample = offsetSample(stamps);
    if (!sample) return this.estimate();
    const before = this.estimate();
    if (
      before !== null &&
      Math.abs(sample.offsetMs - before) > CLOCK_JUMP_MS + sample.roundTripMs
    ) {
      this.samples = [];
    }
    this.samples.push(sample);
    if (this.samples.length > MAX_SAMPLES) this.samples.shift();
    return this.estimate();
  }

  estimate(): number | null {
    return estimateOffset(this.samples);
  }

  reset(): void {
    this.samples = [];
  }
}
