import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ObsBridge } from '../../src/main/obs/bridge';
import { ObsVideoPlayer, VIDEO_INPUT, type VideoOnStream } from '../../src/main/obs/video-playback';
import { parseSubtitles } from '../../src/shared/subtitles';
import { waitFor } from './helpers';
import { describeWithObs } from './obs-suite';
import { seekableClip, startVideoStage, type VideoStage } from './video-stage';

/*
 * A looped playlist entry on the stream: the media source passes its end (the file's, or the
 * range's) and goes back, and the subtitle line comes back with each pass.
 */

const CUES = `1
00:00:00,300 --> 00:00:00,900
Свободу

2
00:00:01,200 --> 00:00:02,000
и снова свободу
`;

describeWithObs('a looped video on the stream, in a real OBS', () => {
  let stage: VideoStage;
  let bridge: ObsBridge;
  let player: ObsVideoPlayer;

  const status = () => stage.status();
  const shownLine = () => stage.shownLine();
  const video = (extra: Partial<VideoOnStream>): VideoOnStream => ({
    itemId: 'film',
    file: seekableClip(3, false),
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
    stage = await startVideoStage({ log: (message) => console.log(message) });
    ({ bridge, player } = stage);
  });

  afterAll(async () => {
    await stage?.stop();
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
    await player.play(video({ file: seekableClip(4, false), startMs: 1_000, endMs: 2_200 }));
    await waitFor('the range’s line', async () => (await shownLine()) === 'и снова свободу');
    // The range's end, not the file's: the cursor never reaches the clip's last second.
    await passAndComeBack(2_000, 1_600);
    await waitFor('the line again', async () => (await shownLine()) === 'и снова свободу');
    await passAndComeBack(2_000, 1_600);
    expect((await status()).mediaCursor!).toBeGreaterThanOrEqual(1_000 - 300);
    await player.stop();
  });
});
