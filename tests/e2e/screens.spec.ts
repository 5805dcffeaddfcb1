import { expect, test, type Browser, type Page } from '@playwright/test';
import { screenshotPath } from '../helpers/display';
import { displayItem } from '../helpers/operator-views';
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
  // Without the phone remote there is no venue network address yet: the panel says so.
  await expect(operator.getByTestId('screens-no-address')).toBeVisible();
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
