import { useEffect, useState } from 'react';

/**
 * The current time on the server's clock, refreshed every `intervalMs`. Day counts and
 * "today" only change at midnight, so a coarse tick is plenty.
 */
export function useNow(offsetMs: number, intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now + offsetMs;
}
