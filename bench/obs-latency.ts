// OBS latency: from the operator's key press (a `lyricsNext` on the operator socket) to OBS
// having the new line in its lyrics text source, against a raw SetInputSettings round trip
// measured in the same run. Needs a real OBS (tests/obs/harness.ts starts one under Xvfb).
// Run alone: `node --import tsx bench/obs-latency.ts`.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startCore, type Core } from '../src/main/core/start';
import { ObsBridge } from '../src/main/obs/bridge';
import { INPUT_PREFIX, OVERLAY_SCENE } from '../src/main/obs/overlay-elements';
import { overlayStateFor } from '../src/main/obs/overlay-state';
import { obsAvailability, startObs, type ObsInstance } from '../tests/obs/harness';
import { OperatorClient } from '../tests/obs/operator-client';
import { MIN_COMMAND_GAP_MS } from './command-gap';

const LYRICS = `${INPUT_PREFIX}Lyrics`;
const SCRATCH = 'Bench scratch text';
const POLL_MS = 5;

export interface ObsLatencyResult {
  samples: number;
  /** Key press to OBS holding the new text (ms). */
  p50: number;
  p95: number;
  max: number;
  /** A raw SetInputSettings call, sent to its response (ms). */
  baseline: { p50: number; p95: number };
  /** p95 over the baseline's p95. */
  ratio: number;
  /** How the new text was noticed: OBS's InputSettingsChanged event, or polling. */
  observedBy: 'event' | 'poll';
  obsVersion: string;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function lyricsText(core: Core, contentDir: string, line: number): string {
  const show = core.engine.state();
  const at = { ...show, lyrics: show.lyrics ? { ...show.lyrics, line } : null };
  const state = overlayStateFor(core.store.snapshot(), at, [], { contentDir });
  // The sung line's own source: the translation is another, set right after it.
  return state.lyrics.line;
}

export async function benchObsLatency(
  options: { samples?: number; songId?: string; log?: (line: string) => void } = {},
): Promise<ObsLatencyResult> {
  const samples = options.samples ?? 100;
  const songId = options.songId ?? 'internationale';
  const log = options.log ?? ((line: string) => console.error(`bench obs: ${line}`));
  const availability = obsAvailability();
  if (!availability.available) throw new Error(`no OBS here: ${availability.reason}`);
  const contentDir = path.resolve(import.meta.dirname, '../content');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-obs-'));
  let obs: ObsInstance | undefined;
  let core: Core | undefined;
  let operator: OperatorClient | undefined;
  const probe = new ObsBridge({ callTimeoutMs: 5_000 });
  try {
    log('starting OBS');
    obs = await startObs();
    core = await startCore({
      contentDir,
      port: 0,
      rendererDir: path.join(dataDir, 'no-renderer'),
      watch: false,
      dataDir,
      log: () => {},
      obs: { env: {} },
    });
    operator = OperatorClient.forCore(core);
    await operator.opened;
    const configured = await operator.command({
      name: 'obsConfigure',
      host: '127.0.0.1',
      port: obs.port,
      password: obs.password,
    });
    if (!configured.ok) throw new Error(`obsConfigure: ${configured.error}`);
    const setup = await operator.command({ name: 'obsSetup' });
    if (!setup.ok) throw new Error(`obsSetup: ${setup.error}`);
    const status = await probe.connect({
      host: '127.0.0.1',
      port: obs.port,
      password: obs.password,
    });
    if (status.state !== 'connected') throw new Error(status.message);

    // What changed in OBS, from its own event when this obs-websocket sends it.
    let latest = '';
    let events = 0;
    probe.on('InputSettingsChanged', (event) => {
      if (event.inputName === LYRICS) {
        events += 1;
        latest = String(event.inputSettings.text ?? '');
      }
    });
    const readText = async () =>
      String(
        (await probe.call('GetInputSettings', { inputName: LYRICS })).inputSettings.text ?? '',
      );
    const until = async (want: string, useEvent: boolean) => {
      const deadline = performance.now() + 5_000;
      for (;;) {
        if (useEvent ? latest === want : (await readText()) === want) return;
        if (performance.now() > deadline)
          throw new Error(`OBS never showed ${JSON.stringify(want)}`);
        await sleep(useEvent ? 1 : POLL_MS);
      }
    };

    const started = await operator.command({ name: 'lyricsStart', songId });
    if (!started.ok) throw new Error(`lyricsStart: ${started.error}`);
    await until(lyricsText(core, contentDir, 0), false);
    const lines = (() => {
      let count = 0;
      while (lyricsText(core, contentDir, count) !== '') count += 1;
      return count;
    })();
    const observedBy: 'event' | 'poll' = events > 0 ? 'event' : 'poll';
    log(`${lines} lines; noticing the change by ${observedBy}; ${samples} advances`);

    const times: number[] = [];
    let line = 0;
    while (times.length < samples) {
      const next = line + 1 < lines ? line + 1 : 0;
      const before = lyricsText(core, contentDir, line);
      const want = lyricsText(core, contentDir, next);
      const t0 = performance.now();
      operator.send(next === 0 ? { name: 'lyricsGoTo', line: 0 } : { name: 'lyricsNext' });
      await until(want, observedBy === 'event');
      const elapsed = performance.now() - t0;
      // A repeated line changes nothing in OBS: not a sample.
      if (want !== before && next !== 0) times.push(elapsed);
      line = next;
      await sleep(MIN_COMMAND_GAP_MS);
    }

    log('baseline: raw SetInputSettings on a scratch text input');
    const { inputKinds } = await probe.call('GetInputKindList', { unversioned: false });
    const kind = ['text_gdiplus_v3', 'text_ft2_source_v2'].find((k) => inputKinds.includes(k));
    if (!kind) throw new Error('no text source kind in this OBS');
    await probe.call('CreateInput', {
      sceneName: OVERLAY_SCENE,
      inputName: SCRATCH,
      inputKind: kind,
      inputSettings: { text: 'scratch' },
      sceneItemEnabled: false,
    });
    const raw: number[] = [];
    for (let i = 0; i < samples; i++) {
      const t0 = performance.now();
      await probe.call('SetInputSettings', {
        inputName: SCRATCH,
        inputSettings: { text: `scratch line ${i}` },
        overlay: true,
      });
      raw.push(performance.now() - t0);
      await sleep(20);
    }
    await probe.call('RemoveInput', { inputName: SCRATCH });

    const result: ObsLatencyResult = {
      samples: times.length,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      max: Math.max(...times),
      baseline: { p50: percentile(raw, 50), p95: percentile(raw, 95) },
      ratio: percentile(times, 95) / percentile(raw, 95),
      observedBy,
      obsVersion: status.state === 'connected' ? status.obsVersion : '?',
    };
    return result;
  } finally {
    operator?.close();
    await probe.disconnect();
    await core?.stop();
    await obs?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await benchObsLatency();
  console.log(JSON.stringify(result, null, 2));
}
