import type { ContentSnapshot, SongItem } from '../../shared/content';
import { coreText, fail, ok, type Result } from '../../shared/protocol';
import type { ShowLoop } from '../../shared/show/loop';
import { lineTimes, type LineTimes } from '../../shared/show/lyrics-timing';
import { startingPlaylist } from '../../shared/show/playlist-order';
import { findSetlist } from '../../shared/show/setlist';
import type { Clock } from '../../shared/time';
import type { LiveLyrics } from './live-lyrics';
import { interludeRefusal, notASong, songRefusal } from './refusals';
import type { SetlistProgress } from './setlist-progress';

interface SongOnAirOptions {
  loop: ShowLoop;
  lyrics: LiveLyrics;
  setlist: SetlistProgress;
  clock: Clock;
  /** The engine's content as it is now (it changes with every reload). */
  content: () => ContentSnapshot;
  safeMode: () => boolean;
}

/**
 * The song being sung, seen from the engine: putting one on air over the loop (held
 * underneath it), taking it off, and the setlist commands that start songs.
 */
export class SongOnAir {
  /** LRC times per song, computed once per content revision (parsing is not free). */
  private readonly times = new Map<string, LineTimes | null>();
  private readonly loop: ShowLoop;
  private readonly lyrics: LiveLyrics;
  private readonly setlist: SetlistProgress;
  private readonly clock: Clock;
  private readonly content: () => ContentSnapshot;
  private readonly safeMode: () => boolean;

  constructor(options: SongOnAirOptions) {
    this.loop = options.loop;
    this.lyrics = options.lyrics;
    this.setlist = options.setlist;
    this.clock = options.clock;
    this.content = options.content;
    this.safeMode = options.safeMode;
  }

  /** New content: the songs' times are computed again when next asked for. */
  contentChanged(): void {
    this.times.clear();
  }

  start(songId: string): Result {
    const content = this.content();
    const item = content.items.find((i) => i.id === songId);
    if (item?.kind !== 'song') return fail(notASong(songId, item));
    const refused = songRefusal(item, this.safeMode());
    if (refused) return fail(refused);
    this.loop.holdForSong(this.loop.indexFrom(songId, 0));
    this.lyrics.start(item, this.timesOf(item));
    this.setlist.songStarted(content, songId);
    return ok;
  }

  /** Takes the song off air; returns whether the held loop item had been shown. */
  end(): boolean {
    const shown = this.loop.release();
    this.lyrics.end();
    this.setlist.songEnded();
    return shown;
  }

  current(): SongItem | null {
    const id = this.lyrics.songId();
    const item = id === null ? undefined : this.content().items.find((i) => i.id === id);
    return item?.kind === 'song' ? item : null;
  }

  timesOf(song: SongItem): LineTimes | null {
    if (!this.times.has(song.id)) this.times.set(song.id, lineTimes(song));
    return this.times.get(song.id) ?? null;
  }

  /** "Next song" from a controller: the song the published setlist state names, as the console's button starts it. */
  startNext(): Result {
    const content = this.content();
    const published = this.setlist.published(content);
    if (!published) return fail(coreText('control.noSetlist'));
    const found = findSetlist(content, published.setlistId);
    const index = published.nextSongIndex;
    const songId = found.ok && index !== null ? found.setlist.songs[index] : undefined;
    if (songId === undefined) return fail(coreText('control.noNextSong'));
    return this.start(songId);
  }

  /**
   * Setlist mode: the interlude (or the pack's default playlist) plays between songs, and
   * starting one of the setlist's songs marks where the concert is. `setPlaylist` is the
   * engine's, with its refusals.
   */
  startSetlist(setlistId: string, setPlaylist: (playlistId: string) => Result): Result {
    const content = this.content();
    const found = findSetlist(content, setlistId);
    if (!found.ok) return fail(found.error);
    // No interlude: the playlist a fresh start would pick (the pack's default if it runs today).
    const interlude = found.setlist.interlude ?? startingPlaylist(content, this.clock.now());
    if (interlude !== null && interlude !== this.loop.playlistId) {
      const switched = setPlaylist(interlude);
      if (!switched.ok) return fail(interludeRefusal(setlistId, switched.error));
    } else if (this.loop.hold) {
      this.loop.afterSong(this.end());
    }
    this.setlist.start(setlistId);
    return ok;
  }
}
