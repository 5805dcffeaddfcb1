// `npm run bench`: a report, not a pass/fail test. Results go to bench/results.md as ratios
// against baselines measured in the same run, with the machine (and how busy it was) noted.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { launchBenchBrowser } from './browser';
import { benchContentLoad } from './content-load';
import { transitions } from './display';
import { WARM_UP, displayReport, type DisplayBench } from './display-report';
import { makeDrawingJpeg } from './drawing';
import { timeToFirstRevealSlide, timeToFirstSlide, type FirstSlide } from './first-slide';
import { firstSlideCeiling } from './first-slide-ceiling';
import { firstSlideOnly } from './first-slide-run';
import { generatePack, type GeneratedPackSize } from './generate-pack';
import { benchObsLatency } from './obs-latency';
import { benchOperatorLatency } from './operator-latency';
import { writeResultsSection } from './results-file';
import { benchSync, syncReport } from './sync';
import { buildRevealDeck, REVEAL_PACK } from './reveal-deck';
import { benchVideo, videoReport } from './video';
import { NO_OPTIMISING_COMPILERS } from './v8-flags';
import { repoRoot } from '../tests/helpers/serve';

const FIRST_SLIDE_RUNS = 3;
const REVEAL_RUNS = 5;
const PACE_MS = 250;
const PACED = 100;
const PACK: GeneratedPackSize = { cases: 400, songs: 200, drawings: 200, statements: 200 };
/** Cold (100), halfway through the warm-up, warm (1,000), halfway through the rest, 2,000. */
const HEAP_AFTER = [PACED, 550, WARM_UP, 1500, 2 * WARM_UP];

const started = performance.now();
const step = (text: string) =>
  console.error(`bench: ${((performance.now() - started) / 1000).toFixed(0)} s: ${text}`);
const revealDist = path.dirname(createRequire(import.meta.url).resolve('reveal.js'));

const loadAtStart = os.loadavg()[0]?.toFixed(1) ?? '?';
const root = mkdtempSync(path.join(os.tmpdir(), 'bench-'));
const browser = await launchBenchBrowser();
/** `--first-slide [RUNS] [--against CLI]`: only the comparison with reveal.js (first-slide-run.ts). */
const firstSlideFlag = process.argv.indexOf('--first-slide');
/** `--first-slide-ceiling [RUNS]`: our saved first slide as a static page (first-slide-ceiling.ts). */
const ceilingFlag = process.argv.indexOf('--first-slide-ceiling');
try {
  if (process.argv.includes('--sync')) {
    await syncSection();
  } else if (process.argv.includes('--video')) {
    await videoSection();
  } else if (ceilingFlag >= 0) {
    step('encoding the drawing (4000×3000)');
    const drawing = { data: await makeDrawingJpeg(browser), extension: '.jpg' as const };
    const runs = Number(process.argv[ceilingFlag + 1] ?? REVEAL_RUNS) || REVEAL_RUNS;
    step(
      `our first slide as a static page beside reveal.js: one unmeasured run each, then ${runs}`,
    );
    const lines = await firstSlideCeiling(browser, {
      pack: REVEAL_PACK,
      drawing,
      root,
      revealDist,
      assetsDir: path.join(repoRoot, 'out/renderer/assets'),
      runs,
    });
    writeResultsSection("The first slide's ceiling", lines);
    console.log(lines.join('\n'));
  } else if (firstSlideFlag >= 0) {
    step('encoding the drawing (4000×3000)');
    const drawing = { data: await makeDrawingJpeg(browser), extension: '.jpg' as const };
    const runs = Number(process.argv[firstSlideFlag + 1] ?? REVEAL_RUNS) || REVEAL_RUNS;
    const againstFlag = process.argv.indexOf('--against');
    const against = againstFlag >= 0 ? process.argv[againstFlag + 1] : undefined;
    step(`first slide beside reveal.js: one unmeasured run each, then ${runs} alternating`);
    const lines = await firstSlideOnly(browser, {
      pack: REVEAL_PACK,
      drawing,
      root,
      revealDist,
      runs,
      against,
    });
    writeResultsSection('First slide beside reveal.js', lines);
    console.log(lines.join('\n'));
  } else {
    step('encoding the drawings (4000×3000, and 1920×1440 for the comparison)');
    const drawing = { data: await makeDrawingJpeg(browser), extension: '.jpg' as const };
    const screenSized = {
      data: await makeDrawingJpeg(browser, 1920, 1440),
      extension: '.jpg' as const,
    };
    const bigPack = path.join(root, 'pack-1000');
    const onePack = path.join(root, 'pack-1');
    const screenPack = path.join(root, 'pack-1000-screen-sized');
    const revealPack = path.join(root, 'pack-30');
    generatePack(bigPack, PACK, { drawing, order: 'interleaved' });
    generatePack(onePack, { cases: 0, songs: 0, drawings: 1, statements: 0 }, { drawing });
    generatePack(screenPack, PACK, { drawing: screenSized, order: 'interleaved' });
    generatePack(revealPack, REVEAL_PACK, { drawing, order: 'interleaved' });
    const deck = buildRevealDeck(revealPack, path.join(root, 'reveal-deck'), revealDist);

    step('indexing and validating the pack');
    const load = await benchContentLoad(bigPack);

    step(`serve start to first slide, ${FIRST_SLIDE_RUNS} runs each`);
    const big: FirstSlide[] = [];
    const one: FirstSlide[] = [];
    for (let i = 0; i < FIRST_SLIDE_RUNS; i++) {
      one.push(await timeToFirstSlide(browser, onePack));
      big.push(await timeToFirstSlide(browser, bigPack));
    }

    step(
      `first slide beside reveal.js, ${deck.slides} slides: one unmeasured run each, then ${REVEAL_RUNS} alternating`,
    );
    const ours: FirstSlide[] = [];
    const decks: FirstSlide[] = [];
    const restarts: FirstSlide[] = [];
    // One data folder for every restart: each run goes through a few slides and back, and its
    // stop keeps the first slide the next one answers with (src/main/first-slide/).
    const restart = { dataDir: path.join(root, 'restart-data'), runShow: true };
    const restartOnce = () => timeToFirstSlide(browser, revealPack, undefined, 0, restart);
    await timeToFirstSlide(browser, revealPack);
    await timeToFirstRevealSlide(browser, deck);
    await restartOnce();
    for (let i = 0; i < REVEAL_RUNS; i++) {
      // Each goes first in turn, so neither always gets the warmer caches.
      if (i % 2 === 0) {
        ours.push(await timeToFirstSlide(browser, revealPack));
        decks.push(await timeToFirstRevealSlide(browser, deck));
      } else {
        decks.push(await timeToFirstRevealSlide(browser, deck));
        ours.push(await timeToFirstSlide(browser, revealPack));
      }
      restarts.push(await restartOnce());
    }

    step(`${PACED} transitions at ${PACE_MS} ms, then on to ${2 * WARM_UP} (a few minutes)`);
    const run = await transitions(browser, bigPack, {
      paceMs: PACE_MS,
      paced: PACED,
      idle: true,
      heapAfter: HEAP_AFTER,
    });
    step(
      `the same ${2 * WARM_UP} transitions with V8 interpreting only (diagnostic, a few minutes)`,
    );
    const interpreted = await interpretedRun(bigPack);
    step(`the same ${PACED} transitions with screen-sized drawings`);
    const screen = await transitions(browser, screenPack, {
      paceMs: PACE_MS,
      paced: PACED,
      idle: false,
      heapAfter: [],
    });
    step('operator key presses to the display, 100 presses on the built-in pack');
    const latency = await benchOperatorLatency();

    const bench: DisplayBench = {
      pack: PACK,
      paceMs: PACE_MS,
      paced: PACED,
      load,
      firstSlide: { big, one },
      reveal: { pack: REVEAL_PACK, slides: deck.slides, ours, restarts, deck: decks },
      run,
      interpreted,
      screenSized: screen,
      latency,
      loadAtStart,
    };
    const report = displayReport(bench);
    writeResultsSection('Display, content and operator', report);
    await obsSection();
    await syncSection();
    await videoSection();
    console.log(report.join('\n'));
    if (load.errors > 0) {
      console.error(
        `The generated pack had ${load.errors} content errors: the benchmark is not measuring a clean load.`,
      );
      process.exitCode = 1;
    }
  }
} finally {
  await browser.close();
  rmSync(root, { recursive: true, force: true });
}

/** The heap at the same counts, in a browser whose V8 only interprets (no paced part). */
async function interpretedRun(packDir: string) {
  const interpreter = await launchBenchBrowser(NO_OPTIMISING_COMPILERS);
  try {
    return await transitions(interpreter, packDir, {
      paceMs: PACE_MS,
      paced: 0,
      idle: false,
      heapAfter: [PACED, WARM_UP, 2 * WARM_UP],
    });
  } finally {
    await interpreter.close();
  }
}

/** OBS: lyrics advance to OBS's text source, against a raw SetInputSettings in the same run. */
async function obsSection(): Promise<void> {
  let lines: string[];
  try {
    const r = await benchObsLatency();
    lines = [
      '| Measure | p50 | p95 (max) | Baseline (same run) | Ratio (p95) | Target | |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      `| Operator \`lyricsNext\` → OBS lyrics source has the new text, ${r.samples} samples | ${r.p50.toFixed(1)} ms | ${r.p95.toFixed(1)} ms (${r.max.toFixed(1)}) | raw \`SetInputSettings\` p95: ${r.baseline.p95.toFixed(2)} ms | ${r.ratio.toFixed(1)}× | p95 under 100 ms | ${r.p95 < 100 ? 'met' : 'missed'} |`,
    ];
  } catch (error) {
    lines = [`Not measured: ${(error as Error).message}.`];
  }
  writeResultsSection('OBS lyrics latency', lines);
  console.log(lines.join('\n'));
}

/** Videos in the show: two rounds of a playlist with films, against slides only. */
async function videoSection(): Promise<void> {
  step('a playlist with films (two rounds), then slides only, on one display');
  const result = await benchVideo(browser, path.join(root, 'pack-video'), 2);
  const loadAtEnd = os.loadavg()[0]?.toFixed(1) ?? '?';
  const lines = videoReport(result, { start: loadAtStart, end: loadAtEnd });
  writeResultsSection('Video in the show', lines);
  console.log(lines.join('\n'));
}

/** Screens that switch together: 4 displays, 200 changes scheduled against on receipt, and 200 during fades. */
async function syncSection(): Promise<void> {
  step('4 displays switching together: 200 changes scheduled, 200 on receipt, 200 inside fades');
  const lines = syncReport(await benchSync(), loadAtStart);
  writeResultsSection('Screens that switch together', lines);
  console.log(lines.join('\n'));
}
