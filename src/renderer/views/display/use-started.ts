import { useEffect, useState } from 'react';

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
