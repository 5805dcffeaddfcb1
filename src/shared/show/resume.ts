import type { ContentSnapshot, SongItem } from '../content';
import type { LyricsCursor, ShowPosition, ShowState } from '../protocol';
import type { LineTimes } from './lyrics-timing';
import type { PlannedItem } from './playlist-order';
import { findSetlist, refreshSetlist, type SetlistState } from './setlist';

export type { ShowPosition } from '../protocol';

export function positionOf(state: ShowState): ShowPosition {
  const { playlistId, itemId, position, paused, remainingMs, blackout, safeMode } = state;
  const { lyrics, setlist, outputLanguages, overlays } = state;
  return {
    playlistId,
    itemId,
    position,
    paused,
    remainingMs,
    blackout,
    safeMode,
    lyrics,
    setlist: setlist && { setlistId: setlist.setlistId, songIndex: setlist.songIndex },
    outputLanguages,
    overlays,
  };
}

/**
 * Where to pick up a saved show in a freshly built order: the saved item (its showing nearest
 * the saved slot, if it is listed twice); if it is gone, whatever now holds its slot, which is
 * the item that followed it; past the end, the top.
 */
export function resumeIndex(order: readonly PlannedItem[], saved: ShowPosition): number {
  if (saved.itemId !== null) {
    const found = nearestIndex(order, saved.itemId, saved.position);
    if (found >= 0) return found;
  }
  return saved.position < order.length ? saved.position : 0;
}

export function nearestIndex(order: readonly PlannedItem[], itemId: string, near: number): number {
  let best = -1;
  order.forEach((p, index) => {
    if (p.itemId === itemId && (best < 0 || Math.abs(index - near) < Math.abs(best - near))) {
      best = index;
    }
  });
  return best;
}

/** The song to put back on its line after a restart. */
export interface ResumedSong {
  item: SongItem;
  times: LineTimes | null;
  line: number;
  timing: { running: false; anchorAt: number; pausedAtMs: number } | null;
}

/** The live parts of a show as they were before a restart, checked against today's content. */
export interface ResumedLive {
  setlist: SetlistState | null;
  song: ResumedSong | null;
}

/**
 * After a restart: the setlist as it was, and the song being sung
 * back on its line. Timed lyrics come back paused at that line: the core cannot know how far
 * the band got while it was down, so the operator gives the cue again. A song that may not be
 * sung now (`songRefusal`: gone, no lyrics, sensitive in safe mode) stays off.
 */
export function resumedLive(
  content: ContentSnapshot,
  resume: ShowPosition,
  songRefusal: (song: SongItem) => unknown,
  timesOf: (song: SongItem) => LineTimes | null,
): ResumedLive {
  let setlist: SetlistState | null =
    resume.setlist && findSetlist(content, resume.setlist.setlistId).ok
      ? { setlistId: resume.setlist.setlistId, songIndex: null }
      : null;
  const saved: LyricsCursor | null = resume.lyrics ?? null;
  const item = saved && content.items.find((i) => i.id === saved.songId);
  if (!saved || item?.kind !== 'song' || songRefusal(item) !== null) {
    return { setlist, song: null };
  }
  const times = timesOf(item);
  const at = times?.[saved.line] ?? null;
  const timing =
    saved.timed && at !== null
      ? { running: false as const, anchorAt: saved.timed.anchorAt, pausedAtMs: at }
      : null;
  setlist = refreshSetlist(
    content,
    setlist && { ...setlist, songIndex: resume.setlist?.songIndex ?? null },
    item.id,
  );
  return { setlist, song: { item, times, line: saved.line, timing } };
}
