import { expect, test, type Browser, type Page } from '@playwright/test';
import WebSocket from 'ws';
import { screenshotPath } from '../helpers/display';
import { expectDisplayItem, readPairing, submitPin } from '../helpers/operator-views';
import { serve, serveSupports, type Served } from '../helpers/serve';

/*
 * The phone remote: off by default, paired with the PIN the console shows, revoked from the
 * console. Three browser contexts: the operator, a venue display and the phone.
 */

let server: Served;

test.beforeEach(async () => {
  // The phone's "LAN" address is loopback here, so nothing listens on the real network.
  server = await serve({
    extraArgs: serveSupports('--remote-address') ? ['--remote-address', '127.0.0.1'] : [],
  });
});

test.afterEach(async () => {
  await server?.stop();
});

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

async function openPage(browser: Browser, url: string, options = {}): Promise<Page> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

async function openOperator(browser: Browser): Promise<Page> {
  const operator = await openPage(browser, server.urls.operator);
  await expect(operator.getByTestId('connection')).toHaveText(/Connected/);
  await expect(operator.getByTestId('remote-panel')).toBeVisible();
  return operator;
}

async function enableRemote(operator: Page) {
  await expect(operator.getByTestId('remote-toggle')).toHaveText(/Turn on/);
  await operator.getByTestId('remote-toggle').click();
  await expect(operator.getByTestId('remote-pin')).toHaveText(/^\d{3} \d{3}$/);
  return readPairing(operator);
}

const wrongPin = (pin: string) => String((Number(pin) + 1) % 1_000_000).padStart(6, '0');

function origin(url: string): string {
  return new URL(url).origin;
}

/** How the core answers a raw socket with this remote token: its close code. */
function socketCloseCode(base: string, token: string): Promise<number> {
  const url = `${base.replace(/^http/, 'ws')}/ws?role=remote&token=${encodeURIComponent(token)}`;
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { origin: base });
    const timer = setTimeout(() => reject(new Error('no close within 5 s')), 5_000);
    ws.on('close', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
    ws.on('error', () => {});
  });
}

test('the remote is off until the operator turns it on', async ({ browser }) => {
  const operator = await openOperator(browser);
  await expect(operator.getByTestId('remote-pin')).toHaveCount(0);
  // Pairing is refused while off, whatever the PIN.
  const response = await fetch(`${origin(server.urls.operator)}/api/pair`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ pin: '123456' }),
  });
  expect(response.ok).toBe(false);
});

test('a phone pairs with the PIN, drives the display, and is revoked', async ({ browser }) => {
  const display = await openPage(browser, server.urls.display);
  const operator = await openOperator(browser);
  await operator.getByTestId('pause').click();
  await expectDisplayItem(display, 'boris-kagarlitsky');

  const { pin, url } = await enableRemote(operator);
  const phone = await openPage(browser, url, PHONE);
  await expect(phone.getByRole('textbox', { name: 'PIN' })).toHaveAttribute('inputmode', 'numeric');
  await phone.screenshot({ path: screenshotPath('remote-pairing.png') });

  // A wrong PIN is refused and says so.
  await submitPin(phone, wrongPin(pin));
  await expect(phone.getByTestId('pair-error')).toContainText('Wrong PIN');
  await expect(phone.getByRole('textbox', { name: 'PIN' })).toBeVisible();

  // The right one pairs; the console lists the phone.
  await submitPin(phone, pin, 'Test phone');
  await expect(phone.getByTestId('remote-next')).toBeVisible();
  await expect(phone.getByTestId('remote-on-air-title')).toHaveText('Boris Kagarlitsky');
  await expect(operator.getByTestId('remote-devices')).toContainText('Test phone');
  await operator.getByTestId('remote-panel').scrollIntoViewIfNeeded();
  await operator.screenshot({
    path: screenshotPath('operator-remote.png'),
    animations: 'disabled',
  });
  const token = await phone.evaluate<string | null>(
    `localStorage.getItem('solidarity-screens.remote-token')`,
  );
  expect(token).toBeTruthy();

  // Next on the phone moves the display.
  await phone.getByTestId('remote-next').tap();
  await expectDisplayItem(display, 'free-boris-site');
  await expect(phone.getByTestId('remote-on-air-title')).not.toHaveText('Boris Kagarlitsky');
  await phone.screenshot({ path: screenshotPath('remote-paired.png') });

  // Revoked: the phone is disconnected and back at pairing, and its token no longer opens a
  // socket.
  await operator.getByRole('button', { name: 'Revoke', exact: true }).click();
  await expect(phone.getByRole('textbox', { name: 'PIN' })).toBeVisible();
  await expect(phone.getByTestId('remote-message')).toContainText('no longer paired');
  expect(await socketCloseCode(origin(url), token ?? '')).toBe(4001);
  await expect(operator.getByTestId('remote-devices')).toHaveCount(0);

  // Paired again, the phone can put safe mode on; that turns the remote off for every phone,
  // and only the console turns safe mode off.
  const again = await readPairing(operator);
  await submitPin(phone, again.pin);
  await expect(phone.getByTestId('remote-safe-mode')).toBeEnabled();
  await phone.getByTestId('remote-safe-mode').tap();
  await expect(operator.getByTestId('safe-mode')).toHaveAttribute('aria-pressed', 'true');
  await expect(phone.getByTestId('remote-connection')).toContainText('safe mode');
  // The command worked: the phone must not call it lost.
  await expect(phone.getByRole('alert')).toHaveCount(0);
  await phone.screenshot({ path: screenshotPath('remote-off-by-safe-mode.png') });
  await expect(operator.getByTestId('remote-devices')).toContainText('not connected');
  await expect(operator.getByTestId('remote-toggle')).toHaveText(/Turn on/);
  await expect(operator.getByTestId('remote-toggle')).toBeDisabled();
  await operator.getByTestId('safe-mode').click();
  await expect(operator.getByTestId('safe-mode')).toHaveAttribute('aria-pressed', 'false');
  await expect(operator.getByTestId('remote-toggle')).toBeEnabled();

  // On again: the phone, still on its page, comes back by itself, and the console says so.
  const back = await enableRemote(operator);
  expect(back.url).toBe(url);
  await expect(phone.getByTestId('remote-connection')).toHaveCount(0, { timeout: 20_000 });
  await expect(phone.getByTestId('remote-on-air')).toBeVisible();
  await expect(operator.getByTestId('remote-devices')).not.toContainText('not connected');
  await expect(operator.getByTestId('remote-devices')).toContainText('connected');
  await phone.screenshot({ path: screenshotPath('remote-back-on.png') });
});

test('wrong PINs lock pairing, even for the right PIN, and the console says so', async ({
  browser,
}) => {
  const operator = await openOperator(browser);
  const { pin, url } = await enableRemote(operator);
  const phone = await openPage(browser, url, PHONE);

  for (let attempt = 1; attempt <= 5; attempt++) {
    await submitPin(phone, wrongPin(pin));
    await expect(phone.getByTestId('pair-error')).toContainText(
      attempt < 5 ? 'Wrong PIN' : /Wrong PIN|locked/,
    );
  }
  // Locked: the right PIN is refused too, with the seconds to wait.
  const response = await fetch(`${origin(url)}/api/pair`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ pin }),
  });
  expect(response.status).toBe(429);
  await expect(operator.getByTestId('remote-locked')).toContainText(/locked for \d+ s/);
  await phone.reload();
  await submitPin(phone, pin);
  await expect(phone.getByTestId('pair-error')).toContainText(/locked: wait \d+ s/);
  await expect(phone.getByTestId('pair-locked')).toContainText(/try again in \d+ s/);
});
