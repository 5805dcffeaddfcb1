import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  INPUT_PREFIX,
  OVERLAY_SCENE,
  ObsBridge,
  createObsController,
  emptyOverlayState,
  obsSettingsPath,
  type ObsControllerOptions,
  type OverlayState,
} from '../../../../src/main/obs/index';
import { action, snapshot } from '../show/content-fixtures';
import { FakeClock } from '../show/fake-clock';
import { FakeObs, SocketFactory, flush } from './fakes';
import { showOnAir } from '../../../fixtures/state/show-state';
import { LOWER } from '../../../helpers/obs-sources';
import { tempDir } from '../../../helpers/temp-dir';

function setup(
  env: NodeJS.ProcessEnv = {},
  extra: Pick<ObsControllerOptions, 'contentDir' | 'media'> = {},
) {
  const dataDir = tempDir('obs-controller-');
  const obs = new FakeObs();
  const factory = new SocketFactory(obs);
  const clock = new FakeClock(0);
  const bridge = new ObsBridge({ clock, random: () => 0, createSocket: factory.create });
  const logs: string[] = [];
  const controller = createObsController({
    dataDir,
    overlayBaseUrl: 'http://127.0.0.1:4173/?token=t',
    env,
    bridge,
    log: (line) => logs.push(line),
    ...extra,
  });
  const settle = async () => {
    for (let i = 0; i < 20; i++) await flush();
  };
  return { dataDir, obs, factory, clock, controller, logs, settle };
}

const state: OverlayState = {
  ...emptyOverlayState(),
  enabled: { ...emptyOverlayState().enabled, lowerThird: true },
  lowerThird: { title: 'Free them all', text: '' },
};

describe('createObsController', () => {
  it('stays disconnected when OBS was never set up here', async () => {
    const { controller, factory } = setup();
    const started = await controller.start();
    expect(started.status.state).toBe('disconnected');
    expect(factory.sockets).toHaveLength(0);
  });

  it('connects on start with the password from the environment', async () => {
    const { controller, factory } = setup({ SOLIDARITY_OBS_PASSWORD: 'env-secret' });
    expect((await controller.start()).status.state).toBe('connected');
    expect(factory.last().connectArgs).toEqual({
      url: 'ws://127.0.0.1:4455',
      password: 'env-secret',
    });
  });

  it('configure saves the settings with mode 0600 and reconnects with them', async () => {
    const { controller, dataDir, factory } = setup();
    const result = await controller.configure({ host: 'obs.lan', port: 4460, password: 'pw' });
    expect(result).toMatchObject({ ok: true, value: { state: 'connected' } });
    if (process.platform !== 'win32') {
      expect(statSync(obsSettingsPath(dataDir)).mode & 0o777).toBe(0o600);
    }
    expect(factory.last().connectArgs?.url).toBe('ws://obs.lan:4460');
  });

  it('answers with { ok: false } instead of throwing when not connected', async () => {
    const { controller } = setup();
    const scenes = await controller.listScenes();
    expect(scenes.ok).toBe(false);
    const setup_ = await controller.setUpOverlays();
    expect(setup_).toMatchObject({ ok: false });
    if (!setup_.ok) expect(setup_.error.message).toContain('not connected to OBS');
    expect((await controller.setOverlayState(state)).ok).toBe(false);
    expect(controller.overlayState()).toBe(state);
  });

  it('applies a state set while disconnected as soon as it connects', async () => {
    const { controller, obs, settle } = setup({ SOLIDARITY_OBS_PASSWORD: 'x' });
    await controller.start();
    expect((await controller.setUpOverlays()).ok).toBe(true);
    await controller.bridge.disconnect();
    await controller.setOverlayState(state);
    await controller.start();
    await settle();
    expect(obs.inputs.get(LOWER)?.settings.text).toBe('FREE THEM ALL');
  });

  it('re-applies the overlays after a reconnect, rebuilding a scene OBS lost', async () => {
    const { controller, obs, factory, clock, settle, logs } = setup({
      SOLIDARITY_OBS_PASSWORD: 'x',
    });
    await controller.start();
    const setupResult = await controller.setUpOverlays({ addToScenes: ['Scene'] });
    expect(setupResult).toMatchObject({
      ok: true,
      value: { scenes: [{ scene: 'Scene', result: 'added' }] },
    });
    expect((await controller.setOverlayState(state)).ok).toBe(true);

    // OBS crashes and comes back from a save without our scene.
    obs.scenes.clear();
    obs.scenes.set('Scene', []);
    obs.inputs.clear();
    factory.last().close(1006);
    await settle();
    expect(controller.status().state).toBe('error');
    clock.advance(250);
    await settle();

    expect(controller.status().state).toBe('connected');
    expect(logs.join('\n')).toContain('the overlay scene is incomplete after reconnecting');
    expect(obs.scenes.has(OVERLAY_SCENE)).toBe(true);
    expect(obs.scenes.get('Scene')?.map((item) => item.sourceName)).toEqual([OVERLAY_SCENE]);
    expect(obs.inputs.get(LOWER)?.settings.text).toBe('FREE THEM ALL');
    expect(obs.scenes.get(OVERLAY_SCENE)?.find((i) => i.sourceName === LOWER)?.enabled).toBe(true);
  });

  it('puts back sources OBS lost while keeping the ones it still has', async () => {
    const { controller, obs, factory, clock, settle } = setup({ SOLIDARITY_OBS_PASSWORD: 'x' });
    await controller.start();
    await controller.setUpOverlays();
    await controller.setOverlayState(state);
    const lyrics = `${INPUT_PREFIX}Lyrics`;
    // The last save had the scene but not every source yet.
    obs.inputs.delete(LOWER);
    obs.scenes.set(
      OVERLAY_SCENE,
      (obs.scenes.get(OVERLAY_SCENE) ?? []).filter((item) => item.sourceName !== LOWER),
    );
    const lyricsItem = obs.scenes.get(OVERLAY_SCENE)?.find((item) => item.sourceName === lyrics);
    factory.last().close(1006);
    await settle();
    clock.advance(250);
    await settle();
    expect(obs.inputs.get(LOWER)?.settings.text).toBe('FREE THEM ALL');
    expect(obs.scenes.get(OVERLAY_SCENE)?.find((item) => item.sourceName === lyrics)).toBe(
      lyricsItem,
    );
  });

  it('followShow maps what is on air onto the stream', async () => {
    const { controller, obs } = setup({ SOLIDARITY_OBS_PASSWORD: 'x' });
    await controller.start();
    await controller.setUpOverlays();
    const content = snapshot([action('sign', { title: 'Sign', callToAction: 'Now' })]);
    const report = await controller.followShow(content, showOnAir('sign', { durationMs: 1000 }));
    expect(report.errors).toEqual([]);
    expect(obs.inputs.get(LOWER)?.settings.text).toBe('SIGN');
    expect(obs.inputs.get(`${LOWER} fact`)?.settings.text).toBe('Now');
    expect(String(obs.inputs.get(`${INPUT_PREFIX}QR`)?.settings.file)).toMatch(/qr-.*\.png$/);
  });

  it('gives OBS a copy of the checked drawing: a broken rewrite of the pack file never reaches it', async () => {
    const pack = tempDir('obs-controller-pack-');
    mkdirSync(path.join(pack, 'media'));
    const packFile = path.join(pack, 'media', 'crane.png');
    writeFileSync(packFile, 'the good drawing');
    // The store's answer: the version the loader checked, which a broken save does not change.
    const checked = { ok: true as const, path: packFile, info: statSync(packFile) };
    const { controller, obs } = setup(
      { SOLIDARITY_OBS_PASSWORD: 'x' },
      { contentDir: pack, media: async () => checked },
    );
    await controller.start();
    await controller.setUpOverlays();
    const drawing: OverlayState = {
      ...emptyOverlayState(),
      enabled: { ...emptyOverlayState().enabled, drawing: true },
      drawing: { file: packFile, credit: 'Crane' },
    };
    expect((await controller.setOverlayState(drawing)).ok).toBe(true);
    const shown = String(obs.inputs.get(`${INPUT_PREFIX}Drawing`)?.settings.file);
    expect(shown).not.toBe(packFile);
    expect(readFileSync(shown, 'utf8')).toBe('the good drawing');

    writeFileSync(packFile, 'the go');
    await controller.setOverlayState({ ...drawing, drawing: { file: packFile, credit: 'Crane!' } });
    expect(obs.inputs.get(`${INPUT_PREFIX}Drawing`)?.settings.file).toBe(shown);
    expect(readFileSync(shown, 'utf8')).toBe('the good drawing');
  });

  it('stop() disconnects and ignores later statuses', async () => {
    const { controller } = setup({ SOLIDARITY_OBS_PASSWORD: 'x' });
    await controller.start();
    await controller.stop();
    expect(controller.status().state).toBe('disconnected');
  });
});
