import { describe, expect, it } from 'vitest';
import {
  PlayerShow,
  playerKeyAction,
  playerTapAction,
} from '../../../../../src/renderer/app/player/player-state';
import { shouldRegister } from '../../../../../src/renderer/app/player/register-sw';
import { readPlayerData } from '../../../../../src/renderer/app/player/player-data';
import { playOrder, startingPlaylist } from '../../../../../src/shared/show';
import type { Clock } from '../../../../../src/shared/time';
import { NOW, snapshot as fixtureSnapshot } from '../../fixtures';

/** A clock the test moves by hand. */
function manualClock(start: number) {
  let now = start;
  const timers = new Map<number, { at: number; run: () => void }>();
  let id = 0;
  const clock: Clock = {
    now: () => now,
    setTimeout: (run, ms) => {
      timers.set(++id, { at: now + ms, run });
      return id;
    },
    clearTimeout: (handle) => void timers.delete(handle as number),
  };
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const due = [...timers.entries()]
        .filter(([, t]) => t.at <= end)
        .sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      timers.delete(due[0]);
      now = due[1].at;
      due[1].run();
    }
    now = end;
  };
  return { clock, advance };
}

describe('PlayerShow', () => {
  it('plays the core’s order with its durations, and keys move it', () => {
    const snapshot = fixtureSnapshot();
    const start = NOW;
    const order = playOrder(snapshot, startingPlaylist(snapshot, start), start);
    expect(order.length).toBeGreaterThanOrEqual(2);
    const { clock, advance } = manualClock(start);
    let changes = 0;
    const show = new PlayerShow(
      snapshot,
      clock,
      () => changes++,
      () => 0,
    );
    expect(show.state().itemId).toBe(order[0]!.itemId);
    expect(show.state().durationMs).toBe(order[0]!.durationMs);
    advance(order[0]!.durationMs - 1);
    expect(show.state().itemId).toBe(order[0]!.itemId);
    advance(1);
    expect(show.state().itemId).toBe(order[1]!.itemId);
    expect(show.state().sequence).toBe(1);
    expect(changes).toBe(1);
    show.previous();
    expect(show.state().itemId).toBe(order[0]!.itemId);
    show.next();
    expect(show.state().itemId).toBe(order[1]!.itemId);
    show.stop();
  });
});

describe('player input', () => {
  it('keys: right, space, PageDown move on; left, PageUp go back; held keys do nothing', () => {
    const key = (k: string, repeat = false) =>
      playerKeyAction({ key: k, repeat, ctrlKey: false, metaKey: false, altKey: false });
    expect(['ArrowRight', ' ', 'PageDown'].map((k) => key(k))).toEqual(['next', 'next', 'next']);
    expect(['ArrowLeft', 'PageUp'].map((k) => key(k))).toEqual(['previous', 'previous']);
    expect(key('ArrowRight', true)).toBeNull();
    expect(key('b')).toBeNull();
  });

  it('a tap on the right half moves on, on the left half goes back', () => {
    expect(playerTapAction(900, 1000)).toBe('next');
    expect(playerTapAction(100, 1000)).toBe('previous');
  });

  it('registers the service worker over http(s) only', () => {
    expect(shouldRegister('https:')).toBe(true);
    expect(shouldRegister('http:')).toBe(true);
    expect(shouldRegister('file:')).toBe(false);
  });

  it('a pack-data.js of another kind is named, not rendered', () => {
    expect(readPlayerData(undefined)).toHaveProperty('error');
    expect(
      readPlayerData({ format: 'solidarity-player', version: 2, snapshot: {} }),
    ).toHaveProperty('error');
  });
});
