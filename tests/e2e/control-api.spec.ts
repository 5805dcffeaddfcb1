import { expect, test } from '@playwright/test';
import { screenshotPath } from '../helpers/display';
import { RECORD_SHOW } from '../helpers/operator-views';
import { serve, type Served } from '../helpers/serve';

/**
 * The console's Control API panel against `serve`: a token made there drives the show over
 * HTTP (as Companion would), and once revoked in the panel it is refused at once.
 */

let server: Served;

test.beforeEach(async () => {
  server = await serve();
});

test.afterEach(async () => {
  await server?.stop();
});

test('make a control token, use it, revoke it: 401 from then on', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.addInitScript(RECORD_SHOW);
  await page.goto(server.urls.operator);
  await expect(page.getByTestId('connection')).toHaveText(/Connected/);
  const panel = page.getByTestId('control-api-panel');
  await panel.scrollIntoViewIfNeeded();

  await panel.getByTestId('control-token-name').fill('Companion booth');
  await panel.getByTestId('control-token-create').click();
  const token = (await panel.getByTestId('control-token-value').textContent()) ?? '';
  expect(token.length).toBeGreaterThan(20);
  await expect(panel.getByTestId('control-token-curl')).toContainText(`Bearer ${token}`);
  await expect(panel.getByTestId('control-tokens')).toContainText('Companion booth');
  await panel.screenshot({ path: screenshotPath('console-control-api.png') });
  await page.screenshot({ path: screenshotPath('console-control-api-page.png') });

  const origin = new URL(server.urls.operator).origin;
  const command = (body: unknown) =>
    fetch(`${origin}/api/v1/commands`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const state = () =>
    fetch(`${origin}/api/v1/state`, { headers: { authorization: `Bearer ${token}` } });

  const before = (await (await state()).json()) as { blackout: boolean };
  expect(before.blackout).toBe(false);
  const on = await command({ command: 'blackout', on: true });
  expect(on.status).toBe(200);
  expect(await on.json()).toEqual({ ok: true });
  await expect(page.getByTestId('connection')).toHaveText(/Connected/);
  expect(((await (await state()).json()) as { blackout: boolean }).blackout).toBe(true);

  // Used: the panel lists it as used once reloaded (the made token is not shown again).
  await page.reload();
  await expect(panel.getByTestId('control-token-value')).toHaveCount(0);
  await expect(panel.getByTestId('control-tokens')).toContainText('Companion booth');
  const listed = panel.locator('li', { hasText: 'Companion booth' });
  await expect(listed).toContainText('last used');
  await listed.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('console-control-api-list.png') });

  page.once('dialog', (dialog) => void dialog.accept());
  await panel.getByRole('button', { name: 'Revoke the token “Companion booth”' }).click();
  await expect(panel.getByTestId('control-tokens')).not.toContainText('Companion booth');

  expect((await state()).status).toBe(401);
  expect((await command({ command: 'blackout', on: false })).status).toBe(401);
});
