import { describe, expect, it } from 'vitest';
import type { ContentSnapshot } from '../../../../src/shared/content';
import { playOrder } from '../../../../src/shared/show/playlist-order';
import { ShowLoop } from '../../../../src/shared/show/loop';
import { FakeClock } from '../../main/show/fake-clock';
import { drawing, localNoon, playlist, snapshot } from '../../main/show/content-fixtures';

const june15 = localNoon(2024, 6, 15);
const film = {
  id: 'kots',
  kind: 'video',
  file: 'media/videos/kots.mp4',
  title: 'Kots Band live',
  licence: 'CC BY 4.0',
};

function withFilm(
  entries: unknown[],
  playlistExtra: Record<string, unknown> = {},
): ContentSnapshot {
  const snap = snapshot([film, drawing('ship'), playlist('main', entries, playlistExtra)]);
  return {
    ...snap,
    videos: {
      'media/videos/kots.mp4': {
        container: 'mp4',
        videoCodec: 'h264',
        audioCodec: 'aac',
        durationMs: 83_400,
      },
    },
  };
}

describe('a video entry in the show', () => {
  it('stays on air for its whole length, not the playlist slide time', () => {
    const [slot] = playOrder(withFilm(['kots'], { duration: 12 }), 'main', june15);
    expect(slot).toEqual({
      itemId: 'kots',
      durationMs: 83_400,
      playback: { startMs: 0, endMs: 83_400, muted: false, loop: false },
    });
  });

  it('plays a range for end − start, carrying muted', () => {
    const [slot] = playOrder(
      withFilm([{ item: 'kots', start: 10.5, end: 40, muted: true }]),
      'main',
      june15,
    );
    expect(slot).toEqual({
      itemId: 'kots',
      durationMs: 29_500,
      playback: { startMs: 10_500, endMs: 40_000, muted: true, loop: false },
    });
  });

  it("gives a looping or cut entry its own duration, else a looping one the playlist's", () => {
    const order = playOrder(
      withFilm(
        [
          { item: 'kots', start: 5, end: 8, loop: true, duration: 20 },
          { item: 'kots', loop: true },
          { item: 'kots', duration: 10 },
          'ship',
        ],
        { duration: 45 },
      ),
      'main',
      june15,
    );
    expect(order.map((s) => [s.durationMs, s.playback?.loop])).toEqual([
      [20_000, true],
      [45_000, true],
      [10_000, false],
      [45_000, undefined],
    ]);
  });

  it('moves the loop on exactly when the film ends', () => {
    const clock = new FakeClock(june15);
    const loop = new ShowLoop(
      withFilm([{ item: 'kots', start: 3, end: 5 }, 'ship']),
      { clock, random: () => 0, safeMode: () => false, changed: () => {} },
      null,
    );
    expect(loop.current()).toMatchObject({ itemId: 'kots', durationMs: 2000 });
    clock.advance(1999);
    expect(loop.current()?.itemId).toBe('kots');
    clock.advance(1);
    expect(loop.current()?.itemId).toBe('ship');
    loop.stop();
  });
});
