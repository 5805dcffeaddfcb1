import { z } from 'zod';

/**
 * How a video entry plays, worked out by the core from the playlist entry and the file's real
 * length: the range (ms into the file), sound, and whether the range repeats until the entry's
 * time is over. Views play exactly this, so every screen agrees where a film starts and stops.
 */
export const videoPlaybackSchema = z.strictObject({
  startMs: z.number().nonnegative(),
  /** Where playing stops (or loops back): the entry's `end`, else the end of the file. */
  endMs: z.number().nonnegative(),
  muted: z.boolean(),
  loop: z.boolean(),
});
export type VideoPlayback = z.infer<typeof videoPlaybackSchema>;
