import { z } from 'zod';
import { languageCode } from '../content/text';

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
  /** Server clock when this state was sent, so views can correct for their own clock. */
  serverTime: z.number(),
});
export type ShowState = z.infer<typeof showStateSchema>;
