import { describe, expect, it } from 'vitest';
import type { FirstSlide } from '../../../bench/first-slide';
import { alternatingRounds, roundsAgainstBaseline } from '../../../bench/rounds';

const run = (ms: number): FirstSlide => ({
  ms,
  itemId: 'x',
  phases: { serverReady: 0, pageReady: 0, slideInDom: 0, painted: ms },
});

/** Contenders that note each call and take the times given, one per call, warm-up first. */
function contenders(times: Record<string, number[]>) {
  const calls: string[] = [];
  const list = Object.entries(times).map(([name, ms]) => () => {
    calls.push(name);
    return Promise.resolve(run(ms.shift()!));
  });
  return { calls, list };
}

describe('the first-slide benchmarks’ rounds', () => {
  it('warm each contender up once, then let each go first in turn, and keep the warm-up out', async () => {
    const { calls, list } = contenders({ a: [999, 1, 2, 3], b: [999, 4, 5, 6], c: [999, 7, 8, 9] });
    const results = await alternatingRounds(list, 3);
    expect(calls).toEqual(['a', 'b', 'c', 'a', 'b', 'c', 'b', 'c', 'a', 'c', 'a', 'b']);
    expect(results.map((runs) => runs.map((r) => r.ms))).toEqual([
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ]);
  });

  it('set each contender against the last one, by medians and by each round’s own ratio', async () => {
    const { list } = contenders({
      ours: [0, 200, 300, 100],
      baseline: [0, 100, 100, 200],
    });
    const { baseline, others } = await roundsAgainstBaseline(list, 3);
    expect(baseline.median.ms).toBe(100);
    expect(others).toHaveLength(1);
    expect(others[0]!.median.ms).toBe(200);
    expect(others[0]!.ratio).toBe(2);
    // The rounds' own ratios are 2, 3 and 0.5: their median is 2.
    expect(others[0]!.perRound).toBe(2);
  });
});
