// Screens that switch together: 4 Chromium pages as displays of one `serve`, the operator's
// `next` over a raw socket, and each page's stamp of the frame in which the new slide went up.
// The pages share this machine's clock, so the spread between the first and last screen is
// real. Baseline in the same run: the same pages with `showAt` taken out of every message
// (apply on receipt, as before).
import type { Browser, Page } from '@playwright/test';
import { connectOperator } from '../tests/helpers/operator';
import { serve } from '../tests/helpers/serve';
import { percentile } from './operator-latency';

export interface SyncRun {
  changes: number;
  /** Last screen minus first, per change, in ms (frame stamps). */
  spreadP50: number;
  spreadP95: number;
  spreadMax: number;
  /** The same from the DOM change's own stamp (not rounded to frames). */
  domSpreadP50: number;
  domSpreadP95: number;
  /** |measured clock offset|: the true offset is 0 on one machine. */
  offsetErrorP50: number;
  offsetErrorP95: number;
}

export interface SyncResult {
  screens: number;
  gapMs: number;
  scheduled: SyncRun;
  onReceipt: SyncRun;
}

/**
 * Installed before the app. Records, per change of the slide on air, the DOM time and the time
 * of the next animation frame (the one that paints it, for a change made outside a frame; one
 * after, for a change made in a frame: the same for every screen, so the spread is unchanged).
 */
const probe = (stripShowAt: boolean) => `(() => {
  window.__changes = [];
  if (${stripShowAt}) {
    const Native = window.WebSocket;
    window.WebSocket = class extends Native {
      set onmessage(handler) {
        super.onmessage = handler && ((event) => {
          const data = String(event.data);
          if (!data.startsWith('{"type":"show"')) return handler(event);
          const message = JSON.parse(data);
          delete message.show.showAt;
          handler(new MessageEvent('message', { data: JSON.stringify(message) }));
        });
      }
      get onmessage() { return super.onmessage; }
    };
  }
  let last = null;
  const check = () => {
    const frame = document.querySelector('.slide-frame[data-phase="in"]');
    const id = frame ? frame.getAttribute('data-item-id') : null;
    if (id === last) return;
    last = id;
    const change = { id, dom: performance.timeOrigin + performance.now(), frame: 0 };
    window.__changes.push(change);
    requestAnimationFrame((t) => { change.frame = performance.timeOrigin + t; });
  };
  const start = () => {
    new MutationObserver(check).observe(document.documentElement, {
      subtree: true, childList: true, attributes: true, attributeFilter: ['data-item-id', 'data-phase'],
    });
    check();
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})()`;

type Change = { id: string | null; dom: number; frame: number };
const changesOf = (page: Page) => page.evaluate<Change[]>('window.__changes');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function untilAll(pages: Page[], done: (changes: Change[]) => boolean, ms = 10_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const all = await Promise.all(pages.map(changesOf));
    if (all.every(done)) return all;
    if (Date.now() > deadline) throw new Error('a screen did not show the change in time');
    await sleep(10);
  }
}

async function runOnce(
  browser: Browser,
  options: { screens: number; changes: number; gapMs: number; scheduled: boolean },
): Promise<SyncRun> {
  const server = await serve();
  const contexts = await Promise.all(
    Array.from({ length: options.screens }, () =>
      browser.newContext({ viewport: { width: 1280, height: 720 } }),
    ),
  );
  try {
    const operator = await connectOperator(server.urls.operator);
    const pages = await Promise.all(contexts.map((context) => context.newPage()));
    for (const page of pages) {
      await page.addInitScript(probe(!options.scheduled));
      await page.goto(server.urls.display);
    }
    await untilAll(pages, (changes) => changes.some((c) => c.id));
    // Time for the pings at connect, and for the first slide's grace period.
    await sleep(2_000);
    const offsets = await Promise.all(
      pages.map((page) =>
        page.evaluate<number>(
          `Number(document.querySelector('.display')?.getAttribute('data-sync-offset'))`,
        ),
      ),
    );
    const spreads: number[] = [];
    const domSpreads: number[] = [];
    const counts = await Promise.all(pages.map(async (page) => (await changesOf(page)).length));
    for (let i = 0; i < options.changes; i++) {
      const result = await operator.send({ name: 'next' });
      if (!result.ok) throw new Error(`next was refused: ${JSON.stringify(result.error)}`);
      const id = operator.show().itemId;
      const all = await untilAll(pages, (changes) => {
        const last = changes[changes.length - 1];
        return last !== undefined && last.id === id && last.frame > 0;
      });
      const at = all.map((changes) => changes[changes.length - 1] as Change);
      // Every screen showed exactly this change (none skipped one or showed it twice).
      all.forEach((changes, index) => {
        if (changes.length !== (counts[index] as number) + i + 1) {
          throw new Error(`screen ${index} showed ${changes.length} changes, not one a press`);
        }
      });
      const frames = at.map((c) => c.frame);
      const doms = at.map((c) => c.dom);
      spreads.push(Math.max(...frames) - Math.min(...frames));
      domSpreads.push(Math.max(...doms) - Math.min(...doms));
      await sleep(options.gapMs);
    }
    operator.close();
    const errors = offsets.map((o) => Math.abs(o));
    return {
      changes: options.changes,
      spreadP50: percentile(spreads, 50),
      spreadP95: percentile(spreads, 95),
      spreadMax: Math.max(...spreads),
      domSpreadP50: percentile(domSpreads, 50),
      domSpreadP95: percentile(domSpreads, 95),
      offsetErrorP50: percentile(errors, 50),
      offsetErrorP95: percentile(errors, 95),
    };
  } finally {
    await Promise.all(contexts.map((context) => context.close()));
    await server.stop();
  }
}

export async function benchSync(
  browser: Browser,
  { screens = 4, changes = 200, gapMs = 250 } = {},
): Promise<SyncResult> {
  const scheduled = await runOnce(browser, { screens, changes, gapMs, scheduled: true });
  const onReceipt = await runOnce(browser, { screens, changes, gapMs, scheduled: false });
  return { screens, gapMs, scheduled, onReceipt };
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

export function syncReport(r: SyncResult, loadAtStart: string): string[] {
  const s = r.scheduled;
  const b = r.onReceipt;
  const ratio = b.spreadP95 > 0 ? s.spreadP95 / b.spreadP95 : Number.NaN;
  return [
    `${r.screens} Chromium pages (separate contexts, one browser) as displays of one \`serve\` on the built-in pack; ${s.changes} operator \`next\` commands over a raw socket, ${r.gapMs} ms apart. Each page stamps (\`performance.timeOrigin + performance.now()\`) the animation frame that paints each new slide; they share this machine's clock. Baseline, in the same run: the same pages with \`showAt\` removed from every message (apply on receipt). Load average at the start: ${loadAtStart} on ${'2 cores'}, shared with other engineers' builds and tests: numbers from a busy machine.`,
    '',
    '| Measure | p50 | p95 (max) | Baseline: on receipt, p50 / p95 (max) | Ratio (p95) | Target | |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    `| Spread first → last screen, by frame | ${ms(s.spreadP50)} | ${ms(s.spreadP95)} (${ms(s.spreadMax)}) | ${ms(b.spreadP50)} / ${ms(b.spreadP95)} (${ms(b.spreadMax)}) | ${ratio.toFixed(2)}× | p95 under 16.7 ms | ${s.spreadP95 < 16.7 ? 'met' : '**missed**'} |`,
    `| Spread by the DOM change's own time | ${ms(s.domSpreadP50)} | ${ms(s.domSpreadP95)} | ${ms(b.domSpreadP50)} / ${ms(b.domSpreadP95)} | | | |`,
    `| Clock offset estimate, \\|error\\| (true offset 0), over the screens | ${ms(s.offsetErrorP50)} | ${ms(s.offsetErrorP95)} | | | | |`,
  ];
}
