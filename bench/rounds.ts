// The first-slide comparisons' rounds: several contenders timed in turn, so each shares the
// same load and none always runs first on the warmer caches.
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
