import type { ContentSnapshot, VideoItem } from '../../shared/content';
import { subtitleTextAt } from '../../shared/overlay/video-subtitles';
import { videoPositionAt, type VideoPlayState } from '../../shared/protocol';
import { cuesAt, type SubtitleCue } from '../../shared/subtitles';

/** A screen more than this far from the core's position seeks; less is left to play on. */
export const DRIFT_SEEK_MS = 750;
/** No progress for this long while it should be playing: the video is stalled. */
export const STALL_MS = 2_000;

/** The playlist entry's video options (seconds), read defensively: absent means the default. */
export interface VideoEntryOptions {
  startMs: number;
  endMs: number | null;
  muted: boolean;
  loop: boolean;
}

export const defaultEntryOptions: VideoEntryOptions = {
  startMs: 0,
  endMs: null,
  muted: false,
  loop: false,
};

/**
 * The core's own reading of the entry (`ShowState.playback`, from the show's timing for
 * videos), when this core sends one: it knows the file's real length.
 */
export function publishedEntryOptions(show: unknown): VideoEntryOptions | null {
  const playback = (show as { playback?: unknown } | null)?.playback;
  if (typeof playback !== 'object' || playback === null) return null;
  const p = playback as { startMs?: unknown; endMs?: unknown; muted?: unknown; loop?: unknown };
  if (typeof p.startMs !== 'number') return null;
  return {
    startMs: p.startMs,
    endMs: typeof p.endMs === 'number' ? p.endMs : null,
    muted: p.muted === true,
    loop: p.loop === true,
  };
}

/** The options of the entry that put `itemId` on air in `playlistId` (its first entry). */
export function videoEntryOptions(
  snapshot: ContentSnapshot | null,
  playlistId: string | null,
  itemId: string,
): VideoEntryOptions {
  const playlist = snapshot?.items.find((i) => i.id === playlistId);
  if (playlist?.kind !== 'playlist') return defaultEntryOptions;
  const entry = playlist.items.find((e) => typeof e === 'object' && e.item === itemId);
  if (!entry || typeof entry !== 'object') return defaultEntryOptions;
  return {
    startMs: (entry.start ?? 0) * 1000,
    endMs: entry.end === undefined ? null : entry.end * 1000,
    muted: entry.muted ?? false,
    loop: entry.loop ?? false,
  };
}

/**
 * Where this screen's video should be (ms of video time) at `now` on the server's clock: the
 * core's position, wrapped into the entry's range when it loops, held at the range's end.
 */
export function targetPositionMs(
  playback: VideoPlayState,
  now: number,
  options: VideoEntryOptions,
  lengthMs: number | null,
): number {
  const raw = videoPositionAt(playback, now);
  const end = options.endMs ?? lengthMs;
  if (end === null || end <= options.startMs) return raw;
  if (raw < end) return raw;
  if (!options.loop) return end;
  return options.startMs + ((raw - options.startMs) % (end - options.startMs));
}

/** The subtitle files a screen shows in `language`: the original, and the translation under it. */
export function subtitleTracks(
  item: VideoItem,
  language: string,
): { original: string | null; translation: string | null; originalLang: string | null } {
  const files = item.subtitles ?? {};
  const originalLang = item.language ?? null;
  const original = originalLang ? (files[originalLang] ?? null) : null;
  const own = language !== originalLang ? (files[language] ?? null) : null;
  return { original, translation: own, originalLang };
}

/** What a screen shows under a video at one moment: the lines, and whose language the top one is. */
export interface ScreenSubtitles {
  line: string;
  translation: string;
  /** The top line is the original (spoken) language; false: the translation moved up. */
  lineIsOriginal: boolean;
}

/**
 * The subtitles at `ms` of video time, by the stream's own rule (`subtitleTextAt`): the
 * original line with the translation under it, or the translation alone moved up.
 */
export function screenSubtitlesAt(
  original: readonly SubtitleCue[],
  translation: readonly SubtitleCue[],
  ms: number,
): ScreenSubtitles {
  const text = subtitleTextAt({ main: original, sub: translation }, ms);
  return { ...text, lineIsOriginal: cuesAt(original, ms).length > 0 };
}
