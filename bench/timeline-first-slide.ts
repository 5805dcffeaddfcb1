// `node --import tsx bench/timeline-first-slide.ts [--settled] [--rounds N] [--cli OTHER/cli.js]`:
// one start of `serve` and its display, as a timeline from the spawn: the server ready, each file
// the page asked for, the socket opened and its first messages, the slide in the DOM, painted.
// With --settled the page is opened only once the core has finished its start (1.5 s later), so
// the timeline is the page's own path, with no server work competing. A diagnostic for start-up
// work, not a measure (see first-slide.ts for that); the first round only warms up and is not shown.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from '@playwright/test';
import { serve } from '../tests/helpers/serve';
import { launchBenchBrowser } from './browser';
import { makeDrawingJpeg } from './drawing';
import { generatePack } from './generate-pack';
import { DISPLAY_SLIDE, firstSlidePainted, firstSlideProbe } from './probes';
import { REVEAL_PACK } from './reveal-deck';

/** Wall-clock milliseconds, comparable with the page's `performance.timeOrigin`. */
const wallNow = () => performance.timeOrigin + performance.now();

/** Notes, in page time, each resource's start and end, the socket's steps and the paints. */
const TIMELINE_PROBE = `(() => {
  const now = () => performance.timeOrigin + performance.now();
  const log = (window.__timeline = []);
  const note = (what, at = now()) => log.push([what, at]);
  const NativeSocket = window.WebSocket;
  window.WebSocket = function (...args) {
    note('socket created');
    const socket = new NativeSocket(...args);
    socket.addEventListener('open', () => note('socket open'));
    let seen = 0;
    socket.addEventListener('message', (e) => {
      if (seen++ < 3) note('socket message ' + String(e.data).slice(0, 40));
    });
    return socket;
  };
  window.WebSocket.prototype = NativeSocket.prototype;
  document.addEventListener('DOMContentLoaded', () => note('DOMContentLoaded'));
  const file = (url) => new URL(url).pathname.split('/').pop();
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      note('asked ' + file(e.name), performance.timeOrigin + e.startTime);
      note('received ' + file(e.name), performance.timeOrigin + e.responseEnd);
    }
  }).observe({ type: 'resource', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) note(e.name, performance.timeOrigin + e.startTime);
  }).observe({ type: 'paint', buffered: true });
})()`;

interface PageTimes {
  timeline: [string, number][];
  navigation: number;
  inDom: number;
  painted: number;
}

async function oneStart(
  browser: Browser,
  packDir: string,
  options: { settled: boolean; cli?: string },
): Promise<[string, number][]> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.addInitScript(firstSlideProbe(DISPLAY_SLIDE));
  await page.addInitScript(TIMELINE_PROBE);
  const spawnedAt = wallNow();
  const served = await serve({ content: packDir, timeoutMs: 60_000, cli: options.cli });
  const readyAt = wallNow();
  try {
    if (options.settled) await new Promise((resolve) => setTimeout(resolve, 1_500));
    await page.goto(served.urls.display);
    await page.waitForFunction(firstSlidePainted, undefined, { timeout: 60_000 });
    const t = (await page.evaluate(`({
      timeline: window.__timeline,
      navigation: performance.timeOrigin,
      inDom: window.__bench.slideInDom,
      painted: window.__bench.firstSlide,
    })`)) as PageTimes;
    const rows: [string, number][] = [
      ['server ready (banner printed)', readyAt],
      ['navigation', t.navigation],
      ...t.timeline,
      ['slide in the DOM', t.inDom],
      ['painted', t.painted],
    ];
    return rows
      .map(([what, at]): [string, number] => [what, at - spawnedAt])
      .sort((a, b) => a[1] - b[1]);
  } finally {
    await page.close();
    await served.stop();
  }
}

const { values } = parseArgs({
  options: {
    settled: { type: 'boolean', default: false },
    rounds: { type: 'string', default: '3' },
    cli: { type: 'string' },
  },
});
const browser = await launchBenchBrowser();
try {
  const root = mkdtempSync(path.join(os.tmpdir(), 'timeline-'));
  const packDir = path.join(root, 'pack-30');
  generatePack(packDir, REVEAL_PACK, {
    drawing: { data: await makeDrawingJpeg(browser), extension: '.jpg' },
    order: 'interleaved',
  });
  const rounds = Number(values.rounds);
  for (let round = 0; round <= rounds; round++) {
    const rows = await oneStart(browser, packDir, { settled: values.settled, cli: values.cli });
    if (round === 0) continue;
    console.log(
      `## round ${round}${values.settled ? ' (page opened once the core had settled)' : ''}`,
    );
    for (const [what, at] of rows) console.log(`${at.toFixed(0).padStart(6)} ms  ${what}`);
  }
} finally {
  await browser.close();
}
