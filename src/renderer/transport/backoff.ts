/**
 * Capped exponential backoff with "equal jitter": never less than half the ceiling (so a
 * restarted core is not hammered) and spread over the other half (so a room full of
 * screens does not reconnect in lockstep).
 */
export function backoffDelay(
  attempt: number,
  random: () => number = Math.random,
  baseMs = 500,
  maxMs = 10_000,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
  return ceiling / 2 + (random() * ceiling) / 2;
}
