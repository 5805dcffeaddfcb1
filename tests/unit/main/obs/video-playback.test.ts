import { describe, expect, it } from 'vitest';
import { ObsVideoPlayer, VIDEO_SCENE } from '../../../../src/main/obs/video-playback';
import type { Clock } from '../../../../src/shared/time';

/** A clock whose timers run only when the test says so. */
function manualClock() {
  let timers: (() => void)[] = [];
  const clock: Clock = {
    now: () => 0,
    setTimeout: (callback) => {
      timers.push(callback);
      return callback;
    },
    clearTimeout: (handle) => {
      timers = timers.filter((t) => t !== handle);
    },
  };
  return {
    clock,
    pending: () => timers.length,
    async tick() {
      const due = timers;
      timers = [];
      for (const run of due) run();
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

/** OBS as far as the player asks it: a media source whose cursor the test moves. */
function fakeObs() {
  const media = { state: 'OBS_MEDIA_STATE_PLAYING', cursor: 0 };
  const calls: { type: string; data?: Record<string, unknown> }[] = [];
  let ended: ((event: { inputName: string }) => void) | null = null;
  const bridge = {
    call: (type: string, data?: Record<string, unknown>) => {
      calls.push({ type, data });
      const answers: Record<string, unknown> = {
        GetSceneList: { scenes: [{ sceneName: 'Scene' }] },
        GetInputList: { inputs: [] },
        GetSceneItemList: { sceneItems: [] },
        CreateSceneItem: { sceneItemId: 7 },
        GetCurrentProgramScene: { currentProgramSceneName: 'Scene' },
        GetMediaInputStatus: {
          mediaState: media.state,
          mediaCursor: media.cursor,
          mediaDuration: 6000,
        },
      };
      return Promise.resolve(answers[type] ?? {});
    },
    on: (_event: string, listener: (event: { inputName: string }) => void) => {
      ended = listener;
      return () => {};
    },
  };
  return { bridge, media, calls, end: () => ended?.({ inputName: 'Solidarity · Video' }) };
}

const tracks = {
  main: [
    { startMs: 1000, endMs: 2000, lines: ['one'] },
    { startMs: 2000, endMs: 3000, lines: ['two'] },
  ],
  sub: [],
};

function setUp() {
  const obs = fakeObs();
  const time = manualClock();
  const shown: ({ line: string; translation: string } | null)[] = [];
  const player = new ObsVideoPlayer({
    bridge: obs.bridge as never,
    clock: time.clock,
    showSubtitles: (text) => {
      shown.push(text);
      return Promise.resolve();
    },
  });
  const video = { itemId: 'film', file: '/pack/film.mp4', startMs: 0, endMs: null, muted: false };
  return { obs, time, shown, player, video: { ...video, tracks } };
}

describe('the OBS video player', () => {
  it('sets the subtitle text only when the cue changes', async () => {
    const { obs, time, shown, player, video } = setUp();
    await player.play(video);
    for (const cursor of [100, 500, 1000, 1400, 1900, 2000, 2500, 3100, 3300]) {
      obs.media.cursor = cursor;
      await time.tick();
    }
    expect(shown.map((text) => text?.line)).toEqual(['', 'one', 'two', '']);
  });

  it('switches to its scene and back, and stops polling and clears the text on stop', async () => {
    const { obs, time, shown, player, video } = setUp();
    await player.play(video);
    expect(obs.calls).toContainEqual({
      type: 'SetCurrentProgramScene',
      data: { sceneName: VIDEO_SCENE },
    });
    obs.media.cursor = 1500;
    await time.tick();
    await player.stop();
    expect(time.pending()).toBe(0);
    expect(shown.at(-1)).toBeNull();
    expect(obs.calls.at(-1)).toEqual({
      type: 'SetCurrentProgramScene',
      data: { sceneName: 'Scene' },
    });
    expect(player.status()).toMatchObject({ state: 'stopped' });
  });

  it('ends at the range’s end and at OBS’s end-of-file event', async () => {
    const { obs, time, shown, player, video } = setUp();
    await player.play({ ...video, endMs: 1500 });
    obs.media.cursor = 1200;
    await time.tick();
    obs.media.cursor = 1550;
    await time.tick();
    expect(player.status()).toMatchObject({ state: 'ended' });
    expect(shown.at(-1)).toBeNull();
    expect(time.pending()).toBe(0);

    await player.play(video);
    obs.end();
    await new Promise((resolve) => setImmediate(resolve));
    expect(player.status()).toMatchObject({ state: 'ended' });
    expect(time.pending()).toBe(0);
  });
});
