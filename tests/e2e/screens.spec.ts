import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { screenshotPath } from '../helpers/display';
import { displayItem } from '../helpers/operator-views';
import { connectOperator } from '../helpers/operator';
import { builtInPackInFolder } from '../helpers/pack-copy';
import { serve, type Served } from '../helpers/serve';

/*
 * A screen on the venue network joins the show: it opens /screen (no token), shows a code,
 * the operator approves that code with a name in the console's Screens panel, and the screen
 * shows the show. Removed from the console, it says so. Three browser contexts: the operator,
 * a venue display (the reference for what the show shows) and the new screen.
 */

let server: Served;

test.beforeEach(async () => {
  server = await serve();
});

test.afterEach(async () => {
  await server?.stop();
});

async function openPage(browser: Browser, url: string, viewport = { width: 1280, height: 720 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

const screenUrl = () => `${new URL(server.urls.operator).origin}/screen`;

async function openOperator(browser: Browser): Promise<Page> {
  const operator = await openPage(browser, server.urls.operator);
  await expect(operator.getByTestId('connection')).toHaveText(/Connected/);
  await expect(operator.getByTestId('screens-panel')).toBeVisible();
  return operator;
}

async function approve(operator: Page, code: string, name: string) {
  await operator.getByTestId('screens-code-input').fill(code);
  await operator.getByTestId('screens-name-input').fill(name);
  await operator.getByTestId('screens-approve').click();
}

test('a screen asks with a code, is approved by name, shows the show, and is removed', async ({
  browser,
}) => {
  const operator = await openOperator(browser);
  // Off by default: the screen is told so, and asks again by itself.
  const screen = await openPage(browser, screenUrl(), { width: 1920, height: 1080 });
  await expect(screen.getByTestId('screen-pairing')).toHaveAttribute('data-phase', 'off');
  await expect(screen.getByTestId('screen-code')).toHaveCount(0);

  await operator.getByTestId('screens-pairing-toggle').click();
  // The venue network address opens with "Add a screen" itself: the phone remote stays off.
  await expect(operator.getByTestId('screens-url')).toBeVisible();
  await expect(operator.getByTestId('screens-no-address')).toHaveCount(0);
  // The screen retries on its own (every 5 s) and then shows its code.
  const codeText = screen.getByTestId('screen-code');
  await expect(codeText).toHaveText(/^[A-Z0-9]{3} [A-Z0-9]{3}$/, { timeout: 15_000 });
  await expect(screen.getByText('Tell the operator this code')).toBeVisible();
  const code = (await codeText.textContent())!.replace(' ', '');
  await expect(operator.getByTestId('screens-pending')).toContainText(
    `${code.slice(0, 3)} ${code.slice(3)}`,
  );
  await screen.screenshot({ path: screenshotPath('screens-pairing.png') });

  // A wrong code is refused, in the console, and pairs nothing.
  const wrong = code.startsWith('A') ? `C${code.slice(1)}` : `A${code.slice(1)}`;
  await approve(operator, wrong, 'merch TV');
  await expect(operator.getByTestId('screens-refusal')).toContainText(wrong);
  await expect(operator.getByTestId('screens-outputs')).toHaveCount(0);
  await expect(screen.getByTestId('screen-code')).toBeVisible();

  // The right code, with a name: the screen becomes a display of the show.
  await approve(operator, code.toLowerCase(), 'merch TV');
  await expect(operator.getByTestId('screens-refusal')).toHaveCount(0);
  const row = operator.getByTestId('screens-outputs').locator('li').first();
  await expect(row).toContainText('merch TV');
  await expect(row.getByTestId('screen-online')).toHaveText('online', { timeout: 10_000 });
  await expect(screen.getByTestId('screen-pairing')).toHaveCount(0);
  const display = await openPage(browser, server.urls.display);
  await expect.poll(() => displayItem(display), { timeout: 10_000 }).not.toBeNull();
  const onAir = await displayItem(display);
  await expect.poll(() => displayItem(screen), { timeout: 10_000 }).toBe(onAir);
  // The token stays on the screen, never in its address.
  expect(screen.url()).not.toContain('token');
  expect(
    await screen.evaluate("localStorage.getItem('solidarity-screens.screen-token')"),
  ).toBeTruthy();
  await expect(operator.getByTestId('screens-playlist-note')).toBeVisible();
  await operator.getByTestId('screens-panel').scrollIntoViewIfNeeded();
  await operator
    .getByTestId('screens-panel')
    .screenshot({ path: screenshotPath('screens-panel.png') });

  // A reload keeps it paired: it is a display again without asking.
  await screen.reload();
  await expect.poll(() => displayItem(screen), { timeout: 10_000 }).toBe(onAir);

  // Removed (after a confirm): it goes dark at once, forgets its token and says so.
  operator.once('dialog', (dialog) => void dialog.accept());
  await row.getByRole('button', { name: 'Remove' }).click();
  await expect(screen.getByTestId('screen-pairing')).toHaveAttribute('data-phase', 'removed');
  await expect(screen.getByTestId('screen-message')).toContainText('removed this screen');
  expect(
    await screen.evaluate("localStorage.getItem('solidarity-screens.screen-token')"),
  ).toBeNull();
  await expect(operator.getByTestId('screens-outputs')).toHaveCount(0);
  await screen.screenshot({ path: screenshotPath('screens-removed.png') });

  // Ask again: a new code, waiting for the operator.
  await screen.getByRole('button', { name: 'Ask again' }).click();
  await expect(screen.getByTestId('screen-code')).toHaveText(/^[A-Z0-9]{3} [A-Z0-9]{3}$/);
});

test('a screen whose code the operator dropped says so and can ask again', async ({ browser }) => {
  const operator = await openOperator(browser);
  await operator.getByTestId('screens-pairing-toggle').click();
  const screen = await openPage(browser, screenUrl(), { width: 1920, height: 1080 });
  await expect(screen.getByTestId('screen-code')).toBeVisible();
  // Turning "Add a screen" off forgets every waiting request.
  await operator.getByTestId('screens-pairing-toggle').click();
  await expect(screen.getByTestId('screen-pairing')).toHaveAttribute('data-phase', 'expired', {
    timeout: 15_000,
  });
  await expect(screen.getByRole('button', { name: 'Ask again' })).toBeVisible();
});

/*
 * Two screens on the venue network with the phone remote off, one on a playlist of its own:
 * each shows its own slides on its own timing, the console shows each one's live thumbnail
 * and changes its job live, and a screen that loses the network keeps playing, then rejoins.
 */
const LOBBY = [
  'solidarity-all-political-prisoners',
  'placeholder-raised-fist',
  'placeholder-sailing-ship',
];

test.describe('screens with jobs of their own', () => {
  let pack: { root: string; packDir: string };
  test.beforeEach(async () => {
    await server?.stop();
    pack = builtInPackInFolder('ss-e2e-screens-');
    writeFileSync(
      join(pack.packDir, 'playlists', 'lobby.yaml'),
      [
        'kind: playlist',
        'id: lobby',
        'title:',
        '  en: Lobby',
        'duration: 3',
        'items:',
        ...LOBBY.map((id) => `  - ${id}`),
        '',
      ].join('\n'),
    );
    server = await serve({ content: pack.packDir, extraArgs: ['--remote-address', '127.0.0.1'] });
  });
  test.afterEach(() => rmSync(pack.root, { recursive: true, force: true }));

  /**
   * A screen whose network can be cut: `setOffline` stops new requests but leaves an open
   * WebSocket alone, so its socket runs through a route that drops it (and refuses new ones)
   * while the network is "down".
   */
  async function pairAt(browser: Browser, operator: Page, url: string, name: string) {
    const context = await browser.newContext({ viewport: { width: 960, height: 540 } });
    const page = await context.newPage();
    let down = false;
    const open = new Set<{ close(): Promise<void> }>();
    await page.routeWebSocket(/\/ws\?/, (socket) => {
      if (down) {
        void socket.close();
        return;
      }
      socket.connectToServer();
      open.add(socket);
    });
    const setNetwork = async (on: boolean) => {
      down = !on;
      await context.setOffline(!on);
      if (!on) for (const socket of open) await socket.close();
      if (!on) open.clear();
    };
    await page.goto(url);
    const codeText = page.getByTestId('screen-code');
    await expect(codeText).toHaveText(/^[A-Z0-9]{3} [A-Z0-9]{3}$/, { timeout: 15_000 });
    await approve(operator, (await codeText.textContent())!.replace(' ', ''), name);
    await expect(page.getByTestId('screen-pairing')).toHaveCount(0, { timeout: 10_000 });
    return { context, page, setNetwork };
  }

  test('each plays its own playlist, is configured live, and plays on offline', async ({
    browser,
  }) => {
    const operator = await openOperator(browser);
    const commands = await connectOperator(server.urls.operator);
    // The main show holds still, so any change on the lobby screen is its own loop's.
    await commands.send({ name: 'pause' });
    await operator.getByTestId('screens-pairing-toggle').click();
    // "Add a screen" opens the venue-network address by itself: the phone remote stays off.
    const lanUrl = await operator.getByTestId('screens-url').textContent();
    expect(lanUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/screen$/);
    expect(new URL(lanUrl!).port).not.toBe(new URL(server.urls.operator).port);
    expect(commands.show()).toBeTruthy();

    const lobby = await pairAt(browser, operator, lanUrl!, 'lobby TV');
    const projector = await pairAt(browser, operator, lanUrl!, 'projector');
    await expect.poll(() => displayItem(projector.page), { timeout: 10_000 }).not.toBeNull();
    const mainItem = await displayItem(projector.page);

    // Live from the console: the lobby TV goes to its own playlist.
    const lobbyRow = operator.getByTestId('screens-outputs').locator('li', { hasText: 'lobby TV' });
    await lobbyRow.getByLabel('Playlist').selectOption('lobby');
    await expect
      .poll(async () => LOBBY.includes((await displayItem(lobby.page)) ?? ''), { timeout: 10_000 })
      .toBe(true);
    const first = await displayItem(lobby.page);
    // It changes on its own timing (3 s a slide) while the paused main show stands still.
    await expect.poll(() => displayItem(lobby.page), { timeout: 8_000 }).not.toBe(first);
    expect(LOBBY).toContain(await displayItem(lobby.page));
    expect(await displayItem(projector.page)).toBe(mainItem);

    // The console's thumbnails: each screen's own slide, drawn by the slide components.
    const lobbyThumb = lobbyRow.getByTestId('screen-thumb');
    await expect
      .poll(
        async () =>
          (await lobbyThumb.locator('.op-preview').getAttribute('data-item-id')) ===
          (await displayItem(lobby.page)),
      )
      .toBe(true);
    const projectorRow = operator
      .getByTestId('screens-outputs')
      .locator('li', { hasText: 'projector' });
    await expect(projectorRow.locator('.op-preview')).toHaveAttribute('data-item-id', mainItem!);
    await operator.getByTestId('screens-outputs').scrollIntoViewIfNeeded();
    await operator
      .getByTestId('screens-outputs')
      .screenshot({ path: screenshotPath('screens-panel-thumbnails.png') });

    // Offline: the lobby TV keeps changing slides from what it has, with no mark on screen.
    await lobby.setNetwork(false);
    await expect(lobbyRow.getByTestId('screen-online')).toHaveText('offline', { timeout: 15_000 });
    const offlineFrom = await displayItem(lobby.page);
    const offlineSeen = new Set<string>();
    await expect
      .poll(
        async () => {
          offlineSeen.add((await displayItem(lobby.page)) ?? '');
          return offlineSeen.size > 1 || !offlineSeen.has(offlineFrom ?? '');
        },
        { timeout: 10_000, intervals: [200] },
      )
      .toBe(true);
    for (const item of offlineSeen) expect(LOBBY).toContain(item);
    await expect(lobby.page.getByTestId('reconnecting')).toHaveCount(0);
    await expect(lobby.page.locator('.display')).toBeVisible();
    await lobby.page.screenshot({ path: screenshotPath('screen-offline.png') });

    // Back on the network it rejoins by itself and follows the core again.
    await lobby.setNetwork(true);
    await expect(lobbyRow.getByTestId('screen-online')).toHaveText('online', { timeout: 30_000 });
    await expect
      .poll(
        async () =>
          (await lobbyThumb.locator('.op-preview').getAttribute('data-item-id')) ===
          (await displayItem(lobby.page)),
        { timeout: 10_000 },
      )
      .toBe(true);
    commands.close();
  });

  test('a screen set to portrait and light turns on its landscape output and takes the look', async ({
    browser,
  }) => {
    const operator = await openOperator(browser);
    await operator.getByTestId('screens-pairing-toggle').click();
    const lanUrl = await operator.getByTestId('screens-url').textContent();
    const merchTv = await pairAt(browser, operator, lanUrl!, 'merch TV');
    const display = merchTv.page.locator('.display');
    await expect(display).toBeVisible({ timeout: 10_000 });
    const background = () =>
      merchTv.page.evaluate<string>(
        `getComputedStyle(document.querySelector('.display')).backgroundColor`,
      );
    const packBackground = await background();
    await expect(display).not.toHaveClass(/display-turned/);

    const row = operator.getByTestId('screens-outputs').locator('li', { hasText: 'merch TV' });
    await row.getByLabel('Orientation').selectOption('portrait');
    await row.getByLabel('Look').selectOption('light');
    await expect(display).toHaveClass(/display-turned/, { timeout: 10_000 });
    // Turned a quarter: it fills the 960×540 window standing up, laid out as a portrait screen.
    const box = await display.boundingBox();
    expect(box).toMatchObject({ x: 0, y: 0, width: 960, height: 540 });
    const laidOut = await display.evaluate((el) => [el.clientWidth, el.clientHeight]);
    expect(laidOut).toEqual([540, 960]);
    await expect.poll(background).toBe('rgb(255, 255, 255)');
    expect(packBackground).not.toBe('rgb(255, 255, 255)');
    await merchTv.page.screenshot({ path: screenshotPath('screen-turned-portrait-light.png') });

    // Back to following its window: no longer turned.
    await row.getByLabel('Orientation').selectOption('auto');
    await expect(display).not.toHaveClass(/display-turned/, { timeout: 10_000 });
  });
});
