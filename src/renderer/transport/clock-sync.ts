import { ClockOffsetEstimator } from '../../shared/time';

/** Pings at connect: enough for the fast half's median to drop a lopsided trip or two. */
export const CONNECT_PINGS = 8;
/** Apart, so one burst of Wi-Fi trouble does not hit them all. */
export const CONNECT_PING_GAP_MS = 50;
/**
 * Then a few more, a second apart, once the page has settled. The connect pings go out while
 * the page builds its first slide, and each answer waits for the busy page before it is
 * stamped: lopsided trips, an offset off by half the wait (screens 20 ms apart, so a change
 * due near a frame's edge went up a frame apart; bench/results.md). These trips are faster,
 * so they outrank those in the estimate, and they soon replace them.
 */
export const SETTLE_PINGS = 8;
export const SETTLE_PING_GAP_MS = 1_000;
/** Then one now and then, so drift and a clock that was set are followed. */
export const PING_EVERY_MS = 30_000;

/** How long after the `sent`-th ping the next one goes. */
export function pingGapMs(sent: number): number {
  if (sent < CONNECT_PINGS) return CONNECT_PING_GAP_MS;
  if (sent < CONNECT_PINGS + SETTLE_PINGS) return SETTLE_PING_GAP_MS;
  return PING_EVERY_MS;
}

/** This page's clock: monotonic and sub-millisecond, unlike `Date.now()`. */
export const pageClock = (): number => performance.timeOrigin + performance.now();

export interface ClockSyncOptions {
  /** Sends one ping frame; false when the socket is not open. */
  send: (data: string) => boolean;
  /** The new estimate (core minus page clock), or null when it was reset. */
  onOffset: (offsetMs: number | null) => void;
  now?: () => number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export interface ClockSync {
  /** The core welcomed us: measure now, then now and then. */
  start(): void;
  stop(): void;
  /** The core's `pong`. */
  pong(stamps: { t0: number; t1: number; t2: number }): void;
}

/** Measures this page's clock offset to the core's over the socket (see clock-offset.ts). */
export function createClockSync(options: ClockSyncOptions): ClockSync {
  const now = options.now ?? pageClock;
  const setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
  const clearTimer =
    options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  const estimator = new ClockOffsetEstimator();
  let timer: unknown = null;
  let sent = 0;
  /** Pings in flight, by t0: a pong for any other t0 is not ours to believe. */
  const outstanding = new Set<number>();

  const ping = () => {
    timer = null;
    const t0 = now();
    if (options.send(JSON.stringify({ type: 'ping', t0 }))) {
      outstanding.add(t0);
      // Forget what was never answered, so the set stays small on a lossy link.
      if (outstanding.size > CONNECT_PINGS) outstanding.delete(Math.min(...outstanding));
    }
    sent += 1;
    timer = setTimer(ping, pingGapMs(sent));
  };

  return {
    start() {
      this.stop();
      ping();
    },
    stop() {
      if (timer !== null) clearTimer(timer);
      timer = null;
      sent = 0;
      outstanding.clear();
    },
    pong({ t0, t1, t2 }) {
      if (!outstanding.delete(t0)) return;
      const estimate = estimator.add({ t0, t1, t2, t3: now() });
      if (estimate !== null) options.onOffset(estimate);
    },
  };
}
