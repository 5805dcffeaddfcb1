import { expect, test } from '@playwright/test';
import { PNG } from 'pngjs';
import jsQR from 'jsqr';
import { screenshotPath, withQuery } from '../helpers/display';
import { connectOperator } from '../helpers/operator';
import { serve, type Served } from '../helpers/serve';

let server: Served;

test.beforeAll(async () => {
  server = await serve();
});

test.afterAll(async () => {
  await server?.stop();
});

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

test('the display shows the first case of the main playlist, from this machine only', async ({
  page,
}) => {
  const offHost: string[] = [];
  const sockets: string[] = [];
  const check = (address: string) => {
    const url = new URL(address);
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (!LOOPBACK.has(url.hostname)) offHost.push(address);
  };
  page.on('request', (request) => check(request.url()));
  // Playwright reports WebSockets apart from requests.
  page.on('websocket', (socket) => {
    sockets.push(socket.url());
    check(socket.url());
  });
  const consoleProblems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      consoleProblems.push(message.text());
    }
  });

  await page.goto(withQuery(server.urls.display, { lang: 'en' }));
  await expect(page.getByRole('heading', { name: 'Boris Kagarlitsky' })).toBeVisible();
  await expect(page.getByTestId('days-behind-bars')).toBeVisible();
  await expect(page.getByTestId('reconnecting')).toHaveCount(0);

  // Fonts are bundled: the heading's Oswald must actually have loaded from this server.
  // (Strings, because this file is type-checked without the DOM library.)
  await page.evaluate('document.fonts.ready.then(() => null)');
  const loadedFaces = await page.evaluate(
    `[...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replaceAll('"', '') + ' ' + f.weight)`,
  );
  expect(loadedFaces).toContain('Oswald 700');

  // `animations: 'disabled'` finishes the slide's fade-in, or the shot catches it half-faded.
  const png = await page.screenshot({
    path: screenshotPath('display-case.png'),
    animations: 'disabled',
  });

  // The QR code must scan from the screen as rendered, to the case's first link.
  const image = PNG.sync.read(png);
  const code = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
  expect(code?.data).toBe('https://freeboris.info/');

  expect(sockets).toEqual([expect.stringMatching(/^ws:\/\/127\.0\.0\.1:\d+\/ws\?role=display&/)]);
  expect(offHost).toEqual([]);
  expect(consoleProblems).toEqual([]);
});

test('a display link without its token says so instead of connecting', async ({ page }) => {
  const url = new URL(server.urls.display);
  url.searchParams.delete('token');
  await page.goto(url.toString());
  await expect(page.getByRole('status')).toContainText('no access token');
  await expect(page.getByText('Kagarlitsky')).toHaveCount(0);
});

test('a display link with a wrong token shows why', async ({ page }) => {
  const url = new URL(server.urls.display);
  url.searchParams.set('token', 'not-the-token-at-all');
  await page.goto(url.toString());
  await expect(page.getByRole('status')).toContainText('wrong token');
});

// The built-in pack cycles its languages; these tests read English, so the links pin it.
test('blackout and safe mode from the operator reach the display', async ({ page }) => {
  const operator = await connectOperator(server.urls.operator);
  try {
    expect(await operator.send({ name: 'goTo', itemId: 'boris-kagarlitsky' })).toMatchObject({
      ok: true,
    });
    await page.goto(withQuery(server.urls.display, { lang: 'en' }));
    await expect(page.getByRole('heading', { name: 'Boris Kagarlitsky' })).toBeVisible();

    expect(await operator.send({ name: 'safeMode', on: true })).toMatchObject({ ok: true });
    await expect(page.getByText('Solidarity with all political prisoners')).toBeVisible();
    await expect(page.getByText('Kagarlitsky')).toHaveCount(0);

    expect(await operator.send({ name: 'blackout', on: true })).toMatchObject({ ok: true });
    await expect(page.getByTestId('blackout')).toBeVisible();
    expect(await page.locator('body').innerText()).toBe('');
    const background = await page.evaluate(
      `getComputedStyle(document.querySelector('[data-testid="blackout"]')).backgroundColor`,
    );
    expect(background).toBe('rgb(0, 0, 0)');
  } finally {
    await operator.send({ name: 'blackout', on: false });
    await operator.send({ name: 'safeMode', on: false });
    operator.close();
  }
});

test('when the core goes away the slide stays, with a discreet mark', async ({ page }) => {
  const own = await serve();
  try {
    await page.goto(withQuery(own.urls.display, { lang: 'en' }));
    await expect(page.getByRole('heading', { name: 'Boris Kagarlitsky' })).toBeVisible();
    await own.stop();
    await expect(page.getByTestId('reconnecting')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Boris Kagarlitsky' })).toBeVisible();
  } finally {
    await own.stop();
  }
});
