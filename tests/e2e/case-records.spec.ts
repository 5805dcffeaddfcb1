import { expect, test, type Page } from '@playwright/test';
import {
  openView,
  overflowProblems,
  screenshotPath,
  waitForSlide,
  withQuery,
} from '../helpers/display';
import type { OperatorClient } from '../helpers/operator';
import { copyPack, servePaused, type PausedShow } from '../helpers/pack-copy';
import { builtInPack, type Served } from '../helpers/serve';

/*
 * Case records on the real screens (issue 19): the corrected counters and the age of the facts
 * on both built-in cases, in three languages and in portrait; the console's banner with a fake
 * clock; the merch table's timeline with its sources. Pictures go to docs/screenshots/ with
 * UPDATE_SCREENSHOTS=1.
 */

let show: PausedShow;
let server: Served;
let operator: OperatorClient;

test.beforeAll(async () => {
  // The built-in pack with the merch table on, so its detail view can be seen too.
  const packDir = copyPack(
    builtInPack,
    (yaml) => yaml.replace('display:\n', 'display:\n  merchTable:\n    idleSeconds: 600\n'),
    'cases-pack-',
  );
  show = await servePaused(packDir);
  ({ server, operator } = show);
});

test.afterAll(async () => {
  await show?.stop();
});

async function showCase(page: Page, itemId: string, lang: string, name: string, portrait = false) {
  await page.setViewportSize(
    portrait ? { width: 1080, height: 1920 } : { width: 1920, height: 1080 },
  );
  await openView(page, withQuery(server.urls.display, { lang }));
  expect(await operator.send({ name: 'goTo', itemId })).toMatchObject({ ok: true });
  await waitForSlide(page, itemId);
  expect(await overflowProblems(page)).toEqual([]);
  await page.screenshot({ path: screenshotPath(name), animations: 'disabled' });
}

const LANGS = ['en', 'ru', 'fr'] as const;

for (const lang of LANGS) {
  test(`both cases in ${lang}: the counters over their periods, with the age of the facts`, async ({
    page,
  }) => {
    for (const portrait of [false, true]) {
      const suffix = `${lang}${portrait ? '-portrait' : ''}.png`;
      await showCase(page, 'azat-miftakhov', lang, `case-azat-${suffix}`, portrait);
      const azat = page.getByTestId('days-behind-bars');
      // February 2019 is known only to the month: a lower bound, and the month said.
      await expect(azat.locator('.case-days-more-than')).toBeVisible();
      await expect(azat.locator('.case-days-since')).toContainText('2019');
      // The facts are from March 2024: older than 90 days, so their date sits by the number.
      await expect(page.getByTestId('facts-confirmed')).toContainText('2024');

      await showCase(page, 'boris-kagarlitsky', lang, `case-boris-${suffix}`, portrait);
      await expect(
        page.getByTestId('days-behind-bars').locator('.case-days-more-than'),
      ).toHaveCount(0);
      await expect(page.getByTestId('facts-confirmed')).toContainText('2024');
      await expect(page.getByTestId('case-sentence')).toBeVisible();
    }
  });
}

test('the merch table shows the whole record, with its sources as text footnotes', async ({
  page,
}) => {
  await showCase(page, 'azat-miftakhov', 'en', 'merch-case-loop.png');
  await page.mouse.click(960, 540);
  await expect(page.getByTestId('merch-browse')).toBeVisible();
  await page.locator('.merch-card[data-item-id="azat-miftakhov"]').click();
  await expect(page.getByTestId('merch-detail')).toBeVisible();
  const record = page.getByTestId('case-record');
  await record.scrollIntoViewIfNeeded();
  await expect(page.getByTestId('case-timeline').locator('li')).toHaveCount(4);
  await expect(page.getByTestId('case-sentences').locator('li')).toHaveCount(2);
  const sources = page.getByTestId('case-sources').locator('li');
  await expect(sources).toHaveCount(3);
  await expect(sources.first()).toContainText('Meduza: Moscow court sentences');
  await expect(sources.first()).toContainText('https://meduza.io/');
  // Sources are words, never a second QR code competing with the campaign's.
  await expect(record.locator('svg[data-qr-value]')).toHaveCount(0);
  await page.evaluate('document.fonts.ready');
  await page.screenshot({ path: screenshotPath('merch-case-record.png'), animations: 'disabled' });
});

test.describe('the console', () => {
  async function openConsole(page: Page, now: string) {
    await page.clock.install({ time: new Date(now) });
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(server.urls.operator);
    await expect(page.getByTestId('operator')).toBeVisible();
  }

  test('puts old case facts first, above everything, by file and date', async ({ page }) => {
    await openConsole(page, '2026-12-06T10:00:00');
    const banner = page.getByTestId('stale-facts');
    await expect(banner).toContainText(
      'cases/azat-miftakhov.yaml: the facts are from 2024-03; check them before the show',
    );
    await expect(banner).toContainText(
      'cases/boris-kagarlitsky.yaml: the facts are from 2024-06-05',
    );
    const box = await banner.boundingBox();
    expect(box?.y).toBe(0);
    const header = await page.locator('.op-header').boundingBox();
    expect(header!.y).toBeGreaterThanOrEqual(box!.y + box!.height);
    await page.screenshot({ path: screenshotPath('operator-stale-facts.png') });
  });

  test('names only the cases past the limit, and none while all are fresh', async ({ page }) => {
    // 1 July 2024: Azat's facts (March) are over 90 days old; Boris's (5 June) are not.
    await openConsole(page, '2024-07-01T10:00:00');
    const banner = page.getByTestId('stale-facts');
    await expect(banner).toContainText('cases/azat-miftakhov.yaml');
    await expect(banner).not.toContainText('boris');
    await page.clock.setFixedTime(new Date('2024-05-15T10:00:00'));
    await page.reload();
    await expect(page.getByTestId('operator')).toBeVisible();
    await expect(page.getByTestId('stale-facts')).toHaveCount(0);
  });

  test('speaks the console’s language', async ({ page }) => {
    await page.clock.install({ time: new Date('2026-12-06T10:00:00') });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(withQuery(server.urls.operator, { lang: 'fr' }));
    await expect(page.getByTestId('stale-facts')).toContainText(
      'cases/azat-miftakhov.yaml\u00a0: les faits datent de 2024-03',
    );
    await page.screenshot({ path: screenshotPath('operator-stale-facts-fr-phone.png') });
  });
});
