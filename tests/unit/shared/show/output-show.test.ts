import { describe, expect, it } from 'vitest';
import { showStateSchema, type ShowState } from '../../../../src/shared/protocol';
import {
  showForOutput,
  type OutputShowJob,
  type PlaylistPlay,
} from '../../../../src/shared/show/output-show';

const main: ShowState = showStateSchema.parse({
  playlistId: 'main',
  sequence: 40,
  order: ['a', 'b', 'song'],
  position: 1,
  itemId: 'b',
  startedAt: 1000,
  durationMs: 8000,
  playback: null,
  paused: true,
  remainingMs: 3000,
  blackout: false,
  safeMode: false,
  lyrics: null,
  setlist: { setlistId: 'gig', songIndex: null, nextSongIndex: 0 },
  outputLanguages: { display: ['en'], overlay: ['en'] },
  video: null,
  overlays: { lowerThird: false, lyrics: false, drawing: false, nowPlaying: false },
  stage: { message: null, language: null },
  serverTime: 2000,
  showAt: 1900,
});

const merch: PlaylistPlay = {
  playlistId: 'merch',
  sequence: 3,
  order: ['m1', 'm2'],
  position: 1,
  itemId: 'm2',
  startedAt: 1500,
  durationMs: 5000,
  playback: null,
  showAt: 1600,
};

const job = (changes: Partial<OutputShowJob> = {}): OutputShowJob => ({
  playlist: 'merch',
  languages: [],
  followLyrics: true,
  theme: 'pack',
  orientation: 'auto',
  ...changes,
});

const singing: ShowState = {
  ...main,
  itemId: 'song',
  durationMs: 0,
  lyrics: { songId: 'song', line: 4, timed: null },
};

describe('what an output shows', () => {
  it('on the main show: the main show, as the kiosk shows it', () => {
    expect(showForOutput(main, job({ playlist: 'main' }), merch)).toEqual({
      ...main,
      look: { theme: 'pack', orientation: 'auto' },
    });
  });

  it("on its own playlist: that loop's item, timing and change stamp, never the main one's", () => {
    const shown = showForOutput(main, job(), merch);
    expect(shown).toMatchObject({
      playlistId: 'merch',
      sequence: 3,
      order: ['m1', 'm2'],
      position: 1,
      itemId: 'm2',
      startedAt: 1500,
      durationMs: 5000,
      showAt: 1600,
    });
    // The operator's pause and setlist are the main show's.
    expect(shown).toMatchObject({ paused: false, remainingMs: null, setlist: null, lyrics: null });
    expect(showStateSchema.safeParse(shown).success).toBe(true);
  });

  it("an own loop without a change stamp does not borrow the main show's", () => {
    const { showAt: _unused, ...unstamped } = merch;
    expect(showForOutput(main, job(), unstamped)).not.toHaveProperty('showAt');
  });

  it('blackout and safe mode hold on every output, whatever it plays', () => {
    for (const flags of [
      { blackout: true, safeMode: false },
      { blackout: false, safeMode: true },
    ]) {
      for (const j of [job(), job({ playlist: 'main' }), job({ followLyrics: false })]) {
        expect(showForOutput({ ...main, ...flags }, j, merch)).toMatchObject(flags);
      }
    }
  });

  it('during a song: a screen that follows lyrics shows the song, another keeps its playlist', () => {
    expect(showForOutput(singing, job({ followLyrics: true }), merch)).toMatchObject({
      itemId: 'song',
      lyrics: { songId: 'song', line: 4 },
    });
    expect(showForOutput(singing, job({ followLyrics: false }), merch)).toMatchObject({
      itemId: 'm2',
      lyrics: null,
    });
  });

  it('its playlist not running (no loop, or its loop fell back to another): the main show', () => {
    expect(showForOutput(main, job(), null).itemId).toBe('b');
    expect(showForOutput(main, job(), { ...merch, playlistId: 'main' }).itemId).toBe('b');
  });

  it("its own languages replace the venue screens' ones, on any playlist; none: the venue's", () => {
    for (const playlist of ['main', 'merch']) {
      const shown = showForOutput(main, job({ playlist, languages: ['ru', 'en'] }), merch);
      expect(shown.outputLanguages).toEqual({ display: ['ru', 'en'], overlay: ['en'] });
    }
    expect(showForOutput(main, job(), merch).outputLanguages).toEqual(main.outputLanguages);
  });

  it('carries its look (theme, which way up) on any playlist, and the state stays valid', () => {
    const look = { theme: 'dark', orientation: 'portrait' } as const;
    for (const playlist of ['main', 'merch']) {
      const shown = showForOutput(main, job({ playlist, ...look }), merch);
      expect(shown.look).toEqual(look);
      expect(showStateSchema.safeParse(shown).success).toBe(true);
    }
  });
});
