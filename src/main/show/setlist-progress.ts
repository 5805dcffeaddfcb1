import type { ContentSnapshot } from '../../shared/content';
import type { ShowState } from '../../shared/protocol';
import {
  findSetlist,
  nextSongIndex,
  refreshSetlist,
  songIndexIn,
  type SetlistState,
} from '../../shared/show/setlist';

/**
 * Where the concert is: which setlist, which of its songs is on, and the last one that was
 * on, so a song listed twice is found at its next showing and "next song" walks down the
 * list between songs. The engine owns this, and publishes "next song" with the state, so no
 * console keeps a copy of its own.
 */
export class SetlistProgress {
  private current: SetlistState | null = null;
  /** The last setlist song started. */
  private last: number | null = null;

  /** The state the views receive, with the song "next song" would start. */
  published(content: ContentSnapshot): ShowState['setlist'] {
    if (!this.current) return null;
    const found = findSetlist(content, this.current.setlistId);
    const next = found.ok
      ? nextSongIndex(content, found.setlist, this.current.songIndex ?? this.last)
      : null;
    return { ...this.current, nextSongIndex: next };
  }

  start(setlistId: string): void {
    this.current = { setlistId, songIndex: null };
    this.last = null;
  }

  stop(): void {
    this.current = null;
    this.last = null;
  }

  songStarted(content: ContentSnapshot, songId: string): void {
    if (!this.current) return;
    const found = findSetlist(content, this.current.setlistId);
    const songs = found.ok ? found.setlist : { songs: [] };
    const songIndex = songIndexIn(songs, songId, this.last);
    this.current = { ...this.current, songIndex };
    if (songIndex !== null) this.last = songIndex;
  }

  songEnded(): void {
    if (this.current) this.current = { ...this.current, songIndex: null };
  }

  /** New content: gone with its setlist, the song index kept while it names the song on air. */
  refresh(content: ContentSnapshot, songOnAir: string | null): void {
    this.current = refreshSetlist(content, this.current, songOnAir);
  }

  /** After a restart (see `resumedLive`): the song on air is the last one started. */
  restore(state: SetlistState | null): void {
    this.current = state;
    this.last = state?.songIndex ?? null;
  }
}
