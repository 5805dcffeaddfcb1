import { expect, test } from '@playwright/test';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openView, screenshotPath, withQuery } from '../helpers/display';
import { connectOperator, type OperatorClient } from '../helpers/operator';
import { serve, type Served } from '../helpers/serve';
import { hasFfmpeg, makeClip } from '../helpers/video-clips';

/*
 * A volunteer adds a video from the console, without copying a file by hand: the clip is
 * uploaded (its poster made from a frame in the browser), English subtitles are uploaded,
 * the item is saved, and the display plays it with the subtitle.
 */
let server: Served;
let operator: OperatorClient | undefined;
let root: string;

test.beforeEach(async () => {
  test.skip(!hasFfmpeg(), 'ffmpeg makes the test clip');
  root = mkdtempSync(path.join(os.tmpdir(), 'editor-video-e2e-'));
  mkdirSync(path.join(root, 'statements'), { recursive: true });
  writeFileSync(
    path.join(root, 'pack.yaml'),
    'title: Upload test\nlanguages: [en, fr]\ndefaultLanguage: en\n',
  );
  writeFileSync(
    path.join(root, 'statements/hello.yaml'),
    'kind: statement\ntext:\n  en: Free them all\n  fr: Libérez-les tous\n',
  );
  server = await serve({ content: root });
});

test.afterEach(async () => {
  operator?.close();
  await server?.stop();
  if (root) rmSync(root, { recursive: true, force: true });
});

test('a video uploaded from the console gets a poster and subtitles, saves, and plays', async ({
  page,
  browser,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`${server.urls.operator}&lang=en`);
  await expect(page.getByTestId('connection')).toHaveText(/Connected/);
  await page.getByTestId('tab-content').click();
  await page.getByTestId('add-item').click();
  await page.getByTestId('new-video').click();
  await page.getByTestId('new-title').fill('Galeone');
  await page.getByTestId('create').click();
  const item = page.getByTestId('item-page');
  await expect(item).toHaveAttribute('data-item-id', 'galeone');

  // A text file named .mp4 is refused by its bytes, with the reason.
  await item.getByLabel('Choose a video…').setInputFiles({
    name: 'fake.mp4',
    mimeType: 'video/mp4',
    buffer: Buffer.from('not a film at all\n'.repeat(50)),
  });
  await expect(item.getByRole('alert')).toContainText('fake.mp4 is not a video');

  await item.getByLabel('Choose a video…').setInputFiles(makeClip({ format: 'webm', seconds: 4 }));
  await expect(item.getByText('In the pack as media/videos/')).toBeVisible({ timeout: 15_000 });
  // The poster: a frame drawn in the browser, uploaded as a picture, shown beside the video.
  const poster = item.getByRole('img', { name: "The video's poster" });
  await expect(poster).toBeVisible({ timeout: 15_000 });
  const images = readdirSync(path.join(root, 'media/images'));
  expect(images).toHaveLength(1);
  const posterBytes = readFileSync(path.join(root, 'media/images', images[0]!));
  expect(posterBytes.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
  expect(readdirSync(path.join(root, 'media/videos'))).toEqual([expect.stringMatching(/\.webm$/)]);

  // French has no subtitles yet: marked, as validate warns.
  await expect(item.getByText('No subtitles in fr')).toBeVisible();
  await item.getByLabel('Upload subtitles in en').setInputFiles({
    name: 'galeone.vtt',
    mimeType: 'text/vtt',
    buffer: Buffer.from('WEBVTT\n\n00:00.000 --> 00:04.000\nIl Galeone, sung free\n'),
  });
  await expect(item.getByText('Read: 1 subtitle')).toBeVisible();
  await expect(item.getByText('media/subtitles/galeone.en.vtt')).toBeVisible();

  const licence = item.getByLabel(/^Licence/);
  await licence.fill('CC BY 4.0');
  await item.locator('.ed-video').scrollIntoViewIfNeeded();
  await expect
    .poll(() => poster.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth))
    .toBeGreaterThan(0);
  await page.screenshot({ path: screenshotPath('editor-video-form.png'), animations: 'disabled' });

  await page.getByTestId('save').click();
  await expect(page.getByTestId('save-status')).toHaveText(/Saved/, { timeout: 10_000 });
  const saved = readFileSync(path.join(root, 'videos/galeone.yaml'), 'utf8');
  expect(saved).toMatch(/file: media\/videos\/.+\.webm/);
  expect(saved).toMatch(/poster: media\/images\/.+\.jpg/);
  expect(saved).toContain('en: media/subtitles/galeone.en.vtt');

  operator = await connectOperator(server.urls.operator);
  const display = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await openView(display, withQuery(server.urls.display, { lang: 'en' }));
  await expect
    .poll(
      async () => {
        await operator!.send({ name: 'goTo', itemId: 'galeone' });
        return display.locator('.stage').getAttribute('data-item-id');
      },
      { timeout: 15_000 },
    )
    .toBe('galeone');
  await expect(display.getByTestId('video-subtitles')).toContainText('Il Galeone, sung free', {
    timeout: 10_000,
  });
  await display.close();
});
