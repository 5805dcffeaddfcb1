import { expect, test, type Page } from '@playwright/test';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openView, screenshotPath, withQuery } from '../helpers/display';
import { connectOperator, type OperatorClient } from '../helpers/operator';
import { serve, type Served } from '../helpers/serve';
import { hasFfmpeg, makeClip } from '../helpers/video-clips';

/*
 * Needs engineer A's loader and media route (branch wt/video-content), merged first.
 * A pack made here: two videos (one subtitled in English and French) with slides between
 * them, a corrupt video, and a sensitive one. Debian's Chromium is checked for H.264 below;
 * the clips are WebM (VP9 + Opus), which every Chromium plays.
 */
let server: Served;
let operator: OperatorClient;
let root: string;

const vtt = (cues: [string, string, string][]) =>
  `WEBVTT\n\n${cues.map(([from, to, text]) => `${from} --> ${to}\n${text}\n`).join('\n')}`;

function writePack(dir: string): void {
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  };
  write(
    'pack.yaml',
    'title: Video test\nlanguages: [en, fr]\ndefaultLanguage: en\ndefaultPlaylist: main\n',
  );
  write(
    'statements/before.yaml',
    'kind: statement\ntext:\n  en: Before the films\n  fr: Avant les films\n',
  );
  write(
    'statements/between.yaml',
    'kind: statement\ntext:\n  en: Between the films\n  fr: Entre les films\n',
  );
  mkdirSync(path.join(dir, 'media/videos'), { recursive: true });
  copyFileSync(
    makeClip({ format: 'webm', seconds: 6 }),
    path.join(dir, 'media/videos/film-a.webm'),
  );
  copyFileSync(
    makeClip({ format: 'webm', seconds: 4 }),
    path.join(dir, 'media/videos/film-b.webm'),
  );
  // A real file's header (so the loader's byte check passes), then garbage where the frames
  // are: it starts to load, and fails when the frames are decoded.
  const corrupt = readFileSync(makeClip({ format: 'webm', seconds: 4 }));
  corrupt.fill(0x5a, 600, corrupt.length - 600);
  writeFileSync(path.join(dir, 'media/videos/corrupt.webm'), corrupt);
  write(
    'media/videos/film-a.en.vtt',
    vtt([
      ['00:00.000', '00:02.500', 'Free them all'],
      ['00:02.500', '00:06.000', 'Second line'],
    ]),
  );
  write(
    'media/videos/film-a.fr.vtt',
    vtt([
      ['00:00.000', '00:02.500', 'Libérez-les tous'],
      ['00:02.500', '00:06.000', 'Deuxième ligne'],
    ]),
  );
  const video = (id: string, file: string, extra = '') =>
    write(
      `videos/${id}.yaml`,
      `kind: video\nfile: media/videos/${file}\ntitle:\n  en: Film ${id}\nlicence: CC BY 4.0\n${extra}`,
    );
  video(
    'film-a',
    'film-a.webm',
    'language: en\nsubtitles:\n  en: media/videos/film-a.en.vtt\n  fr: media/videos/film-a.fr.vtt\n',
  );
  video('film-b', 'film-b.webm');
  // SubRip for the original, WebVTT for the translation: a screen reads both with one parser.
  write(
    'media/videos/film-c.en.srt',
    '1\r\n00:00:01,000 --> 00:00:02,500\r\n<i>First</i> SubRip line\r\n\r\n' +
      '2\r\n00:00:02,500 --> 00:00:04,000\r\nSecond SubRip line\r\n',
  );
  write(
    'media/videos/film-c.fr.vtt',
    vtt([
      ['00:01.000', '00:02.500', 'Première ligne WebVTT'],
      ['00:02.500', '00:04.000', 'Deuxième ligne WebVTT'],
    ]),
  );
  video(
    'film-c',
    'film-b.webm',
    'language: en\nsubtitles:\n  en: media/videos/film-c.en.srt\n  fr: media/videos/film-c.fr.vtt\n',
  );
  video('corrupt', 'corrupt.webm');
  video('secret', 'film-b.webm', 'sensitive: true\n');
  write(
    'playlists/main.yaml',
    'kind: playlist\ntitle: Main\nduration: 3\nitems:\n  - before\n  - { item: film-a, duration: 6 }\n  - between\n  - { item: film-b, duration: 4 }\n',
  );
  write(
    'playlists/subtitled.yaml',
    'kind: playlist\ntitle: Subtitled\nitems:\n  - { item: film-c, duration: 4 }\n  - between\n',
  );
  write(
    'playlists/faults.yaml',
    'kind: playlist\ntitle: Faults\nitems:\n  - corrupt\n  - between\n',
  );
  write(
    'playlists/secret-list.yaml',
    'kind: playlist\ntitle: Secret\nitems:\n  - secret\n  - between\n',
  );
}

test.beforeAll(async () => {
  test.skip(!hasFfmpeg(), 'ffmpeg makes the test clips');
  root = mkdtempSync(path.join(os.tmpdir(), 'video-e2e-'));
  writePack(root);
  server = await serve({ content: root });
  operator = await connectOperator(server.urls.operator);
});

test.afterAll(async () => {
  operator?.close();
  await server?.stop();
  if (root) rmSync(root, { recursive: true, force: true });
});

/**
 * Counts painted frames with nothing on screen: no slide, or a video slide without a frame.
 * A video that has had a frame and is seeking drops to HAVE_METADATA, but Chromium keeps its
 * last frame on screen meanwhile (drawn to a canvas mid-seek, it is the whole picture), so a
 * seek is not a black frame; a video that never had one is. Each black frame is written down
 * (item, phase, readyState), so a failure says which switch it was.
 */
async function startBlackFrameCounter(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    window.__black = []; window.__frames = 0;
    const hadFrame = new WeakSet();
    const tick = () => {
      window.__frames += 1;
      for (const v of document.querySelectorAll('.slide-frame video')) {
        if (v.readyState >= 2) hadFrame.add(v);
      }
      const frames = [...document.querySelectorAll('.slide-frame')]
        .filter((f) => f.getAttribute('data-phase') !== 'upcoming');
      const painted = frames.some((f) => {
        const v = f.querySelector('video');
        return !v || v.readyState >= 2 || (v.seeking && hadFrame.has(v));
      });
      if (!painted) {
        window.__black.push(frames.map((f) => {
          const v = f.querySelector('video');
          const state = v ? ' readyState ' + v.readyState + (v.seeking ? ' seeking' : '') : '';
          return f.getAttribute('data-item-id') + ' ' + f.getAttribute('data-phase') + state;
        }).join(', ') || 'no frame');
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
}

const videoOnAir = (page: Page) => page.locator('.slide-frame[data-phase="in"] video');
const currentTime = (page: Page) =>
  videoOnAir(page).evaluate((v) => (v as unknown as { currentTime: number }).currentTime);

test('Chromium here: which codecs it plays', async ({ page }) => {
  await page.goto(withQuery(server.urls.display, { lang: 'en' }));
  const support = await page.evaluate<{ h264: string; vp9: string }>(`({
    h264: document.createElement('video').canPlayType('video/mp4; codecs="avc1.42E01E"'),
    vp9: document.createElement('video').canPlayType('video/webm; codecs="vp9, opus"'),
  })`);
  console.log(`codec support: ${JSON.stringify(support)}`);
  expect(support.vp9).not.toBe('');
});

test('two videos with slides between them: plays, subtitles at cue times in the screen language, no black frame', async ({
  browser,
}) => {
  await operator.send({ name: 'setPlaylist', playlistId: 'main' });
  await operator.send({ name: 'goTo', itemId: 'before' });
  const en = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const fr = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await openView(en, withQuery(server.urls.display, { lang: 'en' }));
  await openView(fr, withQuery(server.urls.display, { lang: 'fr' }));
  await expect(en.locator('.stage')).toHaveAttribute('data-item-id', 'before', { timeout: 15_000 });
  await startBlackFrameCounter(en);
  await startBlackFrameCounter(fr);

  await expect(en.locator('.stage')).toHaveAttribute('data-item-id', 'film-a', { timeout: 10_000 });
  const t0 = await currentTime(en);
  await expect.poll(() => currentTime(en), { timeout: 5_000 }).toBeGreaterThan(t0 + 0.5);
  await expect(en.getByTestId('video-subtitles')).toContainText('Free them all');
  await expect(fr.getByTestId('video-subtitles')).toContainText('Libérez-les tous');
  // The original (English) line over the French translation on the French screen.
  await expect(fr.getByTestId('video-subtitles')).toContainText('Free them all');
  await expect(en.getByTestId('video-subtitles')).not.toContainText('Libérez');
  await expect(en.getByTestId('video-subtitles')).toContainText('Second line', { timeout: 5_000 });
  await expect(fr.getByTestId('video-subtitles')).toContainText('Deuxième ligne');
  await fr.screenshot({ path: screenshotPath('video-subtitled-fr.png') });

  await expect(en.locator('.stage')).toHaveAttribute('data-item-id', 'between', {
    timeout: 10_000,
  });
  await expect(en.locator('.stage')).toHaveAttribute('data-item-id', 'film-b', { timeout: 10_000 });
  await expect.poll(() => currentTime(en), { timeout: 5_000 }).toBeGreaterThan(0.3);
  await expect(en.locator('.stage')).toHaveAttribute('data-item-id', 'before', { timeout: 10_000 });

  for (const page of [en, fr]) {
    const { black, frames } = (await page.evaluate(
      '({ black: window.__black, frames: window.__frames })',
    )) as {
      black: string[];
      frames: number;
    };
    expect(frames).toBeGreaterThan(100);
    expect(black, 'frames painted with nothing on screen').toEqual([]);
  }
  await en.close();
  await fr.close();
});

test('SubRip and WebVTT subtitles both show the right line at the cue times', async ({
  browser,
}) => {
  await operator.send({ name: 'setPlaylist', playlistId: 'subtitled' });
  await operator.send({ name: 'goTo', itemId: 'film-c' });
  expect((await operator.send({ name: 'videoPause' })).ok).toBe(true);
  const en = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const fr = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await openView(en, withQuery(server.urls.display, { lang: 'en' }));
  await openView(fr, withQuery(server.urls.display, { lang: 'fr' }));
  for (const page of [en, fr]) {
    await expect(page.locator('.stage')).toHaveAttribute('data-item-id', 'film-c', {
      timeout: 10_000,
    });
  }
  const at = async (ms: number) => {
    expect((await operator.send({ name: 'videoSeek', ms })).ok).toBe(true);
    for (const page of [en, fr]) {
      await expect.poll(() => currentTime(page)).toBeGreaterThan(ms / 1000 - 0.05);
    }
  };
  // Paused at the start, before the first cue: no line. (A screen seeks only on a jump of
  // more than DRIFT_SEEK_MS, so the seeks below are 1.5 s apart.)
  await expect(en.getByTestId('video-subtitles')).toHaveCount(0);
  await at(1_500);
  await expect(en.getByTestId('video-subtitles')).toHaveText('First SubRip line');
  await expect(fr.locator('.video-subtitles .lyric-original')).toHaveText('First SubRip line');
  await expect(fr.locator('.video-subtitles .lyric-translation')).toHaveText(
    'Première ligne WebVTT',
  );
  await at(3_000);
  await expect(en.getByTestId('video-subtitles')).toHaveText('Second SubRip line');
  await expect(fr.locator('.video-subtitles .lyric-translation')).toHaveText(
    'Deuxième ligne WebVTT',
  );
  await fr.screenshot({ path: screenshotPath('video-subtitled-srt-fr.png') });
  // Playing on: the line follows the video's own time to the end of the last cue.
  expect((await operator.send({ name: 'videoResume' })).ok).toBe(true);
  await expect(en.getByTestId('video-subtitles')).toHaveCount(0, { timeout: 5_000 });
  await en.close();
  await fr.close();
});

test('the operator pauses, seeks and restarts; every screen follows', async ({ page }) => {
  await operator.send({ name: 'setPlaylist', playlistId: 'main' });
  await operator.send({ name: 'goTo', itemId: 'film-a' });
  await openView(page, withQuery(server.urls.display, { lang: 'en' }));
  await expect(page.locator('.stage')).toHaveAttribute('data-item-id', 'film-a', {
    timeout: 10_000,
  });
  expect((await operator.send({ name: 'videoPause' })).ok).toBe(true);
  await expect
    .poll(() => videoOnAir(page).evaluate((v) => (v as unknown as { paused: boolean }).paused))
    .toBe(true);
  const held = await currentTime(page);
  await page.waitForTimeout(800);
  expect(Math.abs((await currentTime(page)) - held)).toBeLessThan(0.1);
  expect((await operator.send({ name: 'videoSeek', ms: 4_000 })).ok).toBe(true);
  await expect.poll(() => currentTime(page)).toBeGreaterThan(3.9);
  expect((await operator.send({ name: 'videoResume' })).ok).toBe(true);
  await expect.poll(() => currentTime(page)).toBeGreaterThan(4.3);
  expect((await operator.send({ name: 'videoRestart' })).ok).toBe(true);
  await expect.poll(() => currentTime(page)).toBeLessThan(1.5);
  // In the console: the time and the controls.
  const consolePage = await page.context().newPage();
  await consolePage.goto(withQuery(server.urls.operator, { lang: 'en' }));
  await expect(consolePage.getByTestId('video-time')).toContainText(/\d\d:\d\d \/ /);
  await consolePage.getByTestId('video-toggle').click();
  await expect.poll(() => operator.show().video?.paused).toBe(true);
  await consolePage.getByTestId('video-toggle').click();
  await expect.poll(() => operator.show().video?.paused).toBe(false);
  await consolePage.close();
});

test('a corrupt video is skipped once and reported in the console with file and reason', async ({
  page,
}) => {
  await openView(page, withQuery(server.urls.display, { lang: 'en' }));
  await operator.send({ name: 'setPlaylist', playlistId: 'faults' });
  await operator.send({ name: 'goTo', itemId: 'corrupt' });
  await expect.poll(() => operator.show().itemId, { timeout: 10_000 }).toBe('between');
  const faults = operator.show().videoFaults ?? [];
  expect(faults.filter((f) => f.itemId === 'corrupt')).toHaveLength(1);
  expect(faults.at(-1)).toMatchObject({ file: 'media/videos/corrupt.webm' });
  const consolePage = await page.context().newPage();
  await consolePage.goto(withQuery(server.urls.operator, { lang: 'en' }));
  await expect(consolePage.getByTestId('video-faults')).toContainText('media/videos/corrupt.webm');
  await consolePage.close();
});

test('a video file that went missing is skipped and reported as missing', async ({ page }) => {
  await operator.send({ name: 'setPlaylist', playlistId: 'main' });
  await operator.send({ name: 'goTo', itemId: 'between' });
  // The file went away mid-show (a USB stick pulled): this screen's requests get a 404.
  await page.route('**/media/videos/film-b.webm*', (route) => route.fulfill({ status: 404 }));
  await openView(page, withQuery(server.urls.display, { lang: 'en' }));
  await expect(page.locator('.stage')).toHaveAttribute('data-item-id', 'between', {
    timeout: 10_000,
  });
  await operator.send({ name: 'goTo', itemId: 'film-b' });
  await expect
    .poll(() => (operator.show().videoFaults ?? []).some((f) => f.itemId === 'film-b'), {
      timeout: 10_000,
    })
    .toBe(true);
  expect(operator.show().videoFaults?.find((f) => f.itemId === 'film-b')?.reason).toBe('missing');
  expect(operator.show().itemId).not.toBe('film-b');
});

test('safe mode hides a sensitive video at once', async ({ page }) => {
  await operator.send({ name: 'setPlaylist', playlistId: 'secret-list' });
  await operator.send({ name: 'goTo', itemId: 'secret' });
  await openView(page, withQuery(server.urls.display, { lang: 'en' }));
  await expect(page.locator('.stage')).toHaveAttribute('data-item-id', 'secret', {
    timeout: 10_000,
  });
  await operator.send({ name: 'safeMode', on: true });
  await expect(page.locator('[data-item-id="secret"]')).toHaveCount(0);
  await expect(page.locator('video')).toHaveCount(0);
  await operator.send({ name: 'safeMode', on: false });
});
