import { describe, expect, it } from 'vitest';
import { ShowEngine, positionOf, type ShowPosition } from '../../../../src/main/show/engine';
import type { ShowState } from '../../../../src/shared/protocol';
import { showStateSchema } from '../../../../src/shared/protocol';
import {
  action,
  caseItem,
  drawing,
  event,
  localNoon,
  playlist,
  seeded,
  snapshot,
  statement,
} from './content-fixtures';
import { FakeClock } from './fake-clock';

const start = localNoon(2024, 6, 15);

/** a: case 20 s, b: drawing 12 s, c: action 15 s. */
function basicShow(pack: Record<string, unknown> = {}, extraItems: unknown[] = []) {
  const clock = new FakeClock(start);
  const content = snapshot(
    [
      caseItem('a'),
      drawing('b'),
      action('c'),
      ...extraItems,
      playlist('main', ['a', 'b', 'c']),
      playlist('second', ['c', 'b']),
    ],
    pack,
  );
  const engine = new ShowEngine(content, { clock });
  const states: ShowState[] = [];
  engine.subscribe((s) => states.push(s));
  return { clock, engine, states, content };
}

describe('ShowEngine', () => {
  it('starts on the default playlist, else the first one', () => {
    expect(basicShow().engine.state()).toMatchObject({
      playlistId: 'main',
      itemId: 'a',
      position: 0,
      order: ['a', 'b', 'c'],
    });
    expect(basicShow({ defaultPlaylist: 'second' }).engine.state()).toMatchObject({
      playlistId: 'second',
      itemId: 'c',
    });
  });

  it('produces states that satisfy the protocol schema', () => {
    const { engine } = basicShow();
    expect(() => showStateSchema.parse(engine.state())).not.toThrow();
  });

  it('advances by itself after each duration, in order, and wraps', () => {
    const { clock, engine, states } = basicShow();
    expect(engine.state()).toMatchObject({ itemId: 'a', startedAt: start, durationMs: 20_000 });
    clock.advance(19_999);
    expect(engine.state().itemId).toBe('a');
    clock.advance(1);
    expect(engine.state()).toMatchObject({
      itemId: 'b',
      startedAt: start + 20_000,
      durationMs: 12_000,
    });
    clock.advance(12_000);
    expect(engine.state().itemId).toBe('c');
    clock.advance(15_000);
    expect(engine.state()).toMatchObject({ itemId: 'a', position: 0, startedAt: start + 47_000 });
    expect(states.map((s) => s.itemId)).toEqual(['b', 'c', 'a']);
  });

  it('next and previous restart the timer on the new item; previous wraps to the end', () => {
    const { clock, engine } = basicShow();
    clock.advance(5_000);
    expect(engine.execute({ name: 'next' })).toEqual({ ok: true });
    expect(engine.state()).toMatchObject({ itemId: 'b', startedAt: start + 5_000 });
    clock.advance(11_999);
    expect(engine.state().itemId).toBe('b');
    clock.advance(1);
    expect(engine.state().itemId).toBe('c');
    engine.execute({ name: 'previous' });
    engine.execute({ name: 'previous' });
    expect(engine.state().itemId).toBe('a');
    engine.execute({ name: 'previous' });
    expect(engine.state()).toMatchObject({ itemId: 'c', position: 2 });
    engine.execute({ name: 'next' });
    expect(engine.state()).toMatchObject({ itemId: 'a', position: 0 });
  });

  it('keeps the remaining time across pause and resume', () => {
    const { clock, engine } = basicShow();
    clock.advance(5_000);
    engine.execute({ name: 'pause' });
    expect(engine.state()).toMatchObject({ paused: true, remainingMs: 15_000, itemId: 'a' });
    clock.advance(600_000);
    expect(engine.state()).toMatchObject({ itemId: 'a', remainingMs: 15_000 });
    engine.execute({ name: 'pause' }); // twice is harmless
    engine.execute({ name: 'resume' });
    const resumed = engine.state();
    expect(resumed).toMatchObject({ paused: false, remainingMs: null });
    // The end stays startedAt + durationMs, so views can draw the same progress bar.
    expect(resumed.startedAt + resumed.durationMs).toBe(clock.now() + 15_000);
    clock.advance(14_999);
    expect(engine.state().itemId).toBe('a');
    clock.advance(1);
    expect(engine.state().itemId).toBe('b');
  });

  it('togglePause flips, and moving while paused stays paused with the full time', () => {
    const { clock, engine } = basicShow();
    engine.execute({ name: 'togglePause' });
    expect(engine.state().paused).toBe(true);
    engine.execute({ name: 'next' });
    expect(engine.state()).toMatchObject({ itemId: 'b', paused: true, remainingMs: 12_000 });
    clock.advance(60_000);
    expect(engine.state().itemId).toBe('b');
    engine.execute({ name: 'togglePause' });
    clock.advance(12_000);
    expect(engine.state()).toMatchObject({ itemId: 'c', paused: false });
  });

  it('goTo puts an item on air and explains what it cannot do', () => {
    const { clock, engine } = basicShow({}, [statement('loose')]);
    clock.advance(3_000);
    expect(engine.execute({ name: 'goTo', itemId: 'c' })).toEqual({ ok: true });
    expect(engine.state()).toMatchObject({ itemId: 'c', position: 2, startedAt: start + 3_000 });
    expect(engine.execute({ name: 'goTo', itemId: 'x' })).toEqual({
      ok: false,
      error: expect.objectContaining({ message: 'no item with id "x"' }),
    });
    expect(engine.execute({ name: 'goTo', itemId: 'second' })).toMatchObject({
      ok: false,
      error: expect.objectContaining({ message: expect.stringContaining('is a playlist') }),
    });
    expect(engine.execute({ name: 'goTo', itemId: 'loose' })).toEqual({
      ok: false,
      error: expect.objectContaining({ message: '"loose" is not in playlist "main" today' }),
    });
    expect(engine.state().itemId).toBe('c');
  });

  it('setPlaylist switches and starts it from the top', () => {
    const { clock, engine, states } = basicShow();
    clock.advance(2_000);
    expect(engine.execute({ name: 'setPlaylist', playlistId: 'second' })).toEqual({ ok: true });
    expect(engine.state()).toMatchObject({
      playlistId: 'second',
      order: ['c', 'b'],
      itemId: 'c',
      startedAt: start + 2_000,
    });
    expect(states.at(-1)?.playlistId).toBe('second');
    clock.advance(15_000);
    expect(engine.state().itemId).toBe('b');
    expect(engine.execute({ name: 'setPlaylist', playlistId: 'nope' })).toEqual({
      ok: false,
      error: expect.objectContaining({ message: 'no playlist with id "nope"' }),
    });
    expect(engine.execute({ name: 'setPlaylist', playlistId: 'a' })).toEqual({
      ok: false,
      error: expect.objectContaining({ message: '"a" is not a playlist' }),
    });
    expect(engine.state().playlistId).toBe('second');
  });

  it('refuses a playlist that does not run today', () => {
    const clock = new FakeClock(start);
    const engine = new ShowEngine(
      snapshot([
        caseItem('a'),
        playlist('main', ['a']),
        playlist('xmas', ['a'], { from: '2024-12-24', until: '2024-12-26' }),
      ]),
      { clock },
    );
    expect(engine.execute({ name: 'setPlaylist', playlistId: 'xmas' })).toEqual({
      ok: false,
      error: expect.objectContaining({
        message: 'playlist "xmas" does not run today (it runs from 2024-12-24 until 2024-12-26)',
      }),
    });
  });

  it('blackout is a flag that does not stop the timers: the show goes on underneath', () => {
    const { clock, engine, states } = basicShow();
    engine.execute({ name: 'blackout', on: true });
    expect(engine.state()).toMatchObject({ blackout: true, itemId: 'a', startedAt: start });
    expect(states.at(-1)?.blackout).toBe(true);
    clock.advance(20_000);
    expect(engine.state()).toMatchObject({ itemId: 'b', blackout: true });
    clock.advance(12_000 + 5_000);
    engine.execute({ name: 'blackout', on: false });
    // Lifting it shows what is on air now, 5 s into c, not the slide that was up before.
    expect(engine.state()).toMatchObject({
      blackout: false,
      itemId: 'c',
      startedAt: start + 32_000,
      paused: false,
    });
  });

  it('counts every item change in sequence, and nothing else', () => {
    const { clock, engine, content } = basicShow();
    const seq = () => engine.state().sequence;
    expect(seq()).toBe(0);
    clock.advance(20_000); // timer: a → b
    expect(seq()).toBe(1);
    engine.execute({ name: 'next' });
    expect(seq()).toBe(2);
    engine.execute({ name: 'previous' });
    expect(seq()).toBe(3);
    engine.execute({ name: 'goTo', itemId: 'c' });
    expect(seq()).toBe(4);
    engine.execute({ name: 'setPlaylist', playlistId: 'second' });
    expect(seq()).toBe(5);
    // Same item on air: not a transition.
    engine.execute({ name: 'blackout', on: true });
    engine.execute({ name: 'pause' });
    engine.execute({ name: 'resume' });
    engine.setContent({ ...content, revision: 2 });
    expect(seq()).toBe(5);
    clock.advance(15_000); // c → b in "second"
    expect(seq()).toBe(6);
    clock.advance(12_000); // a new pass
    expect(engine.state()).toMatchObject({ itemId: 'c', sequence: 7 });
  });

  it('safe mode puts the safe slide on air and hides sensitive items until it is off', () => {
    const clock = new FakeClock(start);
    const content = snapshot(
      [
        caseItem('boris', { sensitive: true }),
        caseItem('anna', { sensitive: false }),
        statement('calm'),
        drawing('pic', { sensitive: true }),
        playlist('main', ['boris', 'anna', 'pic']),
      ],
      { safeSlide: 'calm' },
    );
    const engine = new ShowEngine(content, { clock });
    expect(engine.state().itemId).toBe('boris');
    engine.execute({ name: 'safeMode', on: true });
    expect(engine.state()).toMatchObject({
      safeMode: true,
      itemId: 'calm',
      order: ['calm', 'anna'],
      position: 0,
    });
    expect(engine.execute({ name: 'goTo', itemId: 'boris' })).toEqual({
      ok: false,
      error: expect.objectContaining({
        message: '"boris" is marked sensitive and safe mode is on',
      }),
    });
    // The show goes on with what is safe to show, and never reaches a sensitive item.
    const seen = new Set<string>();
    for (let i = 0; i < 10; i++) {
      clock.advance(20_000);
      seen.add(engine.state().itemId!);
    }
    expect([...seen].sort()).toEqual(['anna', 'calm']);
    engine.execute({ name: 'safeMode', on: false });
    expect(engine.state()).toMatchObject({ safeMode: false, order: ['boris', 'anna', 'pic'] });
  });

  it('safe mode goes up at once, mid-slide, and off returns to the normal order', () => {
    const clock = new FakeClock(start);
    const content = snapshot(
      [
        caseItem('boris', { sensitive: true }),
        caseItem('anna', { sensitive: false }),
        statement('calm'),
        playlist('main', ['anna', 'boris']),
      ],
      { safeSlide: 'calm' },
    );
    const engine = new ShowEngine(content, { clock });
    clock.advance(20_000 + 3_000); // boris, 3 s in
    const before = engine.state().sequence;
    engine.execute({ name: 'safeMode', on: true });
    expect(engine.state()).toMatchObject({
      itemId: 'calm',
      startedAt: start + 23_000,
      sequence: before + 1,
      order: ['calm', 'anna'],
    });
    engine.execute({ name: 'safeMode', on: false });
    expect(engine.state()).toMatchObject({ safeMode: false, order: ['anna', 'boris'] });
    const seen = new Set<string>();
    for (let i = 0; i < 4; i++) {
      clock.advance(20_000);
      seen.add(engine.state().itemId!);
    }
    expect([...seen].sort()).toEqual(['anna', 'boris']);
  });

  it('safe mode without a safe slide moves off a sensitive item', () => {
    const clock = new FakeClock(start);
    const engine = new ShowEngine(
      snapshot([
        caseItem('boris', { sensitive: true }),
        caseItem('anna', { sensitive: false }),
        playlist('main', ['boris', 'anna']),
      ]),
      { clock },
    );
    engine.execute({ name: 'safeMode', on: true });
    expect(engine.state()).toMatchObject({ itemId: 'anna', order: ['anna'] });
  });

  it('safe mode hides a case and a drawing whose files say nothing about sensitive', () => {
    const clock = new FakeClock(start);
    const engine = new ShowEngine(
      snapshot(
        [
          caseItem('new-case'),
          drawing('new-drawing'),
          statement('calm'),
          action('sign'),
          playlist('main', ['new-case', 'new-drawing', 'sign']),
        ],
        { safeSlide: 'calm' },
      ),
      { clock },
    );
    engine.execute({ name: 'safeMode', on: true });
    expect(engine.state().order).toEqual(['calm', 'sign']);
  });

  it('keeps the current item on air, with its time, when the content changes', () => {
    const { clock, engine, states } = basicShow();
    clock.advance(20_000 + 4_000); // b, 4 s in
    engine.setContent(
      snapshot(
        [
          caseItem('a'),
          drawing('b'),
          action('c'),
          statement('d'),
          playlist('main', ['d', 'a', 'b', 'c']),
        ],
        {},
        2,
      ),
    );
    expect(engine.state()).toMatchObject({
      itemId: 'b',
      position: 2,
      order: ['d', 'a', 'b', 'c'],
      startedAt: start + 20_000,
    });
    expect(states.at(-1)?.order).toEqual(['d', 'a', 'b', 'c']);
    clock.advance(8_000);
    expect(engine.state().itemId).toBe('c');
  });

  it('moves to the next surviving item when the one on air is removed', () => {
    const { clock, engine } = basicShow();
    clock.advance(20_000); // b
    engine.setContent(snapshot([caseItem('a'), action('c'), playlist('main', ['a', 'c'])], {}, 2));
    expect(engine.state()).toMatchObject({ itemId: 'c', position: 1, startedAt: start + 20_000 });
  });

  it('falls back to the starting playlist when its playlist disappears', () => {
    const { engine } = basicShow();
    engine.execute({ name: 'setPlaylist', playlistId: 'second' });
    engine.setContent(
      snapshot(
        [caseItem('a'), drawing('b'), action('c'), playlist('main', ['a', 'b', 'c'])],
        {},
        2,
      ),
    );
    expect(engine.state().playlistId).toBe('main');
  });

  it('plays every item in file order when the pack has no playlist', () => {
    const clock = new FakeClock(start);
    const engine = new ShowEngine(snapshot([statement('s'), caseItem('a')]), { clock });
    expect(engine.state()).toMatchObject({ playlistId: null, order: ['s', 'a'], itemId: 's' });
  });

  it('with nothing to play shows nothing and says so', () => {
    const clock = new FakeClock(start);
    const engine = new ShowEngine(snapshot([]), { clock });
    expect(engine.state()).toMatchObject({ itemId: null, order: [], durationMs: 0 });
    expect(engine.execute({ name: 'next' })).toMatchObject({
      ok: false,
      error: expect.objectContaining({ message: expect.stringContaining('nothing to play') }),
    });
    engine.setContent(snapshot([statement('s')], {}, 2));
    expect(engine.state().itemId).toBe('s');
  });

  it('a shuffled playlist never shows the same item twice in a row across passes', () => {
    const clock = new FakeClock(start);
    const engine = new ShowEngine(
      snapshot([
        statement('a'),
        statement('b'),
        statement('c'),
        playlist('p', ['a', 'b', 'c'], { shuffle: true, duration: 1 }),
      ]),
      { clock, random: seeded(3) },
    );
    const played = [engine.state().itemId];
    engine.subscribe((s) => played.push(s.itemId));
    clock.advance(300_000);
    expect(played.length).toBeGreaterThan(290);
    for (let i = 1; i < played.length; i++) expect(played[i]).not.toBe(played[i - 1]);
  });

  describe('events that end', () => {
    // All in UTC; the engine's clock starts at 12:00 UTC on 15 June.
    const noon = Date.UTC(2024, 5, 15, 12, 0);
    const rallyShow = (pastEvents: 'drop' | 'show', duration = 240) => {
      const clock = new FakeClock(noon);
      const engine = new ShowEngine(
        snapshot([
          statement('a'),
          event('rally', '2024-06-15T11:00', { end: '2024-06-15T12:10' }),
          statement('b'),
          playlist('main', ['a', 'rally', 'b'], { pastEvents, duration }),
        ]),
        { clock },
      );
      const states: ShowState[] = [];
      engine.subscribe((s) => states.push(s));
      return { clock, engine, states };
    };

    it('with pastEvents: drop, an event leaves the order when it ends, not at the next pass', () => {
      const { clock, engine, states } = rallyShow('drop');
      expect(engine.state().order).toEqual(['a', 'rally', 'b']);
      clock.advance(9 * 60_000 + 59_999);
      expect(engine.state().order).toEqual(['a', 'rally', 'b']);
      clock.advance(1); // 12:10: rally is over, while b is on air mid-slide
      expect(engine.state()).toMatchObject({
        order: ['a', 'b'],
        itemId: 'b',
        startedAt: noon + 8 * 60_000,
      });
      expect(states.at(-1)?.order).toEqual(['a', 'b']);
    });

    it('takes an event off air the moment it ends', () => {
      const { clock, engine } = rallyShow('drop', 480);
      clock.advance(9 * 60_000); // 12:09: rally on air since 12:08, due until 12:16
      expect(engine.state().itemId).toBe('rally');
      clock.advance(60_000); // 12:10
      expect(engine.state()).toMatchObject({ itemId: 'b', startedAt: noon + 10 * 60_000 });
    });

    it('with pastEvents: show, an event that is over keeps its place and comes round again', () => {
      const { clock, engine } = rallyShow('show');
      clock.advance(60 * 60_000);
      expect(engine.state().order).toEqual(['a', 'rally', 'b']);
      const seen = new Set<string>();
      for (let i = 0; i < 3; i++) {
        clock.advance(240_000);
        seen.add(engine.state().itemId!);
      }
      expect(seen.has('rally')).toBe(true);
    });

    it('does not reshuffle a shuffled pass when it looks at the time again', () => {
      const clock = new FakeClock(new Date(2024, 5, 15, 9, 0).getTime());
      const engine = new ShowEngine(
        snapshot([
          statement('a'),
          statement('b'),
          statement('c'),
          statement('d'),
          playlist('main', ['a', 'b', 'c', { item: 'd', from: '2024-06-16' }], {
            shuffle: true,
            duration: 86_400,
          }),
        ]),
        { clock, random: seeded(5) },
      );
      const states: ShowState[] = [];
      engine.subscribe((s) => states.push(s));
      const { order, itemId } = engine.state();
      clock.advance(14 * 3_600_000); // 23:00: many capped rechecks, and nothing changed
      expect(engine.state().order).toEqual(order);
      expect(states).toEqual([]);
      clock.advance(3_600_000); // midnight: d joins the pass at its end
      expect(engine.state()).toMatchObject({ order: [...order, 'd'], itemId, sequence: 0 });
      expect(states).toHaveLength(1);
    });

    it('lets an item into the order at midnight when its window opens', () => {
      const clock = new FakeClock(new Date(2024, 5, 15, 23, 59).getTime());
      const engine = new ShowEngine(
        snapshot([
          statement('a'),
          statement('b'),
          playlist('main', ['a', { item: 'b', from: '2024-06-16' }], { duration: 3600 }),
        ]),
        { clock },
      );
      expect(engine.state().order).toEqual(['a']);
      clock.advance(60_000);
      expect(engine.state()).toMatchObject({ order: ['a', 'b'], itemId: 'a', sequence: 0 });
    });
  });

  describe('resuming a saved position', () => {
    const saved = (overrides: Partial<ShowPosition> = {}): ShowPosition => ({
      playlistId: 'main',
      itemId: 'c',
      position: 2,
      paused: false,
      remainingMs: null,
      blackout: false,
      safeMode: false,
      ...overrides,
    });
    const resumed = (
      resume: ShowPosition,
      items: unknown[] = [
        caseItem('a'),
        drawing('b'),
        action('c'),
        playlist('main', ['a', 'b', 'c']),
        playlist('second', ['c', 'b']),
      ],
      pack: Record<string, unknown> = {},
    ) => {
      const clock = new FakeClock(start);
      return { clock, engine: new ShowEngine(snapshot(items, pack), { clock, resume }) };
    };

    it('puts the same item of the same playlist back on air, with its full time', () => {
      const { clock, engine } = resumed(saved({ playlistId: 'second', itemId: 'b', position: 1 }));
      expect(engine.state()).toMatchObject({
        playlistId: 'second',
        itemId: 'b',
        position: 1,
        startedAt: start,
        durationMs: 12_000,
        sequence: 0,
      });
      clock.advance(12_000);
      expect(engine.state().itemId).toBe('c');
    });

    it('round-trips: the position a show reports is where a new engine resumes', () => {
      const { engine } = resumed(saved({ itemId: 'a', position: 0 }));
      engine.execute({ name: 'goTo', itemId: 'b' });
      engine.execute({ name: 'blackout', on: true });
      const again = resumed(positionOf(engine.state())).engine.state();
      expect(again).toMatchObject({ playlistId: 'main', itemId: 'b', position: 1, blackout: true });
    });

    it('finds the item by id when the playlist was reordered', () => {
      const { engine } = resumed(saved({ itemId: 'c', position: 2 }), [
        caseItem('a'),
        drawing('b'),
        action('c'),
        playlist('main', ['c', 'a', 'b']),
      ]);
      expect(engine.state()).toMatchObject({ itemId: 'c', position: 0 });
    });

    it('skips an item that is gone: whatever now holds its slot goes up', () => {
      const { engine } = resumed(saved({ itemId: 'b', position: 1 }), [
        caseItem('a'),
        action('c'),
        playlist('main', ['a', 'c']),
      ]);
      expect(engine.state()).toMatchObject({ itemId: 'c', position: 1 });
      const pastTheEnd = resumed(saved({ itemId: 'gone', position: 7 })).engine;
      expect(pastTheEnd.state()).toMatchObject({ itemId: 'a', position: 0 });
    });

    it('starts on the starting playlist when the saved one is gone', () => {
      const { engine } = resumed(saved({ playlistId: 'deleted', itemId: 'c', position: 2 }));
      expect(engine.state()).toMatchObject({ playlistId: 'main', itemId: 'a', position: 0 });
    });

    it('restores safe mode before the first slide, so nothing sensitive is ever on air', () => {
      const seen: (string | null)[] = [];
      const clock = new FakeClock(start);
      const engine = new ShowEngine(
        snapshot(
          [
            caseItem('boris', { sensitive: true }),
            caseItem('anna'),
            statement('calm'),
            playlist('main', ['boris', 'anna']),
          ],
          { safeSlide: 'calm' },
        ),
        { clock, resume: saved({ itemId: 'boris', position: 0, safeMode: true, blackout: true }) },
      );
      seen.push(engine.state().itemId);
      engine.subscribe((s) => seen.push(s.itemId));
      clock.advance(200_000);
      expect(engine.state()).toMatchObject({ safeMode: true, blackout: true });
      expect(seen).not.toContain('boris');
      expect(seen[0]).toBe('calm');
    });

    it('stays paused with the time that was left', () => {
      const { clock, engine } = resumed(saved({ paused: true, remainingMs: 4_000 }));
      expect(engine.state()).toMatchObject({ itemId: 'c', paused: true, remainingMs: 4_000 });
      clock.advance(60_000);
      expect(engine.state().itemId).toBe('c');
      engine.execute({ name: 'resume' });
      clock.advance(4_000);
      expect(engine.state().itemId).toBe('a');
      // A remaining time longer than the slide (a shortened duration) is cut to the slide.
      const long = resumed(saved({ paused: true, remainingMs: 999_999 })).engine;
      expect(long.state().remainingMs).toBe(15_000);
      // Another item on air after a fallback gets its full time.
      const other = resumed(saved({ itemId: 'gone', position: 1, paused: true, remainingMs: 1 }));
      expect(other.engine.state()).toMatchObject({ itemId: 'b', remainingMs: 12_000 });
    });
  });

  it('stop clears its timer and ignores commands', () => {
    const { clock, engine } = basicShow();
    engine.stop();
    expect(clock.pending()).toBe(0);
    expect(engine.execute({ name: 'next' })).toMatchObject({ ok: false });
  });
});
