import { expect, test } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { resolve } from 'node:path';
import { openView, waitForSlide } from '../helpers/display';
import { connectOperator } from '../helpers/operator';
import { repoRoot, serve, serveSupports } from '../helpers/serve';

test.use({ hasTouch: true });

const IDLE_SECONDS = 5;

/** `serve --merch N` on the built-in pack, or, before that flag existed, a pack that asks for it. */
function merchServe() {
  return serveSupports('--merch')
    ? serve({ extraArgs: ['--merch', String(IDLE_SECONDS)] })
    : serve({ content: resolve(repoRoot, 'tests/fixtures/e2e/extras') });
}

test('merch table: a tap opens the cases and actions, and idleness brings the loop back', async ({
  page,
  context,
}) => {
  const served = await merchServe();
  const operator = await connectOperator(served.urls.operator);
  try {
    await operator.send({ name: 'pause' });
    const first = operator.show().itemId!;
    await openView(page, served.urls.display);
    await waitForSlide(page, first);
    await expect(page.getByTestId('merch-hint')).toBeVisible();
    const sequence = operator.show().sequence;

    await page.touchscreen.tap(960, 540);
    const browse = page.getByTestId('merch-browse');
    await expect(browse).toBeVisible();
    const cards = browse.locator('.merch-card');
    expect(await cards.count()).toBeGreaterThanOrEqual(2);
    for (const button of await page.locator('.merch button').all()) {
      const box = await button.boundingBox();
      expect(Math.min(box?.width ?? 0, box?.height ?? 0)).toBeGreaterThanOrEqual(64);
    }

    // Browsing is this screen's own business: the show and the other screens go on.
    const other = await context.newPage();
    await openView(other, served.urls.display);
    await waitForSlide(other, first);
    await other.close();
    expect(operator.show().sequence).toBe(sequence);

    const caseCard = browse.locator('.merch-card-case').first();
    const caseId = (await caseCard.getAttribute('data-item-id'))!;
    await caseCard.tap();
    const detail = page.getByTestId('merch-detail');
    await expect(detail).toBeVisible();
    await expect(detail.locator(`[data-item-id="${caseId}"] .slide-case`)).toBeVisible();
    const code = detail.locator('svg[data-qr-value]');
    const image = PNG.sync.read(await code.screenshot());
    const scanned = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
    expect(scanned?.data).toBe(await code.getAttribute('data-qr-value'));
    expect(scanned?.data).toMatch(/^https:\/\//);

    // Back, then forward again: every touch restarts the wait.
    await detail.getByRole('button', { name: /back$/i }).tap();
    await expect(browse).toBeVisible();
    await caseCard.tap();
    const touchedAt = Date.now();
    await expect(detail).toBeVisible();
    await page.waitForTimeout(IDLE_SECONDS * 1000 - 1_500);
    await expect(detail).toBeVisible();
    await expect(page.locator('.display[data-view="loop"]')).toBeVisible({ timeout: 4_000 });
    expect(Date.now() - touchedAt).toBeGreaterThanOrEqual(IDLE_SECONDS * 1000 - 100);
    await waitForSlide(page, first);
    expect(operator.show().sequence).toBe(sequence);
  } finally {
    await operator.send({ name: 'resume' });
    operator.close();
    await served.stop();
  }
});

test('merch table: safe mode takes a sensitive case off the table at once', async ({ page }) => {
  const served = await merchServe();
  const operator = await connectOperator(served.urls.operator);
  try {
    await operator.send({ name: 'pause' });
    await openView(page, served.urls.display);
    await waitForSlide(page, operator.show().itemId!);
    await page.touchscreen.tap(960, 540);
    const caseCard = page.locator('.merch-card-case').first();
    const name = (await caseCard.locator('.merch-card-title').textContent())!;
    await caseCard.tap();
    await expect(page.getByTestId('merch-detail')).toBeVisible();

    expect(await operator.send({ name: 'safeMode', on: true })).toMatchObject({ ok: true });
    await expect(page.getByTestId('merch-detail')).toHaveCount(0);
    expect(await page.evaluate<string>('document.body.innerHTML')).not.toContain(name);
  } finally {
    await operator.send({ name: 'safeMode', on: false });
    await operator.send({ name: 'resume' });
    operator.close();
    await served.stop();
  }
});
