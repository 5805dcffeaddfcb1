// Screens that switch together: 4 Chromium pages as displays of one `serve`, the operator's
// `next` over a raw socket, and each page's stamp of the frame that painted the new slide.
// The pages share this machine's clock, so the spread between the first and last screen is
// real. Baseline in the same run: the same pages with `showAt` taken out of every message
// (apply on receipt, as before).
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumLaunch } from '../playwright.config';
import { connectOperator } from '../tests/helpers/operator';
import { serve } from '../tests/helpers/serve';
import {
  FRAME_MS,
  SCREEN_FLAGS,
  changesOf,
  heardOf,
  latestChangeOf,
  offsetOf,
  presentedAt,
  syncProbe,
  type ProbeChange,
} from '../tests/helpers/sync-probe';
import { percentile } from './operator-latency';

export interface SyncRun {
  changes: number;
  /** Last screen minus first, per change, in ms: the vsync each showed it at. */
  spreadP50: number;
  spreadP95: number;
  spreadMax: number;
  /** The same by the painting frame's own time (when it began, however late it ran). */
  frameSpreadP50: number;
  frameSpreadP95: number;
  /** The same from the DOM change's own stamp (not rounded to frames). */
  domSpreadP50: number;
  domSpreadP95: number;
  /** Changes within one frame (the same vsync on every screen). */
  sameFrame: number;
  /** Changes a screen heard after their showAt (on its clock): late before any rendering. */
  heardLate: number;
  /** Heard this long before showAt (page clock), over every screen and change. */
  leadP5: number;
  leadP50: number;
  /**
   * How far ahead the core stamped each change (learned from the screens' reports): showAt
   * minus when the command was sent, so a little over the lead itself.
   */
  stampedLeadP50: number;
  stampedLeadP95: number;
  /** |measured clock offset|: the true offset is 0 on one machine. */
  offsetErrorP50: number;
  offsetErrorP95: number;
}

export interface SyncResult {
  screens: number;
  gapMs: number;
  scheduled: SyncRun;
  onReceipt: SyncRun;
  /** The gap of the second scheduled run, shorter than the cross-fade. */
  fadeGapMs: number;
  /** Scheduled, each change arriving inside the previous one's cross-fade. */
  duringFade: SyncRun;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Latest = Awaited<ReturnType<typeof latestChangeOf>>;

async function untilAll(pages: Page[], done: (latest: Latest) => boolean, ms = 10_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const all = await Promise.all(pages.map(latestChangeOf));
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
      await page.addInitScript(syncProbe({ stripShowAt: !options.scheduled }));
      await page.goto(server.urls.display);
    }
    await untilAll(pages, ({ last }) => last !== null && last.id !== null);
    // Time for the pings at connect, and for the first slide's grace period.
    await sleep(2_000);
    const offsets = await Promise.all(pages.map(offsetOf));
    const spreads: number[] = [];
    const frameSpreads: number[] = [];
    const domSpreads: number[] = [];
    const leads: number[] = [];
    const stampedLeads: number[] = [];
    let heardLate = 0;
    const counts = await Promise.all(pages.map(async (page) => (await changesOf(page)).length));
    for (let i = 0; i < options.changes; i++) {
      const sentAt = Date.now();
      const result = await operator.send({ name: 'next' });
      if (!result.ok) throw new Error(`next was refused: ${JSON.stringify(result.error)}`);
      const { itemId: id, showAt } = operator.show();
      if (showAt !== undefined) stampedLeads.push(showAt - sentAt);
      // Not a word to the pages until the change is due (they share this machine's clock):
      // each read is a task on their main threads, which would compete with the frame measured.
      if (showAt !== undefined) await sleep(Math.max(0, showAt - Date.now() + 2 * FRAME_MS));
      const all = await untilAll(
        pages,
        ({ last }) => last !== null && last.id === id && last.painted > 0,
      );
      const at = all.map(({ last }) => last as ProbeChange);
      if (showAt !== undefined) {
        const heard = await Promise.all(pages.map(heardOf));
        const late = heard.map((messages, index) => {
          const message = messages.findLast((m) => m.itemId === id);
          const lead = showAt - (offsets[index] as number) - (message?.heard ?? Infinity);
          leads.push(lead);
          return lead < 0;
        });
        if (late.some(Boolean)) heardLate += 1;
      }
      // Every screen showed exactly this change (none skipped one or showed it twice).
      all.forEach(({ count }, index) => {
        if (count !== (counts[index] as number) + i + 1) {
          throw new Error(`screen ${index} showed ${count} changes, not one a press`);
        }
      });
      const shown = at.map(presentedAt);
      const frames = at.map((c) => c.frame);
      const doms = at.map((c) => c.dom);
      spreads.push(Math.max(...shown) - Math.min(...shown));
      frameSpreads.push(Math.max(...frames) - Math.min(...frames));
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
      frameSpreadP50: percentile(frameSpreads, 50),
      frameSpreadP95: percentile(frameSpreads, 95),
      sameFrame: spreads.filter((spread) => spread < 1).length,
      heardLate,
      leadP5: leads.length ? percentile(leads, 5) : Number.NaN,
      leadP50: leads.length ? percentile(leads, 50) : Number.NaN,
      stampedLeadP50: stampedLeads.length ? percentile(stampedLeads, 50) : Number.NaN,
      stampedLeadP95: stampedLeads.length ? percentile(stampedLeads, 95) : Number.NaN,
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

/**
 * A browser as a screen's: Debian's Chromium as the tests use it, with the flags a kiosk
 * screen runs with (docs/operator-guide.md), so no page's frames or timers are throttled.
 */
export function launchScreenBrowser(): Promise<Browser> {
  return chromium.launch({ ...chromiumLaunch, args: [...chromiumLaunch.args, ...SCREEN_FLAGS] });
}

/**
 * Gaps between one change painted and the next command. The main one leaves the display's
 * 400 ms cross-fade done before the next change is due (a show changes slides every few
 * seconds, lyric lines every two or more); the short one lands each change in the fade of
 * the one before, where this machine's one software compositor is drawing four fading
 * screens at once.
 */
export const SYNC_GAP_MS = 600;
export const SYNC_FADE_GAP_MS = 250;

export async function benchSync({
  screens = 4,
  changes = 200,
  gapMs = SYNC_GAP_MS,
  fadeGapMs = SYNC_FADE_GAP_MS,
} = {}): Promise<SyncResult> {
  const browser = await launchScreenBrowser();
  try {
    const scheduled = await runOnce(browser, { screens, changes, gapMs, scheduled: true });
    const onReceipt = await runOnce(browser, { screens, changes, gapMs, scheduled: false });
    const duringFade = await runOnce(browser, {
      screens,
      changes,
      gapMs: fadeGapMs,
      scheduled: true,
    });
    return { screens, gapMs, scheduled, onReceipt, fadeGapMs, duringFade };
  } finally {
    await browser.close();
  }
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

export function syncReport(r: SyncResult, loadAtStart: string): string[] {
  const s = r.scheduled;
  const b = r.onReceipt;
  const ratio = b.spreadP95 > 0 ? s.spreadP95 / b.spreadP95 : Number.NaN;
  const share = (run: SyncRun) => `${((100 * run.sameFrame) / run.changes).toFixed(0)} %`;
  return [
    `${r.screens} Chromium pages (separate contexts, one browser with the kiosk screen's flags \`${SCREEN_FLAGS.join(' ')}\`) as displays of one \`serve\` on the built-in pack; ${s.changes} operator \`next\` commands over a raw socket, each ${r.gapMs} ms after every screen had painted the one before; the bench reads nothing from the pages until a change is due (each read is a task on their main threads). Each page stamps the frame that painted each new slide (the frame it changed in when the change was made in a frame's callback, else the next one) and when that frame's rendering was done (the first task after it); a change reached the screen at the first vsync after that (a frame that ran late shows as late). They share this machine's clock. Baseline, in the same run: the same pages with \`showAt\` removed from every message (apply on receipt). Load average at the start: ${loadAtStart} on 2 cores, shared with other engineers' builds and tests.`,
    '',
    '| Measure | p50 | p95 (max) | Baseline: on receipt, p50 / p95 (max) | Ratio (p95) | Target | |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    `| Spread first → last screen, by the vsync it was shown at | ${ms(s.spreadP50)} | ${ms(s.spreadP95)} (${ms(s.spreadMax)}) | ${ms(b.spreadP50)} / ${ms(b.spreadP95)} (${ms(b.spreadMax)}) | ${ratio.toFixed(2)}× | p95 under 16.7 ms | ${s.spreadP95 < 16.7 ? 'met' : '**missed**'} |`,
    `| Changes shown at the same vsync on every screen | ${share(s)} | | ${share(b)} | | | |`,
    `| Spread by the painting frame's own time | ${ms(s.frameSpreadP50)} | ${ms(s.frameSpreadP95)} | ${ms(b.frameSpreadP50)} / ${ms(b.frameSpreadP95)} | | | |`,
    `| Spread by the DOM change's own time | ${ms(s.domSpreadP50)} | ${ms(s.domSpreadP95)} | ${ms(b.domSpreadP50)} / ${ms(b.domSpreadP95)} | | | |`,
    `| Lead the core stamped (learned from the screens' reports; showAt minus the command's sending) | ${ms(s.stampedLeadP50)} | ${ms(s.stampedLeadP95)} | | | | |`,
    `| Message heard before its showAt, p5 / p50 over screens × changes | ${ms(s.leadP5)} / ${ms(s.leadP50)} | | | | | |`,
    `| Changes a screen heard after their showAt (late before rendering) | ${s.heardLate} of ${s.changes} | | | | | |`,
    `| Clock offset estimate, \\|error\\| (true offset 0), over the screens | ${ms(s.offsetErrorP50)} | ${ms(s.offsetErrorP95)} | | | | |`,
    `| Spread by vsync with the changes ${r.fadeGapMs} ms apart, each inside the previous one's cross-fade (scheduled; same vsync on every screen: ${share(r.duringFade)}) | ${ms(r.duringFade.spreadP50)} | ${ms(r.duringFade.spreadP95)} (${ms(r.duringFade.spreadMax)}) | | | | |`,
  ];
}
