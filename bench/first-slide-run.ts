// `npm run bench -- --first-slide [RUNS] [--against OTHER/out/main/cli.js]`: only the
// first-slide comparison with reveal.js, for working on start-up without the rest of the bench
// (minutes of transitions). With --against, another build (an older commit built elsewhere)
// runs in the same rounds, so the two are compared at the same load. Writes its own section of
// bench/results.md; the full `npm run bench` measures the same in its own section.
import os from 'node:os';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { ms, phases, REVEAL_TARGET } from './display-report';
import {
  SETTLE_MS,
  timeToFirstRevealSlide,
  timeToFirstSlide,
  type FirstSlide,
} from './first-slide';
import { generatePack, type GeneratedPackSize } from './generate-pack';
import { roundsAgainstBaseline } from './rounds';
import { buildRevealDeck } from './reveal-deck';

export interface FirstSlideOnly {
  pack: GeneratedPackSize;
  drawing: { data: Buffer; extension: '.jpg' };
  root: string;
  revealDist: string;
  runs: number;
  /** Another build's cli.js, measured in the same rounds. */
  against?: string;
}

/** One unmeasured run of each, then `runs` rounds, each starting with the next one in turn. */
interface Contender {
  /** What is timed, from when: the row's first words. */
  measure: string;
  name: string;
  /** Shown for where the time goes, held to no target. */
  diagnostic?: boolean;
  run: () => Promise<FirstSlide>;
}

export async function firstSlideOnly(browser: Browser, o: FirstSlideOnly): Promise<string[]> {
  const loadAtStart = os.loadavg()[0]?.toFixed(1) ?? '?';
  const packDir = path.join(o.root, 'pack-30');
  generatePack(packDir, o.pack, { drawing: o.drawing, order: 'interleaved' });
  const deck = buildRevealDeck(packDir, path.join(o.root, 'reveal-deck'), o.revealDist);
  const serveStart = 'Serve start → first slide painted';
  // Where the time goes, not a second target: once the core is up, the page alone.
  const pageAlone = `Display opened ${SETTLE_MS / 1000} s after the banner (the core settled) → first slide painted`;
  // The same data folder every round: each run starts where the one before stopped, and finds
  // the first slide it kept (src/main/first-slide/); the unmeasured first round leaves it.
  const serveRestart = 'Serve restart (nothing changed since the last stop) → first slide painted';
  // A run that went on past its first slide has had its display ask for its screen's copies
  // of the next pictures: the kept picture is then scaled to the screen (first-slide/keep.ts);
  // a run stopped at its first slide has not.
  const restartDirs = new Map<string, string>();
  const restartDataDir = (name: string): string => {
    const dir = restartDirs.get(name) ?? path.join(o.root, `restart-data-${restartDirs.size}`);
    restartDirs.set(name, dir);
    return dir;
  };
  const builds = [
    { name: 'this build', cli: undefined },
    ...(o.against ? [{ name: `\`${o.against}\``, cli: o.against }] : []),
  ];
  const contenders: Contender[] = [
    ...builds.map((b) => ({
      measure: serveStart,
      name: b.name,
      run: () => timeToFirstSlide(browser, packDir, b.cli),
    })),
    ...builds.flatMap((b) => [
      {
        measure: serveRestart,
        name: `${b.name}, a restart after a run that stopped at its first slide`,
        run: () =>
          timeToFirstSlide(browser, packDir, b.cli, 0, {
            dataDir: restartDataDir(`${b.name} at once`),
            runShow: false,
          }),
      },
      {
        measure: serveRestart,
        name: `${b.name}, a restart after a run that went through four slides and back`,
        run: () =>
          timeToFirstSlide(browser, packDir, b.cli, 0, {
            dataDir: restartDataDir(`${b.name} shown`),
            runShow: true,
          }),
      },
    ]),
    ...builds.map((b) => ({
      measure: pageAlone,
      name: `${b.name}, the page alone`,
      diagnostic: true,
      run: () => timeToFirstSlide(browser, packDir, b.cli, SETTLE_MS),
    })),
    { measure: serveStart, name: 'reveal.js', run: () => timeToFirstRevealSlide(browser, deck) },
  ];
  const { baseline, others } = await roundsAgainstBaseline(
    contenders.map((c) => c.run),
    o.runs,
  );
  const loadAtEnd = os.loadavg()[0]?.toFixed(1) ?? '?';
  const deckMedian = baseline.median;
  const rows = others.map(({ runs: ours, median: ourMedian, ratio, perRound }, k) => {
    const c = contenders[k]!;
    return {
      row: `| ${c.measure}, ${c.name}: ${deck.slides} slides (${o.pack.drawings} drawings at 4000×3000, first \`${ourMedian.itemId}\`); median of ${ours.length} rounds | ${ms(ourMedian.ms)} | reveal.js deck of the same slides, static server start → first slide painted: ${ms(deckMedian.ms)} | ${ratio.toFixed(2)}× (median of the rounds' own ratios: ${perRound.toFixed(2)}×) | ${c.diagnostic ? '(diagnostic, no target)' : `≤ ${REVEAL_TARGET.toFixed(1)}×`} | ${c.diagnostic ? '' : ratio <= REVEAL_TARGET ? 'met' : '**missed**'} |`,
      notes: [
        `- ${c.name} (median run): ${phases(ourMedian)}.`,
        `  Each round: ${ours.map((r) => ms(r.ms)).join('; ')}.`,
      ],
    };
  });
  return [
    `Run on ${new Date().toISOString().slice(0, 10)}: ${os.cpus()[0]?.model.split(' ')[0] ?? ''} ${os.cpus().length} cores, Node ${process.version}; load average (1 min) ${loadAtStart} at the start, ${loadAtEnd} at the end: other work shared the cores, so absolute times are high and noisy, and the ratios within a round are the comparable part.`,
    'Generated by `npm run bench -- --first-slide`; the full `npm run bench` measures the same in its own section.',
    '',
    '| Measure | Result | Baseline (same run) | Ratio | Target | |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) => r.row),
    '',
    ...rows.flatMap((r) => r.notes),
    `- reveal.js (median run): ${phases(deckMedian)}.`,
    `  Each round: ${baseline.runs.map((r) => ms(r.ms)).join('; ')}.`,
  ];
}
