// The first-slide comparisons' rounds: several contenders timed in turn, so each shares the
// same load and none always runs first on the warmer caches.
import { medianRun } from './display-report';
import type { FirstSlide } from './first-slide';

/**
 * One unmeasured run of each, then `rounds` rounds, each starting with the next contender in
 * turn. Each contender's runs, in the order given.
 */
export async function alternatingRounds(
  contenders: readonly (() => Promise<FirstSlide>)[],
  rounds: number,
): Promise<FirstSlide[][]> {
  const results = contenders.map(() => [] as FirstSlide[]);
  for (const run of contenders) await run();
  for (let i = 0; i < rounds; i++) {
    for (let k = 0; k < contenders.length; k++) {
      const at = (i + k) % contenders.length;
      results[at]!.push(await contenders[at]!());
    }
  }
  return results;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** The median of each round's own ratio, `ours` against `baseline`'s run of the same round. */
export const perRoundRatio = (ours: readonly FirstSlide[], baseline: readonly FirstSlide[]) =>
  median(ours.map((run, i) => run.ms / baseline[i]!.ms));

export interface AgainstBaseline {
  runs: FirstSlide[];
  /** The median run, whose phases add up to its time. */
  median: FirstSlide;
  /** Its median against the baseline's. */
  ratio: number;
  /** The median of each round's own ratio. */
  perRound: number;
}

/**
 * `alternatingRounds` where the last contender is the baseline (reveal.js): the baseline's
 * runs and median, and each other contender's against it.
 */
export async function roundsAgainstBaseline(
  contenders: readonly (() => Promise<FirstSlide>)[],
  rounds: number,
): Promise<{ baseline: { runs: FirstSlide[]; median: FirstSlide }; others: AgainstBaseline[] }> {
  const results = await alternatingRounds(contenders, rounds);
  const runs = results[results.length - 1]!;
  const baseline = { runs, median: medianRun(runs) };
  const others = results.slice(0, -1).map((ours) => {
    const median = medianRun(ours);
    return {
      runs: ours,
      median,
      ratio: median.ms / baseline.median.ms,
      perRound: perRoundRatio(ours, runs),
    };
  });
  return { baseline, others };
}
