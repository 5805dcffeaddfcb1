import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ObsBridge } from '../../src/main/obs/bridge';
import {
  ObsVideoPlayer,
  VIDEO_INPUT,
  VIDEO_SCENE,
  type VideoOnStream,
} from '../../src/main/obs/video-playback';
import { subtitleTextAt } from '../../src/shared/overlay/video-subtitles';
import { parseSubtitles } from '../../src/shared/subtitles';
import { LYRICS, LYRICS_SUB } from '../helpers/obs-sources';
import { inputText, itemEnabled, sleep, waitFor } from './helpers';
import { describeWithObs } from './obs-suite';
import { seekableClip, startVideoStage, type VideoStage } from './video-stage';

const CLIP_SECONDS = 6;

// Cues at known times, back to back and with gaps, in the spoken language and a translation.
const ORIGINAL = `WEBVTT

00:00:00.800 --> 00:00:01.600
Свободу

00:00:01.600 --> 00:00:02.700
Кагарлицкому

00:00:03.200 --> 00:00:04.300
и Мифтахову
`;
const TRANSLATION = `WEBVTT

00:00:00.800 --> 00:00:02.700
Freedom for Kagarlitsky

00:00:03.200 --> 00:00:04.300
and Miftakhov
`;

describeWithObs('"Play on stream" in a real OBS', () => {
  let stage: VideoStage;
  let bridge: ObsBridge;
  let player: ObsVideoPlayer;
  let video: VideoOnStream;

  const status = () => stage.status();
  const shownLine = () => stage.shownLine();
  /** OBS names the old program scene until a transition (a fade) has ended. */
  const program = async () => (await bridge.call('GetCurrentProgramScene')).currentProgramSceneName;

  beforeAll(async () => {
    stage = await startVideoStage();
    ({ bridge, player } = stage);
    video = {
      itemId: 'film',
      file: seekableClip(CLIP_SECONDS),
      startMs: 0,
      endMs: null,
      muted: true,
      tracks: {
        main: parseSubtitles(ORIGINAL, 'vtt').cues,
        sub: parseSubtitles(TRANSLATION, 'vtt').cues,
      },
    };
  });

  afterAll(async () => {
    await stage?.stop();
  });

  it('creates the media source in its own scene, switches to it, and plays', async () => {
    const { currentProgramSceneName: before } = await bridge.call('GetCurrentProgramScene');
    expect(before).not.toBe(VIDEO_SCENE);
    await player.play(video);

    const { inputSettings } = await bridge.call('GetInputSettings', { inputName: VIDEO_INPUT });
    expect(inputSettings).toMatchObject({
      local_file: video.file,
      is_local_file: true,
      restart_on_activate: true,
      close_when_inactive: true,
    });
    expect((await bridge.call('GetInputMute', { inputName: VIDEO_INPUT })).inputMuted).toBe(true);
    await waitFor('the video’s scene on program', async () => (await program()) === VIDEO_SCENE);
    // The video under the overlay scene (the subtitles' sources), never over it.
    const { sceneItems } = await bridge.call('GetSceneItemList', { sceneName: VIDEO_SCENE });
    const order = [...sceneItems]
      .sort((a, b) => Number(a.sceneItemIndex) - Number(b.sceneItemIndex))
      .map((item) => item.sourceName);
    expect(order[0]).toBe(VIDEO_INPUT);
    expect(order).toContain('Solidarity Overlays');

    const first = await waitFor('the video to play', async () => {
      const now = await status();
      return now.mediaState === 'OBS_MEDIA_STATE_PLAYING' && now.mediaCursor !== null ? now : null;
    });
    await sleep(400);
    const second = await status();
    expect(second.mediaCursor!).toBeGreaterThan(first.mediaCursor!);
    expect(first.mediaDuration).toBeGreaterThan(CLIP_SECONDS * 1000 - 200);
  });

  /**
   * Reads what the stream shows against OBS's own cursor until the clip's last cue is past:
   * each read's error is how far the cursor is from the nearest moment at which that text is
   * right (half the read's own span is uncertainty of the measure, not of the app).
   */
  async function followCues(): Promise<{ seen: Set<string>; errors: number[] }> {
    const seen = new Set<string>();
    const errors: number[] = [];
    for (;;) {
      const before = await status();
      const shown = await shownLine();
      const after = await status();
      if (before.mediaCursor === null || after.mediaCursor === null) continue;
      // Back to the start: OBS restarted the file (as it does when its scene comes on): the
      // pass begins again.
      if (after.mediaCursor < before.mediaCursor) {
        seen.clear();
        errors.length = 0;
        continue;
      }
      if (before.mediaCursor > 4_800) break;
      const cursor = (before.mediaCursor + after.mediaCursor) / 2;
      seen.add(shown);
      let error = Infinity;
      for (let t = 0; t <= CLIP_SECONDS * 1000; t += 5) {
        if (subtitleTextAt(video.tracks, t).line === shown) {
          error = Math.min(error, Math.abs(t - cursor));
        }
      }
      errors.push(Math.max(0, error - (after.mediaCursor - before.mediaCursor) / 2));
      await sleep(20);
    }
    expect([...seen]).toEqual(
      expect.arrayContaining(['Свободу', 'Кагарлицкому', 'и Мифтахову', '']),
    );
    expect(errors.length).toBeGreaterThan(50);
    return { seen, errors };
  }

  it('the subtitle line follows the media cursor within 150 ms at every cue boundary', async () => {
    // The player's first pass: how long each kind of change takes OBS is not known yet (the
    // first line waits for OBS to draw and measure it, 100-300 ms on a busy machine), so a
    // change can land that much after its edge.
    const first = await followCues();
    expect(Math.max(...first.errors)).toBeLessThanOrEqual(400);
    // From then on each change is sent ahead by what it has been taking, and lands on its edge.
    await player.stop();
    await player.play(video);
    // OBS's status can still read the stopped file's cursor for a moment after the restart.
    await waitFor('the video to start again', async () => {
      const now = await status();
      return now.mediaState === 'OBS_MEDIA_STATE_PLAYING' && (now.mediaCursor ?? 1e9) < 700;
    });
    const again = await followCues();
    expect(Math.max(...again.errors)).toBeLessThanOrEqual(150);
  });

  it('shows the translation under the original', async () => {
    await player.stop();
    await player.play({ ...video, startMs: 3_400 });
    await waitFor('the third cue', async () => (await shownLine()) === 'и Мифтахову');
    expect(await inputText(bridge, LYRICS_SUB)).toBe('and Miftakhov');
    // Started from the entry's range, not at 0. OBS lands a seek on the keyframe before it
    // (the clip has one every half second), so the cursor may read up to half a second early.
    expect((await status()).mediaCursor!).toBeGreaterThanOrEqual(3_400 - 500);
  });

  it('pause pauses: the cursor stands still, and the status says paused', async () => {
    await player.pause();
    expect((await status()).mediaState).toBe('OBS_MEDIA_STATE_PAUSED');
    // A frame OBS was already decoding may still come out just after the pause.
    await sleep(150);
    const settled = await status();
    await sleep(500);
    expect((await status()).mediaCursor).toBe(settled.mediaCursor);
    expect(player.status()).toMatchObject({ itemId: 'film', state: 'paused' });
  });

  it('play resumes; stop stops, clears the text and switches back', async () => {
    const paused = (await status()).mediaCursor!;
    await player.play(video);
    await waitFor(
      'the video to move on',
      async () => ((await status()).mediaCursor ?? 0) > paused + 100,
    );
    await player.stop();
    expect(await itemEnabled(bridge, LYRICS)).toBe(false);
    expect(await shownLine()).toBe('');
    expect(player.status()).toMatchObject({ state: 'stopped' });
    await waitFor('the program back from the video', async () => (await program()) !== VIDEO_SCENE);
    const after = await status();
    expect(after.mediaState).not.toBe('OBS_MEDIA_STATE_PLAYING');
  });

  it('ends by itself at the entry range’s end and at the file’s end, clearing the text', async () => {
    await player.play({ ...video, startMs: 3_000, endMs: 3_600 });
    await waitFor('the range to end', () => player.status()?.state === 'ended');
    expect(await shownLine()).toBe('');

    await player.play({ ...video, startMs: 5_000 });
    await waitFor('the file to end', () => player.status()?.state === 'ended');
    expect(await shownLine()).toBe('');
    await waitFor('the program back from the video', async () => (await program()) !== VIDEO_SCENE);
  });
});
