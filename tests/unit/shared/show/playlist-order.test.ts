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
import { OrderWatch } from '../../../../src/shared/show/order-watch';
import type { Clock } from '../../../../src/shared/time';
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

  it('is the instant a date window opens or closes: that day’s midnight', () => {
    const withEntryWindow = snapshot([
      caseItem('a'),
      caseItem('b'),
      playlist('p', ['a', { item: 'b', from: '2024-06-20' }]),
    ]);
    expect(nextOrderChange(withEntryWindow, 'p', june15)).toBe(new Date(2024, 5, 20).getTime());
    const otherPlaylistStarts = snapshot([
      caseItem('a'),
      playlist('p', ['a']),
      playlist('xmas', ['a'], { from: '2024-12-24' }),
    ]);
    expect(nextOrderChange(otherPlaylistStarts, 'p', june15)).toBe(
      new Date(2024, 11, 24).getTime(),
    );
    expect(
      nextOrderChange(snapshot([caseItem('a'), playlist('p', ['a'])]), 'p', june15),
    ).toBeNull();
  });
});

/** A clock that moves only when told, firing its timers on the way. */
function fakeClock(start: number) {
  let now = start;
  let timers: { at: number; callback: () => void; handle: number }[] = [];
  let next = 0;
  const clock: Clock = {
    now: () => now,
    setTimeout: (callback, ms) => {
      next += 1;
      timers.push({ at: now + ms, callback, handle: next });
      return next;
    },
    clearTimeout: (handle) => {
      timers = timers.filter((timer) => timer.handle !== handle);
    },
  };
  const advanceTo = (to: number) => {
    for (;;) {
      const due = timers.filter((timer) => timer.at <= to).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      timers = timers.filter((timer) => timer !== due);
      now = due.at;
      due.callback();
    }
    now = to;
  };
  return { clock, advanceTo };
}

describe('time of day in playlists', () => {
  // Merch before doors, the main show from 19:00, in the pack's zone (not this machine's).
  const evening = (timeZone?: string) =>
    snapshot(
      [
        caseItem('a'),
        action('shop'),
        playlist('merch', ['shop'], { until: '2026-12-12T19:00' }),
        playlist('main', ['a'], { from: '2026-12-12T19:00' }),
      ],
      timeZone ? { timeZone } : {},
    );
  // 19:00 in Paris on 12 December is 18:00 UTC; in Tokyo, 10:00 UTC.
  const parisSeven = Date.UTC(2026, 11, 12, 18, 0);

  it('switches exactly at 19:00 in the pack’s time zone, driven by a fake clock', () => {
    const content = evening('Europe/Paris');
    const { clock, advanceTo } = fakeClock(parisSeven - 5 * 60_000);
    let playing = keptOrStartingPlaylist(content, null, clock.now());
    expect(playing).toBe('merch');
    const switches: { at: number; playlist: string | null }[] = [];
    const watch = new OrderWatch(clock, () => {
      playing = keptOrStartingPlaylist(content, playing, clock.now());
      switches.push({ at: clock.now(), playlist: playing });
      watch.watch(content, playing);
    });
    watch.watch(content, playing);
    advanceTo(parisSeven - 1);
    expect(playing).toBe('merch');
    advanceTo(parisSeven + 60 * 60_000);
    expect(switches[0]).toEqual({ at: parisSeven, playlist: 'main' });
    expect(playing).toBe('main');
    expect(ids(playOrder(content, 'merch', parisSeven))).toEqual([]);
    expect(ids(playOrder(content, 'main', parisSeven))).toEqual(['a']);
    watch.stop();
  });

  it('reads the times in the pack’s zone, whatever this machine’s zone is', () => {
    const tokyoSeven = Date.UTC(2026, 11, 12, 10, 0);
    const tokyo = evening('Asia/Tokyo');
    expect(startingPlaylist(tokyo, tokyoSeven - 1)).toBe('merch');
    expect(startingPlaylist(tokyo, tokyoSeven)).toBe('main');
    expect(nextOrderChange(tokyo, 'merch', tokyoSeven - 3_600_000)).toBe(tokyoSeven);
    const newYork = evening('America/New_York');
    expect(startingPlaylist(newYork, parisSeven)).toBe('merch');
    expect(startingPlaylist(newYork, Date.UTC(2026, 11, 13, 0, 0))).toBe('main');
  });

  it('without a pack zone reads them on this machine’s clock', () => {
    const local = evening();
    const sevenHere = new Date(2026, 11, 12, 19, 0).getTime();
    expect(startingPlaylist(local, sevenHere - 1)).toBe('merch');
    expect(startingPlaylist(local, sevenHere)).toBe('main');
  });

  it('an entry with times comes and goes inside its playlist', () => {
    const content = snapshot(
      [
        caseItem('a'),
        caseItem('b'),
        playlist('p', ['a', { item: 'b', from: '2026-12-12T20:30', until: '2026-12-12T21:15' }]),
      ],
      { timeZone: 'UTC' },
    );
    const at = (h: number, m: number) => Date.UTC(2026, 11, 12, h, m);
    expect(ids(playOrder(content, 'p', at(20, 29)))).toEqual(['a']);
    expect(ids(playOrder(content, 'p', at(20, 30)))).toEqual(['a', 'b']);
    expect(ids(playOrder(content, 'p', at(21, 14)))).toEqual(['a', 'b']);
    expect(ids(playOrder(content, 'p', at(21, 15)))).toEqual(['a']);
    expect(nextOrderChange(content, 'p', at(20, 31))).toBe(at(21, 15));
  });

  it('a date alone still means the whole day, to its midnight in the pack’s zone', () => {
    const content = snapshot(
      [caseItem('a'), playlist('day', ['a'], { from: '2026-12-12', until: '2026-12-12' })],
      { timeZone: 'Europe/Paris' },
    );
    expect(startingPlaylist(content, Date.UTC(2026, 11, 11, 22, 59))).toBeNull();
    expect(startingPlaylist(content, Date.UTC(2026, 11, 11, 23, 0))).toBe('day');
    expect(startingPlaylist(content, Date.UTC(2026, 11, 12, 22, 59))).toBe('day');
    expect(startingPlaylist(content, Date.UTC(2026, 11, 12, 23, 0))).toBeNull();
  });

  it('does not crash on a time the clocks skip (spring forward)', () => {
    const content = snapshot([caseItem('a'), playlist('p', ['a'], { from: '2026-03-29T02:30' })], {
      timeZone: 'Europe/Paris',
    });
    const change = nextOrderChange(content, 'p', Date.UTC(2026, 2, 28, 12, 0));
    expect(change).not.toBeNull();
    expect(startingPlaylist(content, change!)).toBe('p');
    expect(startingPlaylist(content, change! - 1)).toBeNull();
  });
});
