import { appendFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { screenshotPath, withQuery } from '../helpers/display';
import { connectOperator } from '../helpers/operator';
import { builtInPackInFolder } from '../helpers/pack-copy';
import { serve, type Served } from '../helpers/serve';

// A restart with nothing changed answers the display from the slide the last run kept, before
// the core is loaded (src/main/first-slide/); the live display then takes over under it. Any
// change while the app was off (a pack file, the saved show) means the usual start: an old
// slide must never show.

let root: string;
let packDir: string;
let dataDir: string;

test.beforeEach(() => {
  ({ root, packDir } = builtInPackInFolder('ss-kept-'));
  dataDir = mkdtempSync(join(tmpdir(), 'ss-kept-data-'));
});

test.afterEach(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

/** `serve`, or `npm start` without Electron (which opens the kiosk view on this machine). */
const start = (how: { npmStart?: boolean } = {}): Promise<Served> =>
  serve({ content: packDir, env: { ...process.env, SOLIDARITY_DATA_DIR: dataDir }, ...how });

/** A first run that stops with `itemId` on air: it keeps that slide for the next start. */
async function runAndStopOn(itemId: string, how: { npmStart?: boolean } = {}): Promise<void> {
  const served = await start(how);
  const operator = await connectOperator(served.urls.operator);
  await operator.send({ name: 'pause' });
  expect(await operator.send({ name: 'goTo', itemId })).toEqual(
    expect.objectContaining({ ok: true }),
  );
  operator.close();
  await served.stop();
  expect(existsSync(join(dataDir, 'first-slide.json'))).toBe(true);
}

/** The page exactly as the server sends it: what is on screen before any script runs. */
const pageHtml = async (url: string): Promise<string> => (await fetch(url)).text();

/** Notes every item id that was ever in the page, from its very first node on. */
const ITEMS_SEEN = `(() => {
  const seen = (window.__itemsSeen = new Set());
  const note = () => document.querySelectorAll('[data-item-id]').forEach((el) => seen.add(el.getAttribute('data-item-id')));
  new MutationObserver(note).observe(document, { subtree: true, childList: true, attributes: true });
  document.addEventListener('DOMContentLoaded', note);
})()`;
const itemsSeen = (page: Page) => page.evaluate<string[]>('[...window.__itemsSeen]');

test('a restart puts the kept slide up from the page itself, and the live display takes over', async ({
  page,
}) => {
  await runAndStopOn('placeholder-window-and-bird');
  const served = await start();
  try {
    const html = await pageHtml(served.urls.display);
    expect(html).toContain('<div id="kept-first-slide"');
    expect(html).toContain('data-item-id="placeholder-window-and-bird"');
    // Its picture is named first, and its scripts are not preloaded ahead of it.
    expect(html).toMatch(/<link rel="preload" as="image" fetchpriority="high" href="\/media\//);
    expect(html).not.toContain('modulepreload');

    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(served.urls.display);
    const kept = page.locator(
      '#kept-first-slide .slide-frame[data-item-id="placeholder-window-and-bird"]',
    );
    await expect(kept).toBeVisible();
    await page.screenshot({ path: screenshotPath('kept-first-slide-before-the-core.png') });
    // The live display's own slide, the same one, and the copy gone.
    await expect(page.locator('#kept-first-slide')).toHaveCount(0, { timeout: 15_000 });
    const live = page.locator(
      '#root .slide-frame[data-phase="in"][data-item-id="placeholder-window-and-bird"]',
    );
    await expect(live).toBeVisible();
    await page.screenshot({ path: screenshotPath('kept-first-slide-live.png') });
  } finally {
    await served.stop();
  }
});

test('a pack file changed while the app was off: no kept slide, the changed words at once', async ({
  page,
}) => {
  await runAndStopOn('boris-kagarlitsky');
  // Even a comment: the copy is kept for files exactly as they were.
  appendFileSync(join(packDir, 'cases', 'boris-kagarlitsky.yaml'), '\n# edited while off\n');
  const served = await start();
  try {
    expect(await pageHtml(served.urls.display)).not.toContain('kept-first-slide');
    await page.goto(served.urls.display);
    await expect(
      page.locator('.slide-frame[data-phase="in"][data-item-id="boris-kagarlitsky"]'),
    ).toBeVisible();
    await expect(page.locator('#kept-first-slide')).toHaveCount(0);
  } finally {
    await served.stop();
  }
});

test('a slide taken out of the pack while the app was off never shows, not even for a frame', async ({
  page,
}) => {
  await runAndStopOn('placeholder-raised-fist');
  rmSync(join(packDir, 'drawings', 'placeholder-raised-fist.yaml'));
  const served = await start();
  try {
    await page.addInitScript(ITEMS_SEEN);
    await page.goto(served.urls.display);
    await expect(page.locator('#root .slide-frame[data-phase="in"][data-item-id]')).toBeVisible();
    await page.waitForTimeout(1_500);
    expect(await itemsSeen(page)).not.toContain('placeholder-raised-fist');
  } finally {
    await served.stop();
  }
});

test("npm start's headless restart puts the kept slide up in the kiosk view, whatever its browser logged", async ({
  page,
}) => {
  await runAndStopOn('boris-kagarlitsky', { npmStart: true });
  // The kiosk browser's own log, written while the show ran: not the show's state.
  appendFileSync(join(dataDir, 'kiosk-browser.log'), '[dbus] ERROR: a line the browser wrote\n');
  const served = await start({ npmStart: true });
  try {
    const html = await pageHtml(served.urls.kiosk);
    expect(html).toContain('<div id="kept-first-slide"');
    expect(html).toContain('data-item-id="boris-kagarlitsky"');
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(served.urls.kiosk);
    await expect(page.locator('#kept-first-slide')).toHaveCount(0, { timeout: 15_000 });
    await expect(
      page.locator('#root .slide-frame[data-phase="in"][data-item-id="boris-kagarlitsky"]'),
    ).toBeVisible();
    await page.screenshot({ path: screenshotPath('kept-first-slide-npm-start-kiosk.png') });
  } finally {
    await served.stop();
  }
});

test('only the display and the kiosk, each with its own token, get the kept slide', async () => {
  await runAndStopOn('boris-kagarlitsky');
  const served = await start();
  try {
    const display = new URL(served.urls.display);
    const token = display.searchParams.get('token') ?? '';
    const refused = [
      `${display.origin}/display`,
      `${display.origin}/display?token=${token.slice(0, -1)}x`,
      withQuery(served.urls.display, { lang: 'fr' }),
      `${display.origin}/operator?token=${token}`,
      `${display.origin}/overlay?token=${token}`,
      `${display.origin}/kiosk?token=${token}`,
    ];
    for (const url of refused) {
      const html = await pageHtml(url);
      // The app's own page (held until the core is up), never the kept one.
      expect(html, url).toContain('<div id="root"></div>');
      expect(html, url).not.toContain('kept-first-slide');
    }
  } finally {
    await served.stop();
  }
});
