import { describe, expect, it } from 'vitest';
import {
  CONNECT_PINGS,
  PING_EVERY_MS,
  createClockSync,
} from '../../../../src/renderer/transport/clock-sync';

/** A page whose clock is `offset` behind the core's, with hand-run timers. */
function page(offset: number) {
  let now = 1_000;
  const timers: { at: number; run: () => void }[] = [];
  const sent: number[] = [];
  const offsets: (number | null)[] = [];
  const sync = createClockSync({
    send: (data) => {
      sent.push(JSON.parse(data).t0 as number);
      return true;
    },
    onOffset: (estimate) => offsets.push(estimate),
    now: () => now,
    setTimer: (run, ms) => {
      const timer = { at: now + ms, run };
      timers.push(timer);
      return timer;
    },
    clearTimer: (timer) => timers.splice(timers.indexOf(timer as (typeof timers)[number]), 1),
  });
  /** Runs the clock to `until`, answering each ping with `up` and `down` ms on the wire. */
  const runTo = (until: number, trip: (t0: number) => { up: number; down: number }) => {
    for (;;) {
      timers.sort((a, b) => a.at - b.at);
      const next = timers[0];
      if (!next || next.at > until) break;
      timers.shift();
      now = next.at;
      const before = sent.length;
      next.run();
      for (const t0 of sent.slice(before)) {
        const { up, down } = trip(t0);
        const t1 = t0 + up + offset;
        now = t0 + up + down;
        sync.pong({ t0, t1, t2: t1 });
      }
    }
    now = until;
  };
  return { sync, sent, offsets, runTo };
}

describe('createClockSync', () => {
  it('pings again once the page has settled, so trips slowed by a busy start are outranked', () => {
    const screen = page(40);
    screen.sync.start();
    // The first half second: the page is building its first slide, and every answer waits
    // 30 ms for it: each connect sample is 15 ms off.
    const start = 1_000;
    const busyUntil = start + 500;
    const trip = (t0: number) => (t0 < busyUntil ? { up: 1, down: 31 } : { up: 2, down: 2 });
    screen.runTo(start + 500, trip);
    expect(screen.sent).toHaveLength(CONNECT_PINGS);
    expect(Math.abs((screen.offsets.at(-1) as number) - 40)).toBeGreaterThan(10);
    // Within ten seconds, not thirty, the estimate is the settled page's.
    screen.runTo(start + 10_000, trip);
    expect(screen.sent.length).toBeGreaterThan(CONNECT_PINGS + 4);
    expect(screen.offsets.at(-1)).toBe(40);
    // Then now and then.
    const count = screen.sent.length;
    screen.runTo(start + 10_000 + PING_EVERY_MS - 1_000, trip);
    expect(screen.sent.length).toBeLessThanOrEqual(count + 1);
  });
});
