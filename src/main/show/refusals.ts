import type { LoadedItem, SongItem } from '../../shared/content';

/**
 * Why the show refuses a command, in words for whoever sent it. Kept apart from the engine so
 * its dispatch reads as what it does.
 */

/** Why `song` cannot be sung now. */
export function songRefusal(song: SongItem, safeMode: boolean): string | null {
  if (song.sections.length === 0) {
    return `"${song.id}" has no lyrics to follow; show it as a slide with goTo`;
  }
  if (safeMode && song.sensitive) return `"${song.id}" is marked sensitive and safe mode is on`;
  return null;
}

/** Why `songId`, which is not a song, cannot be sung. */
export function notASong(songId: string, item: LoadedItem | undefined): string {
  return item
    ? `"${songId}" is ${withArticle(item.kind)}, not a song`
    : `no song with id "${songId}"`;
}

/** Why `itemId`, which is not a slide, cannot be put up with `goTo`. */
export function notASlide(itemId: string, item: LoadedItem | undefined): string {
  if (!item) return `no item with id "${itemId}"`;
  return item.kind === 'setlist'
    ? `"${itemId}" is a setlist, not a slide; start it with setlistStart`
    : `"${itemId}" is a playlist, not a slide; switch to it with setPlaylist`;
}

/** Why a slide that exists is not in today's order. */
export function notInOrder(
  item: { id: string; sensitive?: boolean },
  playlistId: string | null,
  safeMode: boolean,
): string {
  if (safeMode && item.sensitive) return `"${item.id}" is marked sensitive and safe mode is on`;
  return playlistId === null
    ? `"${item.id}" cannot be shown right now`
    : `"${item.id}" is not in playlist "${playlistId}" today`;
}

export function nothingToPlay(playlistId: string | null): string {
  return playlistId === null
    ? 'there is nothing to play: the content has no slides'
    : `there is nothing to play: playlist "${playlistId}" has no slides to show right now`;
}

function withArticle(kind: string): string {
  return `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}`;
}
