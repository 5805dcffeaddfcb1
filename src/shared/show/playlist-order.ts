import {
  isShowItem,
  type ContentSnapshot,
  type LoadedItem,
  type PlaylistItem,
  type ShowItem,
} from '../content';
import { eventEndsAt, eventIsOver, inTimeWindow, windowEdges } from './dates';
import { durationMs } from './durations';

/** One slot in a pass: which item, for how long. */
export interface PlannedItem {
  itemId: string;
  durationMs: number;
}

export interface OrderOptions {
  /** Returns a number in [0, 1). Injected so tests can shuffle the same way every run. */
  random?: () => number;
  /** The item that ended the previous pass, so a shuffled pass never starts with it. */
  after?: string | null;
  /** Leave out items marked `sensitive` (safe mode). */
  hideSensitive?: boolean;
}

type LoadedShowItem = Extract<LoadedItem, ShowItem>;
type LoadedPlaylist = Extract<LoadedItem, PlaylistItem>;

export function playlists(snapshot: ContentSnapshot): LoadedPlaylist[] {
  return snapshot.items.filter((i): i is LoadedPlaylist => i.kind === 'playlist');
}

export function findShowItem(snapshot: ContentSnapshot, id: string): LoadedShowItem | undefined {
  const item = snapshot.items.find((i) => i.id === id);
  return item && isShowItem(item) ? item : undefined;
}

/**
 * Whether the playlist runs at `at`: its `from`/`until` (days or local times) read in the
 * pack's `timeZone`, this machine's when the pack names none.
 */
export function playlistIsRunning(playlist: PlaylistItem, at: number, timeZone?: string): boolean {
  return inTimeWindow(playlist, at, timeZone);
}

/**
 * The playlist the show starts on: the pack's default if it runs today, else the first that
 * runs today, else null (then every item plays, see `playOrder`).
 */
export function startingPlaylist(snapshot: ContentSnapshot, at: number): string | null {
  const running = playlists(snapshot).filter((p) =>
    playlistIsRunning(p, at, snapshot.pack.timeZone),
  );
  const preferred = running.find((p) => p.id === snapshot.pack.defaultPlaylist);
  return (preferred ?? running[0])?.id ?? null;
}

/** `playlistId` while it exists and runs at `at`; otherwise the playlist a fresh start picks. */
export function keptOrStartingPlaylist(
  snapshot: ContentSnapshot,
  playlistId: string | null,
  at: number,
): string | null {
  const playlist = playlists(snapshot).find((p) => p.id === playlistId);
  return playlist && playlistIsRunning(playlist, at, snapshot.pack.timeZone)
    ? playlist.id
    : startingPlaylist(snapshot, at);
}

/**
 * One pass of `playlistId` at `at`. With a null playlist, every show item plays in file order,
 * so a pack without playlists still shows something. Items that are missing, out of their
 * date window or (with `pastEvents: drop`) events that are over are skipped. With
 * `pastEvents: show` an event that is over keeps its place, and its slide says it is past.
 */
export function playOrder(
  snapshot: ContentSnapshot,
  playlistId: string | null,
  at: number,
  options: OrderOptions = {},
): PlannedItem[] {
  const visible = (item: LoadedShowItem): boolean => !(options.hideSensitive && item.sensitive);

  if (playlistId === null) {
    return snapshot.items
      .filter(isShowItem)
      .filter(visible)
      .map((item) => ({ itemId: item.id, durationMs: durationMs(item.kind) }));
  }

  const playlist = playlists(snapshot).find((p) => p.id === playlistId);
  const timeZone = snapshot.pack.timeZone;
  if (!playlist || !playlistIsRunning(playlist, at, timeZone)) return [];
  const planned: PlannedItem[] = [];
  for (const entry of playlist.items) {
    const spec = typeof entry === 'string' ? { item: entry } : entry;
    if (!inTimeWindow(spec, at, timeZone)) continue;
    const item = findShowItem(snapshot, spec.item);
    if (!item || !visible(item)) continue;
    if (item.kind === 'event' && playlist.pastEvents === 'drop' && eventIsOver(item, at)) continue;
    planned.push({
      itemId: item.id,
      durationMs: durationMs(
        item.kind,
        'duration' in spec ? spec.duration : undefined,
        playlist.duration,
      ),
    });
  }
  return playlist.shuffle
    ? shuffle(planned, options.random ?? Math.random, options.after ?? null)
    : planned;
}

/**
 * The next instant after `at` when `playOrder` for this playlist could give a different answer
 * without any content change: an event ending in a playlist that drops past events, or the
 * exact instant a window (the playlist's, an entry's, or another playlist's that could take
 * over) opens or closes, a midnight for a day or the minute for a time, in the pack's zone.
 * Null when the order does not depend on the time at all.
 */
export function nextOrderChange(
  snapshot: ContentSnapshot,
  playlistId: string | null,
  at: number,
): number | null {
  let next: number | null = null;
  const consider = (instant: number | null): void => {
    if (instant !== null && instant > at && (next === null || instant < next)) next = instant;
  };
  const all = playlists(snapshot);
  const playlist = all.find((p) => p.id === playlistId);
  const timeZone = snapshot.pack.timeZone;
  for (const other of all) windowEdges(other, timeZone).forEach(consider);
  for (const entry of playlist?.items ?? []) {
    if (typeof entry !== 'string') windowEdges(entry, timeZone).forEach(consider);
  }
  if (playlist?.pastEvents === 'drop') {
    for (const entry of playlist.items) {
      const item = findShowItem(snapshot, typeof entry === 'string' ? entry : entry.item);
      if (item?.kind === 'event') consider(eventEndsAt(item));
    }
  }
  return next;
}

/** Whether `pool` can be laid out with no two equal ids side by side, the first not `last`. */
function arrangeable(pool: readonly PlannedItem[], last: string | null): boolean {
  const counts = new Map<string, number>();
  for (const p of pool) counts.set(p.itemId, (counts.get(p.itemId) ?? 0) + 1);
  for (const [id, count] of counts) {
    const others = pool.length - count;
    if (count > (id === last ? others : others + 1)) return false;
  }
  return true;
}

/**
 * A random order in which no item follows itself, counting the end of the previous pass.
 * Each step picks at random among the items that still leave a valid layout for the rest, so a
 * playlist listing an item twice cannot paint itself into a corner. When no valid layout
 * exists (a single item, say), repeats are allowed rather than dropping anything.
 */
export function shuffle(
  items: readonly PlannedItem[],
  random: () => number,
  after: string | null,
): PlannedItem[] {
  const pool = [...items];
  const out: PlannedItem[] = [];
  let last = after;
  while (pool.length > 0) {
    const candidates = pool
      .map((p, index) => ({ p, index }))
      .filter(({ p, index }) => {
        if (p.itemId === last) return false;
        const rest = pool.filter((_, k) => k !== index);
        return arrangeable(rest, p.itemId);
      });
    const all = pool.map((p, index) => ({ p, index }));
    const fresh = all.filter(({ p }) => p.itemId !== last);
    const choices = candidates.length > 0 ? candidates : fresh.length > 0 ? fresh : all;
    const pick = choices[Math.min(choices.length - 1, Math.floor(random() * choices.length))]!;
    out.push(pick.p);
    pool.splice(pick.index, 1);
    last = pick.p.itemId;
  }
  return out;
}
