import type { ContentSnapshot, LoadedItem, SetlistItem } from '../content';
import { coreText, type LocalizedText, type ShowState } from '../protocol';

export type LoadedSetlist = Extract<LoadedItem, SetlistItem>;
/** The engine's own setlist state; `nextSongIndex` is derived from it when the state is sent. */
export type SetlistState = Omit<NonNullable<ShowState['setlist']>, 'nextSongIndex'>;

export function findSetlist(
  content: ContentSnapshot,
  id: string,
): { ok: true; setlist: LoadedSetlist } | { ok: false; error: LocalizedText } {
  const item = content.items.find((i) => i.id === id);
  if (!item) return { ok: false, error: coreText('show.noSetlist', { id }) };
  if (item.kind !== 'setlist') {
    return { ok: false, error: coreText('show.notASetlist', { id, kind: item.kind }) };
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
 * Which song of the setlist "next song" starts: the first with lyrics after `after` (the song
 * on now, else the last that was on; from the top when none was). A song with no lyrics has
 * nothing to follow, so the interlude loop simply runs on through it. Null when none is left.
 */
export function nextSongIndex(
  content: ContentSnapshot,
  setlist: Pick<SetlistItem, 'songs'>,
  after: number | null,
): number | null {
  for (let next = (after ?? -1) + 1; next < setlist.songs.length; next++) {
    const song = content.items.find((i) => i.id === setlist.songs[next]);
    if (song?.kind === 'song' && song.sections.length > 0) return next;
  }
  return null;
}
