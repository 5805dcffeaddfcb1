// `npm run bench`: a report, not a pass/fail test. Results go to bench/results.md as ratios
// against baselines measured in the same run, with the machine (and how busy it was) noted.
import { mkdtempSync, rmSync } from 'node:fs';
import { writeResultsSection } from './results-file';
import { benchObsLatency } from './obs-latency';
import os from 'node:os';
import path from 'node:path';
import { launchBenchBrowser, NO_OPTIMISING_COMPILERS } from './browser';
import { benchContentLoad } from './content-load';
import { DROPPED_GAP_MS, timeToFirstSlide, transitions, type FirstSlide } from './display';
import { makeDrawingJpeg } from './drawing';
import { generatePack, type GeneratedPackSize } from './generate-pack';
import { benchOperatorLatency } from './operator-latency';

const FIRST_SLIDE_RUNS = 3;
const PACE_MS = 250;
const PACK: GeneratedPackSize = { cases: 400, songs: 200, drawings: 200, statements: 200 };

const ms = (value: number) => `${value.toFixed(0)} ms`;
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(2)} MiB`;
const kib = (bytes: number) => `${Math.round(bytes / 1024)} KiB`;
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a');
const verdict = (met: boolean) => (met ? 'met' : '**missed**');
const step = (text: string) => console.error(`bench: ${text}`);
const load1 = () => os.loadavg()[0]?.toFixed(1) ?? '?';

/** The run whose total is the median, so its phases add up to the figure reported. */
const medianRun = (runs: FirstSlide[]) =>
  [...runs].sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)] as FirstSlide;
const phases = (run: FirstSlide) =>
  `server ready ${ms(run.phases.serverReady)}, page loaded +${ms(run.phases.pageReady)}, slide in the DOM +${ms(run.phases.slideInDom)}, image decoded and painted +${ms(run.phases.painted)}`;

const loadAtStart = load1();
const root = mkdtempSync(path.join(os.tmpdir(), 'bench-'));
const browser = await launchBenchBrowser();
try {
  step('encoding the drawings (4000×3000, and 1920×1440 for the comparison)');
  const drawing = { data: await makeDrawingJpeg(browser), extension: '.jpg' as const };
  const screenSized = {
    data: await makeDrawingJpeg(browser, 1920, 1440),
    extension: '.jpg' as const,
  };
  const bigPack = path.join(root, 'pack-1000');
  const onePack = path.join(root, 'pack-1');
  const screenPack = path.join(root, 'pack-1000-screen-sized');
  generatePack(bigPack, PACK, { drawing, order: 'interleaved' });
  generatePack(onePack, { cases: 0, songs: 0, drawings: 1, statements: 0 }, { drawing });
  generatePack(screenPack, PACK, { drawing: screenSized, order: 'interleaved' });

  step('indexing and validating the pack');
  const load = await benchContentLoad(bigPack);

  step(`serve start to first slide, ${FIRST_SLIDE_RUNS} runs each`);
  const big: FirstSlide[] = [];
  const one: FirstSlide[] = [];
  for (let i = 0; i < FIRST_SLIDE_RUNS; i++) {
    one.push(await timeToFirstSlide(browser, onePack));
    big.push(await timeToFirstSlide(browser, bigPack));
  }
  const bigRun = medianRun(big);
  const oneRun = medianRun(one);

  step(`100 transitions at ${PACE_MS} ms, then 900 more (about two minutes)`);
  const run = await transitions(browser, bigPack, {
    paceMs: PACE_MS,
    measured: 100,
    total: 1000,
    idle: true,
    heap: true,
  });
  step('the same 1,000 transitions with V8 interpreting only (diagnostic, about two minutes)');
  const interpreted = await interpretedHeap(bigPack);
  step('the same 100 transitions with screen-sized drawings');
  const screen = await transitions(browser, screenPack, {
    paceMs: PACE_MS,
    measured: 100,
    total: 100,
    idle: false,
    heap: false,
  });
  step('operator key presses to the display, 100 presses on the built-in pack');
  const latency = await benchOperatorLatency();
  const idle = run.idle ?? run.busy;
  const heap100 = run.heapAfterMeasured ?? Number.NaN;
  const heap1000 = run.heapAfterAll ?? Number.NaN;
  const heapHalfway = run.heapHalfway ?? Number.NaN;
  const halfwayCount = 100 + Math.floor(900 / 2);
  const gaps = (g: typeof idle) =>
    `${g.dropped} of ${g.frames} frames; longest gap ${ms(g.longestGapMs)}`;

  const rows = [
    '| Measure | Result | Baseline (same run) | Ratio | Target | |',
    '| --- | --- | --- | --- | --- | --- |',
    `| Serve start → first slide painted (\`${bigRun.itemId}\`, a 4000×3000 JPEG); median of ${FIRST_SLIDE_RUNS} | ${ms(bigRun.ms)} | the same with a 1-item pack (that drawing alone): ${ms(oneRun.ms)} | ${ratio(bigRun.ms, oneRun.ms)} | under 1.5 s | ${verdict(bigRun.ms < 1500)} |`,
    `| Index and validate the pack, first load in the process (${load.errors} errors) | ${ms(load.firstLoadMs)} | read + parse the YAML only, first time: ${ms(load.firstBaselineMs)} | ${ratio(load.firstLoadMs, load.firstBaselineMs)} | under 500 ms | ${verdict(load.firstLoadMs < 500)} |`,
    `| Index and validate again (a watcher reload), median of 7 | ${ms(load.loadMs)} | read + parse the YAML only: ${ms(load.baselineMs)} | ${ratio(load.loadMs, load.baselineMs)} | under 500 ms | ${verdict(load.loadMs < 500)} |`,
    `| Dropped frames (rAF gaps over ${DROPPED_GAP_MS.toFixed(1)} ms) during 100 transitions, one every ${PACE_MS} ms | ${gaps(run.busy)} | the same ${((100 * PACE_MS) / 1000).toFixed(0)} s with no transitions: ${gaps(idle)} | ${ratio(run.busy.dropped, idle.dropped)} dropped | none dropped | ${verdict(run.busy.dropped === 0)} |`,
    `| Operator key press → display DOM change, ${latency.presses} presses, p50 / p95 (max) | ${latency.p50Ms.toFixed(1)} / ${latency.p95Ms.toFixed(1)} ms (${latency.maxMs.toFixed(1)}) | raw socket \`next\` → \`show\`, p50: ${latency.baselineP50Ms.toFixed(2)} ms | ${latency.ratio.toFixed(1)}× (p50) | under ${latency.targetMs} ms (p95) | ${verdict(latency.p95Ms < latency.targetMs)} |`,
    `| JS heap after 1,000 transitions (after gc()) | ${mib(heap1000)} | after 100: ${mib(heap100)} | ${ratio(heap1000, heap100)} | within 10% (≤ 1.10×) | ${verdict(heap1000 / heap100 <= 1.1)} |`,
  ];
  const notes = [
    `- Where the first-slide time goes (the median run), ${load.items}-item pack: ${phases(bigRun)}.`,
    `  1-item pack: ${phases(oneRun)}.`,
    `- Operator latency split (p50 / p95): key → \`show\` message at the display ${latency.deliveryP50Ms.toFixed(1)} / ${latency.deliveryP95Ms.toFixed(1)} ms, message → display DOM ${latency.renderP50Ms.toFixed(1)} / ${latency.renderP95Ms.toFixed(1)} ms.`,
    `- For comparison, not a target: the same 100 transitions with the drawings at 1920×1440 dropped ${gaps(screen.busy)} (${ratio(screen.busy.dropped, run.busy.dropped)} of the full-size run).`,
    `- Heap over the run: ${mib(heap100)} after 100 transitions, ${mib(heapHalfway)} after ${halfwayCount}, ${mib(heap1000)} after 1,000 (${ratio(heap1000, heapHalfway)} over the last ${1000 - halfwayCount}).`,
    `- The same 1,000 transitions with V8's optimising compilers off (\`${NO_OPTIMISING_COMPILERS.join(' ')}\`; a diagnostic, not how the app runs): ${mib(interpreted.after100)} after 100, ${mib(interpreted.after1000)} after 1,000, ${ratio(interpreted.after1000, interpreted.after100)}. The difference between the two runs' growth, ${kib(heap1000 - heap100 - (interpreted.after1000 - interpreted.after100))}, is machine code V8 compiles as more of the app's and React's functions get hot. A heap-snapshot diff of the same steps (2026-11-27) agrees: about 220 more live code objects, for functions such as React's \`completeWork\`, the slide components and the QR encoder. ${pageKeeps(interpreted.after1000 - interpreted.after100)}`,
    `- The machine's load average (1 min) was ${loadAtStart} at the start and ${load1()} at the end: with other work on the same cores, absolute times and frame gaps are noisy; the ratios against the same-run baselines are the comparable part.`,
  ];

  const report = [
    `Run on ${new Date().toISOString().slice(0, 10)}: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()}; Debian Chromium headless, software rendering (--disable-gpu), 1920×1080.`,
    `Pack: ${load.items} items (${PACK.cases} cases, ${PACK.songs} songs, ${PACK.drawings} drawings at 4000×3000, ${PACK.statements} statements, one playlist), kinds interleaved so every fourth slide is a drawing.`,
    'Generated by `npm run bench`; do not edit by hand.',
    '',
    ...rows,
    '',
    ...notes,
  ];
  writeResultsSection('Display, content and operator', report);
  await obsSection();
  console.log(report.join('\n'));
  if (load.errors > 0) {
    console.error(
      `The generated pack had ${load.errors} content errors: the benchmark is not measuring a clean load.`,
    );
    process.exitCode = 1;
  }
} finally {
  await browser.close();
  rmSync(root, { recursive: true, force: true });
}

/** What the interpreted run says about the page's own memory, in one sentence. */
function pageKeeps(growth: number): string {
  if (growth <= 0) return `What the page itself keeps did not grow (${kib(growth)}).`;
  // Measured with heap snapshots while writing this: Blink externalises a string the first
  // time it reaches the DOM, and performance.memory counts that external memory too.
  return `What the page itself keeps grew by ${kib(growth)}: mostly the slides' text, which Blink copies out of V8's heap, into memory the heap figure also counts, the first time each slide is shown. Every one of these 1,000 slides is new, so that growth is bounded by the pack.`;
}

/** The heap after 100 and after 1,000 transitions, in a browser whose V8 only interprets. */
async function interpretedHeap(packDir: string): Promise<{ after100: number; after1000: number }> {
  const interpreter = await launchBenchBrowser(NO_OPTIMISING_COMPILERS);
  try {
    const run = await transitions(interpreter, packDir, {
      paceMs: PACE_MS,
      measured: 100,
      total: 1000,
      idle: false,
      heap: true,
    });
    return {
      after100: run.heapAfterMeasured ?? Number.NaN,
      after1000: run.heapAfterAll ?? Number.NaN,
    };
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
