import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ObsBridge } from '../../src/main/obs/bridge';
import { INPUT_PREFIX, OVERLAY_SCENE, nativeInputs } from '../../src/main/obs/overlay-elements';
import { addToScenes } from '../../src/main/obs/add-to-scenes';
import { setUpOverlays } from '../../src/main/obs/overlay-scene';
import {
  emptyOverlayState,
  overlayStateFor,
  type OverlayState,
} from '../../src/main/obs/overlay-state';
import type { ShowState } from '../../src/shared/protocol';
import { snapshot, song } from '../unit/main/show/content-fixtures';
import { OverlaySync } from '../../src/main/obs/overlay-sync';
import { listScenes, outputStatus, switchScene } from '../../src/main/obs/scenes';
import { startObs, type ObsInstance } from './harness';
import {
  decodeQr,
  inputText,
  itemEnabled,
  opaqueShare,
  recordingBridge,
  sceneSnapshot,
  screenshot,
  tempDataDir,
  waitFor,
} from './helpers';
import { describeWithObs } from './obs-suite';
import { LYRICS, LYRICS_SUB, LOWER as LOWER_THIRD, QR } from '../helpers/obs-sources';

const ACTION_URL = 'https://example.org/act/free-them?utm_source=stream';
const BASE_URL = 'http://127.0.0.1:4173/?token=overlay-token';

describeWithObs('overlays in a real OBS', () => {
  let obs: ObsInstance;
  let bridge: ObsBridge;
  let data: { dir: string; cleanup: () => void };
  let sync: OverlaySync;

  beforeAll(async () => {
    obs = await startObs();
    data = tempDataDir();
    ({ bridge } = recordingBridge({ callTimeoutMs: 5_000 }));
    const status = await bridge.connect({
      host: '127.0.0.1',
      port: obs.port,
      password: obs.password,
    });
    expect(status.state, status.message).toBe('connected');
    sync = new OverlaySync(bridge, { dataDir: data.dir });
  });

  afterAll(async () => {
    await bridge?.disconnect();
    await obs?.stop();
    data?.cleanup();
  });

  it('reports the OBS and obs-websocket versions when connected', () => {
    const status = bridge.status();
    expect(status).toMatchObject({ state: 'connected', obsWebSocketVersion: '5.1.0' });
    if (status.state === 'connected') expect(status.obsVersion).toMatch(/^29\./);
  });

  it('creates the scene and native sources (no browser_source in this build)', async () => {
    // A source of the user's own, with a name outside our prefix, in the default scene.
    await bridge.call('CreateInput', {
      sceneName: 'Scene',
      inputName: 'Band name',
      inputKind: 'text_ft2_source_v2',
      inputSettings: { text: 'The Prisoners of Conscience' },
    });

    const report = await setUpOverlays(bridge, { overlayBaseUrl: BASE_URL });
    expect(report).toMatchObject({
      scene: 'created',
      mode: 'native',
      textKind: 'text_ft2_source_v2',
      canvas: { width: 1280, height: 720 },
      unchanged: false,
    });
    expect(report.inputs.every((input) => input.input === 'created')).toBe(true);

    const { sceneItems } = await bridge.call('GetSceneItemList', { sceneName: OVERLAY_SCENE });
    const byName = new Map(sceneItems.map((item) => [String(item.sourceName), item]));
    for (const input of nativeInputs) {
      const item = byName.get(input.name);
      expect(item, input.name).toBeDefined();
      expect(item?.sceneItemEnabled, `${input.name} starts hidden`).toBe(false);
    }
    expect(byName.get(LYRICS)?.inputKind).toBe('text_ft2_source_v2');
    expect(byName.get(QR)?.inputKind).toBe('image_source');

    const lyrics = await bridge.call('GetInputSettings', { inputName: LYRICS });
    expect(lyrics.inputKind).toBe('text_ft2_source_v2');
    // The page's font; OBS's fontconfig draws the system's sans where Oswald is missing.
    expect(lyrics.inputSettings).toMatchObject({
      drop_shadow: true,
      font: { face: 'Oswald', style: 'Bold' },
    });
  });

  it('pressing setup again changes nothing, and leaves the user’s sources alone', async () => {
    // The user also put a source of their own into our scene.
    await bridge.call('CreateInput', {
      sceneName: OVERLAY_SCENE,
      inputName: 'My logo',
      inputKind: 'color_source_v3',
      inputSettings: { color: 4278190335, width: 64, height: 64 },
    });
    const userBefore = await bridge.call('GetInputSettings', { inputName: 'Band name' });
    const before = await sceneSnapshot(bridge);
    const defaultBefore = await sceneSnapshot(bridge, 'Scene');

    const report = await setUpOverlays(bridge, { overlayBaseUrl: BASE_URL });

    expect(report.unchanged).toBe(true);
    expect(report.scene).toBe('unchanged');
    expect(await sceneSnapshot(bridge)).toEqual(before);
    expect(await sceneSnapshot(bridge, 'Scene')).toEqual(defaultBefore);
    expect(await bridge.call('GetInputSettings', { inputName: 'Band name' })).toEqual(userBefore);
    expect(before.items.map((entry) => entry.item.sourceName)).toContain('My logo');
  });

  it('shows, updates and hides overlays through the sync', async () => {
    const state: OverlayState = {
      ...emptyOverlayState(),
      enabled: { lyrics: true, lowerThird: true, qr: true, drawing: false, nowPlaying: false },
      lyrics: { line: 'Whirlwinds of danger', translation: 'Вихри враждебные' },
      lowerThird: { title: 'Free them all', text: 'Sign the letter' },
      qr: { url: ACTION_URL },
    };
    const first = await sync.apply(state);
    expect(first.errors).toEqual([]);
    expect(await itemEnabled(bridge, LYRICS)).toBe(true);
    expect(await itemEnabled(bridge, LOWER_THIRD)).toBe(true);
    expect(await itemEnabled(bridge, QR)).toBe(true);
    expect(await itemEnabled(bridge, `${INPUT_PREFIX}Drawing`)).toBe(false);
    expect(await inputText(bridge, LYRICS)).toBe('Whirlwinds of danger');
    expect(await inputText(bridge, LYRICS_SUB)).toBe('Вихри враждебные');

    // A lyric advance is the two lines and at most the band's new size, and OBS has the text.
    const advance = await sync.apply({
      ...state,
      lyrics: { line: 'Dark forces oppress us', translation: 'Злобно нас гнетут' },
    });
    expect(advance.ok).toBe(true);
    expect(advance.sent).toBeGreaterThanOrEqual(2);
    expect(advance.sent).toBeLessThanOrEqual(3);
    expect(await inputText(bridge, LYRICS)).toBe('Dark forces oppress us');
    expect(await inputText(bridge, LYRICS_SUB)).toBe('Злобно нас гнетут');

    // The same state again sends nothing.
    expect(
      await sync.apply({
        ...state,
        lyrics: { line: 'Dark forces oppress us', translation: 'Злобно нас гнетут' },
      }),
    ).toMatchObject({ ok: true, sent: 0 });

    // Toggles change sceneItemEnabled.
    await sync.apply({ ...state, enabled: { ...state.enabled, lowerThird: false } });
    expect(await itemEnabled(bridge, LOWER_THIRD)).toBe(false);
    await sync.apply(state);
    expect(await itemEnabled(bridge, LOWER_THIRD)).toBe(true);
  });

  it('follows the show: the lyrics cursor moving changes the text source', async () => {
    const content = snapshot([
      song('bella', {
        title: 'Bella ciao',
        artist: 'Choir',
        language: 'it',
        sections: [
          {
            lines: [
              { it: 'Una mattina mi son svegliato', en: 'One morning I awakened' },
              { it: 'O bella ciao, bella ciao', en: 'Oh goodbye, beautiful' },
            ],
          },
        ],
      }),
    ]);
    const at = (line: number): ShowState => ({
      playlistId: null,
      sequence: 1,
      order: [],
      position: 0,
      itemId: 'bella',
      startedAt: 0,
      durationMs: 0,
      paused: false,
      remainingMs: null,
      blackout: false,
      safeMode: false,
      lyrics: { songId: 'bella', line, timed: null },
      setlist: null,
      // The sung language and English: both lines (a choice of English alone would show only
      // the translation, as the overlay page does).
      outputLanguages: { display: [], overlay: ['it', 'en'] },
      overlays: { lowerThird: true, lyrics: true, drawing: true, nowPlaying: true },
      stage: { message: null, language: null },
      serverTime: 0,
    });
    const previous = sync.current();
    await sync.apply(overlayStateFor(content, at(0), [], { contentDir: data.dir }));
    expect(await inputText(bridge, LYRICS)).toBe('Una mattina mi son svegliato');
    expect(await inputText(bridge, LYRICS_SUB)).toBe('One morning I awakened');
    expect(await inputText(bridge, `${INPUT_PREFIX}Now playing`)).toBe('BELLA CIAO');
    expect(await inputText(bridge, `${INPUT_PREFIX}Now playing artist`)).toBe('Choir');
    const advance = await sync.apply(overlayStateFor(content, at(1), [], { contentDir: data.dir }));
    expect(advance.ok).toBe(true);
    expect(await inputText(bridge, LYRICS)).toBe('O bella ciao, bella ciao');
    expect(await inputText(bridge, LYRICS_SUB)).toBe('Oh goodbye, beautiful');
    if (previous) await sync.apply(previous);
  });

  it('renders the text and a scannable QR code into the scene', async () => {
    /** An item's rectangle as OBS reports it (position and anchor, drawn size, bounds). */
    const box = async (name: string) => {
      const { sceneItemId } = await bridge.call('GetSceneItemId', {
        sceneName: OVERLAY_SCENE,
        sourceName: name,
      });
      const { sceneItemTransform: t } = await bridge.call('GetSceneItemTransform', {
        sceneName: OVERLAY_SCENE,
        sceneItemId,
      });
      const bounded = t.boundsType !== 'OBS_BOUNDS_NONE';
      const width = Number(bounded ? t.boundsWidth : t.sourceWidth);
      const height = Number(bounded ? t.boundsHeight : t.sourceHeight);
      const a = Number(t.alignment);
      const x = Number(t.positionX) - (a & 1 ? 0 : a & 2 ? width : width / 2);
      const y = Number(t.positionY) - (a & 4 ? 0 : a & 8 ? height : height / 2);
      return {
        x: Math.round(x),
        y: Math.round(y),
        width: Math.round(width),
        height: Math.round(height),
      };
    };
    // OBS draws a colour source's new size a frame after it is set, and the sync may still be
    // fitting a band to its text: read the boxes and the picture together until they agree.
    const { shot, qrBox, lowerBand, lyricsBand } = await waitFor(
      'the QR code and both bands in the screenshot',
      async () => {
        const lower = await box(`${LOWER_THIRD} band`);
        const lyrics = await box(`${LYRICS} band`);
        const candidate = await screenshot(bridge);
        const drawn = [lower, lyrics].every((band) => opaqueShare(candidate, band) > 0.99);
        return decodeQr(candidate) === ACTION_URL && drawn
          ? { shot: candidate, qrBox: await box(QR), lowerBand: lower, lyricsBand: lyrics }
          : null;
      },
    );
    if (process.env.OBS_SCREENSHOT_DIR) {
      // For a person checking the layout by eye.
      const png = new PNG({ width: shot.width, height: shot.height });
      shot.data.copy(png.data);
      writeFileSync(path.join(process.env.OBS_SCREENSHOT_DIR, 'overlays.png'), PNG.sync.write(png));
    }
    expect(shot.width).toBe(1280);
    expect(shot.height).toBe(720);
    // The QR image fills its box; the bands behind the text are opaque enough to read on.
    expect(opaqueShare(shot, qrBox)).toBeGreaterThan(0.9);
    expect(opaqueShare(shot, lowerBand)).toBeGreaterThan(0.99);
    expect(opaqueShare(shot, lyricsBand)).toBeGreaterThan(0.99);
    // Where nothing is, the scene is transparent, so the camera shows through.
    expect(opaqueShare(shot, { x: 300, y: 150, width: 300, height: 150 })).toBe(0);
  });

  it('nests the overlay scene into chosen program scenes, once', async () => {
    await bridge.call('CreateScene', { sceneName: 'Stage' });
    const first = await addToScenes(bridge, ['Stage', 'Nowhere', OVERLAY_SCENE]);
    expect(first).toEqual([
      { scene: 'Stage', result: 'added' },
      { scene: 'Nowhere', result: 'missing' },
      { scene: OVERLAY_SCENE, result: 'skipped' },
    ]);
    expect(await addToScenes(bridge, ['Stage'])).toEqual([
      { scene: 'Stage', result: 'already-there' },
    ]);
    const { sceneItems } = await bridge.call('GetSceneItemList', { sceneName: 'Stage' });
    expect(sceneItems.filter((item) => item.sourceName === OVERLAY_SCENE)).toHaveLength(1);
    expect(await bridge.call('GetSceneList').then((l) => l.scenes.length)).toBe(3);
  });

  it('lists scenes in dock order and switches the program scene', async () => {
    const list = await listScenes(bridge);
    expect(list.scenes).toEqual(['Scene', OVERLAY_SCENE, 'Stage']);
    expect(list.studioMode).toBe(false);
    expect(await switchScene(bridge, 'Stage')).toEqual({ switched: 'program' });
    expect((await bridge.call('GetCurrentProgramScene')).currentProgramSceneName).toBe('Stage');

    // In studio mode only the preview changes; the person at OBS makes the cut.
    await bridge.call('SetStudioModeEnabled', { studioModeEnabled: true });
    expect(await switchScene(bridge, 'Scene')).toEqual({ switched: 'preview' });
    // OBS applies studio-mode changes on its UI thread, a moment after answering.
    await waitFor(
      'the preview to change',
      async () => (await bridge.call('GetCurrentPreviewScene')).currentPreviewSceneName === 'Scene',
    );
    expect((await bridge.call('GetCurrentProgramScene')).currentProgramSceneName).toBe('Stage');
    await bridge.call('SetStudioModeEnabled', { studioModeEnabled: false });
  });

  it('reads the stream and record status', async () => {
    const status = await outputStatus(bridge);
    expect(status.stream).toMatchObject({ active: false, reconnecting: false });
    expect(status.record).toMatchObject({ active: false, paused: false });
    expect(typeof status.render.totalFrames).toBe('number');
  });
});
