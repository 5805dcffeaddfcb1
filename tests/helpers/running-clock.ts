import type { Clock } from '../../src/shared/time';

/** A clock that moves only when the test moves it, running each timer at its own moment. */
export function runningClock() {
  let now = 0;
  let order = 0;
  let timers: { at: number; order: number; run: () => void }[] = [];
  const clock: Clock = {
    now: () => now,
    setTimeout: (run, ms) => {
      const timer = { at: now + ms, order: order++, run };
      timers.push(timer);
      return timer;
    },
    clearTimeout: (handle) => {
      timers = timers.filter((timer) => timer !== handle);
    },
  };
  return {
    clock,
    now: () => now,
    async advanceTo(end: number) {
      for (;;) {
        timers.sort((a, b) => a.at - b.at || a.order - b.order);
        const due = timers[0];
        if (!due || due.at > end) break;
        timers.shift();
        now = due.at;
        due.run();
        for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
      }
      now = end;
    },
    /** Runs the clock in small steps, letting awaited answers come in between. */
    async runUntil(end: number, stepMs = 10) {
      for (let at = now + stepMs; at <= end; at += stepMs) {
        for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
        await this.advanceTo(at);
      }
    },
  };
}
