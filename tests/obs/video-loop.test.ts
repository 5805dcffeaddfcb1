import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ObsBridge } from '../../src/main/obs/bridge';
import { setUpOverlays } from '../../src/main/obs/overlay-scene';
import { emptyOverlayState } from '../../src/main/obs/overlay-state';
import { OverlaySync } from '../../src/main/obs/overlay-sync';
import { ObsVideoPlayer, VIDEO_INPUT, type VideoOnStream } from '../../src/main/obs/video-playback';
import { parseSubtitles } from '../../src/shared/subtitles';
import { systemClock } from '../../src/shared/time';
import { LYRICS } from '../helpers/obs-sources';
import { hasFfmpeg, makeClip } from '../helpers/video-clips';
import { startObs, type ObsInstance } from './harness';
import { inputText, itemEnabled, recordingBridge, tempDataDir, waitFor } from './helpers';
import { describeWithObs } from './obs-suite';

/*
 * A looped playlist entry on the stream: the media source passes its end (the file's, or the
 * range's) and goes back, and the subtitle line comes back with each pass.
 */

const BASE_URL = 'http://127.0.0.1:4173/?token=overlay-token';

/** A short clip with a keyframe every half second, so a seek to 1 s lands at 1 s. */
function clip(seconds: number): string {
  const source = makeClip({ format: 'mp4', seconds, audio: false });
  const out = source.replace(/\.mp4$/, '-gop15.mp4');
  if (!existsSync(out)) {
    execFileSync(
      'ffmpeg',
      ['-y', '-loglevel', 'error', '-i', source, '-c:v', 'libx264'].concat([
        '-preset',
        'ultrafast',
        '-g',
        '15',
        '-pix_fmt',
        'yuv420p',
        out,
      ]),
    );
  }
  return out;
}

const CUES = `1
00:00:00,300 --> 00:00:00,900
Свободу

2
00:00:01,200 --> 00:00:02,000
и снова свободу
`;

describeWithObs('a looped video on the stream, in a real OBS', () => {
  let obs: ObsInstance;
  let bridge: ObsBridge;
  let data: { dir: string; cleanup: () => void };
  let player: ObsVideoPlayer;

  const status = () => bridge.call('GetMediaInputStatus', { inputName: VIDEO_INPUT });
  const shownLine = async () =>
    (await itemEnabled(bridge, LYRICS)) ? String(await inputText(bridge, LYRICS)) : '';
  const video = (extra: Partial<VideoOnStream>): VideoOnStream => ({
    itemId: 'film',
    file: clip(3),
    startMs: 0,
    endMs: 3_000,
    muted: true,
    loop: true,
    tracks: { main: parseSubtitles(CUES, 'srt').cues, sub: [] },
    ...extra,
  });
  /** Waits for the cursor to pass `past`, then to come back under `under`, still playing. */
  const passAndComeBack = async (past: number, under: number) => {
    await waitFor(
      `the cursor past ${past} ms`,
      async () => ((await status()).mediaCursor ?? 0) > past,
    );
    const back = await waitFor(`the cursor back under ${under} ms`, async () => {
      const now = await status();
      return now.mediaCursor !== null && now.mediaCursor < under ? now : null;
    });
    expect(back.mediaState).toBe('OBS_MEDIA_STATE_PLAYING');
    expect(player.status()?.state).not.toBe('ended');
  };

  beforeAll(async () => {
    if (!hasFfmpeg()) throw new Error('ffmpeg is needed to make the test clip');
    obs = await startObs();
    data = tempDataDir();
    ({ bridge } = recordingBridge({ callTimeoutMs: 5_000 }));
    const connected = await bridge.connect({
      host: '127.0.0.1',
      port: obs.port,
      password: obs.password,
    });
    expect(connected.state, connected.message).toBe('connected');
    await setUpOverlays(bridge, { overlayBaseUrl: BASE_URL });
    const sync = new OverlaySync(bridge, { dataDir: data.dir });
    player = new ObsVideoPlayer({
      bridge,
      clock: systemClock,
      log: (message) => console.log(message),
      showSubtitles: (text) => {
        const state = emptyOverlayState();
        state.lyrics = text ?? { line: '', translation: '' };
        state.enabled.lyrics = Boolean(text && text.line !== '');
        return sync.apply(state);
      },
    });
  });

  afterAll(async () => {
    player?.dispose();
    await bridge?.disconnect();
    await obs?.stop();
    data?.cleanup();
  });

  it('a whole short clip loops: past its end the cursor goes back, the first line comes back', async () => {
    await player.play(video({}));
    const { inputSettings } = await bridge.call('GetInputSettings', { inputName: VIDEO_INPUT });
    expect(inputSettings).toMatchObject({ looping: true });
    await waitFor('the first line', async () => (await shownLine()) === 'Свободу');
    await passAndComeBack(2_400, 1_000);
    await waitFor('the first line again', async () => (await shownLine()) === 'Свободу');
    await passAndComeBack(2_400, 1_000);
    await waitFor('the first line a third time', async () => (await shownLine()) === 'Свободу');
    await player.stop();
    expect(await shownLine()).toBe('');
  });

  it('a looped range goes back to its start at its end, its line with it', async () => {
    await player.play(video({ file: clip(4), startMs: 1_000, endMs: 2_200 }));
    await waitFor('the range’s line', async () => (await shownLine()) === 'и снова свободу');
    // The range's end, not the file's: the cursor never reaches the clip's last second.
    await passAndComeBack(2_000, 1_600);
    await waitFor('the line again', async () => (await shownLine()) === 'и снова свободу');
    await passAndComeBack(2_000, 1_600);
    expect((await status()).mediaCursor!).toBeGreaterThanOrEqual(1_000 - 300);
    await player.stop();
  });
});
