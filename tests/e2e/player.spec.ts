import { expect, test, type Page, type Request } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { createServer, type Server } from 'node:http';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse, stringify } from 'yaml';
import { loadPack } from '../../src/main/content';
import { exportPlayer } from '../../src/main/exports/player/export-player';
import type { ContentSnapshot } from '../../src/shared/content';
import { playOrder, startingPlaylist } from '../../src/shared/show';
import { tagLink } from '../../src/shared/time';
import { builtInPack, repoRoot } from '../helpers/serve';
import { screenshotPath } from '../helpers/display';

let folder: string;
let snapshot: ContentSnapshot;
const NOW = Date.UTC(2026, 2, 10, 12, 0, 0);

test.beforeAll(async () => {
  folder = join(mkdtempSync(join(tmpdir(), 'player-e2e-')), 'player');
  const result = await exportPlayer({
    contentDir: builtInPack,
    out: folder,
    playlists: [],
    force: false,
    safe: false,
    playerDir: resolve(repoRoot, 'out/player'),
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problem));
  const loaded = await loadPack(builtInPack);
  snapshot = { pack: loaded.pack!, items: loaded.items, errors: [], revision: 1 };
});

test.afterAll(() => {
  rmSync(resolve(folder, '..'), { recursive: true, force: true });
});

/** Every request the page makes, so a test can say none left the folder. */
function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request: Request) => urls.push(request.url()));
  return urls;
}

const onAir = (page: Page) => page.locator('.slide-frame[data-phase="in"]');
const itemOnAir = (page: Page) => onAir(page).getAttribute('data-item-id');

test('plays from file:// with the loop’s durations and language cycle, keys move, no request leaves the folder', async ({
  page,
}) => {
  const requests = recordRequests(page);
  await page.clock.install({ time: NOW });
  await page.goto(pathToFileURL(join(folder, 'index.html')).href);
  const order = playOrder(snapshot, startingPlaylist(snapshot, NOW), NOW);
  expect(order.length).toBeGreaterThan(2);
  await expect(onAir(page)).toHaveAttribute('data-item-id', order[0]!.itemId);
  const firstLanguage = await onAir(page).getAttribute('lang');

  // Just before its time the first slide is still up; at its time the second goes up.
  await page.clock.runFor(order[0]!.durationMs - 1_000);
  await expect(onAir(page)).toHaveAttribute('data-item-id', order[0]!.itemId);
  await page.clock.runFor(1_500);
  await expect(onAir(page)).toHaveAttribute('data-item-id', order[1]!.itemId);
  // The built-in pack cycles its languages, one per slide, as a screen of the core does.
  expect(snapshot.pack.display.cycleLanguages).toBe(true);
  await expect(onAir(page)).not.toHaveAttribute('lang', firstLanguage!);

  await page.keyboard.press('ArrowRight');
  await expect(onAir(page)).toHaveAttribute('data-item-id', order[2]!.itemId);
  await page.keyboard.press('ArrowLeft');
  await expect(onAir(page)).toHaveAttribute('data-item-id', order[1]!.itemId);
  // A tap on the right half moves on.
  const size = page.viewportSize()!;
  await page.mouse.click(size.width * 0.8, size.height / 2);
  await expect(onAir(page)).toHaveAttribute('data-item-id', order[2]!.itemId);
  await expect(page.getByTestId('player-fullscreen')).toBeVisible();

  const inside = pathToFileURL(folder + sep).href;
  expect(requests.length).toBeGreaterThan(3);
  expect(requests.filter((url) => !url.startsWith(inside))).toEqual([]);
});

test('a QR code on the player scans to exactly its link', async ({ page }) => {
  await page.clock.install({ time: NOW });
  await page.goto(pathToFileURL(join(folder, 'index.html')).href);
  const order = playOrder(snapshot, startingPlaylist(snapshot, NOW), NOW);
  const actionIndex = order.findIndex(
    (p) => snapshot.items.find((i) => i.id === p.itemId)?.kind === 'action',
  );
  expect(actionIndex).toBeGreaterThanOrEqual(0);
  await expect(onAir(page)).toHaveAttribute('data-item-id', order[0]!.itemId);
  for (let k = 0; k < actionIndex; k++) await page.keyboard.press('ArrowRight');
  const action = snapshot.items.find((i) => i.id === order[actionIndex]!.itemId)!;
  if (action.kind !== 'action') throw new Error('not an action');
  await expect(onAir(page)).toHaveAttribute('data-item-id', action.id);
  const code = onAir(page).locator('svg[data-qr-value]');
  const image = PNG.sync.read(await code.screenshot({ animations: 'disabled' }));
  const found = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
  const expected = action.tagLink ? tagLink(action.url, snapshot.pack.campaignTag) : action.url;
  expect(found?.data).toBe(expected);
});

test('screenshots: landscape and phone portrait', async ({ browser }) => {
  for (const [name, viewport] of [
    ['player-landscape', { width: 1280, height: 720 }],
    ['player-phone', { width: 390, height: 844 }],
  ] as const) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(pathToFileURL(join(folder, 'index.html')).href);
    await expect(onAir(page)).toBeVisible();
    await page.waitForTimeout(800);
    await page.screenshot({ path: screenshotPath(`${name}.png`) });
    await context.close();
  }
});

/** Every string leaf of a catalog, for looking for it in the bundle. */
function catalogStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) =>
      key === '_meta' ? [] : catalogStrings(inner),
    );
  }
  return [];
}

test('the player carries no operator, editor or remote: their words and routes are not in it', () => {
  const bundle = readFileSync(join(folder, 'player.js'), 'utf8');
  const all = readFileSync(join(folder, 'pack-data.js'), 'utf8') + bundle;
  for (const namespace of ['console', 'editor', 'remote', 'kiosk']) {
    const words = catalogStrings(
      JSON.parse(
        readFileSync(resolve(repoRoot, `src/shared/i18n/locales/en/${namespace}.json`), 'utf8'),
      ),
    ).filter((word) => word.length > 24);
    expect(words.length, namespace).toBeGreaterThan(0);
    expect(words.filter((word) => bundle.includes(JSON.stringify(word).slice(1, -1)))).toEqual([]);
  }
  for (const route of ['OperatorView', '/api/v1', 'token=', 'EditorView', 'RemoteView']) {
    expect(all.includes(route), route).toBe(false);
  }
  // The display's code, not the whole app: well under the operator bundle's size.
  expect(statSync(join(folder, 'player.js')).size).toBeLessThan(700_000);
});

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
};

/** A plain static host: the folder's files, nothing else. */
function staticHost(
  root: string,
  log?: (path: string) => void,
): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    log?.(path);
    const file = resolve(root, `.${path.endsWith('/') ? `${path}index.html` : path}`);
    if (!file.startsWith(root + sep) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      response.writeHead(404).end();
      return;
    }
    response
      .writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
      .end(readFileSync(file));
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      done({ server, url: `http://127.0.0.1:${port}/` });
    }),
  );
}

test('served over http it installs a service worker and plays again offline', async ({
  browser,
}) => {
  const { server, url } = await staticHost(folder);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const requests = recordRequests(page);
    await page.goto(url);
    await expect(onAir(page)).toBeVisible();
    await page.evaluate('navigator.serviceWorker.ready.then(() => null)');
    // Controlled once the worker has claimed the page.
    await page.waitForFunction('navigator.serviceWorker.controller !== null');
    const first = await itemOnAir(page);
    expect(first).toBeTruthy();
    await context.setOffline(true);
    await page.reload();
    await expect(onAir(page)).toBeVisible();
    expect(await page.evaluate("document.fonts.check('16px Oswald')")).toBe(true);
    expect(requests.filter((request) => !request.startsWith(url))).toEqual([]);
  } finally {
    await context.close();
    await new Promise((done) => server.close(done));
  }
});

/** Notes (wall clock) when the first slide on air has its pictures loaded. */
const SLIDE_UP_PROBE = `(() => {
  const check = () => {
    if (window.__slideUpAt) return;
    const frame = document.querySelector('.slide-frame[data-phase="in"]');
    const images = frame ? [...frame.querySelectorAll('img')] : [];
    if (images.length > 0 && images.every((img) => img.complete && img.naturalWidth > 0)) {
      window.__slideUpAt = Date.now();
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
  document.addEventListener('load', check, true);
})()`;

test('over http the first picture comes with the page, and the offline copy waits for the first slide', async ({
  browser,
}) => {
  // A show that opens on a drawing: the export names its picture in the page's head.
  const content = join(mkdtempSync(join(tmpdir(), 'player-e2e-pack-')), 'content');
  cpSync(builtInPack, content, { recursive: true });
  const mainFile = join(content, 'playlists/main.yaml');
  const main = parse(readFileSync(mainFile, 'utf8')) as { items: string[] };
  main.items = [
    'placeholder-raised-fist',
    ...main.items.filter((id) => id !== 'placeholder-raised-fist'),
  ];
  writeFileSync(mainFile, stringify(main));
  const out = join(resolve(content, '..'), 'player');
  const result = await exportPlayer({
    contentDir: content,
    out,
    playlists: [],
    force: false,
    safe: false,
    playerDir: resolve(repoRoot, 'out/player'),
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problem));
  const served: { path: string; at: number }[] = [];
  const { server, url } = await staticHost(out, (path) => served.push({ path, at: Date.now() }));
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript(SLIDE_UP_PROBE);
    await page.goto(url);
    await expect(onAir(page)).toHaveAttribute('data-item-id', 'placeholder-raised-fist');
    await page.evaluate('navigator.serviceWorker.ready.then(() => null)');
    const slideUpAt = (await page.evaluate('window.__slideUpAt')) as number;
    expect(slideUpAt).toBeGreaterThan(0);

    // Fetched through the page's own hint, once: the slide asks for the very same address.
    const picture = '/media/media/drawings/raised-fist.svg';
    const initiators = (await page.evaluate(
      `performance.getEntriesByType('resource').filter((e) => new URL(e.name).pathname === ${JSON.stringify(picture)}).map((e) => e.initiatorType)`,
    )) as string[];
    expect(initiators).toEqual(['link']);
    const swAt = served.find((r) => r.path === '/sw.js')?.at;
    expect(
      served.filter((r) => r.path === picture && (swAt === undefined || r.at < swAt)),
    ).toHaveLength(1);

    // The offline copy (the worker, then every file of the folder) starts only once the first
    // slide is up: until then the slide has the machine to itself.
    expect(swAt).toBeGreaterThanOrEqual(slideUpAt);
    const otherMedia = served.filter((r) => r.path.startsWith('/media/') && r.path !== picture);
    expect(otherMedia.length).toBeGreaterThan(0);
    for (const r of otherMedia) expect(r.at, r.path).toBeGreaterThanOrEqual(slideUpAt);

    // From a USB stick (file://) the same page plays its first picture, with nothing refused.
    const filePage = await context.newPage();
    const problems: string[] = [];
    filePage.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    await filePage.goto(pathToFileURL(join(out, 'index.html')).href);
    await expect(onAir(filePage)).toHaveAttribute('data-item-id', 'placeholder-raised-fist');
    const image = onAir(filePage).locator('img').first();
    await expect(image).toHaveJSProperty('complete', true);
    const width = await image.evaluate(
      (img) => (img as unknown as { naturalWidth: number }).naturalWidth,
    );
    expect(width).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  } finally {
    await context.close();
    await new Promise((done) => server.close(done));
    rmSync(resolve(content, '..'), { recursive: true, force: true });
  }
});
