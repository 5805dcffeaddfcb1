import { describe, expect, it } from 'vitest';
import {
  nextOrderChange,
  keptOrStartingPlaylist,
  playOrder,
  shuffle,
  startingPlaylist,
  type PlannedItem,
} from '../../../../src/shared/show/playlist-order';
import { eventIsOver, localDay, nextLocalMidnight } from '../../../../src/shared/show/dates';
import { defaultSeconds } from '../../../../src/shared/show/durations';
import {
  action,
  caseItem,
  drawing,
  event,
  localNoon,
  playlist,
  seeded,
  snapshot,
  song,
  statement,
} from '../../main/show/content-fixtures';

const ids = (order: PlannedItem[]): string[] => order.map((p) => p.itemId);
const june15 = localNoon(2024, 6, 15);

describe('playOrder', () => {
  it('plays a playlist in the order it is written', () => {
    const snap = snapshot([
      caseItem('a'),
      drawing('b'),
      statement('c'),
      playlist('main', ['c', 'a', 'b']),
    ]);
    expect(ids(playOrder(snap, 'main', june15))).toEqual(['c', 'a', 'b']);
  });

  it('without a playlist plays every show item in file order', () => {
    const snap = snapshot([statement('z'), caseItem('a'), song('m')]);
    expect(playOrder(snap, null, june15)).toEqual([
      { itemId: 'z', durationMs: 20_000 },
      { itemId: 'a', durationMs: 20_000 },
      { itemId: 'm', durationMs: 30_000 },
    ]);
  });

  it('takes the entry duration over the playlist duration over the kind default', () => {
    const items = [caseItem('a'), drawing('b'), song('s')];
    const byEntry = snapshot([
      ...items,
      playlist('p', [{ item: 'a', duration: 5 }, 'b'], { duration: 8 }),
    ]);
    expect(playOrder(byEntry, 'p', june15)).toEqual([
      { itemId: 'a', durationMs: 5_000 },
      { itemId: 'b', durationMs: 8_000 },
    ]);
    const byKind = snapshot([...items, playlist('p', ['a', 'b', 's'])]);
    expect(playOrder(byKind, 'p', june15).map((p) => p.durationMs)).toEqual([
      defaultSeconds.case * 1000,
      defaultSeconds.drawing * 1000,
      defaultSeconds.song * 1000,
    ]);
    expect(defaultSeconds).toEqual({
      case: 20,
      song: 30,
      drawing: 12,
      action: 15,
      event: 15,
      statement: 20,
      video: 30,
    });
  });

  it('skips entries outside their from/until days (both inclusive)', () => {
    const snap = snapshot([
      caseItem('a'),
      caseItem('b'),
      caseItem('c'),
      caseItem('d'),
      playlist('p', [
        { item: 'a', from: '2024-06-15' },
        { item: 'b', until: '2024-06-14' },
        { item: 'c', from: '2024-06-01', until: '2024-06-15' },
        { item: 'd', from: '2024-06-16' },
      ]),
    ]);
    expect(ids(playOrder(snap, 'p', june15))).toEqual(['a', 'c']);
    expect(ids(playOrder(snap, 'p', localNoon(2024, 6, 16)))).toEqual(['a', 'd']);
  });

  it('plays nothing from a playlist outside its own window, and does not start on it', () => {
    const snap = snapshot(
      [caseItem('a'), playlist('later', ['a'], { from: '2024-07-01' }), playlist('now', ['a'])],
      { defaultPlaylist: 'later' },
    );
    expect(playOrder(snap, 'later', june15)).toEqual([]);
    expect(startingPlaylist(snap, june15)).toBe('now');
    expect(startingPlaylist(snap, localNoon(2024, 7, 1))).toBe('later');
  });

  it('starts on the default playlist, else the first, else null', () => {
    const items = [caseItem('a')];
    expect(
      startingPlaylist(
        snapshot([...items, playlist('x', ['a']), playlist('y', ['a'])], { defaultPlaylist: 'y' }),
        june15,
      ),
    ).toBe('y');
    expect(
      startingPlaylist(snapshot([...items, playlist('x', ['a']), playlist('y', ['a'])]), june15),
    ).toBe('x');
    expect(startingPlaylist(snapshot(items), june15)).toBeNull();
  });

  it('keeps a playlist while it exists and runs, and otherwise falls back to the starting one', () => {
    const snap = snapshot(
      [caseItem('a'), playlist('june', ['a'], { until: '2024-06-30' }), playlist('main', ['a'])],
      { defaultPlaylist: 'main' },
    );
    expect(keptOrStartingPlaylist(snap, 'june', june15)).toBe('june');
    expect(keptOrStartingPlaylist(snap, 'june', localNoon(2024, 7, 1))).toBe('main');
    expect(keptOrStartingPlaylist(snap, 'deleted', june15)).toBe('main');
    expect(keptOrStartingPlaylist(snap, null, june15)).toBe('main');
    expect(keptOrStartingPlaylist(snapshot([caseItem('a')]), 'june', june15)).toBeNull();
  });

  it('drops events that are over with pastEvents: drop, keeps them with show', () => {
    const items = [
      event('ended', '2024-06-15T10:00', { end: '2024-06-15T11:00' }),
      event('started', '2024-06-15T10:00'),
      event('soon', '2024-06-15T20:00'),
      event('today', '2024-06-15'),
      event('yesterday', '2024-06-14'),
      action('act'),
    ];
    const entries = ['ended', 'started', 'soon', 'today', 'yesterday', 'act'];
    const at = Date.UTC(2024, 5, 15, 12, 0);
    const dropping = snapshot([...items, playlist('p', entries, { pastEvents: 'drop' })]);
    // "started" has no end: it runs to the end of its day, as its slide says ("today").
    expect(ids(playOrder(dropping, 'p', at))).toEqual(['started', 'soon', 'today', 'act']);
    const showing = snapshot([...items, playlist('p', entries)]);
    expect(ids(playOrder(showing, 'p', at))).toEqual(entries);
  });

  it('skips items that no longer exist and entries that name a playlist', () => {
    const snap = snapshot([
      caseItem('a'),
      playlist('other', ['a']),
      playlist('p', ['gone', 'a', 'other']),
    ]);
    expect(ids(playOrder(snap, 'p', june15))).toEqual(['a']);
    expect(playOrder(snap, 'nope', june15)).toEqual([]);
  });

  it('hides sensitive items when asked (safe mode)', () => {
    const snap = snapshot([
      caseItem('a', { sensitive: true }),
      caseItem('b', { sensitive: false }),
      playlist('p', ['a', 'b']),
    ]);
    expect(ids(playOrder(snap, 'p', june15, { hideSensitive: true }))).toEqual(['b']);
    expect(ids(playOrder(snap, null, june15, { hideSensitive: true }))).toEqual(['b']);
  });

  it('shuffles with the injected random and never repeats an item back to back across passes', () => {
    const snap = snapshot([
      caseItem('a'),
      caseItem('b'),
      caseItem('c'),
      caseItem('d'),
      playlist('p', ['a', 'b', 'c', 'd'], { shuffle: true }),
    ]);
    const random = seeded(42);
    const played: string[] = [];
    const passes: string[][] = [];
    for (let pass = 0; pass < 200; pass++) {
      const order = ids(playOrder(snap, 'p', june15, { random, after: played.at(-1) ?? null }));
      passes.push(order);
      played.push(...order);
    }
    for (const order of passes) expect([...order].sort()).toEqual(['a', 'b', 'c', 'd']);
    for (let i = 1; i < played.length; i++) expect(played[i]).not.toBe(played[i - 1]);
    // Actually shuffled: more than one distinct pass.
    expect(new Set(passes.map((p) => p.join())).size).toBeGreaterThan(5);
    // Same seed, same show.
    const again = ids(playOrder(snap, 'p', june15, { random: seeded(42), after: null }));
    expect(again).toEqual(passes[0]);
  });

  it('keeps an item listed twice apart when it can', () => {
    const items: PlannedItem[] = ['a', 'a', 'b', 'c'].map((itemId) => ({ itemId, durationMs: 1 }));
    const random = seeded(7);
    let after: string | null = 'a';
    for (let i = 0; i < 300; i++) {
      const order = ids(shuffle(items, random, after));
      expect(order[0]).not.toBe(after);
      for (let k = 1; k < order.length; k++) expect(order[k]).not.toBe(order[k - 1]);
      after = order.at(-1)!;
    }
    // A single item has to repeat; it is not dropped.
    expect(ids(shuffle([{ itemId: 'a', durationMs: 1 }], random, 'a'))).toEqual(['a']);
  });
});

describe('dates', () => {
  it('reads the local calendar day', () => {
    expect(localDay(june15)).toBe('2024-06-15');
  });

  it('finds the next local midnight', () => {
    expect(nextLocalMidnight(june15)).toBe(new Date(2024, 5, 16).getTime());
    expect(nextLocalMidnight(new Date(2024, 5, 15).getTime())).toBe(
      new Date(2024, 5, 16).getTime(),
    );
  });

  it('counts an event as over at its end, or once its last day ends (the slide’s rule)', () => {
    const timed = { start: '2024-06-15T10:00', timeZone: 'Europe/Paris' };
    expect(eventIsOver(timed, Date.UTC(2024, 5, 15, 8, 0))).toBe(false);
    expect(eventIsOver(timed, Date.UTC(2024, 5, 15, 21, 59))).toBe(false);
    expect(eventIsOver(timed, Date.UTC(2024, 5, 15, 22, 0))).toBe(true);
    const withEnd = { ...timed, end: '2024-06-15T12:00' };
    expect(eventIsOver(withEnd, Date.UTC(2024, 5, 15, 9, 59))).toBe(false);
    expect(eventIsOver(withEnd, Date.UTC(2024, 5, 15, 10, 0))).toBe(true);
    const allDay = { start: '2024-06-15', timeZone: 'UTC' };
    expect(eventIsOver(allDay, Date.UTC(2024, 5, 15, 23, 59))).toBe(false);
    expect(eventIsOver(allDay, Date.UTC(2024, 5, 16, 0, 0))).toBe(true);
  });
});

describe('nextOrderChange', () => {
  it('is the next end of an event in a playlist that drops them', () => {
    const snap = snapshot([
      event('early', '2024-06-15T10:00', { end: '2024-06-15T13:00' }),
      event('late', '2024-06-15T18:00', { end: '2024-06-15T19:00' }),
      event('done', '2024-06-14'),
      action('act'),
      playlist('p', ['early', 'late', 'done', 'act'], { pastEvents: 'drop' }),
      playlist('q', ['early', 'late', 'act']),
    ]);
    const at = Date.UTC(2024, 5, 15, 12, 0);
    expect(nextOrderChange(snap, 'p', at)).toBe(Date.UTC(2024, 5, 15, 13, 0));
    expect(nextOrderChange(snap, 'p', Date.UTC(2024, 5, 15, 13, 0))).toBe(
      Date.UTC(2024, 5, 15, 19, 0),
    );
    // With pastEvents: show the order never changes by itself.
    expect(nextOrderChange(snap, 'q', at)).toBeNull();
  });

  it('is the next midnight when a date window can open or close', () => {
    const withEntryWindow = snapshot([
      caseItem('a'),
      caseItem('b'),
      playlist('p', ['a', { item: 'b', from: '2024-06-20' }]),
    ]);
    expect(nextOrderChange(withEntryWindow, 'p', june15)).toBe(new Date(2024, 5, 16).getTime());
    const otherPlaylistStarts = snapshot([
      caseItem('a'),
      playlist('p', ['a']),
      playlist('xmas', ['a'], { from: '2024-12-24' }),
    ]);
    expect(nextOrderChange(otherPlaylistStarts, 'p', june15)).toBe(new Date(2024, 5, 16).getTime());
    expect(
      nextOrderChange(snapshot([caseItem('a'), playlist('p', ['a'])]), 'p', june15),
    ).toBeNull();
  });
});
