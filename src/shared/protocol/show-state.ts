import { z } from 'zod';
import { languageCode } from '../content/text';
import { outputOrientations, outputThemes } from './screens';
import { videoPlaybackSchema } from './video-playback';

/** The stream's overlay elements; each can be shown or hidden by the operator. */
export const overlayElement = z.enum(['lowerThird', 'lyrics', 'drawing', 'nowPlaying']);
export type OverlayElement = z.infer<typeof overlayElement>;
export const overlayElements = overlayElement.options;

/**
 * The live lyrics cursor: which line of which song is being sung. Manual by default; with
 * `timed`, the core advances it from the song's LRC times after a start cue.
 */
export const lyricsCursorSchema = z.strictObject({
  songId: z.string(),
  /** Index over all of the song's lines, in order (see `lyricPositions`). */
  line: z.number().int().nonnegative(),
  timed: z
    .strictObject({
      running: z.boolean(),
      /** Server clock (epoch ms) at which song time 0 was, while running. */
      anchorAt: z.number(),
      /** Song time (ms) where it was paused; null while running. */
      pausedAtMs: z.number().nonnegative().nullable(),
    })
    .nullable(),
});
export type LyricsCursor = z.infer<typeof lyricsCursorSchema>;

/**
 * The video on air and where it stands, the same anchor idea as timed lyrics: every screen
 * computes the same position from the server's clock, so two screens in a hall play in step.
 */
export const videoPlayStateSchema = z.strictObject({
  itemId: z.string(),
  /** Server clock (epoch ms) at which the video stood at `positionMs`. */
  anchorAt: z.number(),
  /** Video time (ms) at `anchorAt`; while paused, where it is held. */
  positionMs: z.number().nonnegative(),
  paused: z.boolean(),
});
export type VideoPlayState = z.infer<typeof videoPlayStateSchema>;

/** Where a video is at `now` (server clock), in ms of video time. */
export function videoPositionAt(video: VideoPlayState, now: number): number {
  return video.paused ? video.positionMs : video.positionMs + Math.max(0, now - video.anchorAt);
}

/** Why a screen gave up on a video: see the display's watchdog. */
export const videoFaultReason = z.enum(['stalled', 'decode', 'missing']);
export type VideoFaultReason = z.infer<typeof videoFaultReason>;

/** A video the core skipped because a screen could not play it; shown in the console. */
export const videoFaultSchema = z.strictObject({
  itemId: z.string(),
  file: z.string(),
  reason: videoFaultReason,
  /** Server clock when it was skipped. */
  at: z.number(),
});
export type VideoFault = z.infer<typeof videoFaultSchema>;

/** Which languages each kind of output shows; an empty list means the pack's own choice. */
export const outputLanguagesSchema = z.strictObject({
  /** Venue screens: display and kiosk. */
  display: z.array(languageCode),
  /** The stream: the overlay view and OBS text sources. */
  overlay: z.array(languageCode),
});
export type OutputLanguages = z.infer<typeof outputLanguagesSchema>;
export type Output = keyof OutputLanguages;

/** The longest message the operator can send to the stage: a few words, read from 3 m. */
export const STAGE_MESSAGE_MAX = 120;

/**
 * What the performers' monitor (`/stage`) shows besides the song: the operator's message (kept
 * by the core until cleared, so a reloaded stage shows it again; not kept over a restart) and
 * the language the singer sings (null: each song's own language).
 */
export const stageStateSchema = z.strictObject({
  message: z.string().max(STAGE_MESSAGE_MAX).nullable(),
  language: languageCode.nullable(),
});
export type StageState = z.infer<typeof stageStateSchema>;

/** What is on air. The core owns it; every view only renders it. */
export const showStateSchema = z.strictObject({
  playlistId: z.string().nullable(),
  /**
   * Counts every change of the item on air since the core started. Views derive per-slide
   * choices from it (which language a cycling display shows), so every screen agrees.
   */
  sequence: z.number().int().nonnegative(),
  /** Item ids in the order they play in this pass (shuffled or not, out-of-date ones dropped). */
  order: z.array(z.string()),
  /**
   * Index into `order` of the item on air. While a song started with `lyricsStart` is on air,
   * where the loop stands: the song need not be in `order`, and the loop resumes from here
   * when the song ends.
   */
  position: z.number().int().nonnegative(),
  /** The item on air, or null when nothing can play. */
  itemId: z.string().nullable(),
  /** Server clock (epoch ms) when the current item went on air. */
  startedAt: z.number(),
  /** How long the current item stays on air; 0 for a song with live lyrics (until it ends). */
  durationMs: z.number().nonnegative(),
  /** For a video on air: its range, sound and looping (see `VideoPlayback`); else null or absent. */
  playback: videoPlaybackSchema.nullable().optional(),
  paused: z.boolean(),
  /** While paused: how much of the current item's time was left. */
  remainingMs: z.number().nonnegative().nullable(),
  blackout: z.boolean(),
  safeMode: z.boolean(),
  /** The song being sung and its current line; null between songs. */
  lyrics: lyricsCursorSchema.nullable(),
  /**
   * In setlist mode: which setlist, which of its songs is on (null = the interlude loop), and
   * the index of the song "next song" would start (null when none is left). The core works
   * it out, so every console and phone agrees on what comes next.
   */
  setlist: z
    .strictObject({
      setlistId: z.string(),
      songIndex: z.number().int().nonnegative().nullable(),
      nextSongIndex: z.number().int().nonnegative().nullable(),
    })
    .nullable(),
  outputLanguages: outputLanguagesSchema,
  /** The video on air and its play state; null (or absent, from an older core) otherwise. */
  video: videoPlayStateSchema.nullable().optional(),
  /** The latest videos skipped because they could not play, newest last (a few at most). */
  videoFaults: z.array(videoFaultSchema).max(20).optional(),
  /** Which overlay elements are shown on the stream. */
  overlays: z.record(overlayElement, z.boolean()),
  /**
   * The show clock: whether the machine's own clock is before what the pack states as past
   * (the counters would be wrong), and the offset set from a phone or the console.
   */
  clock: z
    .strictObject({
      offsetMs: z.number(),
      machineClockBehind: z.boolean(),
      newestPastDay: z.string().nullable(),
    })
    .optional(),
  /** The stage monitor's message and language. Never sent to the stream's outputs. */
  stage: stageStateSchema,
  /**
   * A paired screen's own look, as the operator set it: its theme and which way up it is.
   * Only in the state sent to that screen; absent: the pack's theme, the window as it is.
   */
  look: z
    .strictObject({ theme: z.enum(outputThemes), orientation: z.enum(outputOrientations) })
    .optional(),
  /** Server clock when this state was sent, so views can correct for their own clock. */
  serverTime: z.number(),
  /**
   * The machine's clock (epoch ms, not the show clock's offset) at which the latest change of
   * slide or lyric line goes up on every screen: screens apply it then, on their own clock
   * corrected by their measured offset. Absent, or past: at once. Safe mode and blackout
   * never wait for it. How far ahead it is, the core learns from the screens
   * (src/main/show/change-lead.ts).
   */
  showAt: z.number().finite().optional(),
});
export type ShowState = z.infer<typeof showStateSchema>;
