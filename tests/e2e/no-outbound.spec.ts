import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { isIP } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { connectOperator, type OperatorClient } from '../helpers/operator';
import { expectDisplayItem, readPairing, submitPin } from '../helpers/operator-views';
import { repoRoot, serve, type Served } from '../helpers/serve';

/*
 * No outbound network, ever, by default. A whole show runs in Chromium against `serve`: every
 * item of the main playlist (every slide kind of the built-in pack), the operator console, the
 * overlay, and the phone remote turned on and off. Both sides are recorded:
 *
 * - Node: serve runs with tests/helpers/net-recorder.mjs preloaded, which writes down every
 *   socket connect, TLS connect, UDP send, DNS lookup or resolve, and every listening socket.
 * - Chromium: every request of every page and context, and every WebSocket.
 *
 * Every destination must be loopback; the phone remote's "LAN" address is 127.0.0.2 here, so
 * nothing listens on the real network, and it may be used only while the remote is on.
 */

const REMOTE_ADDRESS = '127.0.0.2';
const recorder = resolve(repoRoot, 'tests/helpers/net-recorder.mjs');

interface NodeRecord {
  kind: string;
  host?: string;
  port?: number;
  path?: string;
  at: number;
}

interface BrowserRecord {
  url: string;
  what: string;
  at: number;
}

function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  if (isIP(bare) === 6) return bare === '::1' || /^::ffff:127\./.test(bare);
  return false;
}

let recordDir: string;
let recordFile: string;
let server: Served;
const browserRecords: BrowserRecord[] = [];

function readNodeRecords(): NodeRecord[] {
  const text = existsSync(recordFile) ? readFileSync(recordFile, 'utf8') : '';
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as NodeRecord);
}

function watch(context: BrowserContext) {
  context.on('request', (request) =>
    browserRecords.push({ url: request.url(), what: 'context request', at: Date.now() }),
  );
  context.on('page', (page) => watchPage(page));
}

function watchPage(page: Page) {
  page.on('request', (request) =>
    browserRecords.push({ url: request.url(), what: 'page request', at: Date.now() }),
  );
  page.on('websocket', (socket) =>
    browserRecords.push({ url: socket.url(), what: 'websocket', at: Date.now() }),
  );
}

test.beforeAll(async () => {
  recordDir = mkdtempSync(join(tmpdir(), 'ss-net-record-'));
  recordFile = join(recordDir, 'net.jsonl');
  const nodeOptions = [process.env.NODE_OPTIONS, `--import ${pathToFileURL(recorder).href}`]
    .filter(Boolean)
    .join(' ');
  server = await serve({
    extraArgs: ['--remote-address', REMOTE_ADDRESS],
    env: { NODE_OPTIONS: nodeOptions, SS_NET_RECORD: recordFile },
  });
});

test.afterAll(async () => {
  await server?.stop();
  if (recordDir) rmSync(recordDir, { recursive: true, force: true });
});

test('a whole show, the operator, the overlay and the remote reach nothing but loopback', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const served = new URL(server.urls.operator).origin;

  const open = async (url: string, options = {}) => {
    const context = await browser.newContext(options);
    watch(context);
    const page = await context.newPage();
    await page.goto(url);
    return page;
  };

  const display = await open(server.urls.display);
  const overlay = await open(server.urls.overlay);
  const kiosk = await open(server.urls.kiosk);
  const operatorPage = await open(server.urls.operator);
  await expect(operatorPage.getByTestId('connection')).toHaveText(/Connected/);

  // Every item of the main playlist, on the display and under the overlay.
  const operator: OperatorClient = await connectOperator(server.urls.operator);
  try {
    expect(await operator.send({ name: 'pause' })).toMatchObject({ ok: true });
    const mainYaml = readFileSync(resolve(repoRoot, 'content/playlists/main.yaml'), 'utf8');
    const itemIds = [...mainYaml.matchAll(/^ {2}- ([a-z0-9-]+)\s*$/gm)].map((m) => m[1] as string);
    expect(itemIds.length, 'items of the main playlist').toBeGreaterThan(5);
    for (const itemId of itemIds) {
      expect(await operator.send({ name: 'goTo', itemId }), itemId).toMatchObject({ ok: true });
      await expectDisplayItem(display, itemId);
    }
    // Safe mode and the blackout, on and off.
    expect(await operator.send({ name: 'safeMode', on: true })).toMatchObject({ ok: true });
    expect(await operator.send({ name: 'blackout', on: true })).toMatchObject({ ok: true });
    expect(await operator.send({ name: 'blackout', on: false })).toMatchObject({ ok: true });
    expect(await operator.send({ name: 'safeMode', on: false })).toMatchObject({ ok: true });
  } finally {
    operator.close();
  }

  // The phone remote: on, paired, used, off.
  const remoteOnAt = Date.now();
  await operatorPage.getByTestId('remote-toggle').click();
  await expect(operatorPage.getByTestId('remote-pin')).toHaveText(/^\d{3} \d{3}$/);
  const { pin, url } = await readPairing(operatorPage);
  expect(new URL(url).hostname).toBe(REMOTE_ADDRESS);
  const phone = await open(url, { viewport: { width: 390, height: 844 }, isMobile: true });
  await submitPin(phone, pin, 'Test phone');
  await expect(phone.getByTestId('remote-next')).toBeVisible();
  await phone.getByTestId('remote-next').click();
  await expect(operatorPage.getByTestId('remote-toggle')).toHaveText(/Turn off/);
  await operatorPage.getByTestId('remote-toggle').click();
  await expect(operatorPage.getByTestId('remote-toggle')).toHaveText(/Turn on/);
  await expect(operatorPage.getByTestId('remote-pin')).toHaveCount(0);
  const remoteOffAt = Date.now();
  await phone.context().close();

  // The LAN listener is gone once the remote is off.
  await expect
    .poll(
      () =>
        fetch(new URL('/', url))
          .then(() => 'answered')
          .catch(() => 'refused'),
      { timeout: 5_000 },
    )
    .toBe('refused');

  // Let the views settle (images, fonts, reconnects) before reading the records.
  await display.waitForTimeout(1_000);
  await overlay.context().close();
  await kiosk.context().close();
  await display.context().close();
  await operatorPage.context().close();

  // --- Node side ---
  const nodeRecords = readNodeRecords();
  expect(
    nodeRecords.some((r) => r.kind === 'ready'),
    'the recorder was preloaded into serve',
  ).toBe(true);
  const listens = nodeRecords.filter((r) => r.kind === 'listen');
  expect(listens.length, 'serve listened (the recorder sees listen calls)').toBeGreaterThan(0);
  const badNode = nodeRecords.filter(
    (r) => r.kind !== 'ready' && r.path === undefined && !isLoopbackHost(r.host ?? ''),
  );
  expect(badNode, 'Node destinations that are not loopback').toEqual([]);
  // The remote's address is listened on only while the operator has it on.
  const remoteListens = listens.filter((r) => r.host === REMOTE_ADDRESS);
  expect(remoteListens.length, 'the remote listened on its address while on').toBeGreaterThan(0);
  for (const r of remoteListens) {
    expect(r.at).toBeGreaterThanOrEqual(remoteOnAt);
    expect(r.at).toBeLessThanOrEqual(remoteOffAt);
  }
  // Unix sockets and pipes are local by nature; there should be none, but if there are they
  // must not be a DNS or network path in disguise.
  for (const r of nodeRecords.filter((r) => r.path !== undefined)) {
    expect(r.path, 'a local socket path').not.toMatch(/^[a-z]+:\/\//i);
  }

  // --- Chromium side ---
  expect(browserRecords.length, 'Chromium requests were recorded').toBeGreaterThan(10);
  const remoteOrigin = new URL(url).origin;
  const badBrowser = browserRecords.filter((r) => {
    const target = new URL(r.url);
    if (target.protocol === 'data:' || target.protocol === 'blob:') return false;
    if (!['http:', 'https:', 'ws:', 'wss:'].includes(target.protocol)) return true;
    if (!isLoopbackHost(target.hostname)) return true;
    const origin = target.origin.replace(/^ws/, 'http');
    if (origin === served) return false;
    // The remote's origin, from the time it is on: the phone page was served from it, and
    // after the operator turns the remote off the page may try to rejoin its own address
    // (refused: the listener is gone, checked above) until the phone is closed.
    return !(origin === remoteOrigin && r.at >= remoteOnAt);
  });
  expect(badBrowser, 'browser requests not to the served origin or data:/blob:').toEqual([]);
  // Sanity: the show really ran through the served origin, and the phone used the remote.
  expect(browserRecords.some((r) => r.what === 'websocket')).toBe(true);
  expect(browserRecords.some((r) => r.url.startsWith(remoteOrigin))).toBe(true);
});
