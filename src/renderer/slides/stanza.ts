import { useEffect, useState } from 'react';
import type { SlideTiming } from './context';

/** Fewer stanzas rather than unreadable ones: each stays up at least this long. */
export const MIN_STANZA_MS = 10_000;

/**
 * Which stanza of `count` is up, `localNowMs` into the slide. The slide's time on air is
 * split evenly between the stanzas, from the core's own start time and duration, so every
 * screen turns the page together; until the core drives a lyrics cursor, this is the cursor.
 */
export function stanzaAt(timing: SlideTiming | undefined, localNowMs: number, count: number) {
  if (!timing || count <= 1 || timing.durationMs <= 0) return 0;
  const elapsed = timing.paused
    ? timing.durationMs - (timing.remainingMs ?? 0)
    : localNowMs + timing.clockOffsetMs - timing.startedAt;
  const each = Math.max(timing.durationMs / count, MIN_STANZA_MS);
  return Math.min(count - 1, Math.max(0, Math.floor(elapsed / each)));
}

/** The ms until the stanza changes, or null when it no longer will. */
export function nextStanzaInMs(
  timing: SlideTiming | undefined,
  localNowMs: number,
  count: number,
): number | null {
  if (!timing || timing.paused || count <= 1 || timing.durationMs <= 0) return null;
  const current = stanzaAt(timing, localNowMs, count);
  if (current >= count - 1) return null;
  const each = Math.max(timing.durationMs / count, MIN_STANZA_MS);
  const boundary = timing.startedAt + (current + 1) * each - timing.clockOffsetMs;
  return Math.max(0, boundary - localNowMs);
}

export function useStanza(timing: SlideTiming | undefined, count: number): number {
  const [now, setNow] = useState(() => Date.now());
  const wait = nextStanzaInMs(timing, now, count);
  useEffect(() => {
    if (wait === null) return;
    const timer = setTimeout(() => setNow(Date.now()), wait + 20);
    return () => clearTimeout(timer);
  }, [wait, now]);
  return stanzaAt(timing, now, count);
}
