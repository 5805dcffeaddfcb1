import { describe, expect, it } from 'vitest';
import { ShowEngine } from '../../../../src/main/show/engine';
import type { ShowState } from '../../../../src/shared/protocol';
import { showStateSchema } from '../../../../src/shared/protocol';
import {
  action,
  caseItem,
  drawing,
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
      error: 'no item with id "x"',
    });
    expect(engine.execute({ name: 'goTo', itemId: 'second' })).toMatchObject({
      ok: false,
      error: expect.stringContaining('is a playlist'),
    });
    expect(engine.execute({ name: 'goTo', itemId: 'loose' })).toEqual({
      ok: false,
      error: '"loose" is not in playlist "main" today',
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
      error: 'no playlist with id "nope"',
    });
    expect(engine.execute({ name: 'setPlaylist', playlistId: 'a' })).toEqual({
      ok: false,
      error: '"a" is not a playlist',
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
      error: 'playlist "xmas" does not run today (it runs from 2024-12-24 until 2024-12-26)',
    });
  });

  it('blackout is a flag; the show keeps its time underneath', () => {
    const { clock, engine, states } = basicShow();
    engine.execute({ name: 'blackout', on: true });
    expect(engine.state().blackout).toBe(true);
    expect(states.at(-1)?.blackout).toBe(true);
    clock.advance(20_000);
    expect(engine.state()).toMatchObject({ itemId: 'b', blackout: true });
    engine.execute({ name: 'blackout', on: false });
    expect(engine.state().blackout).toBe(false);
  });

  it('safe mode puts the safe slide on air and hides sensitive items until it is off', () => {
    const clock = new FakeClock(start);
    const content = snapshot(
      [
        caseItem('boris', { sensitive: true }),
        caseItem('anna'),
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
      error: '"boris" is marked sensitive and safe mode is on',
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

  it('safe mode without a safe slide moves off a sensitive item', () => {
    const clock = new FakeClock(start);
    const engine = new ShowEngine(
      snapshot([
        caseItem('boris', { sensitive: true }),
        caseItem('anna'),
        playlist('main', ['boris', 'anna']),
      ]),
      { clock },
    );
    engine.execute({ name: 'safeMode', on: true });
    expect(engine.state()).toMatchObject({ itemId: 'anna', order: ['anna'] });
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
      error: expect.stringContaining('nothing to play'),
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

  it('stop clears its timer and ignores commands', () => {
    const { clock, engine } = basicShow();
    engine.stop();
    expect(clock.pending()).toBe(0);
    expect(engine.execute({ name: 'next' })).toMatchObject({ ok: false });
  });
});
