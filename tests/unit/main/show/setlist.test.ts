import { describe, expect, it } from 'vitest';
import { ShowEngine, positionOf } from '../../../../src/main/show/engine';
import { showStateSchema } from '../../../../src/shared/protocol';
import {
  localNoon,
  playlist,
  setlist,
  snapshot,
  song,
  statement,
  verses,
} from './content-fixtures';
import { FakeClock } from './fake-clock';

const start = localNoon(2024, 6, 15);

function concert(extra: unknown[] = []) {
  const clock = new FakeClock(start);
  const content = snapshot([
    statement('a'),
    statement('qr1'),
    statement('qr2'),
    song('internationale', { sections: verses(['i1', 'i2']) }),
    song('varshavyanka', { sections: verses(['v1']) }),
    song('galeone'),
    playlist('main', ['a']),
    playlist('interlude', ['qr1', 'qr2']),
    setlist('paris', ['internationale', 'varshavyanka', 'galeone', 'internationale'], {
      interlude: 'interlude',
    }),
    setlist('plain', ['varshavyanka']),
    ...extra,
  ]);
  return { clock, content, engine: new ShowEngine(content, { clock }) };
}

describe('setlist mode', () => {
  it('starts the interlude loop, not a song', () => {
    const { engine } = concert();
    expect(engine.execute({ name: 'setlistStart', setlistId: 'paris' })).toEqual({ ok: true });
    expect(engine.state()).toMatchObject({
      setlist: { setlistId: 'paris', songIndex: null, nextSongIndex: 0 },
      playlistId: 'interlude',
      order: ['qr1', 'qr2'],
      itemId: 'qr1',
      lyrics: null,
    });
  });

  it('plays the pack’s default playlist between songs when the setlist names no interlude', () => {
    const { engine } = concert();
    engine.execute({ name: 'setPlaylist', playlistId: 'interlude' });
    engine.execute({ name: 'setlistStart', setlistId: 'plain' });
    expect(engine.state()).toMatchObject({ playlistId: 'main', itemId: 'a' });
  });

  it('marks which song is on, and goes back to the interlude between songs', () => {
    const { clock, engine } = concert();
    engine.execute({ name: 'setlistStart', setlistId: 'paris' });
    engine.execute({ name: 'lyricsStart', songId: 'internationale' });
    expect(engine.state()).toMatchObject({
      setlist: { setlistId: 'paris', songIndex: 0 },
      itemId: 'internationale',
    });
    engine.execute({ name: 'lyricsEnd' });
    expect(engine.state()).toMatchObject({
      setlist: { songIndex: null },
      lyrics: null,
      playlistId: 'interlude',
      // The interlude goes on where it was, so each break shows the next cases.
      itemId: 'qr2',
    });
    clock.advance(20_000);
    expect(engine.state().itemId).toBe('qr1');
    engine.execute({ name: 'lyricsStart', songId: 'varshavyanka' });
    expect(engine.state().setlist).toEqual({
      setlistId: 'paris',
      songIndex: 1,
      nextSongIndex: 3,
    });
    // A song without lyrics cannot be started as lyrics.
    expect(engine.execute({ name: 'lyricsStart', songId: 'galeone' })).toMatchObject({
      ok: false,
      error: expect.objectContaining({ message: expect.stringContaining('has no lyrics') }),
    });
    // Straight from one song to the next: the reprise is found at its next showing.
    engine.execute({ name: 'lyricsStart', songId: 'internationale' });
    expect(engine.state().setlist).toEqual({
      setlistId: 'paris',
      songIndex: 3,
      nextSongIndex: null,
    });
  });

  it('publishes the song "next song" starts, also between songs, skipping songs without lyrics', () => {
    const { engine } = concert();
    engine.execute({ name: 'setlistStart', setlistId: 'paris' });
    engine.execute({ name: 'lyricsStart', songId: 'internationale' });
    expect(engine.state().setlist).toMatchObject({ songIndex: 0, nextSongIndex: 1 });
    // Between songs, after the first: the core remembers where the concert got to.
    engine.execute({ name: 'lyricsEnd' });
    expect(engine.state().setlist).toMatchObject({ songIndex: null, nextSongIndex: 1 });
    engine.execute({ name: 'lyricsStart', songId: 'varshavyanka' });
    engine.execute({ name: 'lyricsEnd' });
    // Il Galeone (index 2) has no lyrics to follow: the loop runs on through it.
    expect(engine.state().setlist).toMatchObject({ songIndex: null, nextSongIndex: 3 });
    engine.execute({ name: 'lyricsStart', songId: 'internationale' });
    engine.execute({ name: 'lyricsEnd' });
    expect(engine.state().setlist).toMatchObject({ songIndex: null, nextSongIndex: null });
    // Starting the setlist again starts the concert from the top.
    engine.execute({ name: 'setlistStart', setlistId: 'paris' });
    expect(engine.state().setlist).toMatchObject({ songIndex: null, nextSongIndex: 0 });
  });

  it('a song not in the setlist is sung with no index, and next song stays where it was', () => {
    const { engine } = concert([song('encore', { sections: verses(['e1']) })]);
    engine.execute({ name: 'setlistStart', setlistId: 'paris' });
    engine.execute({ name: 'lyricsStart', songId: 'encore' });
    expect(engine.state()).toMatchObject({
      itemId: 'encore',
      setlist: { setlistId: 'paris', songIndex: null, nextSongIndex: 0 },
    });
  });

  it('setlistStop leaves setlist mode; the song being sung goes on', () => {
    const { engine } = concert();
    engine.execute({ name: 'setlistStart', setlistId: 'paris' });
    engine.execute({ name: 'lyricsStart', songId: 'internationale' });
    expect(engine.execute({ name: 'setlistStop' })).toEqual({ ok: true });
    expect(engine.state()).toMatchObject({ setlist: null, itemId: 'internationale' });
  });

  it('explains what it cannot start', () => {
    const { engine } = concert();
    expect(engine.execute({ name: 'setlistStart', setlistId: 'nope' })).toEqual({
      ok: false,
      error: expect.objectContaining({ message: 'no setlist with id "nope"' }),
    });
    expect(engine.execute({ name: 'setlistStart', setlistId: 'interlude' })).toEqual({
      ok: false,
      error: expect.objectContaining({ message: '"interlude" is a playlist, not a setlist' }),
    });
    expect(engine.execute({ name: 'goTo', itemId: 'paris' })).toEqual({
      ok: false,
      error: expect.objectContaining({
        message: '"paris" is a setlist, not a slide; start it with setlistStart',
      }),
    });
    expect(engine.state().setlist).toBeNull();
  });

  it('starting a setlist during a song ends the song', () => {
    const { engine } = concert();
    engine.execute({ name: 'lyricsStart', songId: 'internationale' });
    engine.execute({ name: 'setlistStart', setlistId: 'paris' });
    expect(engine.state()).toMatchObject({ lyrics: null, itemId: 'qr1' });
  });

  it('forgets a setlist that is removed from the pack', () => {
    const { engine, content } = concert();
    engine.execute({ name: 'setlistStart', setlistId: 'paris' });
    engine.setContent({
      ...content,
      items: content.items.filter((i) => i.id !== 'paris'),
      revision: 2,
    });
    expect(engine.state().setlist).toBeNull();
  });

  it('survives a restart, with the song on', () => {
    const { engine, content } = concert();
    engine.execute({ name: 'setlistStart', setlistId: 'paris' });
    engine.execute({ name: 'lyricsStart', songId: 'varshavyanka' });
    const saved = JSON.parse(JSON.stringify(positionOf(engine.state())));
    const again = new ShowEngine(content, { clock: new FakeClock(start), resume: saved });
    expect(again.state()).toMatchObject({
      playlistId: 'interlude',
      setlist: { setlistId: 'paris', songIndex: 1, nextSongIndex: 3 },
      itemId: 'varshavyanka',
    });
    // The saved file keeps where the concert is, not what the core works out from it.
    expect(saved.setlist).toEqual({ setlistId: 'paris', songIndex: 1 });
    again.execute({ name: 'lyricsEnd' });
    expect(again.state()).toMatchObject({ setlist: { songIndex: null }, itemId: 'qr2' });
  });
});

describe('"next song", worked out by the engine', () => {
  /** What every console and phone is told "next song" would start. */
  const next = (engine: ShowEngine) => showStateSchema.parse(engine.state()).setlist?.nextSongIndex;

  it('walks down the setlist between songs, skipping songs with no lyrics, until none is left', () => {
    const { clock, engine } = concert();
    expect(next(engine)).toBeUndefined();
    engine.execute({ name: 'setlistStart', setlistId: 'paris' });
    expect(next(engine)).toBe(0);
    engine.execute({ name: 'lyricsStart', songId: 'internationale' });
    expect(next(engine)).toBe(1);
    // Between songs the engine remembers where the concert got to: a console that connects
    // now (a second laptop, a phone, the console after a reload) is told the same.
    engine.execute({ name: 'lyricsEnd' });
    clock.advance(60_000);
    expect(engine.state().setlist).toMatchObject({ songIndex: null, nextSongIndex: 1 });
    engine.execute({ name: 'lyricsStart', songId: 'varshavyanka' });
    engine.execute({ name: 'lyricsEnd' });
    // Il Galeone (index 2) has no lyrics to follow: the reprise is next.
    expect(next(engine)).toBe(3);
    engine.execute({ name: 'lyricsStart', songId: 'internationale' });
    expect(engine.state().setlist).toMatchObject({ songIndex: 3, nextSongIndex: null });
    engine.execute({ name: 'lyricsEnd' });
    expect(next(engine)).toBeNull();
  });

  it('starts from the top again when the setlist is started again, and is gone when it stops', () => {
    const { engine } = concert();
    engine.execute({ name: 'setlistStart', setlistId: 'paris' });
    engine.execute({ name: 'lyricsStart', songId: 'varshavyanka' });
    engine.execute({ name: 'lyricsEnd' });
    engine.execute({ name: 'setlistStop' });
    expect(engine.state().setlist).toBeNull();
    engine.execute({ name: 'setlistStart', setlistId: 'paris' });
    expect(next(engine)).toBe(0);
  });

  it('follows the content: a next song that loses its lyrics mid-show is skipped', () => {
    const { engine, content } = concert();
    engine.execute({ name: 'setlistStart', setlistId: 'paris' });
    engine.execute({ name: 'lyricsStart', songId: 'internationale' });
    engine.execute({ name: 'lyricsEnd' });
    engine.setContent({
      ...content,
      items: content.items.map((i) => (i.id === 'varshavyanka' ? { ...i, sections: [] } : i)),
      revision: 2,
    });
    expect(next(engine)).toBe(3);
  });

  it('is the same after a restart with the song on, and is never written to the position file', () => {
    const { engine, content } = concert();
    engine.execute({ name: 'setlistStart', setlistId: 'paris' });
    engine.execute({ name: 'lyricsStart', songId: 'varshavyanka' });
    const saved = JSON.parse(JSON.stringify(positionOf(engine.state())));
    expect(saved.setlist).toEqual({ setlistId: 'paris', songIndex: 1 });
    const again = new ShowEngine(content, { clock: new FakeClock(start), resume: saved });
    expect(next(again)).toBe(3);
    again.execute({ name: 'lyricsEnd' });
    expect(next(again)).toBe(3);
  });
});

describe('setlistNextSong (a controller’s “next song” button)', () => {
  it('starts the song the state names as next, through the concert, skipping songs without lyrics', () => {
    const { engine } = concert();
    engine.execute({ name: 'setlistStart', setlistId: 'paris' });
    const sung: (string | null)[] = [];
    for (let i = 0; i < 3; i++) {
      const before = engine.state().setlist?.nextSongIndex;
      expect(engine.execute({ name: 'setlistNextSong' })).toEqual({ ok: true });
      expect(engine.state().setlist?.songIndex).toBe(before);
      sung.push(engine.state().itemId);
      // Pressed mid-song, it goes straight on to the next one.
    }
    // `galeone` has no lyrics: the interlude runs through it.
    expect(sung).toEqual(['internationale', 'varshavyanka', 'internationale']);
    expect(engine.state().setlist?.nextSongIndex).toBeNull();
    const last = engine.execute({ name: 'setlistNextSong' });
    expect(last).toMatchObject({ ok: false, error: { key: 'core:control.noNextSong' } });
    expect(engine.state().itemId).toBe('internationale');
  });

  it('is refused, changing nothing, when no setlist runs', () => {
    const { engine } = concert();
    const before = engine.state();
    expect(engine.execute({ name: 'setlistNextSong' })).toMatchObject({
      ok: false,
      error: { key: 'core:control.noSetlist' },
    });
    expect(engine.state()).toEqual(before);
  });

  it('keeps safe mode’s refusal of a song safe mode hides', () => {
    const { engine } = concert();
    engine.execute({ name: 'setlistStart', setlistId: 'paris' });
    engine.execute({ name: 'safeMode', on: true });
    const result = engine.execute({ name: 'setlistNextSong' });
    const direct = concert().engine;
    direct.execute({ name: 'safeMode', on: true });
    expect(result).toEqual(direct.execute({ name: 'lyricsStart', songId: 'internationale' }));
  });
});
