import type { ContentSnapshot, VideoItem } from '../../shared/content';
import { streamLanguages } from '../../shared/overlay/content';
import {
  videoSubtitleLanguages,
  type VideoSubtitleChoice,
} from '../../shared/overlay/video-subtitles';
import { coreText, type LocalizedText, type ShowState } from '../../shared/protocol';

/** What "Play on stream" plays: the pack's file, its range and sound, its subtitle languages. */
export interface VideoStreamPlan {
  item: VideoItem;
  startMs: number;
  endMs: number | null;
  muted: boolean;
  loop: boolean;
  subtitles: VideoSubtitleChoice;
}

/** The range a show on air gives its video (`ShowState.playback`), read without depending on it. */
interface PlaybackOnAir {
  startMs: number;
  endMs: number;
  muted: boolean;
  loop?: boolean;
}

function playbackOnAir(show: ShowState, itemId: string): PlaybackOnAir | null {
  if (show.itemId !== itemId) return null;
  const playback = (show as { playback?: PlaybackOnAir | null }).playback;
  return playback ?? null;
}

/**
 * Whether a video may go on the stream now, and how. Refused: no content yet, an id that is
 * not a video, blackout, and a sensitive video in safe mode (safe mode hides it on every
 * screen, so it must not reach the stream through OBS either). Pure.
 */
export function planVideoOnStream(
  snapshot: ContentSnapshot | null,
  show: ShowState | null,
  itemId: string,
): { ok: true; plan: VideoStreamPlan } | { ok: false; error: LocalizedText } {
  if (!snapshot || !show) return { ok: false, error: coreText('obsVideo.notLoaded') };
  const item = snapshot.items.find((candidate) => candidate.id === itemId);
  if (!item || item.kind !== 'video') {
    return { ok: false, error: coreText('obsVideo.notVideo', { item: itemId }) };
  }
  if (show.safeMode && item.sensitive) {
    return { ok: false, error: coreText('obsVideo.sensitive', { item: itemId }) };
  }
  if (show.blackout) return { ok: false, error: coreText('obsVideo.blackout') };
  const playback = playbackOnAir(show, itemId);
  return {
    ok: true,
    plan: {
      item,
      startMs: playback?.startMs ?? 0,
      endMs: playback?.endMs ?? null,
      muted: playback?.muted ?? false,
      loop: playback?.loop ?? false,
      subtitles: videoSubtitleLanguages(item, streamLanguages(snapshot.pack, show)),
    },
  };
}

/** Whether a show change must take a playing video off the stream (safe mode, blackout). */
export function mustStopVideo(
  snapshot: ContentSnapshot,
  show: ShowState,
  playingItemId: string,
): boolean {
  if (show.blackout) return true;
  const item = snapshot.items.find((candidate) => candidate.id === playingItemId);
  return !item || (show.safeMode && item.sensitive);
}
