import { writeFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ObsBridge } from '../../src/main/obs/bridge';
import {
  INPUT_PREFIX,
  OVERLAY_SCENE,
  createObsController,
  createObsService,
  obsSettingsPath,
  type ObsController,
} from '../../src/main/obs/index';
import type { ObsInfo } from '../../src/shared/protocol';
import { startObs, type ObsInstance } from './harness';
import { inputText, itemEnabled, recordingBridge, tempDataDir, waitFor } from './helpers';
import { describeWithObs } from './obs-suite';
import { LYRICS, LOWER, QR, DRAWING, onAirOverlay } from '../helpers/obs-sources';

const onAir = onAirOverlay('Вихри враждебные');

/** This machine's own non-loopback IPv4 address: to the app, OBS there is "another computer". */
function lanAddress(): string | null {
  for (const list of Object.values(networkInterfaces())) {
    for (const entry of list ?? []) {
      if (entry.family === 'IPv4' && !entry.internal) return entry.address;
    }
  }
  return null;
}

describeWithObs('what a real OBS holds, against what the console says', () => {
  let obs: ObsInstance;
  let probe: ObsBridge;
  const cleanups: (() => Promise<void> | void)[] = [];

  /** A controller and its operator-facing service, configured through `obs.json` and `env`. */
  const make = async (host: string, password: string | undefined, env: NodeJS.ProcessEnv = {}) => {
    const data = tempDataDir();
    writeFileSync(
      obsSettingsPath(data.dir),
      JSON.stringify({ host, port: obs.port, ...(password ? { password } : {}) }),
      { mode: 0o600 },
    );
    const controller: ObsController = createObsController({
      dataDir: data.dir,
      overlayBaseUrl: 'http://127.0.0.1:4173/?token=overlay-token',
      env,
      bridge: { callTimeoutMs: 5_000 },
    });
    const service = createObsService({ controller });
    cleanups.push(async () => {
      service.stop();
      await controller.stop();
      data.cleanup();
    });
    await controller.start();
    return { controller, service };
  };
  const health = (controller: ObsController) => controller.overlayHealth();
  const driftKinds = (controller: ObsController) =>
    (health(controller)?.drift ?? []).map((d) => `${d.kind}:${d.source ?? ''}`).sort();

  beforeAll(async () => {
    obs = await startObs();
    ({ bridge: probe } = recordingBridge({ callTimeoutMs: 5_000 }));
    const status = await probe.connect({
      host: '127.0.0.1',
      port: obs.port,
      password: obs.password,
    });
    expect(status.state, status.message).toBe('connected');
  });

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    await probe?.disconnect();
    await obs?.stop();
  });

  it('a wrong password in SOLIDARITY_OBS_PASSWORD: the console names the variable, and a typed password is said to be unused', async () => {
    const { service } = await make('127.0.0.1', obs.password, {
      SOLIDARITY_OBS_PASSWORD: 'not-the-password',
    });
    const info: ObsInfo = await waitFor('auth failed', () =>
      service.info().status.state === 'auth-failed' ? service.info() : null,
    );
    expect(info.status.passwordFromEnv).toBe(true);
    expect(info.status.message).toContain('SOLIDARITY_OBS_PASSWORD');
    expect(info.status.message).not.toContain('save it here');
    // The operator types the right password in the console: it cannot win over the variable.
    const result = await service.execute({
      name: 'obsConfigure',
      host: '127.0.0.1',
      port: obs.port,
      password: obs.password,
    });
    expect(result).toMatchObject({ ok: false });
    expect(JSON.stringify(result)).toContain('SOLIDARITY_OBS_PASSWORD');
    expect(service.info().status.state).toBe('auth-failed');
    expect(JSON.stringify(service.info())).not.toContain(obs.password);
  });

  it('OBS on another computer without browser sources: no blank image sources, and the console says why', async () => {
    const address = lanAddress();
    expect(address, 'this machine needs a non-loopback IPv4 address').toBeTruthy();
    const { controller } = await make(address as string, obs.password);
    expect(controller.status().state, controller.status().message).toBe('connected');
    const result = await controller.setUpOverlays();
    expect(result.ok, result.ok ? '' : result.error.message).toBe(true);
    if (!result.ok) return;
    const byName = new Map(result.value.setup.inputs.map((input) => [input.name, input]));
    expect(byName.get(QR)?.input).toBe('unavailable');
    expect(byName.get(DRAWING)?.input).toBe('unavailable');
    expect(byName.get(LYRICS)?.input).toBe('created');
    expect(result.value.setup.warnings.join(' ')).toMatch(/another computer/);
    const { inputs } = await probe.call('GetInputList', {});
    expect(inputs.map((input) => input.inputName)).not.toContain(QR);
    await controller.setOverlayState(onAir);
    await waitFor('the images drift reported', () =>
      driftKinds(controller).includes('images-unreachable:'),
    );
    expect(await inputText(probe, LYRICS)).toBe('Whirlwinds of danger');
    expect(await inputText(probe, `${LYRICS} translation`)).toBe('Вихри враждебные');
    await controller.stop();
    // Start the next tests from an OBS without our scene.
    // Inputs only in that scene go with it.
    await probe.call('RemoveScene', { sceneName: OVERLAY_SCENE });
    await waitFor('our inputs gone', async () => {
      const left = await probe.call('GetInputList', {});
      return !left.inputs.some((input) => String(input.inputName).startsWith(INPUT_PREFIX));
    });
  });

  it('first connection to an OBS without the overlay scene: the console asks to set it up', async () => {
    const { controller, service } = await make('127.0.0.1', obs.password);
    const info = await waitFor('the overlay check', () => service.info().overlay);
    expect(info).toMatchObject({ sceneExists: false, drift: [{ kind: 'scene-missing' }] });
    await controller.stop();
  });

  it('changes made in OBS are seen from its events, shown, and one repair puts them right', async () => {
    const { controller, service } = await make('127.0.0.1', obs.password);
    expect((await controller.setUpOverlays()).ok).toBe(true);
    await controller.setOverlayState(onAir);
    await waitFor('in step', () => health(controller)?.drift.length === 0);
    expect(await itemEnabled(probe, LYRICS)).toBe(true);

    // Someone at OBS hides the lyrics with the eye...
    const { sceneItemId: lyricsId } = await probe.call('GetSceneItemId', {
      sceneName: OVERLAY_SCENE,
      sourceName: LYRICS,
    });
    await probe.call('SetSceneItemEnabled', {
      sceneName: OVERLAY_SCENE,
      sceneItemId: lyricsId,
      sceneItemEnabled: false,
    });
    await waitFor('the hidden lyrics', () =>
      driftKinds(controller).includes(`hidden-in-obs:${LYRICS}`),
    );
    expect(service.info().overlay?.elements).toContainEqual({
      element: 'lyrics',
      console: true,
      obs: false,
    });
    // ...renames the lower third (it stays on the stream with its old text)...
    await probe.call('SetInputName', { inputName: LOWER, newInputName: 'Old lower third' });
    // ...and deletes the QR code from the scene (Delete in OBS's Sources dock).
    const { sceneItemId: qrId } = await probe.call('GetSceneItemId', {
      sceneName: OVERLAY_SCENE,
      sourceName: QR,
    });
    await probe.call('RemoveSceneItem', { sceneName: OVERLAY_SCENE, sceneItemId: qrId });
    await waitFor('all three changes', () => driftKinds(controller).length === 3).catch(
      (error: unknown) => {
        throw new Error(`${String(error)} / seen: ${driftKinds(controller).join(', ')}`);
      },
    );
    expect(driftKinds(controller)).toEqual([
      `hidden-in-obs:${LYRICS}`,
      `source-missing:${QR}`,
      `source-renamed:${LOWER}`,
    ]);
    expect(service.info().overlay?.drift.every((d) => d.repairable)).toBe(true);

    // The operator presses Repair (the setup command).
    const repaired = await service.execute({ name: 'obsSetup' });
    expect(repaired.ok).toBe(true);
    await waitFor('in step again', () => health(controller)?.drift.length === 0);
    expect(await itemEnabled(probe, LYRICS)).toBe(true);
    expect(await itemEnabled(probe, QR)).toBe(true);
    expect(await inputText(probe, LOWER)).toBe('FREE THEM ALL');
    expect(await inputText(probe, `${LOWER} fact`)).toBe('Sign the letter');
    const { inputs } = await probe.call('GetInputList', {});
    expect(inputs.map((input) => input.inputName)).not.toContain('Old lower third');

    // A deleted scene is seen too.
    await probe.call('RemoveScene', { sceneName: OVERLAY_SCENE });
    await waitFor('the missing scene', () => health(controller)?.sceneExists === false);
  });
});
