import { expect, test, type Page } from '@playwright/test';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { addDays, calendarDate } from '../../src/shared/time';
import {
  openView,
  overflowProblems,
  screenshotPath,
  waitForSlide,
  withQuery,
} from '../helpers/display';
import { connectOperator, type OperatorClient } from '../helpers/operator';
import { repoRoot, serve, type Served } from '../helpers/serve';

/*
 * One picture per slide kind, for the docs and for people to look at. Written to
 * docs/screenshots/ only with UPDATE_SCREENSHOTS=1 (see docs/screenshots/README.md).
 */

const extrasPack = resolve(repoRoot, 'tests/fixtures/e2e/extras');

let builtIn: Served;
let extras: Served;
let extrasDir: string;
let operator: OperatorClient;
let extrasOperator: OperatorClient;

test.beforeAll(async () => {
  // The extras pack plus an event three days from now, so the countdown has something to
  // count whatever day the test runs.
  extrasDir = mkdtempSync(join(tmpdir(), 'screens-extras-'));
  cpSync(extrasPack, extrasDir, { recursive: true });
  const inThreeDays = addDays(calendarDate(Date.now(), 'Europe/Paris'), 3);
  writeFileSync(
    join(extrasDir, 'example-concert.yaml'),
    [
      'kind: event',
      'id: example-concert',
      'title:',
      '  en: Solidarity concert with the Arkadiy Kots Band',
      '  ru: Концерт солидарности с группой «Аркадий Коц»',
      '  fr: Concert de solidarité avec l’Arkadiy Kots Band',
      `start: ${inThreeDays}T19:30`,
      'timeZone: Europe/Paris',
      'venue: Example Hall',
      'address: 1 Example Street, Paris',
      'url: https://example.org/concert',
    ].join('\n'),
  );
  writeFileSync(
    join(extrasDir, 'playlists', 'extras.yaml'),
    'kind: playlist\nid: extras\ntitle: Extras\nitems: [ana-example, tagged-petition, example-concert, extras-safe]\n',
  );
  [builtIn, extras] = await Promise.all([serve(), serve({ content: extrasDir })]);
  operator = await connectOperator(builtIn.urls.operator);
  extrasOperator = await connectOperator(extras.urls.operator);
  // Nothing moves on while a picture is taken.
  await operator.send({ name: 'pause' });
  await extrasOperator.send({ name: 'pause' });
});

test.afterAll(async () => {
  operator?.close();
  extrasOperator?.close();
  await Promise.all([builtIn?.stop(), extras?.stop()]);
  if (extrasDir) rmSync(extrasDir, { recursive: true, force: true });
});

async function shoot(
  page: Page,
  ops: OperatorClient,
  url: string,
  itemId: string,
  name: string,
  viewport = { width: 1920, height: 1080 },
  lang = 'en',
) {
  await page.setViewportSize(viewport);
  await openView(page, withQuery(url, { lang }));
  expect(await ops.send({ name: 'goTo', itemId })).toMatchObject({ ok: true });
  await waitForSlide(page, itemId);
  expect(await overflowProblems(page)).toEqual([]);
  await page.screenshot({ path: screenshotPath(name), animations: 'disabled' });
}

const kinds: [string, string, string][] = [
  ['case', 'boris-kagarlitsky', 'en'],
  ['lyrics', 'internationale', 'en'],
  ['drawing', 'placeholder-sailing-ship', 'en'],
  ['action', 'free-boris-site', 'en'],
  ['event', 'concert-paris-2023-10-01', 'fr'],
  ['statement', 'call-to-action', 'en'],
  ['song', 'il-galeone', 'ru'],
];

for (const [kind, itemId, lang] of kinds) {
  test(`screenshot: ${kind}`, async ({ page }) => {
    await shoot(page, operator, builtIn.urls.display, itemId, `${kind}.png`, undefined, lang);
  });
}

test('screenshot: portrait case and action, in Russian', async ({ page }) => {
  const portrait = { width: 1080, height: 1920 };
  const url = builtIn.urls.display;
  await shoot(page, operator, url, 'azat-miftakhov', 'portrait-case.png', portrait, 'ru');
  await shoot(page, operator, url, 'free-boris-site', 'portrait-action.png', portrait, 'ru');
});

test('screenshot: a released case with a photo, and an upcoming event', async ({ page }) => {
  await shoot(page, extrasOperator, extras.urls.display, 'ana-example', 'case-released.png');
  await shoot(page, extrasOperator, extras.urls.display, 'example-concert', 'event-upcoming.png');
});

test('screenshot: the merch table, browsing and one case', async ({ page }) => {
  await shoot(page, extrasOperator, extras.urls.display, 'extras-safe', 'merch-loop.png');
  await page.mouse.click(960, 540);
  await expect(page.getByTestId('merch-browse')).toBeVisible();
  await page.evaluate('document.fonts.ready');
  await page.screenshot({ path: screenshotPath('merch-browse.png'), animations: 'disabled' });
  await page.locator('.merch-card[data-item-id="ana-example"]').click();
  await expect(page.getByTestId('merch-detail')).toBeVisible();
  await page.evaluate('document.fonts.ready.then(() => window.__probe.frames(2))');
  expect(await overflowProblems(page)).toEqual([]);
  await page.screenshot({ path: screenshotPath('merch-detail.png'), animations: 'disabled' });
});
