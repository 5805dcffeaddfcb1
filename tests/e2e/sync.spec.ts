import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { connectOperator, type OperatorClient } from '../helpers/operator';
import { serve, type Served } from '../helpers/serve';

/*
 * Screens that switch together: two displays of one `serve` in separate browser contexts, the
 * operator moves the show on ten times, and both put each new slide up within two frames of
 * each other, not before the core's `showAt`. A correctness check; the timing target is
 * bench/sync.ts.
 */

const FRAME_MS = 1000 / 60;

/** Stamps each change of the slide on air: its DOM time and the next frame's time. */
const PROBE = `(() => {
  window.__changes = [];
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
const offsetOf = (page: Page) =>
  page.locator('.display').getAttribute('data-sync-offset', { timeout: 10_000 });

let server: Served;
let contexts: BrowserContext[] = [];
let operator: OperatorClient | null = null;

test.beforeEach(async () => {
  server = await serve();
});

test.afterEach(async () => {
  operator?.close();
  operator = null;
  await Promise.all(contexts.map((context) => context.close()));
  contexts = [];
  await server.stop();
});

test('two displays put each of ten changes up within two frames of each other, at showAt', async ({
  browser,
}) => {
  contexts = await Promise.all([browser.newContext(), browser.newContext()]);
  const pages = await Promise.all(contexts.map((context) => context.newPage()));
  for (const page of pages) {
    await page.addInitScript(PROBE);
    await page.goto(server.urls.display);
    await expect(page.locator('.slide-frame[data-phase="in"]')).toHaveCount(1);
  }
  // Each screen has measured its clock against the core's.
  await expect.poll(async () => Promise.all(pages.map(offsetOf))).not.toContain(null);
  operator = await connectOperator(server.urls.operator);

  const spreads: number[] = [];
  for (let i = 0; i < 10; i++) {
    const before = await Promise.all(pages.map(async (page) => (await changesOf(page)).length));
    expect((await operator.send({ name: 'next' })).ok).toBe(true);
    const { itemId, showAt } = operator.show();
    expect(showAt).toBeDefined();
    const shown = await expect
      .poll(async () => {
        const all = await Promise.all(pages.map(changesOf));
        const last = all.map((changes) => changes[changes.length - 1]);
        return last.every((c) => c?.id === itemId && c.frame > 0) ? all : null;
      })
      .not.toBeNull()
      .then(() => Promise.all(pages.map(changesOf)));
    const latest = shown.map((changes, index) => {
      // Exactly one change per press on every screen: none skipped, none shown twice.
      expect(changes).toHaveLength((before[index] as number) + 1);
      return changes[changes.length - 1] as Change;
    });
    const frames = latest.map((c) => c.frame);
    spreads.push(Math.max(...frames) - Math.min(...frames));
    // Not before its time: each screen waited for showAt on its own clock (plus its offset).
    for (const [index, change] of latest.entries()) {
      const offset = Number(await offsetOf(pages[index] as Page));
      expect(change.dom + offset).toBeGreaterThanOrEqual((showAt as number) - 2);
    }
  }
  // Within two frames of each other. The median of the ten, not each one: on a machine with
  // far more work than cores (the shared test machine) a page's renderer now and then misses
  // frames on its own, which no schedule can undo; bench/sync.ts reports that tail.
  const median = [...spreads].sort((a, b) => a - b)[5] as number;
  expect(median, `spreads: ${spreads.map((s) => s.toFixed(1)).join(', ')}`).toBeLessThanOrEqual(
    2 * FRAME_MS + 1,
  );
});
