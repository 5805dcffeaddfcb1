import { describe, expect, it } from 'vitest';
import {
  SEEK_WINDOWS_MS,
  seekTook,
  seekToStart,
  type CursorRead,
} from '../../../../src/main/obs/video-source';
import { runningClock } from '../../../helpers/running-clock';

const at = (cursorMs: number, atMs: number): CursorRead => ({ cursorMs, atMs });

describe('whether a seek took, from the cursor', () => {
  it('took when the cursor reads the target, or a little past it by the time of the read', () => {
    expect(seekTook(at(100, 0), at(3_000, 100), 3_000)).toBe(true);
    expect(seekTook(at(100, 0), at(3_090, 100), 3_000)).toBe(true);
  });

  it('took when the cursor jumped towards the target and landed on a keyframe before it', () => {
    expect(seekTook(at(100, 0), at(2_500, 100), 3_000)).toBe(true);
    // Backwards: a range's start behind the cursor, landed on the keyframe before it.
    expect(seekTook(at(5_000, 0), at(1_500, 100), 2_000)).toBe(true);
  });

  it('did not take when the cursor ran on as if no seek had been sent', () => {
    expect(seekTook(at(100, 0), at(200, 100), 3_000)).toBe(false);
    expect(seekTook(at(5_000, 0), at(5_100, 100), 2_000)).toBe(false);
  });

  it('did not take when a restart OBS had not yet made put the cursor back to the start', () => {
    // The read before the seek was the file before its restart: it then began again at 0.
    expect(seekTook(at(1_800, 0), at(100, 100), 3_000)).toBe(false);
  });
});

/** A media source whose cursor runs with the clock; the first `drops` seeks are lost. */
function mediaSource(drops: number, keyframeEveryMs = 500) {
  const time = runningClock();
  let base = 0;
  let since = 0;
  let dropped = 0;
  const seeks: number[] = [];
  const bridge = {
    call: (type: string, data?: Record<string, unknown>) => {
      if (type === 'SetMediaInputCursor') {
        seeks.push(time.now());
        if (dropped < drops) {
          dropped += 1;
        } else {
          const target = data!.mediaCursor as number;
          base = target - (target % keyframeEveryMs);
          since = time.now();
        }
      }
      const mediaCursor = base + time.now() - since;
      return Promise.resolve({
        mediaState: 'OBS_MEDIA_STATE_PLAYING',
        mediaCursor,
        mediaDuration: 60_000,
      });
    },
  };
  return { time, bridge, seeks, cursor: () => base + time.now() - since };
}

describe('seeking to the range’s start', () => {
  it('sends a seek once when it takes', async () => {
    const { time, bridge, seeks, cursor } = mediaSource(0);
    const done = seekToStart(bridge as never, time.clock, 3_400);
    await time.runUntil(3_000);
    await done;
    expect(seeks).toHaveLength(1);
    expect(cursor()).toBeGreaterThanOrEqual(3_000);
  });

  it('sends a dropped seek again within its first short window, not seconds later', async () => {
    const { time, bridge, seeks, cursor } = mediaSource(1);
    const done = seekToStart(bridge as never, time.clock, 3_400);
    await time.runUntil(5_000);
    await done;
    expect(seeks).toHaveLength(2);
    expect(seeks[1]! - seeks[0]!).toBeLessThanOrEqual(SEEK_WINDOWS_MS[0] + 200);
    expect(cursor()).toBeGreaterThanOrEqual(3_000);
  });

  it('gives up and says so when OBS drops every seek, the video playing on', async () => {
    const { time, bridge, seeks } = mediaSource(99);
    const said: string[] = [];
    const done = seekToStart(bridge as never, time.clock, 3_400, { log: (m) => said.push(m) });
    await time.runUntil(10_000);
    await done;
    expect(seeks).toHaveLength(SEEK_WINDOWS_MS.length);
    expect(said.join('\n')).toMatch(/did not seek to 3400 ms/);
  });

  it('stops seeking once the video is no longer wanted', async () => {
    const { time, bridge, seeks } = mediaSource(99);
    let wanted = true;
    const done = seekToStart(bridge as never, time.clock, 3_400, { stillWanted: () => wanted });
    await time.runUntil(150);
    wanted = false;
    await time.runUntil(5_000);
    await done;
    expect(seeks).toHaveLength(1);
  });
});
