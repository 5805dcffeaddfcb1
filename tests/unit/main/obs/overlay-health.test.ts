import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  OVERLAY_SCENE,
  ObsBridge,
  createObsController,
  isLoopbackHost,
  obsSettingsPath,
  setUpOverlays,
} from '../../../../src/main/obs/index';
import { FakeClock } from '../show/fake-clock';
import { FakeObs, SocketFactory, flush } from './fakes';
import { LYRICS, LOWER, QR, DRAWING, onAirOverlay } from '../../../helpers/obs-sources';
import { tempDir } from '../../../helpers/temp-dir';

const onAir = onAirOverlay();

/** A controller wired to an in-memory OBS, reached at `host`. */
async function connected(host = '127.0.0.1', overlayBaseUrl = 'http://127.0.0.1:4173/?token=t') {
  const dataDir = tempDir('obs-health-');
  writeFileSync(obsSettingsPath(dataDir), JSON.stringify({ host, port: 4455 }), { mode: 0o600 });
  const obs = new FakeObs();
  const factory = new SocketFactory(obs);
  const bridge = new ObsBridge({
    clock: new FakeClock(0),
    random: () => 0,
    createSocket: factory.create,
  });
  const controller = createObsController({ dataDir, overlayBaseUrl, env: {}, bridge });
  const settle = async () => {
    for (let i = 0; i < 30; i++) await flush();
  };
  expect((await controller.start()).status.state).toBe('connected');
  await settle();
  /** Something done at OBS's end: the change, then the event OBS sends for it. */
  const atObs = async (requestType: string, data: Record<string, unknown>, event: string) => {
    obs.handle(requestType, data);
    factory.last().emit(event, data);
    await settle();
  };
  const item = (name: string) =>
    obs.scenes.get(OVERLAY_SCENE)?.find((entry) => entry.sourceName === name);
  const drift = () => controller.overlayHealth()?.drift.map((d) => [d.kind, d.source]) ?? null;
  return { controller, obs, factory, settle, atObs, item, drift };
}

describe('what OBS holds, compared with what the console says', () => {
  it('first connection to an OBS without the overlay scene: says so and asks for setup', async () => {
    const { controller } = await connected();
    expect(controller.overlayHealth()).toMatchObject({
      sceneExists: false,
      drift: [{ kind: 'scene-missing', repairable: true }],
    });
  });

  it('after setup and an apply: in step, and each element as OBS has it', async () => {
    const { controller, settle } = await connected();
    await controller.setUpOverlays();
    await controller.setOverlayState(onAir);
    await settle();
    const health = controller.overlayHealth();
    expect(health?.drift).toEqual([]);
    expect(health?.elements).toContainEqual({ element: 'lyrics', console: true, obs: true });
    expect(health?.elements).toContainEqual({ element: 'drawing', console: false, obs: false });
  });

  it('each change made in OBS is seen from its event, shown, and repaired', async () => {
    const { controller, obs, atObs, item, drift, settle } = await connected();
    await controller.setUpOverlays();
    await controller.setOverlayState(onAir);
    await settle();

    // Someone hides the lyrics with the eye in OBS.
    const lyricsId = item(LYRICS)?.sceneItemId;
    await atObs(
      'SetSceneItemEnabled',
      { sceneName: OVERLAY_SCENE, sceneItemId: lyricsId, sceneItemEnabled: false },
      'SceneItemEnableStateChanged',
    );
    expect(drift()).toEqual([['hidden-in-obs', LYRICS]]);
    expect(controller.overlayHealth()?.elements).toContainEqual({
      element: 'lyrics',
      console: true,
      obs: false,
    });

    // ...renames the lower third (it stays on the stream with its old text)...
    await atObs(
      'SetInputName',
      { inputName: LOWER, newInputName: 'Lower third (old)' },
      'InputNameChanged',
    );
    // ...and deletes the QR code.
    await atObs('RemoveInput', { inputName: QR }, 'InputRemoved');
    expect(drift()).toEqual([
      ['hidden-in-obs', LYRICS],
      ['source-renamed', LOWER],
      ['source-missing', QR],
    ]);
    expect(controller.overlayHealth()?.drift[1]?.message).toContain('"Lower third (old)"');
    expect(controller.overlayHealth()?.drift[2]?.message).toContain('deleted');

    // One press of Repair puts all three right.
    const repaired = await controller.setUpOverlays();
    await settle();
    expect(repaired).toMatchObject({ ok: true, value: { renamedBack: [LOWER] } });
    expect(drift()).toEqual([]);
    expect(item(LYRICS)?.enabled).toBe(true);
    expect(item('Lower third (old)')).toBeUndefined();
    expect(obs.inputs.get(LOWER)?.settings.text).toBe('FREE THEM ALL');
    expect(obs.inputs.get(`${LOWER} fact`)?.settings.text).toBe('Sign the letter');
    expect(item(QR)?.enabled).toBe(true);
  });

  it('a band moved in front of its text in OBS is seen, named and repaired', async () => {
    const { controller, obs, atObs, item, drift, settle } = await connected();
    await controller.setUpOverlays();
    await controller.setOverlayState(onAir);
    await settle();
    expect(drift()).toEqual([]);
    const band = item(`${LOWER} band`);
    await atObs(
      'SetSceneItemIndex',
      {
        sceneName: OVERLAY_SCENE,
        sceneItemId: band?.sceneItemId,
        sceneItemIndex: (obs.scenes.get(OVERLAY_SCENE)?.length ?? 1) - 1,
      },
      'SceneItemListReindexed',
    );
    expect(drift()).toEqual([['band-in-front', `${LOWER} band`]]);
    expect(controller.overlayHealth()?.drift[0]).toMatchObject({ repairable: true });
    expect(controller.overlayHealth()?.drift[0]?.message).toContain('covers the text');
    await controller.setUpOverlays();
    await settle();
    expect(drift()).toEqual([]);
  });

  it('a band or a translation alone does not count as its element on the stream', async () => {
    const { controller, atObs, item, drift, settle } = await connected();
    await controller.setUpOverlays();
    await controller.setOverlayState({
      ...onAir,
      lyrics: { line: 'Whirlwinds of danger', translation: 'Вихри враждебные' },
    });
    await settle();
    await atObs(
      'SetSceneItemEnabled',
      { sceneName: OVERLAY_SCENE, sceneItemId: item(LYRICS)?.sceneItemId, sceneItemEnabled: false },
      'SceneItemEnableStateChanged',
    );
    expect(drift()).toEqual([['hidden-in-obs', LYRICS]]);
    expect(item(`${LYRICS} band`)?.enabled).toBe(true);
    expect(item(`${LYRICS} translation`)?.enabled).toBe(true);
    expect(controller.overlayHealth()?.elements).toContainEqual({
      element: 'lyrics',
      console: true,
      obs: false,
    });
  });

  it('a source shown in OBS that the console has off, and a deleted scene', async () => {
    const { controller, atObs, item, drift, settle } = await connected();
    await controller.setUpOverlays();
    await controller.setOverlayState(onAir);
    await settle();
    await atObs(
      'SetSceneItemEnabled',
      { sceneName: OVERLAY_SCENE, sceneItemId: item(DRAWING)?.sceneItemId, sceneItemEnabled: true },
      'SceneItemEnableStateChanged',
    );
    expect(drift()).toEqual([['shown-in-obs', DRAWING]]);
    await atObs('RemoveScene', { sceneName: OVERLAY_SCENE }, 'SceneRemoved');
    expect(drift()).toEqual([['scene-missing', null]]);
  });

  it('a hidden eye in OBS does not fool the next toggle: showing it again reaches OBS', async () => {
    const { controller, atObs, item, settle } = await connected();
    await controller.setUpOverlays();
    await controller.setOverlayState(onAir);
    await atObs(
      'SetSceneItemEnabled',
      { sceneName: OVERLAY_SCENE, sceneItemId: item(LYRICS)?.sceneItemId, sceneItemEnabled: false },
      'SceneItemEnableStateChanged',
    );
    // A new line: the app must not believe its old "shown".
    await controller.setOverlayState({ ...onAir, lyrics: { line: 'Next line', translation: '' } });
    await settle();
    expect(item(LYRICS)?.enabled).toBe(true);
  });

  it('the poll catches what no event reported (a source removed while events were lost)', async () => {
    const { controller, obs, drift, settle } = await connected();
    await controller.setUpOverlays();
    await controller.setOverlayState(onAir);
    await settle();
    obs.handle('RemoveInput', { inputName: LYRICS });
    await controller.checkOverlays();
    expect(drift()).toEqual([['source-missing', LYRICS]]);
  });
});

describe('OBS on another computer', () => {
  it('knows loopback from other addresses', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', 'LOCALHOST']) {
      expect(isLoopbackHost(host), host).toBe(true);
    }
    for (const host of ['192.0.2.2', 'obs.lan', '10.0.0.5', '::ffff:10.0.0.5', 'fe80::1']) {
      expect(isLoopbackHost(host), host).toBe(false);
    }
  });

  it('without browser sources: text only, the images reported as not possible, never "created"', async () => {
    const { controller, obs, settle, drift } = await connected('192.0.2.50');
    const result = await controller.setUpOverlays();
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const byName = new Map(result.value.setup.inputs.map((input) => [input.name, input]));
    expect(byName.get(QR)).toMatchObject({ input: 'unavailable', item: 'unavailable' });
    expect(byName.get(DRAWING)).toMatchObject({ input: 'unavailable' });
    expect(byName.get(LYRICS)).toMatchObject({ input: 'created' });
    expect(obs.inputs.has(QR)).toBe(false);
    expect(result.value.setup.warnings.join(' ')).toMatch(/another computer.*QR code/);
    await controller.setOverlayState(onAir);
    await settle();
    expect(drift()).toEqual([['images-unreachable', null]]);
  });

  it('image sources made earlier for a local OBS are kept hidden, not shown blank', async () => {
    const { controller, obs, settle, drift } = await connected('192.0.2.50');
    // Made while the app thought OBS was local.
    await setUpOverlays(obs.caller(), { overlayBaseUrl: 'http://127.0.0.1:4173/?token=t' });
    await controller.setOverlayState(onAir);
    await settle();
    const qr = obs.scenes.get(OVERLAY_SCENE)?.find((entry) => entry.sourceName === QR);
    expect(qr?.enabled).toBe(false);
    expect(drift()).toEqual([['images-unreachable', QR]]);
  });

  it('with browser sources and the pages on a reachable address: browser sources at that URL', async () => {
    const lan = 'http://192.0.2.2:4173/?token=ov';
    const { controller, obs } = await connected('192.0.2.50', lan);
    obs.inputKinds.push('browser_source');
    const result = await controller.setUpOverlays();
    expect(result).toMatchObject({ ok: true, value: { setup: { mode: 'browser' } } });
    expect(obs.inputs.get(QR)).toMatchObject({
      kind: 'browser_source',
      settings: { url: 'http://192.0.2.2:4173/overlay/qr?token=ov' },
    });
    if (result.ok) expect(result.value.setup.warnings.join(' ')).toContain('192.0.2.2');
    expect(controller.overlayHealth()?.drift).toEqual([]);
  });

  it('with browser sources but the pages only on loopback: text sources and a clear word', async () => {
    const { controller, obs } = await connected('192.0.2.50');
    obs.inputKinds.push('browser_source');
    const result = await controller.setUpOverlays();
    expect(result).toMatchObject({ ok: true, value: { setup: { mode: 'native' } } });
    expect(obs.inputs.get(LYRICS)?.kind).toBe('text_ft2_source_v2');
    if (result.ok) expect(result.value.setup.warnings.join(' ')).toContain('serve --host');
  });
});
