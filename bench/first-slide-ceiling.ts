// `npm run bench -- --first-slide-ceiling [RUNS]`: how fast our first slide could be painted at
// best, beside reveal.js. Our display's own first slide, saved as a static page once it is
// painted, is served by the deck's static server: the answer a core that sent the finished
// slide would give, with nothing of the core's start in it. Then the same page with what a real
// start adds: the core starting beside it, and the app's own scripts. A diagnostic with no
// target: it tells which designs could meet the first-slide target at all on this machine.
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { medianRun, ms, phases } from './display-report';
import { timeToFirstRevealSlide, timeToStaticFirstSlide, type FirstSlide } from './first-slide';
import { generatePack, type GeneratedPackSize } from './generate-pack';
import { buildRevealDeck } from './reveal-deck';
import { cliPath } from '../tests/helpers/serve';
import { captureStaticFirstSlide, STATIC_PAGES } from './static-first-slide';

export interface CeilingOptions {
  pack: GeneratedPackSize;
  drawing: { data: Buffer; extension: '.jpg' };
  root: string;
  revealDist: string;
  /** The renderer's built assets (`out/renderer/assets`): the page's stylesheets, fonts, scripts. */
  assetsDir: string;
  runs: number;
}

/** The core starts this long after the static server in the "core held back" row. */
export const CORE_HELD_BACK_MS = 500;

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

export async function firstSlideCeiling(browser: Browser, o: CeilingOptions): Promise<string[]> {
  const loadAtStart = os.loadavg()[0]?.toFixed(1) ?? '?';
  const packDir = path.join(o.root, 'pack-30');
  generatePack(packDir, o.pack, { drawing: o.drawing, order: 'interleaved' });
  const deck = buildRevealDeck(packDir, path.join(o.root, 'reveal-deck'), o.revealDist);
  const saved = await captureStaticFirstSlide(browser, packDir, path.join(o.root, 'first-slide'));
  const mounts = [`/=${saved.dir}`, `/assets/=${o.assetsDir}`, `/media/=${packDir}`];
  const player = exportPlayer(packDir, path.join(o.root, 'player'));
  const contenders: { name: string; run: () => Promise<FirstSlide> }[] = [
    {
      name: 'the slide as a static page, no scripts, nothing else running (the floor)',
      run: () => timeToStaticFirstSlide(browser, { mounts, path: STATIC_PAGES.bare }),
    },
    {
      name: 'the same, with the core starting beside it',
      run: () =>
        timeToStaticFirstSlide(browser, {
          mounts,
          path: STATIC_PAGES.bare,
          core: { packDir, afterMs: 0 },
        }),
    },
    {
      name: "the same, with the core starting beside it and the app's scripts in the page",
      run: () =>
        timeToStaticFirstSlide(browser, {
          mounts,
          path: STATIC_PAGES.scripted,
          core: { packDir, afterMs: 0 },
        }),
    },
    {
      name: `the slide as a static page, no scripts, the core held back ${CORE_HELD_BACK_MS} ms`,
      run: () =>
        timeToStaticFirstSlide(browser, {
          mounts,
          path: STATIC_PAGES.bare,
          core: { packDir, afterMs: CORE_HELD_BACK_MS },
        }),
    },
    {
      name: 'our offline player (`export player`: the same slides as a static folder), on the same static server',
      run: () => timeToStaticFirstSlide(browser, { mounts: [`/=${player}`], path: '' }),
    },
    { name: 'reveal.js', run: () => timeToFirstRevealSlide(browser, deck) },
  ];
  const results = contenders.map(() => [] as FirstSlide[]);
  for (const c of contenders) await c.run();
  for (let i = 0; i < o.runs; i++) {
    // Each goes first in turn, so none always gets the warmer caches.
    for (let k = 0; k < contenders.length; k++) {
      const at = (i + k) % contenders.length;
      results[at]!.push(await contenders[at]!.run());
    }
  }
  const loadAtEnd = os.loadavg()[0]?.toFixed(1) ?? '?';
  const decks = results[results.length - 1]!;
  const deckMedian = medianRun(decks);
  const rows = contenders.slice(0, -1).map((c, k) => {
    const runs = results[k]!;
    const ours = medianRun(runs);
    const perRound = median(runs.map((run, i) => run.ms / decks[i]!.ms));
    if (ours.itemId !== saved.itemId) {
      throw new Error(`the static page showed ${ours.itemId}, not the saved ${saved.itemId}`);
    }
    return {
      row: `| ${c.name}; median of ${runs.length} rounds | ${ms(ours.ms)} | ${ms(deckMedian.ms)} | ${(ours.ms / deckMedian.ms).toFixed(2)}× (rounds' own: ${perRound.toFixed(2)}×) |`,
      note: `- ${c.name} (median run): ${phases(ours)}. Each round: ${runs.map((r) => ms(r.ms)).join('; ')}.`,
    };
  });
  return [
    `Run on ${new Date().toISOString().slice(0, 10)}: ${os.cpus()[0]?.model.split(' ')[0] ?? ''} ${os.cpus().length} cores, Node ${process.version}; load average (1 min) ${loadAtStart} at the start, ${loadAtEnd} at the end.`,
    "Generated by `npm run bench -- --first-slide-ceiling`. A diagnostic, held to no target: our display's own first slide (`" +
      saved.itemId +
      `\`, ${deck.slides} slides, ${o.pack.drawings} drawings at 4000×3000), saved as a static page once the display had painted it, served by the reveal.js deck's static server (\`bench/static-server.mjs\`) with the renderer's assets and the pack's media. Each row is timed as the first-slide table is, from spawning the static server. "The core" is our real \`serve\` of the same pack, started as its own process beside the static server and opened by nobody: it only shares the two cores, as a real start would. "The app's scripts" are the display page's own entry and chunks, loading and running while the saved slide is already up. "Our offline player" is \`export player\` of the same pack, the whole folder on the same server, service worker and all: our own static deck.`,
    '',
    '| Our first slide, served as | Static server start → painted | reveal.js deck (same run) | Ratio |',
    '| --- | --- | --- | --- |',
    ...rows.map((r) => r.row),
    '',
    ...rows.map((r) => r.note),
    `- reveal.js (median run): ${phases(deckMedian)}. Each round: ${decks.map((r) => ms(r.ms)).join('; ')}.`,
  ];
}

/** `export player` of the pack, by the built CLI: our own static deck of the same slides. */
function exportPlayer(packDir: string, out: string): string {
  const run = spawnSync(
    process.execPath,
    [cliPath, 'export', 'player', '--content', packDir, '--out', out],
    { encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`export player failed:\n${run.stdout}${run.stderr}`);
  return out;
}
