export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

/** From half a second, doubling, to ten seconds: for OBS and for a view finding the core. */
export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, maxMs: 10_000 };

/**
 * Capped exponential backoff with "equal jitter": half the delay is fixed, so nothing that
 * restarted (OBS, the core) is hammered and none retries instantly; half is random, so many
 * screens or apps coming back together do not retry in lockstep.
 */
export function backoffDelay(
  attempt: number,
  options: BackoffOptions = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  const capped = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt));
  return Math.round(capped / 2 + (random() * capped) / 2);
}
