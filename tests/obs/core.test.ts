import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startCore, type Core } from '../../src/main/core/start';
import { OVERLAY_SCENE } from '../../src/main/obs/overlay-elements';
import { overlayStateFor } from '../../src/main/obs/overlay-state';
import { startObs, type ObsInstance } from './harness';
import { inputText, itemEnabled, recordingBridge, tempDataDir, waitFor } from './helpers';
import { describeWithObs } from './obs-suite';
import { OperatorClient } from './operator-client';
import { LYRICS, LOWER as LOWER_THIRD } from '../helpers/obs-sources';

const contentDir = path.resolve(__dirname, '../../content');

/** What the lyrics source should show for the show as it is now. */
/** The sung line and its translation, each its own text source in OBS. */
function expectedLyrics(core: Core): { line: string; translation: string } {
  return overlayStateFor(core.store.snapshot(), core.engine.state(), [], { contentDir }).lyrics;
}

async function lyricsInObs(probe: ReturnType<typeof recordingBridge>['bridge']) {
  return {
    line: await inputText(probe, LYRICS),
    translation: await inputText(probe, `${LYRICS} translation`),
  };
}

describeWithObs('the core wired to a real OBS', () => {
  let obs: ObsInstance;
  let core: Core;
  let data: { dir: string; cleanup: () => void };
  let operator: OperatorClient;
  let probe: ReturnType<typeof recordingBridge>['bridge'];

  beforeAll(async () => {
    obs = await startObs();
    data = tempDataDir();
    core = await startCore({
      contentDir,
      port: 0,
      rendererDir: path.join(data.dir, 'no-renderer'),
      watch: false,
      dataDir: data.dir,
      log: () => {},
      obs: { env: {} },
    });
    operator = OperatorClient.forCore(core);
    await operator.opened;
    ({ bridge: probe } = recordingBridge({ callTimeoutMs: 5_000 }));
    const status = await probe.connect({
      host: '127.0.0.1',
      port: obs.port,
      password: obs.password,
    });
    expect(status.state, status.message).toBe('connected');
  });

  afterAll(async () => {
    operator?.close();
    await probe?.disconnect();
    await core?.stop();
    await obs?.stop();
    data?.cleanup();
  });

  it('greets the operator with OBS not configured', async () => {
    const first = await operator.waitForObs('the greeting', () => true);
    expect(first.status).toMatchObject({ state: 'disconnected', host: null, port: null });
  });

  it('a wrong password through obsConfigure: auth failed, with the 4009 text', async () => {
    const result = await operator.command({
      name: 'obsConfigure',
      host: '127.0.0.1',
      port: obs.port,
      password: 'not-the-password',
    });
    expect(result.ok).toBe(false);
    const info = await operator.waitForObs('auth-failed', (o) => o.status.state === 'auth-failed');
    expect(info.status.message).toContain('4009');
    expect(info.status).toMatchObject({ host: '127.0.0.1', port: obs.port, hasPassword: true });
    // The password never travels back.
    expect(JSON.stringify(operator.messages)).not.toContain('not-the-password');
  });

  it('obsConfigure connects; the operator gets the versions and the scene list', async () => {
    const result = await operator.command({
      name: 'obsConfigure',
      host: '127.0.0.1',
      port: obs.port,
      password: obs.password,
    });
    expect(result).toEqual({ ok: true, error: undefined });
    const info = await operator.waitForObs(
      'connected with scenes',
      (o) => o.status.state === 'connected' && o.scenes !== null && o.outputs !== null,
    );
    expect(info.status.obsVersion).toMatch(/^\d+\.\d+/);
    expect(info.status.obsWebSocketVersion).toMatch(/^5\./);
    expect(info.scenes?.scenes.length).toBeGreaterThan(0);
    expect(info.outputs?.stream.active).toBe(false);
    expect(JSON.stringify(operator.messages)).not.toContain(obs.password);
  });

  it('obsSetup makes the overlay scene and reports what it created', async () => {
    const result = await operator.command({ name: 'obsSetup' });
    expect(result.ok, result.error).toBe(true);
    const info = await operator.waitForObs('the setup report', (o) => o.setup !== null);
    expect(info.setup?.ok).toBe(true);
    expect(info.setup?.inputs.some((input) => input.input === 'created')).toBe(true);
    const { scenes } = await probe.call('GetSceneList');
    expect(scenes.map((s) => s.sceneName)).toContain(OVERLAY_SCENE);
    await operator.waitForObs('the new scene in the list', (o) =>
      Boolean(o.scenes?.scenes.includes(OVERLAY_SCENE)),
    );
  });

  it('the lyrics follow the live cursor through the operator socket', async () => {
    expect((await operator.command({ name: 'lyricsStart', songId: 'internationale' })).ok).toBe(
      true,
    );
    const first = expectedLyrics(core);
    expect(first.line).toContain('Вставай, проклятьем заклеймённый');
    expect(first.translation).not.toBe('');
    await waitFor(
      'line 1 in OBS',
      async () => JSON.stringify(await lyricsInObs(probe)) === JSON.stringify(first),
      5_000,
      20,
    );
    expect((await operator.command({ name: 'lyricsNext' })).ok).toBe(true);
    const second = expectedLyrics(core);
    expect(second.line).toContain('Весь мир голодных и рабов!');
    await waitFor(
      'line 2 in OBS',
      async () => JSON.stringify(await lyricsInObs(probe)) === JSON.stringify(second),
      2_000,
      10,
    );
    await waitFor('the lyrics shown', () => itemEnabled(probe, LYRICS), 5_000, 20);
  });

  it("the overlay toggle hides OBS's source (SetSceneItemEnabled)", async () => {
    await operator.command({ name: 'lyricsEnd' });
    // A case in the running loop (safe mode is off, so a sensitive one shows too).
    const items = core.store.snapshot().items;
    const caseId = core.engine
      .state()
      .order.find((id) => items.some((item) => item.id === id && item.kind === 'case'));
    expect(caseId).toBeTruthy();
    expect((await operator.command({ name: 'goTo', itemId: caseId })).ok).toBe(true);
    await waitFor('the lower third shown', () => itemEnabled(probe, LOWER_THIRD), 5_000, 20);
    expect((await operator.command({ name: 'overlay', element: 'lowerThird', on: false })).ok).toBe(
      true,
    );
    await waitFor(
      'the lower third hidden',
      async () => !(await itemEnabled(probe, LOWER_THIRD)),
      5_000,
      20,
    );
    await operator.command({ name: 'overlay', element: 'lowerThird', on: true });
    await waitFor('the lower third back', () => itemEnabled(probe, LOWER_THIRD), 5_000, 20);
  });

  it('obsSwitchScene switches the program scene; a missing scene is an error, not a crash', async () => {
    const result = await operator.command({ name: 'obsSwitchScene', scene: OVERLAY_SCENE });
    expect(result.ok, result.error).toBe(true);
    await operator.waitForObs('program is ours', (o) => o.scenes?.program === OVERLAY_SCENE);
    const missing = await operator.command({ name: 'obsSwitchScene', scene: 'No such scene' });
    expect(missing.ok).toBe(false);
    expect((await operator.command({ name: 'lyricsStart', songId: 'internationale' })).ok).toBe(
      true,
    );
  });
});
