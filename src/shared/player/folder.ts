import type { ContentSnapshot } from '../content';
import { encodePathParts } from '../media/media-href';
import { picturesOf } from '../media/pictures';
import { playlists, ShowLoop } from '../show';

// The exported player's folder, as the export writes it (main/exports/player) and the player
// reads it (renderer/app/player): one place for what both sides must agree on.

/** The global `pack-data.js` sets: a classic script, because file:// pages may not fetch. */
export const PLAYER_DATA_GLOBAL = 'SOLIDARITY_PLAYER_DATA';

/** The pack's files sit under this folder, by their path in the pack. Relative: see below. */
export const PLAYER_MEDIA_BASE = 'media/';

/**
 * A pack file's address in the player: relative, so the folder plays from a USB stick over
 * file:// and from any folder of a static host; each part escaped (spaces, `#`, `?`).
 */
export function playerMediaHref(path: string): string {
  return `${PLAYER_MEDIA_BASE}${encodePathParts(path)}`;
}

/** A clock stopped at `now`: the first slide, worked out without running the show. */
const stoppedAt = (now: number) => ({
  now: () => now,
  setTimeout: () => undefined,
  clearTimeout: () => undefined,
});

/**
 * The pictures of the slide the player opens on, at `now`: the show the player runs (the same
 * `ShowLoop`, from the top, no safe mode), its first item's pictures. None for a shuffled
 * playlist, whose first slide is the page's own draw.
 */
export function firstSlidePictures(snapshot: ContentSnapshot, now: number): string[] {
  const loop = new ShowLoop(
    snapshot,
    { clock: stoppedAt(now), random: () => 0, safeMode: () => false, changed: () => undefined },
    null,
  );
  const playlist = playlists(snapshot).find((p) => p.id === loop.playlistId);
  if (playlist?.shuffle) return [];
  const itemId = loop.current()?.itemId;
  return picturesOf(snapshot.items.find((item) => item.id === itemId));
}
