import { describe, expect, it } from 'vitest';
import { ShowEngine, positionOf } from '../../../../src/main/show/engine';
import type { ShowState } from '../../../../src/shared/protocol';
import { showStateSchema } from '../../../../src/shared/protocol';
import {
  caseItem,
  localNoon,
  playlist,
  snapshot,
  song,
  statement,
  verses,
} from './content-fixtures';
import { FakeClock } from './fake-clock';

const start = localNoon(2024, 6, 15);

/** Lines 0-2 in the verse, 3-4 in the refrain, 5 in the coda. */
const anthem = (extra: Record<string, unknown> = {}) =>
  song('anthem', { sections: verses(['a1', 'a2', 'a3'], ['b1', 'b2'], ['c1']), ...extra });

/** a (20 s), b (20 s), c (20 s) loop; the anthem sits in the loop, "outside" does not. */
function liveShow(options: { items?: unknown[]; pack?: Record<string, unknown> } = {}) {
  const clock = new FakeClock(start);
  const content = snapshot(
    options.items ?? [
      statement('a'),
      statement('b'),
      statement('c'),
      statement('calm'),
      anthem(),
      song('outside', { sections: verses(['o1', 'o2']) }),
      song('secret', { sensitive: true, sections: verses(['s1']) }),
      song('no-words'),
      caseItem('boris', { sensitive: true }),
      playlist('main', ['a', 'b', 'anthem', 'c']),
    ],
    { languages: ['ru', 'en', 'fr'], defaultLanguage: 'ru', safeSlide: 'calm', ...options.pack },
  );
  const engine = new ShowEngine(content, { clock });
  const states: ShowState[] = [];
  engine.subscribe((s) => states.push(s));
  return { clock, engine, states, content };
}

describe('live lyrics', () => {
  it('lyricsStart puts the song on air at line 0 and holds the loop until lyricsEnd', () => {
    const { clock, engine, states } = liveShow();
    clock.advance(5_000);
    expect(engine.execute({ name: 'lyricsStart', songId: 'outside' })).toEqual({ ok: true });
    const state = engine.state();
    expect(state).toMatchObject({
      itemId: 'outside',
      lyrics: { songId: 'outside', line: 0, timed: null },
      // No duration: the song is up until it is ended, however long the band plays.
      durationMs: 0,
      startedAt: start + 5_000,
      sequence: 1,
      // The loop stands where it was.
      position: 0,
      order: ['a', 'b', 'anthem', 'c'],
    });
    expect(() => showStateSchema.parse(state)).not.toThrow();
    expect(states.at(-1)?.itemId).toBe('outside');
    clock.advance(60 * 60_000);
    expect(engine.state()).toMatchObject({ itemId: 'outside', sequence: 1 });
    expect(clock.pending()).toBe(0);
  });

  it('explains what it cannot start', () => {
    const { engine } = liveShow();
    expect(engine.execute({ name: 'lyricsStart', songId: 'nobody' })).toEqual({
      ok: false,
      error: expect.objectContaining({ message: 'no song with id "nobody"' }),
    });
    expect(engine.execute({ name: 'lyricsStart', songId: 'boris' })).toEqual({
      ok: false,
      error: expect.objectContaining({ message: '"boris" is a case, not a song' }),
    });
    expect(engine.execute({ name: 'lyricsStart', songId: 'no-words' })).toEqual({
      ok: false,
      error: expect.objectContaining({
        message: '"no-words" has no lyrics to follow; show it as a slide with goTo',
      }),
    });
    engine.execute({ name: 'safeMode', on: true });
    expect(engine.execute({ name: 'lyricsStart', songId: 'secret' })).toEqual({
      ok: false,
      error: expect.objectContaining({
        message: '"secret" is marked sensitive and safe mode is on',
      }),
    });
    expect(engine.state().lyrics).toBeNull();
  });

  it('moves line by line and stanza by stanza, clamped at the ends', () => {
    const { engine } = liveShow();
    engine.execute({ name: 'lyricsStart', songId: 'anthem' });
    const line = () => engine.state().lyrics?.line;
    expect(engine.execute({ name: 'lyricsPrevious' })).toEqual({ ok: true });
    expect(line()).toBe(0);
    engine.execute({ name: 'lyricsNext' });
    expect(line()).toBe(1);
    engine.execute({ name: 'lyricsNextStanza' });
    expect(line()).toBe(3);
    engine.execute({ name: 'lyricsNext' });
    engine.execute({ name: 'lyricsPreviousStanza' });
    expect(line()).toBe(3);
    engine.execute({ name: 'lyricsPreviousStanza' });
    expect(line()).toBe(0);
    engine.execute({ name: 'lyricsGoTo', line: 5 });
    expect(line()).toBe(5);
    engine.execute({ name: 'lyricsNext' });
    engine.execute({ name: 'lyricsNextStanza' });
    expect(line()).toBe(5);
    expect(engine.execute({ name: 'lyricsGoTo', line: 6 })).toEqual({
      ok: false,
      error: expect.objectContaining({
        message: 'line 6 is out of range: "anthem" has lines 0 to 5',
      }),
    });
    // Moving lines is not a new item on air.
    expect(engine.state().sequence).toBe(1);
  });

  it('refuses cursor commands with no song on air', () => {
    const { engine } = liveShow();
    for (const name of ['lyricsNext', 'lyricsPreviousStanza', 'lyricsTimedStart'] as const) {
      expect(engine.execute({ name })).toEqual({
        ok: false,
        error: expect.objectContaining({
          message: 'no song is on air; start one with lyricsStart',
        }),
      });
    }
    expect(engine.execute({ name: 'lyricsEnd' })).toEqual({
      ok: false,
      error: expect.objectContaining({ message: 'no song is on air' }),
    });
  });

  it('lyricsEnd: a song from outside the loop gives way to the loop’s next item', () => {
    const { clock, engine } = liveShow();
    engine.execute({ name: 'lyricsStart', songId: 'outside' });
    clock.advance(7_000);
    expect(engine.execute({ name: 'lyricsEnd' })).toEqual({ ok: true });
    expect(engine.state()).toMatchObject({
      lyrics: null,
      itemId: 'b',
      position: 1,
      startedAt: start + 7_000,
      durationMs: 20_000,
      sequence: 2,
    });
    clock.advance(20_000);
    expect(engine.state().itemId).toBe('anthem');
  });

  it('lyricsEnd: a song started from its place in the loop moves the loop past it', () => {
    const { engine } = liveShow();
    engine.execute({ name: 'lyricsStart', songId: 'anthem' });
    expect(engine.state()).toMatchObject({ itemId: 'anthem', position: 2 });
    engine.execute({ name: 'lyricsEnd' });
    expect(engine.state()).toMatchObject({ itemId: 'c', position: 3, lyrics: null });
  });

  it('next, previous and goTo while a song is on end it first, then act on the loop', () => {
    const { engine } = liveShow();
    engine.execute({ name: 'lyricsStart', songId: 'outside' });
    engine.execute({ name: 'next' });
    expect(engine.state()).toMatchObject({ itemId: 'b', lyrics: null });

    engine.execute({ name: 'lyricsStart', songId: 'outside' });
    engine.execute({ name: 'previous' });
    expect(engine.state()).toMatchObject({ itemId: 'a', lyrics: null });

    engine.execute({ name: 'lyricsStart', songId: 'outside' });
    // A goTo that fails leaves the song alone.
    expect(engine.execute({ name: 'goTo', itemId: 'calm' })).toMatchObject({ ok: false });
    expect(engine.state().itemId).toBe('outside');
    engine.execute({ name: 'goTo', itemId: 'c' });
    expect(engine.state()).toMatchObject({ itemId: 'c', lyrics: null });
  });

  it('blackout and pause leave the cursor alone', () => {
    const { clock, engine } = liveShow();
    engine.execute({ name: 'lyricsStart', songId: 'anthem' });
    engine.execute({ name: 'lyricsNext' });
    engine.execute({ name: 'blackout', on: true });
    engine.execute({ name: 'togglePause' });
    clock.advance(120_000);
    engine.execute({ name: 'blackout', on: false });
    expect(engine.state()).toMatchObject({
      itemId: 'anthem',
      lyrics: { line: 1 },
      paused: true,
      remainingMs: 0,
    });
    engine.execute({ name: 'togglePause' });
    engine.execute({ name: 'lyricsEnd' });
    expect(engine.state()).toMatchObject({ itemId: 'c', paused: false });
    clock.advance(20_000);
    expect(engine.state().itemId).toBe('a');
  });

  it('safe mode keeps a song that names no one, and ends a sensitive one at once', () => {
    const { engine } = liveShow();
    engine.execute({ name: 'lyricsStart', songId: 'anthem' });
    engine.execute({ name: 'lyricsNext' });
    engine.execute({ name: 'safeMode', on: true });
    expect(engine.state()).toMatchObject({ itemId: 'anthem', lyrics: { line: 1 } });
    engine.execute({ name: 'lyricsEnd' });
    // The safe slide went up under the song; it is what shows when the song ends.
    expect(engine.state()).toMatchObject({ itemId: 'calm', lyrics: null });
    engine.execute({ name: 'safeMode', on: false });

    engine.execute({ name: 'lyricsStart', songId: 'secret' });
    const before = engine.state().sequence;
    engine.execute({ name: 'safeMode', on: true });
    expect(engine.state()).toMatchObject({ itemId: 'calm', lyrics: null, sequence: before + 1 });
  });

  it('a sensitive song ends in safe mode even without a safe slide', () => {
    const { engine } = liveShow({
      items: [
        statement('a'),
        song('secret', { sensitive: true, sections: verses(['s1']) }),
        playlist('main', ['a', 'secret']),
      ],
      pack: { safeSlide: undefined },
    });
    engine.execute({ name: 'lyricsStart', songId: 'secret' });
    engine.execute({ name: 'safeMode', on: true });
    expect(engine.state()).toMatchObject({ itemId: 'a', lyrics: null, order: ['a'] });
  });

  it('keeps the song on its line through a reload, and ends it when it is gone', () => {
    const { engine, content } = liveShow();
    engine.execute({ name: 'lyricsStart', songId: 'outside' });
    engine.execute({ name: 'lyricsNext' });
    engine.setContent({ ...content, revision: 2 });
    expect(engine.state()).toMatchObject({ itemId: 'outside', lyrics: { line: 1 } });

    const shorter = content.items.map((item) =>
      item.id === 'outside' && item.kind === 'song'
        ? { ...item, sections: [{ lines: [{ en: 'o1' }] }] }
        : item,
    );
    engine.setContent({ ...content, items: shorter, revision: 3 });
    expect(engine.state().lyrics).toMatchObject({ songId: 'outside', line: 0 });

    engine.setContent({
      ...content,
      items: content.items.filter((i) => i.id !== 'outside'),
      revision: 4,
    });
    expect(engine.state()).toMatchObject({ lyrics: null, itemId: 'b' });
  });

  it('stores the languages of each output, only from the pack’s languages', () => {
    const { engine } = liveShow();
    expect(
      engine.execute({ name: 'setOutputLanguages', output: 'display', languages: ['ru', 'fr'] }),
    ).toEqual({ ok: true });
    expect(
      engine.execute({ name: 'setOutputLanguages', output: 'overlay', languages: ['en', 'en'] }),
    ).toEqual({ ok: true });
    expect(engine.state().outputLanguages).toEqual({ display: ['ru', 'fr'], overlay: ['en'] });
    expect(
      engine.execute({
        name: 'setOutputLanguages',
        output: 'overlay',
        languages: ['de', 'en', 'uk'],
      }),
    ).toEqual({
      ok: false,
      error: expect.objectContaining({
        message: `"de", "uk" are not among the pack's languages (ru, en, fr)`,
      }),
    });
    engine.execute({ name: 'setOutputLanguages', output: 'display', languages: [] });
    expect(engine.state().outputLanguages).toEqual({ display: [], overlay: ['en'] });
  });

  it('toggles overlay elements, all shown at first', () => {
    const { engine } = liveShow();
    expect(engine.state().overlays).toEqual({
      lowerThird: true,
      lyrics: true,
      drawing: true,
      nowPlaying: true,
    });
    engine.execute({ name: 'overlay', element: 'lyrics', on: false });
    expect(engine.state().overlays).toMatchObject({ lyrics: false, lowerThird: true });
  });

  it('leaves the phone remote to the server', () => {
    const { engine } = liveShow();
    expect(engine.execute({ name: 'remoteEnable', on: true })).toMatchObject({ ok: false });
  });

  it('survives a restart: the song on its line, languages, overlays', () => {
    const { engine, content } = liveShow();
    engine.execute({ name: 'lyricsStart', songId: 'outside' });
    engine.execute({ name: 'lyricsNext' });
    engine.execute({ name: 'setOutputLanguages', output: 'overlay', languages: ['fr'] });
    engine.execute({ name: 'overlay', element: 'drawing', on: false });
    const saved = JSON.parse(JSON.stringify(positionOf(engine.state())));
    const clock = new FakeClock(start + 3_600_000);
    const again = new ShowEngine(content, { clock, resume: saved });
    expect(again.state()).toMatchObject({
      itemId: 'outside',
      lyrics: { songId: 'outside', line: 1, timed: null },
      position: 0,
      outputLanguages: { display: [], overlay: ['fr'] },
      overlays: { drawing: false, lyrics: true },
    });
    again.execute({ name: 'lyricsEnd' });
    expect(again.state().itemId).toBe('b');
  });

  it('resumes a file from before live lyrics with the defaults', () => {
    const { content } = liveShow();
    const engine = new ShowEngine(content, {
      clock: new FakeClock(start),
      resume: {
        playlistId: 'main',
        itemId: 'b',
        position: 1,
        paused: false,
        remainingMs: null,
        blackout: false,
        safeMode: false,
      },
    });
    expect(engine.state()).toMatchObject({
      itemId: 'b',
      lyrics: null,
      setlist: null,
      outputLanguages: { display: [], overlay: [] },
      overlays: { lowerThird: true, lyrics: true, drawing: true, nowPlaying: true },
    });
  });
});
