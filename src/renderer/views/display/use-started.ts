import { useEffect, useRef, useState } from 'react';
import { loadAllFonts } from './fonts';
import type { Preloader } from './preload';

/**
 * False until `delayMs` after the display first has something to show. Until then the first
 * slide has the machine to itself: preparing the next one (its images fetched and scaled,
 * its text fitted) would only delay the first paint, and it has seconds to happen later.
 */
export function useStarted(ready: boolean, delayMs = STARTUP_GRACE_MS): boolean {
  const [started, setStarted] = useState(false);
  useEffect(() => {
    if (!ready || started) return;
    const timer = setTimeout(() => setStarted(true), delayMs);
    return () => clearTimeout(timer);
  }, [ready, started, delayMs]);
  return started;
}

export const STARTUP_GRACE_MS = 1_000;

/**
 * What waits for the start (`useStarted`): the other fonts, the caller's own work (the
 * player's offline copy, `onStarted`, called once the start comes), and the next slide's
 * images, fetched and decoded so it can go up on time.
 */
export function useAfterStart(
  started: boolean,
  nextImages: readonly string[],
  preloader: Preloader,
  onStarted?: () => void,
): void {
  const onStartedRef = useRef(onStarted);
  useEffect(() => {
    onStartedRef.current = onStarted;
  });
  useEffect(() => {
    if (!started) return;
    loadAllFonts();
    onStartedRef.current?.();
  }, [started]);
  const nextKey = started ? nextImages.join('\n') : '';
  useEffect(() => {
    if (nextKey) preloader.warm(nextKey.split('\n'));
  }, [nextKey, preloader]);
}
