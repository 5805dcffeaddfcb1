import { describe, expect, it } from 'vitest';
import {
  MAX_QUICK_EXITS,
  QUICK_EXIT_MS,
  RELAUNCH_DELAY_MS,
  STOP_WAIT_MS,
  keepKioskOpen,
} from '../../../../src/main/launch/kiosk-keeper';

/** A fake browser per spawn, a hand-driven clock and timers, and what the keeper said. */
function harness() {
  let time = 0;
  const timers: { at: number; fn: () => void }[] = [];
  const browsers: { exit: (code: number | null) => void; killed: boolean }[] = [];
  const out: string[] = [];
  const err: string[] = [];
  const keeper = keepKioskOpen({
    spawn: () => {
      let onExit: (code: number | null) => void = () => {};
      const browser = {
        killed: false,
        exit: (code: number | null) => onExit(code),
      };
      browsers.push(browser);
      return {
        on: (_event, cb) => {
          onExit = cb;
        },
        kill: () => {
          browser.killed = true;
        },
      };
    },
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    logFile: '/data/kiosk-browser.log',
    now: () => time,
    setTimer: (fn, ms) => {
      const timer = { at: time + ms, fn };
      timers.push(timer);
      return timer;
    },
    clearTimer: (timer) => {
      const i = timers.indexOf(timer as (typeof timers)[number]);
      if (i >= 0) timers.splice(i, 1);
    },
  });
  const advance = (ms: number) => {
    time += ms;
    for (const timer of timers.filter((t) => t.at <= time)) {
      timers.splice(timers.indexOf(timer), 1);
      timer.fn();
    }
  };
  return { keeper, browsers, out, err, advance, timers };
}

describe('keepKioskOpen', () => {
  it('reopens a kiosk window closed mid-show (Alt+F4), every time', () => {
    const h = harness();
    expect(h.browsers).toHaveLength(1);
    for (let i = 1; i <= 10; i++) {
      h.advance(60_000); // the show ran a minute
      h.browsers.at(-1)!.exit(0);
      expect(h.browsers).toHaveLength(i);
      h.advance(RELAUNCH_DELAY_MS);
      expect(h.browsers).toHaveLength(i + 1);
    }
    expect(h.out.at(-1)).toMatch(/kiosk window was closed; it reopens/);
    expect(h.err).toEqual([]);
  });

  it('gives up, and says so, on a browser that exits as soon as it opens', () => {
    const h = harness();
    for (let i = 0; i < MAX_QUICK_EXITS; i++) {
      h.advance(QUICK_EXIT_MS / 10);
      h.browsers.at(-1)!.exit(1);
      h.advance(RELAUNCH_DELAY_MS);
    }
    expect(h.browsers).toHaveLength(MAX_QUICK_EXITS);
    expect(h.err).toEqual([expect.stringMatching(/closed 5 times right after opening.*code 1/)]);
    // Named by the keeper that knows where the browser's own output goes.
    expect(h.err[0]).toMatch(/log says why: \/data\/kiosk-browser\.log$/);
    h.advance(60_000);
    expect(h.browsers).toHaveLength(MAX_QUICK_EXITS);
  });

  it('stops reopening, and closes the window, when the show stops', () => {
    const h = harness();
    h.advance(60_000);
    h.browsers[0]!.exit(0);
    h.keeper.stop();
    h.advance(RELAUNCH_DELAY_MS * 10);
    expect(h.browsers).toHaveLength(1);

    const running = harness();
    running.keeper.stop();
    expect(running.browsers[0]!.killed).toBe(true);
    running.browsers[0]!.exit(null);
    running.advance(RELAUNCH_DELAY_MS * 10);
    expect(running.browsers).toHaveLength(1);
  });

  it('says it has stopped once the killed browser has exited, or after a bounded wait', async () => {
    // Promise callbacks run; the hand-driven timers do not.
    const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
    const h = harness();
    let stopped = false;
    void h.keeper.stop().then(() => (stopped = true));
    await settle();
    expect(h.browsers[0]!.killed).toBe(true);
    expect(stopped).toBe(false);
    h.browsers[0]!.exit(null);
    await settle();
    expect(stopped).toBe(true);
    expect(h.timers).toEqual([]);

    // A browser that ignores the kill: the show still stops, after STOP_WAIT_MS.
    const stuck = harness();
    let given = false;
    void stuck.keeper.stop().then(() => (given = true));
    stuck.advance(STOP_WAIT_MS - 1);
    await settle();
    expect(given).toBe(false);
    stuck.advance(1);
    await settle();
    expect(given).toBe(true);

    // Nothing on screen (closed, waiting to reopen): nothing to wait for.
    const closed = harness();
    closed.browsers[0]!.exit(0);
    await expect(closed.keeper.stop()).resolves.toBeUndefined();
    expect(closed.timers).toEqual([]);
  });
});
