import type { ContentSnapshot } from '../content';
import { coreText, type LocalizedText } from '../protocol';
import { durationMs } from './durations';
import {
  findShowItem,
  playlistIsRunning,
  playlists,
  playOrder,
  type PlannedItem,
} from './playlist-order';

export interface PassOptions {
  /** [0, 1); used for shuffled playlists. */
  random: () => number;
  /** The item that ended the previous pass, so a shuffled pass never starts with it. */
  after: string | null;
  safeMode: boolean;
}

/** One pass as the show plays it: in safe mode it leads with the safe slide, then whatever is not sensitive. */
export function showPass(
  content: ContentSnapshot,
  playlistId: string | null,
  now: number,
  options: PassOptions,
): PlannedItem[] {
  const order = playOrder(content, playlistId, now, {
    random: options.random,
    after: options.after,
    hideSensitive: options.safeMode,
  });
  const slide = options.safeMode ? safeSlide(content) : null;
  if (!slide) return order;
  const own = order.find((p) => p.itemId === slide.itemId);
  return [own ?? slide, ...order.filter((p) => p.itemId !== slide.itemId)];
}

export function safeSlide(content: ContentSnapshot): PlannedItem | null {
  const id = content.pack.safeSlide;
  const item = id === undefined ? undefined : findShowItem(content, id);
  return item ? { itemId: item.id, durationMs: durationMs(item.kind) } : null;
}

/**
 * A shuffled pass after the time changed what may play is not reshuffled: what survives keeps
 * its place and newcomers join at the end, so a slide already seen in this pass does not come
 * round again early, and a check that changes nothing changes nothing.
 */
export function keepPlaces(previous: readonly PlannedItem[], fresh: readonly PlannedItem[]) {
  const remaining = [...fresh];
  const kept: PlannedItem[] = [];
  for (const planned of previous) {
    const index = remaining.findIndex((p) => p.itemId === planned.itemId);
    if (index >= 0) kept.push(...remaining.splice(index, 1));
  }
  return [...kept, ...remaining];
}

/** Why the show cannot switch to `playlistId` now, or null. */
export function playlistRefusal(
  content: ContentSnapshot,
  playlistId: string,
  now: number,
): LocalizedText | null {
  const playlist = playlists(content).find((p) => p.id === playlistId);
  if (!playlist) {
    return content.items.some((i) => i.id === playlistId)
      ? coreText('show.notAPlaylist', { playlist: playlistId })
      : coreText('show.noPlaylist', { playlist: playlistId });
  }
  if (playlistIsRunning(playlist, now, content.pack.timeZone)) return null;
  const { from, until } = playlist;
  if (from && until) {
    return coreText('show.playlistNotTodayBetween', { playlist: playlistId, from, until });
  }
  return from
    ? coreText('show.playlistNotTodayFrom', { playlist: playlistId, from })
    : coreText('show.playlistNotTodayUntil', { playlist: playlistId, until: until ?? '' });
}
