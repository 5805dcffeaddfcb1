import { rmSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { builtInPackInFolder, servePaused, type PausedShow } from '../helpers/pack-copy';

// A display opened on a running show (reloaded, a second screen) gets the picture on air named
// in its page (server/picture-hints.ts): the browser fetches it with the scripts, and the
// display decodes it before its socket has said what is on air.

let show: PausedShow;
let root: string;

test.beforeAll(async () => {
  const copy = builtInPackInFolder('ss-hints-');
  root = copy.root;
  show = await servePaused(copy.packDir);
  expect(await show.operator.send({ name: 'goTo', itemId: 'placeholder-raised-fist' })).toEqual(
    expect.objectContaining({ ok: true }),
  );
});

test.afterAll(async () => {
  await show?.stop();
  rmSync(root, { recursive: true, force: true });
});

/** Notes when the page opens its socket, in the page's own time. */
const SOCKET_MARK = `(() => {
  const Native = window.WebSocket;
  window.WebSocket = function (...args) {
    if (window.__socketAt === undefined) window.__socketAt = performance.now();
    return new Native(...args);
  };
  window.WebSocket.prototype = Native.prototype;
})()`;

test('a display opened mid-show asks for the picture on air before its socket, and once', async ({
  page,
}) => {
  await page.addInitScript(SOCKET_MARK);
  await page.goto(show.server.urls.display);
  const picture = page.locator('.stage img').first();
  await expect(picture).toBeVisible();
  await expect
    .poll(() => picture.evaluate((img) => (img as unknown as { complete: boolean }).complete))
    .toBe(true);

  // As a string: the e2e tests are type-checked without the DOM's types.
  const seen = (await page.evaluate(`(() => {
    const hint = document.querySelector('link[rel="preload"][as="image"]');
    const src = document.querySelector('.stage img')?.getAttribute('src') ?? null;
    const fetches = performance
      .getEntriesByType('resource')
      .filter((entry) => src !== null && entry.name === new URL(src, location.href).href)
      .map((entry) => entry.startTime);
    return { hint: hint?.getAttribute('href') ?? null, src, fetches, socketAt: window.__socketAt ?? null };
  })()`)) as {
    hint: string | null;
    src: string | null;
    fetches: number[];
    socketAt: number | null;
  };
  // The page named the very address the slide shows.
  expect(seen.src).toMatch(/^\/media\/media\/drawings\/raised-fist\.svg\?/);
  expect(seen.hint).toBe(seen.src);
  // Fetched once, and asked for before the page's scripts had opened the socket.
  expect(seen.fetches).toHaveLength(1);
  expect(seen.socketAt).not.toBeNull();
  expect(seen.fetches[0]!).toBeLessThan(seen.socketAt!);
});

test('a page with another view’s token is told nothing of what is on air', async ({ request }) => {
  const display = new URL(show.server.urls.display);
  const operator = new URL(show.server.urls.operator);
  display.searchParams.set('token', operator.searchParams.get('token')!);
  const html = await (await request.get(display.href)).text();
  expect(html).toContain('<div id="root">');
  expect(html).not.toContain('/media/');
});
