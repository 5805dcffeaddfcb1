// The display in Chromium against `serve`, as a venue screen runs it: how soon the first slide
// is painted, whether transitions drop frames, and whether the JS heap grows with them.
import type { Browser, Page } from '@playwright/test';
import { connectOperator, type OperatorClient } from '../tests/helpers/operator';
import { serve, type Served } from '../tests/helpers/serve';
import { MIN_COMMAND_GAP_MS } from './command-gap';

/** Wall-clock milliseconds with sub-millisecond precision, comparable with the page's. */
const wallNow = () => performance.timeOrigin + performance.now();

/** 60 Hz: the frame budget a projector gives the page. */
export const FRAME_BUDGET_MS = 1000 / 60;
export const DROPPED_GAP_MS = 2 * FRAME_BUDGET_MS;

// Runs in the page before any of its own scripts. Strings, not functions: bench/ is
// type-checked without the DOM library.
export const PROBES = `(() => {
  const now = () => performance.timeOrigin + performance.now();
  const bench = (window.__bench = {
    firstSlide: null,
    firstSlideItem: null,
    slideInDom: null,
    frames: [],
    recording: false,
  });
  let waiting = false;
  const slide = () =>
    document.querySelector('.slide-frame[data-phase="in"][data-item-id]') ||
    document.querySelector('.slide-frame[data-item-id]') ||
    document.querySelector('.slide-frame[data-item]');
  const check = () => {
    if (bench.firstSlide !== null || waiting) return;
    const frame = slide();
    if (!frame) return;
    if (bench.slideInDom === null) bench.slideInDom = now();
    const images = [...frame.querySelectorAll('img')];
    if (!images.every((img) => img.complete && img.naturalWidth > 0)) return;
    waiting = true;
    // Decoded, then two frames: the second callback runs once the frame with the slide is out.
    Promise.all(images.map((img) => img.decode().catch(() => undefined))).then(() =>
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          bench.firstSlide = now();
          bench.firstSlideItem = frame.getAttribute('data-item-id') || frame.getAttribute('data-item');
        }),
      ),
    );
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
  document.addEventListener('load', check, true);
  // armChange() notes the item on the stage; change then resolves once another one is there.
  // Two steps, because the command reaches the page over the show's socket and could beat an
  // observer set up in the same call. Always the same two sources, so the measuring compiles
  // nothing new in the page: each distinct evaluated string stays in V8's heap as growth.
  const shownItem = () => document.querySelector('.stage')?.getAttribute('data-item-id') ?? null;
  bench.armChange = () => {
    const before = shownItem();
    bench.change = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (shownItem() === before) return;
        observer.disconnect();
        resolve(shownItem());
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-item-id'] });
    });
    return before;
  };
  bench.startFrames = () => {
    bench.frames = [];
    bench.recording = true;
    const loop = (t) => {
      if (!bench.recording) return;
      bench.frames.push(t);
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  };
  bench.stopFrames = () => {
    bench.recording = false;
    const frames = bench.frames;
    bench.frames = [];
    return frames;
  };
})()`;

// waitForFunction takes a function: a string predicate is evaluated with eval, which the
// display's CSP (rightly) forbids.
interface PageGlobals {
  __bench: { firstSlide: number | null };
}
// Self-contained: Playwright sends the function's source to the page, not its closure.
const firstSlidePainted = () => (globalThis as unknown as PageGlobals).__bench.firstSlide !== null;
async function newDisplayPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.addInitScript(PROBES);
  return page;
}

export interface FirstSlide {
  /** Spawn to painted. */
  ms: number;
  itemId: string;
  /** Where the time went, each from the end of the step before. */
  phases: {
    /** Node starting, the pack loading and validating, the server listening. */
    serverReady: number;
    /** The page's HTML and scripts, up to DOMContentLoaded. */
    pageReady: number;
    /** The socket: connect, the content snapshot and show state, the first render. */
    slideInDom: number;
    /** The slide's images fetched and decoded, and the frame painted. */
    painted: number;
  };
}

/**
 * From spawning `serve` to the first slide painted: the server starting, the pack loading, the
 * page and its scripts, the socket's snapshot, the slide's image fetched and decoded.
 */
export async function timeToFirstSlide(browser: Browser, packDir: string): Promise<FirstSlide> {
  const page = await newDisplayPage(browser);
  const spawnedAt = wallNow();
  const served = await serve({ content: packDir, timeoutMs: 60_000 });
  const servedAt = wallNow();
  try {
    await page.goto(served.urls.display);
    await page.waitForFunction(firstSlidePainted, undefined, { timeout: 60_000 });
    const t = (await page.evaluate(`({
      painted: window.__bench.firstSlide,
      itemId: window.__bench.firstSlideItem,
      inDom: window.__bench.slideInDom,
      domReady: performance.timeOrigin + performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
    })`)) as { painted: number; itemId: string; inDom: number; domReady: number };
    return {
      ms: t.painted - spawnedAt,
      itemId: t.itemId,
      phases: {
        serverReady: servedAt - spawnedAt,
        pageReady: t.domReady - servedAt,
        slideInDom: t.inDom - t.domReady,
        painted: t.painted - t.inDom,
      },
    };
  } finally {
    await page.close();
    await served.stop();
  }
}

export interface FrameGaps {
  frames: number;
  /** Gaps between animation frames longer than two frame budgets. */
  dropped: number;
  longestGapMs: number;
  durationMs: number;
}

export function frameGaps(times: readonly number[]): FrameGaps {
  let dropped = 0;
  let longest = 0;
  for (let i = 1; i < times.length; i++) {
    const gap = (times[i] as number) - (times[i - 1] as number);
    if (gap > DROPPED_GAP_MS) dropped++;
    longest = Math.max(longest, gap);
  }
  return {
    frames: times.length,
    dropped,
    longestGapMs: longest,
    durationMs: times.length > 1 ? (times.at(-1) as number) - (times[0] as number) : 0,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function recordFrames(page: Page, during: () => Promise<void>): Promise<FrameGaps> {
  await page.evaluate('window.__bench.startFrames()');
  await during();
  return frameGaps((await page.evaluate('window.__bench.stopFrames()')) as number[]);
}

/** `next` on a fixed beat, however long each send takes, so the pace never drifts. */
async function nextOnABeat(operator: OperatorClient, count: number, everyMs: number) {
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    await sleep(Math.max(0, start + i * everyMs - performance.now()));
    const result = await operator.send({ name: 'next' });
    if (!result.ok) throw new Error(`next was refused: ${result.error}`);
  }
  await sleep(Math.max(0, start + count * everyMs - performance.now()));
}

/** `next`, then wait until the display shows another item: as fast as the display follows. */
async function nextAndWait(page: Page, operator: OperatorClient, count: number) {
  let last = 0;
  for (let i = 0; i < count; i++) {
    await sleep(Math.max(0, last + MIN_COMMAND_GAP_MS - performance.now()));
    last = performance.now();
    await page.evaluate('window.__bench.armChange()');
    const result = await operator.send({ name: 'next' });
    if (!result.ok) throw new Error(`next was refused: ${result.error}`);
    await page.evaluate('window.__bench.change');
  }
}

async function heapAfterGc(page: Page): Promise<number> {
  // Let the last fade and its timers finish, so only what stays alive is counted.
  await sleep(1_000);
  return (await page.evaluate('gc(); gc(); performance.memory.usedJSHeapSize')) as number;
}

export interface TransitionResult {
  paceMs: number;
  transitions: number;
  /** The same period with no transitions; null when not asked for. */
  idle: FrameGaps | null;
  busy: FrameGaps;
  /** After the measured transitions, and after all of them; null when not asked for. */
  heapAfterMeasured: number | null;
  /** Halfway through the rest: shows whether the heap still grows or has levelled off. */
  heapHalfway: number | null;
  heapAfterAll: number | null;
}

/**
 * Frames while idle (the baseline) and during 100 transitions at a fixed pace; then the heap
 * after those 100 and after 900 more. The show is paused first, so the only slide changes are
 * ours.
 */
export async function transitions(
  browser: Browser,
  packDir: string,
  options: { paceMs: number; measured: number; total: number; idle: boolean; heap: boolean },
): Promise<TransitionResult> {
  const page = await newDisplayPage(browser);
  let served: Served | undefined;
  let operator: OperatorClient | undefined;
  try {
    served = await serve({ content: packDir, timeoutMs: 60_000 });
    operator = await connectOperator(served.urls.operator);
    const paused = await operator.send({ name: 'pause' });
    if (!paused.ok) throw new Error(`pause was refused: ${paused.error}`);
    await page.goto(served.urls.display);
    await page.waitForFunction(firstSlidePainted, undefined, { timeout: 60_000 });
    await sleep(1_000);

    const windowMs = options.measured * options.paceMs;
    const idle = options.idle
      ? await recordFrames(page, async () => {
          await sleep(windowMs);
        })
      : null;
    const client = operator;
    const busy = await recordFrames(page, () =>
      nextOnABeat(client, options.measured, options.paceMs),
    );
    const heapAfterMeasured = options.heap ? await heapAfterGc(page) : null;
    const rest = options.total - options.measured;
    await nextAndWait(page, client, Math.floor(rest / 2));
    const heapHalfway = options.heap ? await heapAfterGc(page) : null;
    await nextAndWait(page, client, rest - Math.floor(rest / 2));
    const heapAfterAll = options.heap ? await heapAfterGc(page) : null;
    return {
      paceMs: options.paceMs,
      transitions: options.total,
      idle,
      busy,
      heapAfterMeasured,
      heapHalfway,
      heapAfterAll,
    };
  } finally {
    operator?.close();
    await page.close();
    await served?.stop();
  }
}
