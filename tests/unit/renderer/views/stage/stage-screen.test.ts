import { describe, expect, it } from 'vitest';
import { countdownText, stageScreen } from '../../../../../src/renderer/views/stage/stage-screen';
import { setEndsAt } from '../../../../../src/shared/show/set-end';
import { showOnAir } from '../../../../fixtures/state/show-state';
import {
  packSchema,
  type ContentSnapshot,
  type LoadedItem,
} from '../../../../../src/shared/content';
import { loadedItemSchema } from '../../../../../src/shared/protocol';

// The renderer's tests build their content here: the main process's fixtures are another project.
const item = (kind: string, id: string, extra: Record<string, unknown>) =>
  loadedItemSchema.parse({ kind, id, source: `${id}.yaml`, ...extra }) as LoadedItem;
const statement = (id: string, extra: Record<string, unknown> = {}) =>
  item('statement', id, { text: 'text', ...extra });
const song = (id: string, extra: Record<string, unknown> = {}) =>
  item('song', id, { title: 'Song', artist: 'artist', language: 'en', ...extra });
const playlist = (id: string, items: string[]) => item('playlist', id, { title: id, items });
const setlist = (id: string, songs: string[], extra: Record<string, unknown> = {}) =>
  item('setlist', id, { title: `Setlist ${id}`, songs, ...extra });
const snapshot = (items: LoadedItem[], pack: Record<string, unknown>): ContentSnapshot => ({
  pack: packSchema.parse({ title: 'Test pack', ...pack }),
  items,
  errors: [],
  revision: 1,
});

const lines = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ ru: `строка ${i + 1}`, en: `line ${i + 1}` }));

const content = (setlistExtra: Record<string, unknown> = {}) =>
  snapshot(
    [
      statement('qr', { title: { en: 'Write to Boris', ru: 'Напишите Борису' } }),
      song('varshavyanka', {
        title: { ru: 'Варшавянка', en: 'Whirlwinds of Danger' },
        language: 'ru',
        sections: [{ lines: lines(3) }],
      }),
      song('galeone', { title: 'Il Galeone', sections: [] }),
      song('internationale', {
        title: { en: 'The Internationale', ru: 'Интернационал' },
        language: 'ru',
        sections: [{ lines: lines(24) }],
      }),
      playlist('interlude', ['qr']),
      setlist('concert', ['varshavyanka', 'galeone', 'internationale'], {
        interlude: 'interlude',
        ...setlistExtra,
      }),
    ],
    { languages: ['en', 'ru'], defaultLanguage: 'en' },
  );

const singing = (line: number, extra = {}) =>
  showOnAir('internationale', {
    lyrics: { songId: 'internationale', line, timed: null },
    setlist: { setlistId: 'concert', songIndex: 2, nextSongIndex: null },
    ...extra,
  });

describe('what the stage shows', () => {
  it("shows the line and the next in the song's own language, with its place in the song", () => {
    const screen = stageScreen(singing(4), content(), 0);
    expect(screen.song).toEqual({
      title: 'Интернационал',
      language: 'ru',
      line: 'строка 5',
      next: 'строка 6',
      lineNumber: 5,
      lineCount: 24,
    });
    expect(screen.between).toBeNull();
  });

  it('follows the stage language the operator chose, and speaks it when the app has it', () => {
    const screen = stageScreen(
      singing(4, { stage: { message: null, language: 'en' } }),
      content(),
      0,
    );
    expect(screen.song).toMatchObject({ line: 'line 5', next: 'line 6', language: 'en' });
    expect(screen.wordsLanguage).toBe('en');
    const ru = stageScreen(singing(0, { stage: { message: null, language: 'ru' } }), content(), 0);
    expect(ru.wordsLanguage).toBe('ru');
  });

  it('has no next line on the last one, and stays on the song when the cursor overshoots', () => {
    expect(stageScreen(singing(23), content(), 0).song).toMatchObject({
      line: 'строка 24',
      next: null,
      lineNumber: 24,
    });
    expect(stageScreen(singing(99), content(), 0).song).toMatchObject({ lineNumber: 24 });
  });

  it('marks the setlist: played, on now, next, later', () => {
    const state = showOnAir('varshavyanka', {
      lyrics: { songId: 'varshavyanka', line: 0, timed: null },
      setlist: { setlistId: 'concert', songIndex: 0, nextSongIndex: 2 },
    });
    expect(stageScreen(state, content(), 0).setlist).toEqual({
      title: 'Setlist concert',
      songs: [
        { title: 'Whirlwinds of Danger', status: 'current' },
        { title: 'Il Galeone', status: 'later' },
        { title: 'The Internationale', status: 'next' },
      ],
    });
  });

  it('between songs: the next song big, the slide on the screens small', () => {
    const state = showOnAir('qr', {
      setlist: { setlistId: 'concert', songIndex: null, nextSongIndex: 2 },
    });
    const screen = stageScreen(state, content(), 0);
    expect(screen.song).toBeNull();
    expect(screen.between).toEqual({
      nextSong: 'The Internationale',
      slideTitle: 'Write to Boris',
    });
    expect(screen.setlist?.songs.map((s) => s.status)).toEqual(['done', 'done', 'next']);
  });

  it('with no setlist and no song: only the clock and the message', () => {
    const screen = stageScreen(
      showOnAir('qr', { stage: { message: 'Stream is down', language: null } }),
      content(),
      0,
    );
    expect(screen).toMatchObject({
      song: null,
      between: null,
      setlist: null,
      setEndsInMs: null,
      message: 'Stream is down',
    });
  });
});

describe('the countdown to the end of the set', () => {
  it('counts down to the setlist’s end, and shows nothing when it has none', () => {
    const ends = setEndsAt({ endsAt: '2026-12-12T22:30' });
    expect(ends).toBe(new Date(2026, 11, 12, 22, 30).getTime());
    const state = showOnAir('qr', {
      setlist: { setlistId: 'concert', songIndex: null, nextSongIndex: 0 },
    });
    const now = ends! - 12 * 60_000 - 5_000;
    expect(stageScreen(state, content({ endsAt: '2026-12-12T22:30' }), now).setEndsInMs).toBe(
      12 * 60_000 + 5_000,
    );
    expect(stageScreen(state, content(), now).setEndsInMs).toBeNull();
  });

  it('reads the end in the setlist’s time zone when it gives one', () => {
    expect(setEndsAt({ endsAt: '2026-12-12T22:30', timeZone: 'Europe/Moscow' })).toBe(
      Date.UTC(2026, 11, 12, 19, 30),
    );
    expect(setEndsAt({ endsAt: undefined })).toBeNull();
  });

  it('writes minutes and seconds, and overtime with a minus', () => {
    expect(countdownText(12 * 60_000 + 5_000)).toBe('12:05');
    expect(countdownText(75 * 60_000)).toBe('75:00');
    expect(countdownText(-40_000)).toBe('−0:40');
  });
});
