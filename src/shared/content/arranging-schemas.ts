import { z } from 'zod';
import { localizedText } from './text';
import { itemId, localDateTime, schemaProblem, seconds, timeZone } from './fields';
import { campaignTag } from './campaign-tag';
import { itemBase } from './item-base';

export const playlistEntry = z.union([
  itemId,
  z.strictObject({
    item: itemId,
    duration: seconds.optional(),
    from: localDateTime.optional(),
    until: localDateTime.optional(),
    // Videos only (the loader refuses them on other kinds): a range, sound, looping.
    /** Seconds into the video where this entry starts playing. */
    start: z.number().nonnegative().optional(),
    /** Seconds into the video where this entry stops; the end of the file when absent. */
    end: z.number().positive().optional(),
    /** Play without sound (a merch table next to the band). */
    muted: z.boolean().optional(),
    /** Play the range again until the entry's `duration` is over; once when false. */
    loop: z.boolean().optional(),
  }),
]);

export const playlistSchema = z.strictObject({
  ...itemBase,
  kind: z.literal('playlist'),
  title: localizedText,
  shuffle: z.boolean().default(false),
  /** Seconds per item when an entry gives none; otherwise the default for the item's kind. */
  duration: seconds.optional(),
  /**
   * When it runs: a day (`2026-12-12`, the whole day) or a local time (`2026-12-12T19:00`),
   * in the pack's `timeZone`. `until` a time stops at that minute.
   */
  from: localDateTime.optional(),
  until: localDateTime.optional(),
  /** What to do with an event that is over: show it marked "past", or drop it. */
  pastEvents: z.enum(['show', 'drop']).default('show'),
  /** The tag for tagged links while this playlist plays. */
  campaignTag: campaignTag.optional(),
  items: z.array(playlistEntry).min(1, schemaProblem('schema.playlistEmpty')),
});

/**
 * A concert's setlist: the songs in the order they are played, and the loop that runs on the
 * screens between songs (cases, QR codes).
 */
export const setlistSchema = z.strictObject({
  ...itemBase,
  kind: z.literal('setlist'),
  title: localizedText,
  songs: z.array(itemId).min(1, schemaProblem('schema.setlistEmpty')),
  /** The playlist shown between songs; the pack's default playlist when absent. */
  interlude: itemId.optional(),
  /**
   * When the set must end, `2026-12-12T22:30`: the stage monitor counts down to it. Read in
   * `timeZone` when given, else on the clock of the machine showing the stage.
   */
  endsAt: localDateTime
    .refine((v) => v.includes('T'), { error: schemaProblem('schema.dateTime') })
    .optional(),
  timeZone: timeZone.optional(),
});
