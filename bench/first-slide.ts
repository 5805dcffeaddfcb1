// From a server process's start to the first slide painted: our `serve` with the display, and
// a static server with a reveal.js deck of the same slides, timed the same way in the same
// Chromium.
import type { Browser, Page } from '@playwright/test';
import { connectOperator } from '../tests/helpers/operator';
import { serve, type Served } from '../tests/helpers/serve';
import { DISPLAY_SLIDE, REVEAL_SLIDE, firstSlidePainted, firstSlideProbe } from './probes';
import type { RevealDeck } from './reveal-deck';
import { startStaticServer } from './static-serve';

/** Wall-clock milliseconds with sub-millisecond precision, comparable with the page's. */
const wallNow = () => performance.timeOrigin + performance.now();

export interface FirstSlide {
  /** Spawn to painted. */
  ms: number;
  itemId: string;
  /** Where the time went, each from the end of the step before. */
  phases: {
    /** The process starting (for `serve`: the pack loading and validating) and listening. */
    serverReady: number;
    /** The page's HTML and scripts, up to DOMContentLoaded (or the slide, if that is sooner). */
    pageReady: number;
    /** Up to the slide in the DOM (for the display: the socket, the snapshot, the render). */
    slideInDom: number;
    /** The slide's images fetched and decoded, and the frame painted. */
    painted: number;
  };
}

interface Started {
  url: string;
  stop(): Promise<void>;
  afterPainted?: () => Promise<void>;
}

/**
 * Spawns the server with `start`, opens its URL, and waits for the probe's first paint. With
 * `settleMs`, the page is opened only that long after the server is ready, and the time counts
 * from then: the page's own path, with no server start competing for the cores.
 */
async function measure(
  browser: Browser,
  selectors: readonly string[],
  start: () => Promise<Started>,
  settleMs = 0,
): Promise<FirstSlide> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.addInitScript(firstSlideProbe(selectors));
  const offLoopback = watchOffLoopback(page);
  let spawnedAt = wallNow();
  const server = await start();
  let servedAt = wallNow();
  try {
    if (settleMs > 0) {
      await new Promise((resolve) => setTimeout(resolve, settleMs));
      spawnedAt = servedAt = wallNow();
    }
    await page.goto(server.url);
    await page.waitForFunction(firstSlidePainted, undefined, { timeout: 60_000 });
    const t = (await page.evaluate(`({
      painted: window.__bench.firstSlide,
      itemId: window.__bench.firstSlideItem,
      inDom: window.__bench.slideInDom,
      domReady: performance.timeOrigin + performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
    })`)) as { painted: number; itemId: string; inDom: number; domReady: number };
    // A static deck's inline script puts its slide up before DOMContentLoaded has finished.
    const domReady = Math.min(t.domReady, t.inDom);
    if (offLoopback.length > 0) {
      throw new Error(`the page asked for more than loopback: ${offLoopback.join(', ')}`);
    }
    // Not timed: what the run does after its first slide, with the page still open.
    await server.afterPainted?.();
    return {
      ms: t.painted - spawnedAt,
      itemId: t.itemId,
      phases: {
        serverReady: servedAt - spawnedAt,
        pageReady: domReady - servedAt,
        slideInDom: t.inDom - domReady,
        painted: t.painted - t.inDom,
      },
    };
  } finally {
    await page.close();
    await server.stop();
  }
}

/** Requests that leave the machine: a deck pulling reveal.js from a CDN would be one. */
function watchOffLoopback(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') seen.push(url.href);
  });
  return seen;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A short show: past the first slide's start, four slides on (the display prepares each next
 * one at its screen's width, pictures included), then back to the first slide, where it stops.
 */
async function runThroughShow(served: Served): Promise<void> {
  const operator = await connectOperator(served.urls.operator);
  try {
    const first = operator.show().itemId;
    await pause(1_200);
    for (let i = 0; i < 4; i++) {
      await operator.send({ name: 'next' });
      await pause(400);
    }
    if (first) await operator.send({ name: 'goTo', itemId: first });
    await pause(300);
  } finally {
    operator.close();
  }
}

/**
 * From spawning `serve` to the display's first slide painted: the server starting, the pack
 * loading, the page and its scripts, the socket's snapshot, the slide's image fetched and decoded.
 */
export function timeToFirstSlide(
  browser: Browser,
  packDir: string,
  cli?: string,
  settleMs = 0,
  /**
   * A data folder kept from run to run: a restart, with the first slide the run before kept.
   * `runShow`: after its first slide each run goes through the next slides and back, as a
   * show does, so its display asks for its screen's copies of the pictures; else it stops at once.
   */
  restart?: { dataDir: string; runShow: boolean },
): Promise<FirstSlide> {
  return measure(
    browser,
    DISPLAY_SLIDE,
    async () => {
      const env = restart ? { ...process.env, SOLIDARITY_DATA_DIR: restart.dataDir } : undefined;
      const served = await serve({ content: packDir, timeoutMs: 60_000, cli, env });
      const afterPainted = restart?.runShow ? () => runThroughShow(served) : undefined;
      return { url: served.urls.display, stop: served.stop, afterPainted };
    },
    settleMs,
  );
}

/** Long enough for `serve` to have read the pack and started everything it starts. */
export const SETTLE_MS = 1_500;

/** The same for the reveal.js deck: spawning the static server to its first slide painted. */
export function timeToFirstRevealSlide(browser: Browser, deck: RevealDeck): Promise<FirstSlide> {
  return measure(browser, REVEAL_SLIDE, () => startStaticServer(deck.mounts));
}

/** Our first slide as a static page (static-first-slide.ts), and what shares the cores with it. */
export interface StaticSlideRun {
  /** The static server's mounts: the saved pages at `/`, the renderer's assets, the pack's media. */
  mounts: readonly string[];
  /** The page's path under the server's root. */
  path: string;
  /** `serve` started beside the static server, `afterMs` after it is spawned; none if absent. */
  core?: { packDir: string; afterMs: number };
}

/**
 * Spawning the static server to the saved slide painted: the page a core answering with the
 * finished slide would send, at a bare Node server's speed. With `core`, our real `serve`
 * starts beside it (its own process, opened by nobody), so the page shares the two cores with
 * a core's start as the real display does.
 */
export function timeToStaticFirstSlide(browser: Browser, run: StaticSlideRun): Promise<FirstSlide> {
  return measure(browser, DISPLAY_SLIDE, async () => {
    let core: Promise<Served> | undefined;
    const startCore = (packDir: string) => {
      core = serve({ content: packDir, timeoutMs: 60_000 });
      // Stopped below; a failed start is not this measure's business until then.
      core.catch(() => undefined);
    };
    const timer = run.core ? setTimeout(startCore, run.core.afterMs, run.core.packDir) : undefined;
    const server = await startStaticServer(run.mounts);
    return {
      url: `${server.url}${run.path}`,
      stop: async () => {
        clearTimeout(timer);
        await server.stop();
        if (core) await (await core).stop();
      },
    };
  });
}
