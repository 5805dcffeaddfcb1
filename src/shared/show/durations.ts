import type { ShowKind } from '../content';

/**
 * Seconds a slide stays up when neither the entry nor the playlist says. A song gets longer
 * than a drawing because people read lyrics; a drawing is taken in at a glance.
 */
export const defaultSeconds: Readonly<Record<ShowKind, number>> = {
  case: 20,
  song: 30,
  drawing: 12,
  action: 15,
  event: 15,
  statement: 20,
  // Used only when the loader could not read the video's length (the item has an error then).
  video: 30,
};

/** Entry duration wins over the playlist's, which wins over the kind's default. Milliseconds. */
export function durationMs(
  kind: ShowKind,
  entrySeconds?: number,
  playlistSeconds?: number,
): number {
  return Math.round((entrySeconds ?? playlistSeconds ?? defaultSeconds[kind]) * 1000);
}
