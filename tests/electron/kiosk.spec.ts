import { existsSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { TEST_PIN, launchApp, lockPageBuilt, skipWithoutElectron, type RunningApp } from './app';

// Strings for page.evaluate: this folder is type-checked without the DOM library.

let running: RunningApp | undefined;
test.afterEach(async () => {
  await running?.close();
  running = undefined;
});

test('opens the display full screen in kiosk mode, showing the pack', async () => {
  skipWithoutElectron();
  running = await launchApp();
  const { app, page } = running;
  expect(page.url()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/kiosk\?token=/);
  await expect(page.getByRole('heading', { name: 'Boris Kagarlitsky' })).toBeVisible();
  const window = await app.browserWindow(page);
  await expect
    .poll(() =>
      window.evaluate((w) => ({
        kiosk: w.isKiosk(),
        fullScreen: w.isFullScreen(),
        shown: w.isVisible(),
      })),
    )
    .toEqual({ kiosk: true, fullScreen: true, shown: true });
});

test('exposes only named functions to the page, and no Node', async () => {
  skipWithoutElectron();
  running = await launchApp();
  const { page } = running;
  await page.waitForLoadState('domcontentloaded');
  expect(await page.evaluate('Object.keys(window.api).sort()')).toEqual([
    'shell',
    'unlock',
    'versions',
  ]);
  expect(await page.evaluate('typeof window.api.unlock')).toBe('function');
  expect(
    await page.evaluate('typeof require + " " + typeof process + " " + typeof ipcRenderer'),
  ).toBe('undefined undefined undefined');
  // The unlock channel hears only the PIN prompt's window, never the display page.
  expect(await page.evaluate(`window.api.unlock(${JSON.stringify(TEST_PIN)})`)).toEqual({
    ok: false,
    error: 'invalid',
  });
});

test('denies window.open, navigation away and requests off this machine', async () => {
  skipWithoutElectron();
  running = await launchApp();
  const { app, page } = running;
  await expect(page.getByRole('heading', { name: 'Boris Kagarlitsky' })).toBeVisible();
  const kioskUrl = page.url();

  expect(await page.evaluate(`window.open('https://example.org/') === null`)).toBe(true);
  expect(app.windows()).toHaveLength(1);

  await page.evaluate(`location.href = 'https://example.org/'`);
  await page.waitForTimeout(500);
  expect(page.url()).toBe(kioskUrl);

  const fetched = await page.evaluate(
    `fetch('https://example.org/').then(() => 'loaded', () => 'blocked')`,
  );
  expect(fetched).toBe('blocked');
});

test('cannot be closed or quit while locked', async () => {
  skipWithoutElectron();
  running = await launchApp();
  const { app, page } = running;
  await page.waitForLoadState('domcontentloaded');
  await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
  await app.evaluate(({ app: electronApp }) => electronApp.quit());
  await page.waitForTimeout(500);
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  expect(app.process().exitCode).toBeNull();
});

test('Ctrl+Shift+Q asks for the PIN; a wrong PIN keeps the show running, the right one quits', async () => {
  skipWithoutElectron();
  expect(
    existsSync(lockPageBuilt),
    'the PIN prompt page is not built: electron.vite.config.ts needs the kiosk-lock renderer input',
  ).toBe(true);
  running = await launchApp();
  const { app, page } = running;
  await expect(page.getByRole('heading', { name: 'Boris Kagarlitsky' })).toBeVisible();

  const promptOpened = app.waitForEvent('window');
  await page.keyboard.press('Control+Shift+KeyQ');
  const prompt = await promptOpened;
  expect(prompt.url()).toBe('app://kiosk-lock/');
  expect(await prompt.evaluate('Object.keys(window.api).sort()')).toEqual([
    'shell',
    'unlock',
    'versions',
  ]);

  await prompt.getByLabel('PIN').fill('0000');
  await prompt.getByLabel('PIN').press('Enter');
  await expect(prompt.getByRole('status')).toHaveText(/Wrong PIN\. 4 tries left/);
  expect(app.process().exitCode).toBeNull();
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(2);

  const exited = new Promise((resolve) => app.process().once('exit', resolve));
  await prompt.getByLabel('PIN').fill(TEST_PIN);
  await prompt.getByLabel('PIN').press('Enter');
  await exited;
});

test('without a PIN set, Ctrl+Shift+Q quits at once', async () => {
  skipWithoutElectron();
  running = await launchApp({ pin: null });
  const { app, page } = running;
  await expect(page.getByRole('heading', { name: 'Boris Kagarlitsky' })).toBeVisible();
  const exited = new Promise((resolve) => app.process().once('exit', resolve));
  await page.keyboard.press('Control+Shift+KeyQ');
  await exited;
});
