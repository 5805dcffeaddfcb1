import type { PlaylistEntry } from '../content';
import type { VideoFacts } from '../content/video-facts';
import type { VideoPlayback } from '../protocol/video-playback';
import { defaultSeconds } from './durations';

type EntrySpec = Exclude<PlaylistEntry, string> | { item: string };

export interface VideoPlan {
  /** The entry's time on air. */
  durationMs: number;
  playback: VideoPlayback;
}

/**
 * A video entry's time on air and how it plays. The entry's `duration` wins (the range loops
 * or is cut to fit); a looping entry without one takes the playlist's (the loader insists on
 * one of them); otherwise the video plays its range once, so the show moves on exactly when
 * the film ends, never on a playlist's slide time that would cut it short.
 */
export function planVideo(
  spec: EntrySpec,
  playlistSeconds: number | undefined,
  facts: VideoFacts | undefined,
): VideoPlan {
  const get = <K extends 'start' | 'end' | 'muted' | 'loop' | 'duration'>(key: K) =>
    (spec as Partial<Exclude<PlaylistEntry, string>>)[key];
  const fileMs = facts?.durationMs ?? defaultSeconds.video * 1000;
  const startMs = Math.round((get('start') ?? 0) * 1000);
  const end = get('end');
  const endMs = Math.max(
    startMs,
    Math.min(fileMs, end !== undefined ? Math.round(end * 1000) : fileMs),
  );
  const loop = get('loop') ?? false;
  const entrySeconds = get('duration');
  const seconds = entrySeconds ?? (loop ? playlistSeconds : undefined);
  return {
    durationMs: seconds !== undefined ? Math.round(seconds * 1000) : endMs - startMs,
    playback: { startMs, endMs, muted: get('muted') ?? false, loop },
  };
}
