import { describe, expect, it } from 'vitest';
import { PlaylistLoops } from '../../../../src/main/screens/playlist-loops';
import type { ContentSnapshot } from '../../../../src/shared/content';
import { FakeClock } from '../show/fake-clock';
import { action, caseItem, drawing, playlist, snapshot, statement } from '../show/content-fixtures';

const start = Date.UTC(2026, 11, 12, 18, 0);

/** main: a (case 20 s), b (drawing 12 s); merch: c (action 15 s), boris (sensitive case 20 s). */
const content = (): ContentSnapshot =>
  snapshot(
    [
      caseItem('a'),
      drawing('b'),
      action('c'),
      caseItem('boris', { sensitive: true }),
      statement('calm'),
      playlist('main', ['a', 'b']),
      playlist('merch', ['boris', 'c']),
      playlist('lobby', ['b']),
    ],
    { safeSlide: 'calm' },
  );

function loops(options: { safeMode?: () => boolean } = {}) {
  const clock = new FakeClock(start);
  const changes: string[] = [];
  const running = new PlaylistLoops({
    content: content(),
    clock,
    machineClock: clock,
    random: () => 0.5,
    safeMode: options.safeMode ?? (() => false),
    changed: (id) => changes.push(id),
  });
  return { clock, changes, running };
}

describe("the screens' own playlist loops", () => {
  it('start for the playlists screens play, never for the main show, and stop when none is left', () => {
    const { clock, running } = loops();
    expect(running.running()).toEqual([]);
    running.want(['main', 'merch', 'merch']);
    expect(running.running()).toEqual(['merch']);
    expect(running.play('main')).toBeNull();
    running.want(['merch', 'lobby']);
    expect(running.running().sort()).toEqual(['lobby', 'merch']);
    running.want(['main']);
    expect(running.running()).toEqual([]);
    expect(running.play('merch')).toBeNull();
    // Nothing keeps time for a playlist nobody watches: no timer is left behind.
    expect(clock.pending()).toBe(0);
  });

  it('play their own items on their own durations, and say when they move', () => {
    const { clock, changes, running } = loops();
    running.want(['merch']);
    expect(running.play('merch')).toMatchObject({
      playlistId: 'merch',
      itemId: 'boris',
      order: ['boris', 'c'],
      startedAt: start,
      durationMs: 20_000,
    });
    clock.advance(20_000);
    expect(running.play('merch')).toMatchObject({ itemId: 'c', startedAt: start + 20_000 });
    expect(changes).toEqual(['merch']);
    clock.advance(15_000);
    expect(running.play('merch')?.itemId).toBe('boris');
  });

  it('stamp each change ahead once, so screens on one playlist switch together', () => {
    const { clock, running } = loops();
    running.want(['merch']);
    const first = running.play('merch')!;
    clock.advance(20_000);
    const second = running.play('merch')!;
    expect(second.showAt).toBeGreaterThan(clock.now());
    // The same stamp for every screen that asks, until the next change.
    clock.advance(10);
    expect(running.play('merch')!.showAt).toBe(second.showAt);
    expect(second.sequence).toBe(first.sequence + 1);
  });

  it('skip sensitive items in safe mode, on a loop started before or after it came on', () => {
    let safe = false;
    const { clock, running } = loops({ safeMode: () => safe });
    running.want(['merch']);
    expect(running.play('merch')?.itemId).toBe('boris');
    safe = true;
    running.safeModeMaybeChanged();
    expect(running.play('merch')).toMatchObject({ itemId: 'calm', order: ['calm', 'c'] });
    running.want(['merch', 'lobby']);
    for (let i = 0; i < 6; i++) {
      clock.advance(5_000);
      expect(running.play('merch')?.itemId).not.toBe('boris');
    }
    running.want([]);
    running.want(['merch']);
    expect(running.play('merch')?.order).not.toContain('boris');
  });

  it('follow new content: an item taken out of the playlist leaves the loop', () => {
    const { running } = loops();
    running.want(['merch']);
    running.setContent(
      snapshot([action('c'), caseItem('a'), playlist('main', ['a']), playlist('merch', ['c'])]),
    );
    expect(running.play('merch')).toMatchObject({ itemId: 'c', order: ['c'] });
  });
});

describe('a playlist with times of its own', () => {
  it('is played from the moment it starts, though a screen asked for it before', () => {
    // merch runs from 19:00 (UTC: the fixtures' pack has no time zone); it is 18:00.
    const clock = new FakeClock(start);
    const running = new PlaylistLoops({
      content: snapshot(
        [
          caseItem('a'),
          drawing('b'),
          action('c'),
          playlist('main', ['a', 'b']),
          playlist('merch', ['c'], { from: '2026-12-12T19:00' }),
        ],
        {},
      ),
      clock,
      machineClock: clock,
      random: () => 0.5,
      safeMode: () => false,
      changed: () => {},
    });
    running.want(['merch']);
    // Not yet: the screen shows the main show meanwhile (see showForOutput).
    expect(running.play('merch')?.playlistId).not.toBe('merch');
    clock.advance(60 * 60_000 + 1_000);
    expect(running.play('merch')).toMatchObject({ playlistId: 'merch', itemId: 'c' });
    running.stop();
  });
});

describe('a playlist with an end and a start each day', () => {
  it('gives its screens back to the main show when it ends, and takes them again when it starts', () => {
    const clock = new FakeClock(start);
    const running = new PlaylistLoops({
      content: snapshot(
        [
          caseItem('a'),
          action('c'),
          playlist('main', ['a']),
          playlist('merch', ['c'], { from: '2026-12-12T17:00', until: '2026-12-12T18:30' }),
          playlist('late', ['c'], { from: '2026-12-12T20:00' }),
        ],
        {},
      ),
      clock,
      machineClock: clock,
      random: () => 0.5,
      safeMode: () => false,
      changed: () => {},
    });
    running.want(['merch', 'late']);
    expect(running.play('merch')?.playlistId).toBe('merch');
    expect(running.play('late')?.playlistId).not.toBe('late');
    clock.advance(31 * 60_000);
    expect(running.play('merch')?.playlistId).not.toBe('merch');
    clock.advance(90 * 60_000);
    expect(running.play('late')?.playlistId).toBe('late');
    running.stop();
    expect(clock.pending()).toBe(0);
  });
});
