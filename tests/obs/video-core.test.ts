import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startCore, type Core } from '../../src/main/core/start';
import { OVERLAY_SCENE } from '../../src/main/obs/overlay-elements';
import { VIDEO_INPUT, VIDEO_SCENE } from '../../src/main/obs/video-playback';
import { LYRICS } from '../helpers/obs-sources';
import { screenshotPath } from '../helpers/display';
import { builtInPackInFolder } from '../helpers/pack-copy';
import { makeClip } from '../helpers/video-clips';
import { startObs, type ObsInstance } from './harness';
import { inputText, itemEnabled, recordingBridge, tempDataDir, waitFor } from './helpers';
import { describeWithObs } from './obs-suite';
import { OperatorClient } from './operator-client';

/*
 * "Play on stream" through the whole core: the operator's commands, the pack's video and its
 * subtitles, the OBS info the console shows, and safe mode taking a sensitive film off air.
 */

const CUES = (words: string[]) =>
  `WEBVTT\n\n${words
    .map((word, i) => `00:00:0${i * 2}.000 --> 00:00:0${i * 2 + 2}.000\n${word}\n`)
    .join('\n')}`;

function addFilms(packDir: string): void {
  const videos = path.join(packDir, 'media/videos');
  mkdirSync(videos, { recursive: true });
  copyFileSync(makeClip({ format: 'mp4', seconds: 8 }), path.join(videos, 'film.mp4'));
  writeFileSync(path.join(videos, 'film.ru.vtt'), CUES(['Свободу', 'политзаключённым', 'всем']));
  writeFileSync(path.join(videos, 'film.en.vtt'), CUES(['Freedom', 'for political', 'prisoners']));
  mkdirSync(path.join(packDir, 'videos'), { recursive: true });
  const item = (id: string, sensitive: boolean) =>
    [
      'kind: video',
      `id: ${id}`,
      'file: media/videos/film.mp4',
      'title: { en: Solidarity film, ru: Фильм солидарности }',
      'licence: CC BY 4.0',
      'language: ru',
      `sensitive: ${sensitive}`,
      'subtitles:',
      '  ru: media/videos/film.ru.vtt',
      '  en: media/videos/film.en.vtt',
      '',
    ].join('\n');
  writeFileSync(path.join(packDir, 'videos/film.yaml'), item('film', false));
  writeFileSync(path.join(packDir, 'videos/secret-film.yaml'), item('secret-film', true));
}

describeWithObs('"Play on stream" through the core', () => {
  let obs: ObsInstance;
  let core: Core;
  let data: { dir: string; cleanup: () => void };
  let pack: { root: string; packDir: string };
  let operator: OperatorClient;
  let probe: ReturnType<typeof recordingBridge>['bridge'];
  const rendererDir = path.resolve(__dirname, '../../out/renderer');

  beforeAll(async () => {
    obs = await startObs();
    data = tempDataDir();
    pack = builtInPackInFolder('solidarity-obs-video-');
    addFilms(pack.packDir);
    core = await startCore({
      contentDir: pack.packDir,
      port: 0,
      rendererDir,
      watch: false,
      dataDir: data.dir,
      log: () => {},
      obs: { env: {}, pollMs: 200 },
    });
    expect(core.store.snapshot().items.map((item) => item.id)).toContain('film');
    operator = OperatorClient.forCore(core);
    await operator.opened;
    ({ bridge: probe } = recordingBridge({ callTimeoutMs: 5_000 }));
    await probe.connect({ host: '127.0.0.1', port: obs.port, password: obs.password });
    expect(
      await operator.command({
        name: 'obsConfigure',
        host: '127.0.0.1',
        port: obs.port,
        password: obs.password,
      }),
    ).toMatchObject({ ok: true });
    expect(await operator.command({ name: 'obsSetup' })).toMatchObject({ ok: true });
  });

  /** The switch back has ended: OBS names the old program scene until its transition is over. */
  const programLeftVideoScene = () =>
    waitFor(
      'the program scene back from the video’s',
      async () =>
        (await probe.call('GetCurrentProgramScene')).currentProgramSceneName !== VIDEO_SCENE,
    );

  afterAll(async () => {
    operator?.close();
    await probe?.disconnect();
    await core?.stop();
    await obs?.stop();
    data?.cleanup();
    if (pack) rmSync(pack.root, { recursive: true, force: true });
  });

  it('plays the pack’s film with its subtitles, and the console sees its state', async () => {
    expect(await operator.command({ name: 'obsVideoPlay', itemId: 'film' })).toMatchObject({
      ok: true,
    });
    const { inputSettings } = await probe.call('GetInputSettings', { inputName: VIDEO_INPUT });
    expect(inputSettings.local_file).toBe(path.join(pack.packDir, 'media/videos/film.mp4'));
    await waitFor('a subtitle in the lyrics source', async () =>
      ['Свободу', 'политзаключённым'].includes(String(await inputText(probe, LYRICS))),
    );
    const info = await operator.waitForObs(
      'the media state',
      (o) => o.video?.state === 'playing' && (o.video.cursorMs ?? 0) > 0,
    );
    expect(info.video).toMatchObject({ itemId: 'film', state: 'playing' });
    expect(info.video?.durationMs).toBeGreaterThan(7_000);

    if (existsSync(path.join(rendererDir, 'index.html'))) {
      const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
      try {
        for (const [lang, width, height] of [
          ['en', 1280, 720],
          ['fr', 390, 844],
        ] as const) {
          const page = await browser.newPage({ viewport: { width, height } });
          const url = new URL(`http://127.0.0.1:${core.server.port}/operator`);
          url.searchParams.set('token', core.server.tokens.operator);
          url.searchParams.set('lang', lang);
          await page.goto(url.toString());
          const panel = page.getByTestId('obs-video');
          await panel.waitFor();
          await page.getByTestId('obs-video-status').waitFor();
          await panel.scrollIntoViewIfNeeded();
          await panel.screenshot({ path: screenshotPath(`obs-video-${lang}-${width}.png`) });
          await page.close();
        }
      } finally {
        await browser.close();
      }
    }

    expect(await operator.command({ name: 'obsVideoStop' })).toMatchObject({ ok: true });
    expect(await itemEnabled(probe, LYRICS)).toBe(false);
    await programLeftVideoScene();
  });

  it('refuses a sensitive film in safe mode, and safe mode takes one on air off', async () => {
    expect(await operator.command({ name: 'obsVideoPlay', itemId: 'secret-film' })).toMatchObject({
      ok: true,
    });
    await waitFor('the sensitive film to play', async () => {
      const status = await probe.call('GetMediaInputStatus', { inputName: VIDEO_INPUT });
      return status.mediaState === 'OBS_MEDIA_STATE_PLAYING';
    });
    expect(await operator.command({ name: 'safeMode', on: true })).toMatchObject({ ok: true });
    await operator.waitForObs('the film to stop', (o) => o.video?.state === 'stopped');
    await programLeftVideoScene();
    const status = await probe.call('GetMediaInputStatus', { inputName: VIDEO_INPUT });
    expect(status.mediaState).not.toBe('OBS_MEDIA_STATE_PLAYING');
    expect(await itemEnabled(probe, LYRICS)).toBe(false);

    const refused = await operator.command({ name: 'obsVideoPlay', itemId: 'secret-film' });
    expect(refused.ok).toBe(false);
    expect(refused.error).toMatch(/sensitive/);
    expect(await operator.command({ name: 'safeMode', on: false })).toMatchObject({ ok: true });
  });

  it('"under the overlays", chosen in the console: no scene switch, the film under every text', async () => {
    const { currentProgramSceneName: program } = await probe.call('GetCurrentProgramScene');
    if (existsSync(path.join(rendererDir, 'index.html'))) {
      const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
      try {
        for (const [lang, width, height, label] of [
          ['fr', 390, 844, 'Sous l’habillage'],
          ['en', 1280, 720, 'Under the overlays'],
        ] as const) {
          const page = await browser.newPage({ viewport: { width, height } });
          const url = new URL(`http://127.0.0.1:${core.server.port}/operator`);
          url.searchParams.set('token', core.server.tokens.operator);
          url.searchParams.set('lang', lang);
          await page.goto(url.toString());
          const choice = page.getByTestId('obs-video-placement');
          await choice.getByRole('radio', { name: label }).check();
          await waitFor(
            'the choice saved',
            () => operator.lastObs()?.videoPlacement === 'overlay-scene',
          );
          await page.getByTestId('obs-video').scrollIntoViewIfNeeded();
          await page
            .getByTestId('obs-video')
            .screenshot({ path: screenshotPath(`obs-video-placement-${lang}-${width}.png`) });
          await page.close();
        }
      } finally {
        await browser.close();
      }
    } else {
      expect(
        await operator.command({ name: 'obsVideoPlacement', placement: 'overlay-scene' }),
      ).toMatchObject({ ok: true });
    }
    expect(operator.lastObs()?.videoPlacement).toBe('overlay-scene');

    expect(await operator.command({ name: 'obsVideoPlay', itemId: 'film' })).toMatchObject({
      ok: true,
    });
    await waitFor('the film to play', async () => {
      const status = await probe.call('GetMediaInputStatus', { inputName: VIDEO_INPUT });
      return status.mediaState === 'OBS_MEDIA_STATE_PLAYING';
    });
    await waitFor('a subtitle in the lyrics source', async () =>
      ['Свободу', 'политзаключённым'].includes(String(await inputText(probe, LYRICS))),
    );
    expect((await probe.call('GetCurrentProgramScene')).currentProgramSceneName).toBe(program);
    const { sceneItems } = await probe.call('GetSceneItemList', { sceneName: OVERLAY_SCENE });
    const byIndex = [...sceneItems].sort(
      (a, b) => Number(a.sceneItemIndex) - Number(b.sceneItemIndex),
    );
    const videoAt = byIndex.findIndex((item) => item.sourceName === VIDEO_INPUT);
    const texts = byIndex
      .map((item, index) => ({ index, kind: item.inputKind }))
      .filter((item) => String(item.kind).startsWith('text_'));
    expect(videoAt).toBe(0);
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.every((text) => text.index > videoAt)).toBe(true);
    // Not also left in the scene of its own, where an earlier play put it.
    const own = await probe.call('GetSceneItemList', { sceneName: VIDEO_SCENE });
    expect(own.sceneItems.some((item) => item.sourceName === VIDEO_INPUT)).toBe(false);

    expect(await operator.command({ name: 'obsVideoStop' })).toMatchObject({ ok: true });
    expect((await probe.call('GetCurrentProgramScene')).currentProgramSceneName).toBe(program);
    expect(
      await operator.command({ name: 'obsVideoPlacement', placement: 'own-scene' }),
    ).toMatchObject({ ok: true });
  });
});
