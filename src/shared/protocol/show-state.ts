import { z } from 'zod';

/** What is on air. The core owns it; every view only renders it. */
export const showStateSchema = z.strictObject({
  playlistId: z.string().nullable(),
  /**
   * Counts every change of the item on air since the core started. Views derive per-slide
   * choices from it (which language a cycling display shows), so every screen agrees.
   */
  sequence: z.number().int().nonnegative(),
  /** Item ids in the order they play in this pass (shuffled or not, out-of-date ones dropped). */
  order: z.array(z.string()),
  /** Index into `order` of the item on air. */
  position: z.number().int().nonnegative(),
  /** The item on air, or null when nothing can play. */
  itemId: z.string().nullable(),
  /** Server clock (epoch ms) when the current item went on air. */
  startedAt: z.number(),
  /** How long the current item stays on air. */
  durationMs: z.number().nonnegative(),
  paused: z.boolean(),
  /** While paused: how much of the current item's time was left. */
  remainingMs: z.number().nonnegative().nullable(),
  blackout: z.boolean(),
  safeMode: z.boolean(),
  /** Server clock when this state was sent, so views can correct for their own clock. */
  serverTime: z.number(),
});
export type ShowState = z.infer<typeof showStateSchema>;
