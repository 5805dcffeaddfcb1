import { expect, test, type Page } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { resolve } from 'node:path';
import { loadPack } from '../../src/main/content';
import type { LoadedItem, Pack } from '../../src/shared/content';
import { eventIsOver, tagLink } from '../../src/shared/time';
import { openView, waitForSlide } from '../helpers/display';
import { connectOperator } from '../helpers/operator';
import { builtInPack, repoRoot, serve } from '../helpers/serve';

/** The link each slide's QR code must open, worked out from the pack, not from the app. */
function expectedLink(item: LoadedItem, pack: Pack, now: number): string | null {
  switch (item.kind) {
    case 'case':
      return item.links[0]?.url ?? null;
    case 'action':
      return item.tagLink ? tagLink(item.url, pack.campaignTag) : item.url;
    case 'song':
      return item.sections.length === 0 ? (item.video ?? null) : null;
    case 'event':
      return item.url && !eventIsOver(item, now) ? item.url : null;
    default:
      return null;
  }
}

/** Scans the QR code on screen the way a phone would: from pixels, not from the DOM. */
async function scanQr(page: Page): Promise<{ text: string | null; size: number }> {
  const code = page.locator('.slide-frame[data-phase="in"] svg[data-qr-value]');
  await expect(code).toHaveCount(1);
  const box = await code.locator('xpath=..').boundingBox();
  const image = PNG.sync.read(await code.screenshot({ animations: 'disabled' }));
  const found = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
  return { text: found?.data ?? null, size: Math.min(box?.width ?? 0, box?.height ?? 0) };
}

const packs = [
  { name: 'the built-in pack', dir: builtInPack },
  // Its action is tagged: the campaign tag must be in the code, exactly.
  { name: 'the e2e extras pack', dir: resolve(repoRoot, 'tests/fixtures/e2e/extras') },
];

for (const { name, dir } of packs) {
  test(`every QR code in ${name} scans to exactly its link`, async ({ page }) => {
    const { pack, items } = await loadPack(dir);
    if (!pack) throw new Error(`${dir} did not load`);
    const withCodes = items
      .map((item) => ({ item, link: expectedLink(item, pack, Date.now()) }))
      .filter((entry): entry is { item: LoadedItem; link: string } => entry.link !== null);
    expect(withCodes.filter(({ item }) => item.kind === 'action').length).toBeGreaterThan(0);
    expect(withCodes.filter(({ item }) => item.kind === 'case').length).toBeGreaterThan(0);

    const served = await serve({ content: dir });
    const operator = await connectOperator(served.urls.operator);
    try {
      await operator.send({ name: 'pause' });
      for (const viewport of [
        { width: 1920, height: 1080 },
        { width: 1024, height: 768 },
      ]) {
        await page.setViewportSize(viewport);
        await openView(page, served.urls.display);
        for (const { item, link } of withCodes) {
          expect(await operator.send({ name: 'goTo', itemId: item.id })).toMatchObject({
            ok: true,
          });
          await waitForSlide(page, item.id);
          const scanned = await scanQr(page);
          expect(scanned.text, `${item.id} at ${viewport.width}x${viewport.height}`).toBe(link);
          if (item.kind === 'action') {
            // Sized for the back of the hall: most of the screen's shorter side.
            expect(scanned.size).toBeGreaterThan(0.65 * Math.min(viewport.width, viewport.height));
          }
        }
      }
      if (dir !== builtInPack) {
        expect(withCodes.map(({ link }) => link)).toContain(
          'https://example.org/petition?lang=en&utm_source=solidarity-screens&utm_medium=kiosk&utm_campaign=e2e-test',
        );
      }
    } finally {
      operator.close();
      await served.stop();
    }
  });
}
