// `node --import tsx bench/trace-first-slide.ts [OUT_DIR]`: a Chromium performance trace of the
// first slide, ours and the reveal.js deck's, and a summary of where the page's time went (by
// thread and event) from navigation to the first slide painted. A diagnostic for start-up work,
// not a measure: tracing itself slows the page.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { serve } from '../tests/helpers/serve';
import { launchBenchBrowser } from './browser';
import { makeDrawingJpeg } from './drawing';
import { generatePack } from './generate-pack';
import { DISPLAY_SLIDE, REVEAL_SLIDE, firstSlidePainted, firstSlideProbe } from './probes';
import { buildRevealDeck, REVEAL_PACK } from './reveal-deck';
import { startStaticServer } from './static-serve';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'blink',
  'cc',
  'loading',
  'v8.execute',
  'blink.user_timing',
].join(',');

/** Total time of each complete event by thread name, top-level events only per thread. */
function summarize(file: string, fromMark: string, toMark: string): string[] {
  const events = (JSON.parse(readFileSync(file, 'utf8')) as { traceEvents: TraceEvent[] })
    .traceEvents;
  const threadNames = new Map<string, string>();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name')
      threadNames.set(`${e.pid}:${e.tid}`, e.args?.name ?? '?');
  }
  const mark = (name: string) =>
    events.find((e) => e.name === name && e.cat.includes('user_timing'))?.ts;
  const from = mark(fromMark) ?? 0;
  const to = mark(toMark) ?? Number.POSITIVE_INFINITY;
  const totals = new Map<string, number>();
  const lines: string[] = [
    `window ${((to - from) / 1000).toFixed(0)} ms (${fromMark} → ${toMark})`,
  ];
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur || e.ts < from || e.ts > to) continue;
    const thread = threadNames.get(`${e.pid}:${e.tid}`) ?? `${e.pid}:${e.tid}`;
    if (
      !/CrRendererMain|Compositor|Raster|ImageDecoder|ThreadPoolForeground|CrBrowserMain|VizCompositor/.test(
        thread,
      )
    )
      continue;
    const key = `${thread} | ${e.name}`;
    totals.set(key, (totals.get(key) ?? 0) + e.dur);
  }
  const sorted = [...totals.entries()].sort((a, b) => b[1] - a[1]).slice(0, 40);
  for (const [key, us] of sorted) lines.push(`${(us / 1000).toFixed(1).padStart(8)} ms  ${key}`);
  // Image decodes in order, with their thread and size hints.
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur || e.ts < from || e.ts > to) continue;
    if (!/Decode|decode/.test(e.name)) continue;
    const thread = threadNames.get(`${e.pid}:${e.tid}`) ?? '?';
    lines.push(
      `  @${((e.ts - from) / 1000).toFixed(0)} ms ${e.name} on ${thread}: ${(e.dur / 1000).toFixed(1)} ms ${JSON.stringify(e.args ?? {}).slice(0, 160)}`,
    );
  }
  return lines;
}

async function traceOne(
  browser: Browser,
  out: string,
  selectors: readonly string[],
  start: () => Promise<{ url: string; stop(): Promise<void> }>,
): Promise<string[]> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.addInitScript(firstSlideProbe(selectors));
  await page.addInitScript(`performance.mark('bench-start');
  const t = setInterval(() => { if (window.__bench && window.__bench.firstSlide) { performance.mark('bench-painted'); clearInterval(t); } }, 5);`);
  const server = await start();
  try {
    await browser.startTracing(page, { path: out, categories: CATEGORIES.split(',') });
    await page.goto(server.url);
    await page.waitForFunction(firstSlidePainted, undefined, { timeout: 60_000 });
    await page.waitForTimeout(100);
    await browser.stopTracing();
  } finally {
    await page.close();
    await server.stop();
  }
  return summarize(out, 'bench-start', 'bench-painted');
}

const outDir = process.argv[2] ?? mkdtempSync(path.join(os.tmpdir(), 'trace-'));
mkdirSync(outDir, { recursive: true });
const revealDist = path.dirname(createRequire(import.meta.url).resolve('reveal.js'));
const browser = await launchBenchBrowser();
try {
  const drawing = { data: await makeDrawingJpeg(browser), extension: '.jpg' as const };
  const packDir = path.join(outDir, 'pack-30');
  generatePack(packDir, REVEAL_PACK, { drawing, order: 'interleaved' });
  const deck = buildRevealDeck(packDir, path.join(outDir, 'reveal-deck'), revealDist);
  const report: string[] = [];
  for (let round = 0; round < 2; round++) {
    report.push(`## ours, round ${round}`);
    report.push(
      ...(await traceOne(
        browser,
        path.join(outDir, `ours-${round}.json`),
        DISPLAY_SLIDE,
        async () => {
          const served = await serve({ content: packDir, timeoutMs: 60_000 });
          return { url: served.urls.display, stop: served.stop };
        },
      )),
    );
    report.push(`## reveal, round ${round}`);
    report.push(
      ...(await traceOne(browser, path.join(outDir, `reveal-${round}.json`), REVEAL_SLIDE, () =>
        startStaticServer(deck.mounts),
      )),
    );
  }
  writeFileSync(path.join(outDir, 'summary.txt'), report.join('\n'));
  console.log(report.join('\n'));
  console.log(`traces in ${outDir}`);
} finally {
  await browser.close();
}
