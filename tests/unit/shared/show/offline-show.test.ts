import { describe, expect, it } from 'vitest';
import { ShowEngine } from '../../../../src/main/show/engine';
import { canPlayOffline, OfflineShow } from '../../../../src/shared/show/offline-show';
import { caseItem, drawing, playlist, snapshot, statement } from '../../main/show/content-fixtures';
import { FakeClock } from '../../main/show/fake-clock';

const start = Date.UTC(2026, 11, 12, 18, 0);

/** a: case 20 s, b: drawing 12 s, boris: sensitive case 20 s, calm: the safe slide. */
const content = snapshot(
  [
    caseItem('a', { sensitive: false }),
    drawing('b', { sensitive: false }),
    caseItem('boris', { sensitive: true }),
    statement('calm'),
    playlist('main', ['a', 'b', 'boris']),
  ],
  { safeSlide: 'calm' },
);

/** The core's show and a screen's offline copy, on the same clock. */
function cutOffAfter(ms: number) {
  const clock = new FakeClock(start);
  const core = new ShowEngine(content, { clock });
  clock.advance(ms);
  const last = core.state();
  let changes = 0;
  const offline = new OfflineShow(content, last, clock, () => (changes += 1));
  return { clock, core, last, offline, changes: () => changes };
}

describe('a screen without the core', () => {
  it('keeps the slide on screen for the rest of its time, then goes on by the same durations', () => {
    const { clock, core, last, offline, changes } = cutOffAfter(5_000);
    expect(offline.state()).toMatchObject({
      itemId: 'a',
      sequence: last.sequence,
      startedAt: start,
      durationMs: 20_000,
    });
    clock.advance(14_999);
    expect(offline.state().itemId).toBe('a');
    clock.advance(1);
    // The same change, at the same moment, with the same sequence as the core's: a screen that
    // rejoins now finds the core where it is, with nothing to fade again.
    expect(offline.state()).toMatchObject({ itemId: 'b', startedAt: start + 20_000 });
    expect(offline.state().itemId).toBe(core.state().itemId);
    expect(offline.state().sequence).toBe(core.state().sequence);
    expect(changes()).toBe(1);
    core.stop();
    offline.stop();
  });

  it('plays its playlist as the core does, and in safe mode never brings a sensitive item back', () => {
    for (const safe of [false, true]) {
      const clock = new FakeClock(start);
      const core = new ShowEngine(content, { clock });
      if (safe) core.execute({ name: 'safeMode', on: true });
      const offline = new OfflineShow(content, core.state(), clock, () => {});
      const seen = new Set<string>();
      for (let i = 0; i < 40; i++) {
        clock.advance(4_000);
        seen.add(offline.state().itemId ?? '');
        expect(offline.state().itemId).toBe(core.state().itemId);
      }
      expect([...seen].sort()).toEqual(safe ? ['a', 'b', 'calm'] : ['a', 'b', 'boris']);
      core.stop();
      offline.stop();
    }
  });

  it('holds what only the operator ends: a pause, a blackout, a song with live lyrics', () => {
    const clock = new FakeClock(start);
    const core = new ShowEngine(content, { clock });
    expect(canPlayOffline(core.state())).toBe(true);
    core.execute({ name: 'pause' });
    expect(canPlayOffline(core.state())).toBe(false);
    core.execute({ name: 'resume' });
    core.execute({ name: 'blackout', on: true });
    expect(canPlayOffline(core.state())).toBe(false);
    core.stop();
  });

  it('stops keeping time once the core is back', () => {
    const { clock, core, offline } = cutOffAfter(0);
    core.stop();
    offline.stop();
    expect(clock.pending()).toBe(0);
  });
});
