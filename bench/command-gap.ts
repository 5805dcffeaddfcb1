import { COMMAND_RATE } from '../src/main/server/rate-limit';

/**
 * The least time between two commands a benchmark sends on one socket: the server takes
 * COMMAND_RATE a second from a client (after a short burst) and tells a faster one to slow
 * down. A few milliseconds over, so timer jitter never trips it.
 */
export const MIN_COMMAND_GAP_MS = Math.ceil(1000 / COMMAND_RATE) + 5;
