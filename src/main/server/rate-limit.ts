/*
 * The socket's rate limit, per client. Kept apart from the socket hub, which only carries
 * messages: this decides how many a client may send.
 */

/**
 * Command rate limit, per client: a token bucket of COMMAND_BURST (40) that refills at
 * COMMAND_RATE (20) a second. Every message costs one token, valid or not, so garbage cannot
 * flood past it either. A message over the limit is answered ok:false "too many commands; slow
 * down" and not run. A client refused more than FLOOD_REFUSALS (200) times within FLOOD_WINDOW_MS
 * (10 s) is flooding, not fumbling: it is closed with 1008 (policy violation). A person at a
 * keyboard or phone never gets near 20 a second; a held-down key repeats at about 30, and the
 * burst absorbs a short one.
 */
export const COMMAND_RATE = 20;
export const COMMAND_BURST = 40;
export const FLOOD_REFUSALS = 200;
export const FLOOD_WINDOW_MS = 10_000;
export const CLOSE_FLOODING = 1008;

/** One client's bucket: tokens left and when it was last refilled, and recent refusals. */
export interface RateBucket {
  tokens: number;
  refilledAt: number;
  /** Refusals counted since `refusedSince`, for the flood cut-off. */
  refused: number;
  refusedSince: number;
}

export function fullBucket(now: number): RateBucket {
  return { tokens: COMMAND_BURST, refilledAt: now, refused: 0, refusedSince: now };
}

/** Takes a token from the bucket; false when it is empty (see COMMAND_RATE). */
export function withinRate(bucket: RateBucket, now: number): boolean {
  const elapsed = Math.max(0, now - bucket.refilledAt);
  bucket.tokens = Math.min(COMMAND_BURST, bucket.tokens + (elapsed * COMMAND_RATE) / 1000);
  bucket.refilledAt = now;
  if (bucket.tokens >= 1) {
    bucket.tokens -= 1;
    return true;
  }
  if (now - bucket.refusedSince > FLOOD_WINDOW_MS) {
    bucket.refused = 0;
    bucket.refusedSince = now;
  }
  bucket.refused += 1;
  return false;
}

/** Refused this often this quickly, a client is flooding, not fumbling. */
export function isFlooding(bucket: RateBucket): boolean {
  return bucket.refused > FLOOD_REFUSALS;
}
