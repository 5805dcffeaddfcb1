// The display in Chromium against `serve`, as a venue screen runs it: whether transitions drop
// frames, and whether the JS heap grows with them. (How soon the first slide is painted is in
// first-slide.ts.)
import type { Browser, Page } from '@playwright/test';
import { connectOperator, type OperatorClient } from '../tests/helpers/operator';
import { serve, type Served } from '../tests/helpers/serve';
import { MIN_COMMAND_GAP_MS } from './command-gap';
import { DISPLAY_SLIDE, SHOW_PROBES, firstSlidePainted, firstSlideProbe } from './probes';

/** 60 Hz: the frame budget a projector gives the page. */
export const FRAME_BUDGET_MS = 1000 / 60;
export const DROPPED_GAP_MS = 2 * FRAME_BUDGET_MS;

async function newDisplayPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.addInitScript(firstSlideProbe(DISPLAY_SLIDE));
  await page.addInitScript(SHOW_PROBES);
  return page;
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
  /** During the paced transitions; null when there were none. */
  busy: FrameGaps | null;
  /** The JS heap after gc(), in bytes, by the number of transitions made before it was read. */
  heap: Map<number, number>;
}

/**
 * Frames while idle (the baseline) and during `paced` transitions at a fixed pace; then `next`
 * as fast as the display follows, with the heap read after gc() at each count in `heapAfter`.
 * The show is paused first, so the only slide changes are ours.
 */
export async function transitions(
  browser: Browser,
  packDir: string,
  options: { paceMs: number; paced: number; idle: boolean; heapAfter: readonly number[] },
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

    const windowMs = options.paced * options.paceMs;
    const idle = options.idle
      ? await recordFrames(page, async () => {
          await sleep(windowMs);
        })
      : null;
    const client = operator;
    const busy =
      options.paced > 0
        ? await recordFrames(page, () => nextOnABeat(client, options.paced, options.paceMs))
        : null;
    const heap = new Map<number, number>();
    let done = options.paced;
    for (const at of [...options.heapAfter].sort((a, b) => a - b)) {
      if (at < done) throw new Error(`a heap reading after ${at} comes before ${done} transitions`);
      await nextAndWait(page, client, at - done);
      done = at;
      heap.set(at, await heapAfterGc(page));
    }
    return { paceMs: options.paceMs, transitions: done, idle, busy, heap };
  } finally {
    operator?.close();
    await page.close();
    await served?.stop();
  }
}
