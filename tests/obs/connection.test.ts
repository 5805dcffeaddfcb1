import { readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ObsCallError, type ObsBridge, type ObsStatus } from '../../src/main/obs/bridge';
import { createObsController, type ObsController } from '../../src/main/obs/index';
import { INPUT_PREFIX, OVERLAY_SCENE } from '../../src/main/obs/overlay-elements';
import { emptyOverlayState, type OverlayState } from '../../src/main/obs/overlay-state';
import { freePort, startObs, type ObsInstance } from './harness';
import { inputText, itemEnabled, recordingBridge, sleep, tempDataDir, waitFor } from './helpers';
import { describeWithObs } from './obs-suite';
import { LYRICS, LOWER as LOWER_THIRD, NOW as NOW_PLAYING } from '../helpers/obs-sources';

/** Whether every thread of a process is stopped (state T in /proc/<pid>/task/<tid>/stat). */
function allThreadsStopped(pid: number): boolean {
  return readdirSync(`/proc/${pid}/task`).every((tid) => {
    const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('T');
  });
}

describeWithObs('the OBS connection against a real OBS', () => {
  let obs: ObsInstance;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  const cleanups: (() => Promise<void> | void)[] = [];

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    obs = await startObs();
  });

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    await obs?.stop();
    process.off('unhandledRejection', onUnhandled);
  });

  it('a wrong password gives auth-failed with the 4009 message, and no retries', async () => {
    const wrong = 'not-the-password-123';
    const { bridge, statuses, logs } = recordingBridge();
    cleanups.push(() => bridge.disconnect());
    const status = await bridge.connect({ host: '127.0.0.1', port: obs.port, password: wrong });
    expect(status.state).toBe('auth-failed');
    expect(status.message).toContain('OBS refused the password');
    expect(status.message).toContain('4009');
    const seen = statuses.length;
    await sleep(2_000);
    expect(statuses.length, 'no reconnect loop after auth-failed').toBe(seen);
    const everything = JSON.stringify({ statuses, logs });
    expect(everything).not.toContain(wrong);
  });

  it('OBS not running gives the ECONNREFUSED message and keeps retrying', async () => {
    const port = await freePort();
    const { bridge, statuses } = recordingBridge();
    cleanups.push(() => bridge.disconnect());
    const status = await bridge.connect({ host: '127.0.0.1', port, password: 'x' });
    expect(status).toMatchObject({ state: 'error', problem: 'refused' });
    expect(status.message).toContain('OBS is not running or its WebSocket server is off');
    await waitFor('a retry', () => statuses.filter((s) => s.state === 'connecting').length >= 2);
    await bridge.disconnect();
    expect(bridge.status().state).toBe('disconnected');
  });

  let controller: ObsController;
  let checker: ObsBridge;
  const logs: string[] = [];
  const state: OverlayState = {
    ...emptyOverlayState(),
    enabled: { lyrics: true, lowerThird: true, qr: false, drawing: false, nowPlaying: true },
    lyrics: { line: 'So comrades, come rally', translation: '' },
    lowerThird: { title: 'Free them all', text: 'Write a letter tonight' },
    nowPlaying: { title: "L'Internationale", artist: 'The choir' },
  };

  it('survives OBS being killed mid-show: rejects calls at once, reconnects, re-applies', async () => {
    const data = tempDataDir();
    cleanups.push(data.cleanup);
    const env = { SOLIDARITY_OBS_PASSWORD: obs.password };
    controller = createObsController({
      dataDir: data.dir,
      overlayBaseUrl: 'http://127.0.0.1:4173/?token=t',
      env,
      // A long call timeout, so a prompt rejection can only come from the closed socket.
      bridge: { callTimeoutMs: 20_000 },
      log: (line) => logs.push(line),
    });
    cleanups.push(() => controller.stop());
    const statuses: ObsStatus[] = [];
    controller.onStatus((status) => statuses.push(status));

    const configured = await controller.configure({ host: '127.0.0.1', port: obs.port });
    expect(configured).toMatchObject({ ok: true, value: { state: 'connected' } });
    const setup = await controller.setUpOverlays();
    expect(setup.ok).toBe(true);

    expect((await controller.setOverlayState(state)).errors).toEqual([]);

    // Freeze OBS so a call is surely in flight, then kill it.
    const pid = obs.obsPid();
    if (!pid) throw new Error('no OBS pid');
    process.kill(pid, 'SIGSTOP');
    // The stop lands when each OBS thread next enters the kernel; wait until all have.
    await waitFor('OBS to be stopped', () => allThreadsStopped(pid), 5_000, 10);
    const started = Date.now();
    const inFlight = controller.bridge.call('GetSceneList').then(
      () => 'answered',
      (error: unknown) => error,
    );
    await sleep(200);
    await obs.kill();
    const outcome = await inFlight;
    const settledAfter = Date.now() - started;
    expect(outcome).toBeInstanceOf(ObsCallError);
    expect((outcome as ObsCallError).kind).toBe('closed');
    expect(settledAfter, 'rejected by the close, not the 20 s timeout').toBeLessThan(3_000);

    await waitFor('the lost status', () =>
      statuses.some((s) => s.state === 'error' && s.problem === 'lost'),
    );
    const lost = statuses.find((s) => s.state === 'error' && s.problem === 'lost');
    expect(lost?.message).toContain('The connection to OBS');
    expect(lost?.message).toContain('1006');
    await waitFor('a reconnect attempt', () =>
      statuses.slice(statuses.indexOf(lost as ObsStatus)).some((s) => s.state === 'connecting'),
    );

    // The operator changes the lyric while OBS is down; it must be there after the restart.
    const during = await controller.setOverlayState({
      ...state,
      lyrics: { line: 'The Internationale unites the human race', translation: '' },
    });
    expect(during.ok).toBe(false);

    await obs.restart();
    await waitFor(
      'the automatic reconnect',
      () => controller.status().state === 'connected',
      30_000,
    );

    ({ bridge: checker } = recordingBridge());
    cleanups.push(() => checker.disconnect());
    await checker.connect({ host: '127.0.0.1', port: obs.port, password: obs.password });
    await waitFor('the overlay state re-applied', async () => {
      return (
        (await inputText(checker, LYRICS)) === 'The Internationale unites the human race' &&
        (await itemEnabled(checker, LYRICS)) &&
        (await itemEnabled(checker, LOWER_THIRD)) &&
        (await itemEnabled(checker, NOW_PLAYING)) &&
        !(await itemEnabled(checker, `${INPUT_PREFIX}QR`))
      );
    });
    expect(await inputText(checker, LOWER_THIRD)).toBe('FREE THEM ALL');
    expect(await inputText(checker, `${LOWER_THIRD} fact`)).toBe('Write a letter tonight');
    expect(await inputText(checker, NOW_PLAYING)).toBe("L'INTERNATIONALE");
    expect(await inputText(checker, `${NOW_PLAYING} artist`)).toBe('The choir');
    const scenes = await checker.call('GetSceneList');
    expect(scenes.scenes.filter((s) => s.sceneName === OVERLAY_SCENE)).toHaveLength(1);

    expect(unhandled).toEqual([]);
    expect(JSON.stringify({ statuses, logs })).not.toContain(obs.password);
  });

  it('rebuilds the overlay scene when OBS comes back without it', async () => {
    // A crash before OBS saved its scene collection: simulate by removing the saved file.
    await obs.kill();
    rmSync(path.join(obs.dir, 'config', 'obs-studio', 'basic', 'scenes'), {
      recursive: true,
      force: true,
    });
    await waitFor('the lost status', () => controller.status().state !== 'connected');
    await obs.restart();
    await waitFor(
      'the automatic reconnect',
      () => controller.status().state === 'connected',
      30_000,
    );
    await checker.connect({ host: '127.0.0.1', port: obs.port, password: obs.password });
    await waitFor('the overlay scene rebuilt and re-applied', async () => {
      return (
        (await inputText(checker, LYRICS)) === 'The Internationale unites the human race' &&
        (await itemEnabled(checker, LOWER_THIRD))
      );
    });
    expect(logs.join('\n')).toContain('overlay scene is incomplete');
    expect(unhandled).toEqual([]);
  });
});
