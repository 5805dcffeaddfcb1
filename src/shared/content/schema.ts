import { z } from 'zod';
import { localizedText, languageCode } from './text';
import {
  caseEvent,
  caseRecordFields,
  checkCaseRecord,
  custodyPeriod,
  sentence,
} from './case-record';
import { alignCues, parseLrc } from '../lyrics/lrc';
import { originalLines } from '../lyrics/lines';
import {
  localDateTime,
  mediaPath,
  partialDate,
  releaseDate,
  schemaProblem,
  timeZone,
  webUrl,
  whenFieldsValid,
} from './fields';
import { campaignTag } from './campaign-tag';
import { itemBase, personBase } from './item-base';
import { playlistEntry, playlistSchema, setlistSchema } from './arranging-schemas';

export { playlistSchema, setlistSchema } from './arranging-schemas';
export { packSchema, type Pack } from './pack-schema';

const link = z.strictObject({ label: localizedText, url: webUrl });

export const caseSchema = z
  .strictObject({
    ...personBase,
    kind: z.literal('case'),
    name: localizedText,
    photo: z
      .strictObject({
        file: mediaPath,
        /** The person or their family agreed to this photo being shown. Without it, it is never shown. */
        consent: z.boolean(),
        alt: localizedText.optional(),
        credit: localizedText.optional(),
      })
      .optional(),
    /** Age as stated on `asOf`. */
    age: z.number().int().positive().max(130).optional(),
    /**
     * Every stretch behind bars, in order; the counter is their sum. `arrested:` (with
     * `released:`) is the shorthand for a single period; the loader turns it into one.
     */
    custody: z
      .array(custodyPeriod)
      .min(1, 'list at least one period, e.g. - from: 2023-07-25')
      .optional(),
    arrested: partialDate.optional(),
    /** Set when the person is free again: the days-behind-bars count stops on this date. */
    released: releaseDate.optional(),
    charge: localizedText,
    status: localizedText,
    /**
     * When the facts were last checked: a date (`2024-06-05`, or `2024-06`). The older free
     * text ("September 2023") still loads, but counts as undated and always warns.
     */
    asOf: localizedText,
    summary: localizedText,
    body: localizedText.optional(),
    /** The case's steps (arrest, sentence, appeal…), each with its source. */
    events: z.array(caseEvent).default([]),
    /** The prison sentences, each with its date and source. */
    sentences: z.array(sentence).default([]),
    links: z.array(link).default([]),
  })
  .superRefine(checkCaseRecord, whenFieldsValid(caseRecordFields));

/** One lyric line: the original and its translations, keyed by language. */
export const lyricLine = z
  .record(languageCode, z.string())
  .refine((line) => Object.keys(line).length > 0, schemaProblem('schema.lyricLineEmpty'));

export const songSchema = z
  .strictObject({
    ...itemBase,
    kind: z.literal('song'),
    title: localizedText,
    artist: localizedText,
    /** The language the song is sung in: the "original" line of each pair. Needed with lyrics. */
    language: languageCode.optional(),
    video: webUrl.optional(),
    description: localizedText.optional(),
    /** Who wrote the words and the translations, and their licence. */
    credits: localizedText.optional(),
    sections: z
      .array(
        z.strictObject({
          label: localizedText.optional(),
          lines: z.array(lyricLine).min(1, schemaProblem('schema.sectionEmpty')),
        }),
      )
      .default([]),
    /**
     * Timed lyrics: the text of an LRC file (`[00:12.00]line`). Each lyric line takes the time
     * of its matching LRC line, so the show can follow the song from a start cue.
     */
    lrc: z.string().optional(),
  })
  .superRefine(
    (song, ctx) => {
      if (song.sections.length > 0 && !song.language) {
        ctx.addIssue({
          code: 'custom',
          path: ['language'],
          message: schemaProblem('schema.songLanguage'),
        });
      }
      if (song.lrc === undefined) return;
      const { cues } = parseLrc(song.lrc);
      if (cues.length === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['lrc'],
          message: schemaProblem('schema.lrcNoLines'),
        });
        return;
      }
      const missing = alignCues(originalLines(song), cues).filter((t) => t === null).length;
      if (missing > 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['lrc'],
          message: schemaProblem('schema.lrcUntimed'),
          params: { count: missing },
        });
      }
    },
    whenFieldsValid(['sections', 'language', 'lrc']),
  );

export const drawingSchema = z.strictObject({
  ...personBase,
  kind: z.literal('drawing'),
  image: mediaPath,
  title: localizedText.optional(),
  artist: localizedText,
  place: localizedText.optional(),
  /** When it was made: a year, or a date. */
  made: z.union([z.string(), z.number().int()]).optional(),
  caption: localizedText.optional(),
  /** The artist (or their family) agreed to this drawing being shown. */
  consent: z.boolean(),
  licence: z.string().min(1),
  alt: localizedText.optional(),
});

export const actionSchema = z.strictObject({
  ...itemBase,
  kind: z.literal('action'),
  type: z.enum(['petition', 'site', 'donation', 'letter']).default('site'),
  title: localizedText,
  url: webUrl,
  /** The link as printed under the QR code, for people who cannot scan. Defaults to the URL. */
  shortUrl: z.string().optional(),
  callToAction: localizedText,
  /** Add the pack's campaign tag to this link. Off by default: many sites drop unknown queries. */
  tagLink: z.boolean().default(false),
});

export const eventSchema = z.strictObject({
  ...itemBase,
  kind: z.literal('event'),
  title: localizedText,
  /** Local start, `2023-10-01T19:30`, or a date alone for an all-day event. */
  start: localDateTime,
  end: localDateTime.optional(),
  timeZone,
  venue: localizedText.optional(),
  address: z.string().optional(),
  url: webUrl.optional(),
  description: localizedText.optional(),
  /** The tag for tagged links on the day of the event, in its time zone. */
  campaignTag: campaignTag.optional(),
});

export const statementSchema = z.strictObject({
  ...itemBase,
  kind: z.literal('statement'),
  title: localizedText.optional(),
  text: localizedText,
  author: localizedText.optional(),
});

/**
 * A video to play from the pack: a local file only (nothing is fetched from video sites, so a
 * picket with no network plays it too). The loader checks the real container and codecs from
 * the file's bytes and reads its length (`ContentSnapshot.videos`).
 */
export const videoSchema = z.strictObject({
  ...itemBase,
  kind: z.literal('video'),
  /** MP4 (H.264 + AAC) or WebM (VP9 + Opus), under `media/videos/`. */
  file: mediaPath,
  title: localizedText,
  credit: localizedText.optional(),
  licence: z.string().min(1),
  /** The still shown before it plays and in lists; made from a frame on import when absent. */
  poster: mediaPath.optional(),
  /** The language spoken: its subtitles are the original line, the others the translation. */
  language: languageCode.optional(),
  /** WebVTT (`.vtt`) or SubRip (`.srt`) files, one per language. */
  subtitles: z.record(languageCode, mediaPath).optional(),
});

/** The kinds an item file may declare, in the order the docs list them. */
export const itemSchemas = {
  case: caseSchema,
  song: songSchema,
  drawing: drawingSchema,
  action: actionSchema,
  event: eventSchema,
  statement: statementSchema,
  video: videoSchema,
  playlist: playlistSchema,
  setlist: setlistSchema,
} as const;

export type ItemKind = keyof typeof itemSchemas;
export const itemKinds = Object.keys(itemSchemas) as ItemKind[];

export type CaseItem = z.infer<typeof caseSchema>;
export type SongItem = z.infer<typeof songSchema>;
export type DrawingItem = z.infer<typeof drawingSchema>;
export type ActionItem = z.infer<typeof actionSchema>;
export type EventItem = z.infer<typeof eventSchema>;
export type StatementItem = z.infer<typeof statementSchema>;
export type VideoItem = z.infer<typeof videoSchema>;
export type PlaylistItem = z.infer<typeof playlistSchema>;
export type PlaylistEntry = z.infer<typeof playlistEntry>;
export type SetlistItem = z.infer<typeof setlistSchema>;
export type ContentItem =
  | CaseItem
  | SongItem
  | DrawingItem
  | ActionItem
  | EventItem
  | StatementItem
  | VideoItem
  | PlaylistItem
  | SetlistItem;
/** Items that only arrange other items: they are never on screen themselves. */
export type ArrangingItem = PlaylistItem | SetlistItem;
/** Items that can be on screen (everything but playlists and setlists); see `isShowItem`. */
export type ShowItem = Exclude<ContentItem, ArrangingItem>;
export type ShowKind = ShowItem['kind'];
