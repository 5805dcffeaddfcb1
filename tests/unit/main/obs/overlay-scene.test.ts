import { describe, expect, it } from 'vitest';
import {
  INPUT_PREFIX,
  OVERLAY_SCENE,
  nativeInputs,
  overlayUrl,
} from '../../../../src/main/obs/overlay-elements';
import { textStyle } from '../../../../src/main/obs/overlay-look';
import { setUpOverlays } from '../../../../src/main/obs/overlay-scene';
import { nativeTransform } from '../../../../src/main/obs/overlay-transforms';
import { FakeObs } from './fakes';

const BASE = 'http://192.168.1.20:4173/?token=abc';

describe('overlayUrl', () => {
  it('puts the element path before the token query', () => {
    expect(overlayUrl(BASE, 'lowerThird')).toBe(
      'http://192.168.1.20:4173/overlay/lower-third?token=abc',
    );
    expect(overlayUrl('http://h:1/app/', 'qr')).toBe('http://h:1/app/overlay/qr');
  });
});

describe('setUpOverlays, native sources (Debian’s OBS)', () => {
  it('creates the scene and one hidden input per role, placed on the canvas', async () => {
    const obs = new FakeObs();
    const report = await setUpOverlays(obs.caller(), { overlayBaseUrl: BASE });
    expect(report).toMatchObject({
      scene: 'created',
      mode: 'native',
      textKind: 'text_ft2_source_v2',
      canvas: { width: 1280, height: 720 },
      unchanged: false,
    });
    const items = obs.scenes.get(OVERLAY_SCENE) ?? [];
    expect(items.map((item) => item.sourceName)).toEqual(nativeInputs.map((input) => input.name));
    expect(items.every((item) => !item.enabled)).toBe(true);
    expect(obs.inputs.get(`${INPUT_PREFIX}QR`)).toEqual({
      kind: 'image_source',
      settings: { file: '', unload: false },
    });
    // The page's fonts: Oswald for the sung line, Inter for its translation.
    expect(obs.inputs.get(`${INPUT_PREFIX}Lyrics`)?.settings).toMatchObject({
      text: '',
      font: { face: 'Oswald', style: 'Bold', size: 43 },
      drop_shadow: true,
    });
    expect(obs.inputs.get(`${INPUT_PREFIX}Lyrics translation`)?.settings).toMatchObject({
      font: { face: 'Inter', size: 25 },
    });
    // The band: a colour source, the page's rgba(8, 8, 8, 0.8) as OBS's ABGR.
    expect(obs.inputs.get(`${INPUT_PREFIX}Lyrics band`)).toMatchObject({
      kind: 'color_source_v3',
      settings: { color: 0xcc080808 },
    });
    const qrItem = items.find((item) => item.sourceName === `${INPUT_PREFIX}QR`);
    expect(qrItem?.transform).toMatchObject(
      nativeTransform('qr-image', { width: 1280, height: 720 }),
    );
  });

  it('a second run sends no writes at all', async () => {
    const obs = new FakeObs();
    await setUpOverlays(obs.caller(), { overlayBaseUrl: BASE });
    const writes = obs.writes().length;
    const again = await setUpOverlays(obs.caller(), { overlayBaseUrl: BASE });
    expect(again.unchanged).toBe(true);
    expect(obs.writes()).toHaveLength(writes);
  });

  it('puts back what was changed or removed, and leaves content and other sources alone', async () => {
    const obs = new FakeObs();
    await setUpOverlays(obs.caller(), { overlayBaseUrl: BASE });
    const lyrics = obs.inputs.get(`${INPUT_PREFIX}Lyrics`);
    if (!lyrics) throw new Error('no lyrics input');
    lyrics.settings = { ...lyrics.settings, text: 'on air now', drop_shadow: false };
    const items = obs.scenes.get(OVERLAY_SCENE) ?? [];
    const qr = items.find((item) => item.sourceName === `${INPUT_PREFIX}QR`);
    if (!qr) throw new Error('no QR item');
    qr.transform = { ...qr.transform, boundsWidth: 5 };
    qr.enabled = true;
    // The operator removed the credit from the scene, and added a source of their own.
    obs.scenes.set(
      OVERLAY_SCENE,
      items.filter((item) => item.sourceName !== `${INPUT_PREFIX}Drawing credit`),
    );
    obs.handle('CreateInput', {
      sceneName: OVERLAY_SCENE,
      inputName: 'Sponsor logo',
      inputKind: 'image_source',
      inputSettings: { file: '/x.png' },
    });

    const logged = obs.log.length;
    const report = await setUpOverlays(obs.caller(), { overlayBaseUrl: BASE });
    const byName = new Map(report.inputs.map((input) => [input.name, input]));
    expect(byName.get(`${INPUT_PREFIX}Lyrics`)).toMatchObject({
      input: 'updated',
      item: 'unchanged',
    });
    expect(byName.get(`${INPUT_PREFIX}QR`)).toMatchObject({ input: 'unchanged', item: 'updated' });
    expect(byName.get(`${INPUT_PREFIX}Drawing credit`)).toMatchObject({
      input: 'unchanged',
      item: 'created',
    });
    // The text on air and the QR's visibility belong to the overlay sync, not to setup.
    expect(obs.inputs.get(`${INPUT_PREFIX}Lyrics`)?.settings).toMatchObject({
      text: 'on air now',
      drop_shadow: true,
    });
    expect(qr.enabled).toBe(true);
    expect(obs.inputs.get('Sponsor logo')).toEqual({
      kind: 'image_source',
      settings: { file: '/x.png' },
    });
    const sent = obs.log.slice(logged);
    expect(sent.some((entry) => JSON.stringify(entry).includes('Sponsor logo'))).toBe(false);
  });

  it('leaves the places of bands and lines to the sync: a second press after a show moves nothing', async () => {
    const obs = new FakeObs();
    await setUpOverlays(obs.caller(), { overlayBaseUrl: BASE });
    const items = obs.scenes.get(OVERLAY_SCENE) ?? [];
    const lyrics = items.find((item) => item.sourceName === `${INPUT_PREFIX}Lyrics`);
    if (!lyrics) throw new Error('no lyrics');
    // Where the sync put the line for a two-line lyric.
    lyrics.transform = { ...lyrics.transform, positionY: 500 };
    const again = await setUpOverlays(obs.caller(), { overlayBaseUrl: BASE });
    expect(again.unchanged).toBe(true);
    expect(lyrics.transform.positionY).toBe(500);
    // But its anchor and bounds are setup's: a centred line stays centred.
    lyrics.transform = { ...lyrics.transform, alignment: 5 };
    await setUpOverlays(obs.caller(), { overlayBaseUrl: BASE });
    expect(lyrics.transform.alignment).toBe(4);
  });

  it('keeps an input of ours that has another kind, and says how to switch', async () => {
    const obs = new FakeObs();
    obs.handle('CreateScene', { sceneName: OVERLAY_SCENE });
    obs.handle('CreateInput', {
      sceneName: OVERLAY_SCENE,
      inputName: `${INPUT_PREFIX}QR`,
      inputKind: 'color_source_v3',
      inputSettings: { color: 1 },
    });
    const report = await setUpOverlays(obs.caller(), { overlayBaseUrl: BASE });
    const qr = report.inputs.find((input) => input.name === `${INPUT_PREFIX}QR`);
    expect(qr?.kind).toBe('color_source_v3');
    expect(qr?.note).toContain('Delete it in OBS');
    expect(obs.inputs.get(`${INPUT_PREFIX}QR`)?.settings).toEqual({ color: 1 });
  });

  it('uses GDI+ text on Windows, centred where the page centres, and a given canvas', async () => {
    const obs = new FakeObs();
    obs.platform = 'windows';
    obs.inputKinds = ['image_source', 'color_source_v3', 'text_gdiplus_v2', 'text_ft2_source_v2'];
    const canvas = { width: 1920, height: 1080 };
    const report = await setUpOverlays(obs.caller(), { overlayBaseUrl: BASE, canvas });
    expect(report.textKind).toBe('text_gdiplus_v2');
    expect(obs.inputs.get(`${INPUT_PREFIX}Lower third`)?.settings).toMatchObject(
      textStyle('lower-third-text', 'text_gdiplus_v2', canvas, 'windows'),
    );
    expect(obs.inputs.get(`${INPUT_PREFIX}Lower third`)?.settings).toMatchObject({
      font: { face: 'Oswald', size: 66 },
      align: 'left',
    });
    expect(obs.inputs.get(`${INPUT_PREFIX}Lyrics translation`)?.settings).toMatchObject({
      font: { face: 'Inter', size: 38 },
      align: 'center',
    });
  });

  it('fails in words when this OBS cannot show text', async () => {
    const obs = new FakeObs();
    obs.inputKinds = ['image_source'];
    await expect(setUpOverlays(obs.caller(), { overlayBaseUrl: BASE })).rejects.toThrow(
      /neither a browser source nor a text source/,
    );
    expect(obs.writes()).toEqual([]);
  });
});

describe('setUpOverlays, browser sources', () => {
  it('makes one canvas-sized browser source per element, pointed at its overlay page', async () => {
    const obs = new FakeObs();
    obs.inputKinds.push('browser_source');
    obs.canvas = { width: 1920, height: 1080 };
    const report = await setUpOverlays(obs.caller(), { overlayBaseUrl: BASE });
    expect(report).toMatchObject({ mode: 'browser', textKind: null });
    expect(report.inputs).toHaveLength(5);
    expect(obs.inputs.get(`${INPUT_PREFIX}Lower third`)).toEqual({
      kind: 'browser_source',
      settings: {
        url: 'http://192.168.1.20:4173/overlay/lower-third?token=abc',
        width: 1920,
        height: 1080,
      },
    });
    expect(obs.inputs.has(`${INPUT_PREFIX}Drawing credit`)).toBe(false);
    const writes = obs.writes().length;
    expect((await setUpOverlays(obs.caller(), { overlayBaseUrl: BASE })).unchanged).toBe(true);
    expect(obs.writes()).toHaveLength(writes);
    // A new server address updates the URLs in place.
    const moved = await setUpOverlays(obs.caller(), {
      overlayBaseUrl: 'http://10.0.0.5:4173/?token=new',
    });
    expect(moved.inputs.every((input) => input.input === 'updated')).toBe(true);
    expect(obs.inputs.get(`${INPUT_PREFIX}QR`)?.settings.url).toBe(
      'http://10.0.0.5:4173/overlay/qr?token=new',
    );
  });
});
