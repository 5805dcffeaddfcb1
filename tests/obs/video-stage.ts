import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { OBSResponseTypes } from 'obs-websocket-js';
import { expect } from 'vitest';
import type { ObsBridge } from '../../src/main/obs/bridge';
import { setUpOverlays } from '../../src/main/obs/overlay-scene';
import { emptyOverlayState } from '../../src/main/obs/overlay-state';
import { OverlaySync } from '../../src/main/obs/overlay-sync';
import { ObsVideoPlayer, VIDEO_INPUT } from '../../src/main/obs/video-playback';
import { systemClock } from '../../src/shared/time';
import { LYRICS } from '../helpers/obs-sources';
import { hasFfmpeg, makeClip } from '../helpers/video-clips';
import { startObs, type ObsInstance } from './harness';
import { inputText, itemEnabled, recordingBridge, tempDataDir } from './helpers';

/*
 * What the "Play on stream" tests share: a real OBS with the overlay scene, and a player whose
 * subtitles go into the overlay's lyrics sources as the core's do.
 */

const BASE_URL = 'http://127.0.0.1:4173/?token=overlay-token';

/**
 * A test clip with a keyframe every half second, as real films have every second or two: OBS
 * seeks to the keyframe before the cursor asked for, and x264's default (one every 250
 * frames) would put every seek in a short clip back at 0.
 */
export function seekableClip(seconds: number, audio = true): string {
  const clip = makeClip({ format: 'mp4', seconds, audio });
  const out = clip.replace(/\.mp4$/, '-gop15.mp4');
  if (!existsSync(out)) {
    const audioArgs = audio ? ['-c:a', 'copy'] : [];
    execFileSync('ffmpeg', [
      ...['-y', '-loglevel', 'error', '-i', clip, '-c:v', 'libx264'],
      ...['-preset', 'ultrafast', '-g', '15', '-pix_fmt', 'yuv420p'],
      ...audioArgs,
      out,
    ]);
  }
  return out;
}

export interface VideoStage {
  obs: ObsInstance;
  bridge: ObsBridge;
  player: ObsVideoPlayer;
  /** OBS's own status of the media source. */
  status: () => Promise<OBSResponseTypes['GetMediaInputStatus']>;
  /** What the stream shows in the lyrics line: its text while the source is on, else nothing. */
  shownLine: () => Promise<string>;
  stop: () => Promise<void>;
}

/** Starts OBS, connects, sets up the overlay scene, and makes the player. */
export async function startVideoStage(
  options: { log?: (message: string) => void } = {},
): Promise<VideoStage> {
  if (!hasFfmpeg()) throw new Error('ffmpeg is needed to make the test clip');
  const obs = await startObs();
  const data = tempDataDir();
  const { bridge } = recordingBridge({ callTimeoutMs: 5_000 });
  const connected = await bridge.connect({
    host: '127.0.0.1',
    port: obs.port,
    password: obs.password,
  });
  expect(connected.state, connected.message).toBe('connected');
  await setUpOverlays(bridge, { overlayBaseUrl: BASE_URL });
  const sync = new OverlaySync(bridge, { dataDir: data.dir });
  const player = new ObsVideoPlayer({
    bridge,
    clock: systemClock,
    log: options.log,
    showSubtitles: (text) => {
      const state = emptyOverlayState();
      state.lyrics = text ?? { line: '', translation: '' };
      state.enabled.lyrics = Boolean(text && text.line !== '');
      return sync.apply(state);
    },
  });
  return {
    obs,
    bridge,
    player,
    status: () => bridge.call('GetMediaInputStatus', { inputName: VIDEO_INPUT }),
    shownLine: async () =>
      (await itemEnabled(bridge, LYRICS)) ? String(await inputText(bridge, LYRICS)) : '',
    async stop() {
      player.dispose();
      await bridge.disconnect();
      await obs.stop();
      data.cleanup();
    },
  };
}
