import type { ContentSnapshot, LoadedItem, SetlistItem } from '../../shared/content';
import type { ShowState } from '../../shared/protocol';

export type LoadedSetlist = Extract<LoadedItem, SetlistItem>;
/** What the engine keeps; `nextSongIndex` is worked out when the state is published. */
export type SetlistState = Omit<NonNullable<ShowState['setlist']>, 'nextSongIndex'>;

export function findSetlist(
  content: ContentSnapshot,
  id: string,
): { ok: true; setlist: LoadedSetlist } | { ok: false; error: string } {
  const item = content.items.find((i) => i.id === id);
  if (!item) return { ok: false, error: `no setlist with id "${id}"` };
  if (item.kind !== 'setlist') {
    return { ok: false, error: `"${id}" is ${article(item.kind)} ${item.kind}, not a setlist` };
  }
  return { ok: true, setlist: item };
}

/**
 * Which of the setlist's songs `songId` is. A song listed twice (a reprise) is the first
 * showing after the last song started, so "start next song" walks down the list.
 */
export function songIndexIn(
  setlist: Pick<SetlistItem, 'songs'>,
  songId: string,
  after: number | null,
): number | null {
  const from = after === null ? 0 : after + 1;
  const later = setlist.songs.indexOf(songId, from);
  if (later >= 0) return later;
  const any = setlist.songs.indexOf(songId);
  return any >= 0 ? any : null;
}

/**
 * The setlist state after new content: gone when the setlist is, and the song index kept
 * only while it still names the song on air.
 */
export function refreshSetlist(
  content: ContentSnapshot,
  state: SetlistState | null,
  songOnAir: string | null,
): SetlistState | null {
  if (!state) return null;
  const found = findSetlist(content, state.setlistId);
  if (!found.ok) return null;
  const { songs } = found.setlist;
  if (songOnAir === null) return { setlistId: state.setlistId, songIndex: null };
  const songIndex =
    state.songIndex !== null && songs[state.songIndex] === songOnAir
      ? state.songIndex
      : songIndexIn(found.setlist, songOnAir, null);
  return { setlistId: state.setlistId, songIndex };
}

/**
 * Which song of the setlist "next song" starts: the first with lyrics after the song on now,
 * or between songs after `lastStarted` (from the top when none was). A song with no lyrics has
 * nothing to follow, so the interlude loop simply runs on through it.
 */
export function nextSongIndexIn(
  content: ContentSnapshot,
  state: SetlistState,
  lastStarted: number | null,
): number | null {
  const found = findSetlist(content, state.setlistId);
  if (!found.ok) return null;
  const { songs } = found.setlist;
  for (let next = (state.songIndex ?? lastStarted ?? -1) + 1; next < songs.length; next++) {
    const song = content.items.find((item) => item.id === songs[next]);
    if (song?.kind === 'song' && song.sections.length > 0) return next;
  }
  return null;
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a';
}
