import { describe, expect, it } from 'vitest';
import { ObsVideoPlayer, VIDEO_SCENE } from '../../../../src/main/obs/video-playback';
import type { Clock } from '../../../../src/shared/time';
import { runningClock } from '../../../helpers/running-clock';

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
  /** `program`: what OBS names as the program scene (the old one until a transition ends). */
  const media = { state: 'OBS_MEDIA_STATE_PLAYING', cursor: 0, program: 'Scene' };
  const calls: { type: string; data?: Record<string, unknown> }[] = [];
  /** Cursor reads held unanswered (a slow OBS) until `release()`. */
  let held: (() => void)[] | null = null;
  const holdReads = () => {
    held = [];
  };
  const release = () => {
    const waiting = held ?? [];
    held = null;
    for (const answer of waiting) answer();
  };
  let ended: ((event: { inputName: string }) => void) | null = null;
  const bridge = {
    call: (type: string, data?: Record<string, unknown>) => {
      calls.push({ type, data });
      const answers: Record<string, unknown> = {
        GetSceneList: { scenes: [{ sceneName: 'Scene' }] },
        GetInputList: { inputs: [] },
        GetSceneItemList: { sceneItems: [] },
        CreateSceneItem: { sceneItemId: 7 },
        GetCurrentProgramScene: { currentProgramSceneName: media.program },
        GetMediaInputStatus: {
          mediaState: media.state,
          mediaCursor: media.cursor,
          mediaDuration: 6000,
        },
      };
      if (type === 'GetMediaInputStatus' && held) {
        const waiting = held;
        return new Promise((resolve) => waiting.push(() => resolve(answers[type])));
      }
      return Promise.resolve(answers[type] ?? {});
    },
    on: (_event: string, listener: (event: { inputName: string }) => void) => {
      ended = listener;
      return () => {};
    },
  };
  /** The file reaches its end: OBS says so in the status, then sends the event. */
  const end = () => {
    media.state = 'OBS_MEDIA_STATE_ENDED';
    ended?.({ inputName: 'Solidarity · Video' });
  };
  /** The event alone, late: for a file stopped or reopened a moment ago, not this one. */
  const staleEnd = () => ended?.({ inputName: 'Solidarity · Video' });
  return { bridge, media, calls, end, staleEnd, holdReads, release };
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

describe('presses and OBS events that cross each other', () => {
  const reads = (calls: { type: string }[]) =>
    calls.filter((c) => c.type === 'GetMediaInputStatus').length;

  it('a late end event for the last file does not end the one now opening', async () => {
    const { obs, time, shown, player, video } = setUp();
    await player.play({ ...video, itemId: 'first' });
    // The stop of the first file and the opening of the next each make OBS send "ended" late.
    const opening = player.play(video);
    obs.staleEnd();
    await opening;
    obs.staleEnd();
    await new Promise((resolve) => setImmediate(resolve));
    obs.media.cursor = 1500;
    await time.tick();
    expect(player.status()).toMatchObject({ itemId: 'film', state: 'playing' });
    expect(shown.at(-1)?.line).toBe('one');
    expect(time.pending()).toBe(1);
  });

  it('a stop pressed before the video opened leaves nothing playing and the scene as it was', async () => {
    const { obs, time, player, video } = setUp();
    const opening = player.play(video);
    const stopping = player.stop();
    await Promise.all([opening, stopping]);
    expect(obs.calls.some((c) => c.type === 'SetCurrentProgramScene')).toBe(false);
    expect(time.pending()).toBe(0);
  });

  it('a stop pressed while the video seeks to its start ends the seek and the video', async () => {
    const { obs, time, player, video } = setUp();
    obs.media.cursor = 100;
    const opening = player.play({ ...video, startMs: 3_000 });
    await new Promise((resolve) => setImmediate(resolve));
    const stopping = player.stop();
    await time.tick();
    await time.tick();
    await Promise.all([opening, stopping]);
    expect(time.pending()).toBe(0);
    expect(player.status()).toMatchObject({ state: 'stopped' });
    expect(obs.calls.at(-1)).toEqual({
      type: 'SetCurrentProgramScene',
      data: { sceneName: 'Scene' },
    });
  });

  it('a video started while the switch back is still in its transition goes back there too', async () => {
    const { obs, player, video } = setUp();
    await player.play({ ...video, itemId: 'first' });
    await player.stop();
    // OBS still names the video's scene: the fade back to "Scene" has not ended.
    obs.media.program = VIDEO_SCENE;
    await player.play(video);
    await player.stop();
    expect(obs.calls.at(-1)).toEqual({
      type: 'SetCurrentProgramScene',
      data: { sceneName: 'Scene' },
    });
  });

  it('a read still out when the next video starts does not start a second read loop', async () => {
    const { obs, time, player, video } = setUp();
    await player.play({ ...video, itemId: 'first' });
    obs.holdReads();
    await time.tick();
    await player.play(video);
    obs.release();
    await new Promise((resolve) => setImmediate(resolve));
    const before = reads(obs.calls);
    for (let i = 0; i < 4; i++) await time.tick();
    expect(reads(obs.calls) - before).toBe(4);
  });
});

describe('the stream’s subtitles on the cue’s own moment', () => {
  /** A media source that started 23 ms before the clock's 0: every edge falls between reads. */
  function playing(
    readLag: (read: number) => number = () => 0,
    options: { showMs?: number; tracks?: typeof tracks } = {},
  ) {
    const time = runningClock();
    const shown: { at: number; line: string | undefined }[] = [];
    let reads = 0;
    const bridge = {
      call: (type: string) => {
        if (type !== 'GetMediaInputStatus')
          return Promise.resolve({ scenes: [], inputs: [], sceneItems: [] });
        return Promise.resolve({
          mediaState: 'OBS_MEDIA_STATE_PLAYING',
          mediaCursor: time.now() + 23 - readLag(reads++),
          mediaDuration: 6000,
        });
      },
      on: () => () => {},
    };
    const player = new ObsVideoPlayer({
      bridge: bridge as never,
      clock: time.clock,
      placement: 'overlay-scene',
      // OBS shows the change `showMs` after it is sent: it is seen when the call returns.
      showSubtitles: (text) =>
        new Promise<void>((resolve) => {
          const done = () => {
            shown.push({ at: time.now(), line: text?.line });
            resolve();
          };
          if (options.showMs) time.clock.setTimeout(done, options.showMs);
          else done();
        }),
    });
    const video = {
      itemId: 'film',
      file: '/f.mp4',
      startMs: 0,
      endMs: null,
      muted: true,
      tracks: options.tracks ?? tracks,
    };
    return { time, shown, player, video };
  }

  it('changes the text when the cursor reaches the edge, not at the next read after it', async () => {
    const { time, shown, player, video } = playing();
    await player.play(video);
    await time.advanceTo(3_500);
    player.dispose();
    // The first read (at 50) shows no line; the cursor is the clock + 23, so the edges at
    // 1000, 2000 and 3000 come at 977, 1977 and 2977, between reads.
    expect(shown.map((s) => s.line)).toEqual(['', 'one', 'two', '']);
    expect(shown.map((s) => s.at)).toEqual([50, 977, 1977, 2977]);
  });

  it('keeps the new line when a later read trails the edge a little', async () => {
    // Every other read is 30 ms behind: after a flip, such a read lands before the edge.
    const { time, shown, player, video } = playing((read) => (read % 2 === 1 ? 30 : 0));
    await player.play(video);
    await time.advanceTo(3_500);
    player.dispose();
    expect(shown.map((s) => s.line)).toEqual(['', 'one', 'two', '']);
  });

  it('learns how long a line takes to appear, and lands the next one on its edge', async () => {
    const gaps = {
      main: [
        { startMs: 1000, endMs: 2000, lines: ['one'] },
        { startMs: 3000, endMs: 4000, lines: ['three'] },
      ],
      sub: [],
    };
    const { time, shown, player, video } = playing(() => 0, { showMs: 40, tracks: gaps });
    await player.play(video);
    await time.advanceTo(4_500);
    player.dispose();
    const seen = shown.filter((s) => s.line !== '' || s.at > 100);
    // The first line is late by the 40 ms OBS takes; the second, learnt, lands on its edge
    // (2977 on this clock), and so does the clear, learnt from the first read's empty text.
    expect(seen).toEqual([
      { at: 1017, line: 'one' },
      { at: 1977, line: '' },
      { at: 2977, line: 'three' },
      { at: 3977, line: '' },
    ]);
  });
});

describe('a looped entry on the stream', () => {
  /**
   * A media source whose cursor runs with the clock: a seek or a restart moves it, and OBS's
   * own `looping` setting wraps it at the file's end (as ffmpeg_source does).
   */
  function loopingObs(fileMs: number) {
    const time = runningClock();
    let base = 0;
    let since = 0;
    let looping = false;
    let atEnd = false;
    const calls: { type: string; data?: Record<string, unknown> }[] = [];
    let ended: ((event: { inputName: string }) => void) | null = null;
    const bridge = {
      call: (type: string, data?: Record<string, unknown>) => {
        calls.push({ type, data });
        const settings = data?.inputSettings as { looping?: boolean } | undefined;
        if (settings) looping = settings.looping === true;
        if (type === 'SetMediaInputCursor') {
          base = data!.mediaCursor as number;
          since = time.now();
        }
        if (type === 'TriggerMediaInputAction' && String(data!.mediaAction).endsWith('RESTART')) {
          base = 0;
          since = time.now();
          atEnd = false;
        }
        if (type === 'GetMediaInputStatus') {
          const run = base + time.now() - since;
          return Promise.resolve({
            mediaState: atEnd ? 'OBS_MEDIA_STATE_ENDED' : 'OBS_MEDIA_STATE_PLAYING',
            mediaCursor: looping ? run % fileMs : Math.min(run, fileMs),
            mediaDuration: fileMs,
          });
        }
        return Promise.resolve(
          type === 'CreateSceneItem'
            ? { sceneItemId: 3 }
            : { scenes: [], inputs: [], sceneItems: [] },
        );
      },
      on: (_event: string, listener: (event: { inputName: string }) => void) => {
        ended = listener;
        return () => {};
      },
    };
    const lines: (string | undefined)[] = [];
    const player = new ObsVideoPlayer({
      bridge: bridge as never,
      clock: time.clock,
      placement: 'overlay-scene',
      showSubtitles: (text) => {
        lines.push(text?.line);
        return Promise.resolve();
      },
    });
    const end = () => {
      atEnd = true;
      ended?.({ inputName: 'Solidarity · Video' });
    };
    return { time, calls, lines, player, end };
  }

  it('goes back to the range’s start at its end, pass after pass, the subtitles with it', async () => {
    const { time, calls, lines, player } = loopingObs(6_000);
    const video = { itemId: 'film', file: '/f.mp4', muted: true, tracks };
    const started = player.play({ ...video, startMs: 1_000, endMs: 2_500, loop: true });
    await time.runUntil(5_600);
    await started;
    player.dispose();
    // Three passes of 1000–2500 ms: "one" then "two" each time, never the end of the video.
    expect(lines.slice(0, 6)).toEqual(['one', 'two', 'one', 'two', 'one', 'two']);
    expect(player.status()?.state).toBe('playing');
    const seeksBack = calls.filter(
      (c) => c.type === 'SetMediaInputCursor' && c.data?.mediaCursor === 1_000,
    );
    expect(seeksBack.length).toBeGreaterThanOrEqual(3);
  });

  it('loops a whole file with OBS’s own looping, and an end event restarts instead of ending', async () => {
    const { time, calls, lines, player, end } = loopingObs(3_500);
    const video = { itemId: 'film', file: '/f.mp4', muted: true, tracks };
    const started = player.play({ ...video, startMs: 0, endMs: 3_500, loop: true });
    await time.runUntil(5_700);
    await started;
    const created = calls.find((c) => c.type === 'CreateInput');
    expect((created?.data?.inputSettings as { looping: boolean }).looping).toBe(true);
    // The first pass, then the cursor wraps to 0 and the first line comes back at 1000.
    expect(lines).toEqual(['', 'one', 'two', '', 'one', 'two']);
    end();
    await time.runUntil(5_800);
    player.dispose();
    expect(player.status()?.state).toBe('playing');
    expect(calls.filter((c) => String(c.data?.mediaAction).endsWith('RESTART'))).toHaveLength(2);
  });

  it('does not loop an entry that is played once', async () => {
    const { time, calls, player } = loopingObs(3_500);
    const video = { itemId: 'film', file: '/f.mp4', muted: true, tracks };
    const started = player.play({ ...video, startMs: 0, endMs: 3_500 });
    await time.runUntil(4_000);
    await started;
    const created = calls.find((c) => c.type === 'CreateInput');
    expect((created?.data?.inputSettings as { looping: boolean }).looping).toBe(false);
    expect(player.status()?.state).toBe('ended');
  });
});

describe('where the video goes on the stream', () => {
  /** OBS with both scenes, the media source already in both from earlier plays. */
  function twoScenes(placement: () => 'own-scene' | 'overlay-scene') {
    const calls: { type: string; data?: Record<string, unknown> }[] = [];
    const bridge = {
      call: (type: string, data?: Record<string, unknown>) => {
        calls.push({ type, data });
        const answers: Record<string, unknown> = {
          GetSceneList: {
            scenes: [
              { sceneName: 'Scene' },
              { sceneName: VIDEO_SCENE },
              { sceneName: 'Solidarity Overlays' },
            ],
          },
          GetInputList: { inputs: [{ inputName: 'Solidarity · Video' }] },
          GetSceneItemList: {
            sceneItems: [
              { sourceName: 'Solidarity · Lyrics', sceneItemId: 1 },
              { sourceName: 'Solidarity · Video', sceneItemId: 9 },
            ],
          },
          GetCurrentProgramScene: { currentProgramSceneName: 'Scene' },
          GetMediaInputStatus: {
            mediaState: 'OBS_MEDIA_STATE_PLAYING',
            mediaCursor: 0,
            mediaDuration: 6000,
          },
        };
        return Promise.resolve(answers[type] ?? {});
      },
      on: () => () => {},
    };
    const time = manualClock();
    const player = new ObsVideoPlayer({
      bridge: bridge as never,
      clock: time.clock,
      placement,
      showSubtitles: () => Promise.resolve(),
    });
    const video = { itemId: 'film', file: '/f.mp4', startMs: 0, endMs: null, muted: true, tracks };
    return { calls, player, video };
  }

  it('follows the setting at each play, and leaves no copy in the other placement’s scene', async () => {
    let placement: 'own-scene' | 'overlay-scene' = 'overlay-scene';
    const { calls, player, video } = twoScenes(() => placement);
    await player.play(video);
    expect(calls.some((c) => c.type === 'SetCurrentProgramScene')).toBe(false);
    expect(calls).toContainEqual({
      type: 'SetSceneItemIndex',
      data: { sceneName: 'Solidarity Overlays', sceneItemId: 9, sceneItemIndex: 0 },
    });
    expect(calls).toContainEqual({
      type: 'RemoveSceneItem',
      data: { sceneName: VIDEO_SCENE, sceneItemId: 9 },
    });
    await player.stop();

    placement = 'own-scene';
    calls.length = 0;
    await player.play(video);
    expect(calls).toContainEqual({
      type: 'SetCurrentProgramScene',
      data: { sceneName: VIDEO_SCENE },
    });
    expect(calls).toContainEqual({
      type: 'RemoveSceneItem',
      data: { sceneName: 'Solidarity Overlays', sceneItemId: 9 },
    });
    await player.stop();
    player.dispose();
  });
});
