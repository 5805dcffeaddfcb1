import { z } from 'zod';
import { languageCode } from '../content/text';

/** What a screen on the venue network can be: its page and what it shows. */
export const outputRoles = ['display', 'stage', 'kiosk', 'overlay'] as const;
export const outputRole = z.enum(outputRoles);
export type OutputRole = z.infer<typeof outputRole>;

// The page a screen's browser opens to ask to join lives with the other pages (views.ts).
export { SCREEN_PAGE_PATH } from './views';

/** `main`: follow the show the operator runs; anything else is a playlist id of the pack. */
export const MAIN_PLAYLIST = 'main';

export const outputThemes = ['pack', 'light', 'dark'] as const;
export const outputOrientations = ['auto', 'landscape', 'portrait'] as const;

/** The alphabet of pairing codes: no 0/O, 1/I/L, 2/Z, 5/S, 8/B to misread across a room. */
export const SCREEN_CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const SCREEN_CODE_LENGTH = 6;
export const screenCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(new RegExp(`^[${SCREEN_CODE_ALPHABET}]{${SCREEN_CODE_LENGTH}}$`), 'a 6-letter code');

// eslint-disable-next-line no-control-regex
const unsafeText = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
/** A screen's name ("merch TV"): one short line of plain text, shown on the console. */
export const screenName = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .refine((text) => !unsafeText.test(text), 'plain text only: no control characters');

/** An output's job: everything the operator can change from the console. */
export const outputJobSchema = z.strictObject({
  name: screenName,
  role: outputRole,
  playlist: z.string().min(1).max(200),
  /** The languages it shows, in order; empty: the pack's first. */
  languages: z.array(languageCode).max(4),
  theme: z.enum(outputThemes),
  orientation: z.enum(outputOrientations),
  /** During a song: show the song (true) or keep its own playlist (false). */
  followLyrics: z.boolean(),
});
export type OutputJob = z.infer<typeof outputJobSchema>;
export const outputChangesSchema = outputJobSchema.partial();
export type OutputChanges = z.infer<typeof outputChangesSchema>;

/** An output as the core keeps it: its job, and when it was paired. */
export const outputRecordSchema = outputJobSchema.extend({
  id: z.string().min(1).max(64),
  pairedAt: z.number().nonnegative(),
});
export type OutputRecord = z.infer<typeof outputRecordSchema>;

/** A screen waiting for the operator: the code it shows, and until when it waits. */
export const pendingScreenSchema = z.strictObject({
  code: z.string(),
  requestedAt: z.number(),
  expiresAt: z.number(),
  /** "Chromium on Linux": a hint for the operator, from the screen's User-Agent. */
  agent: z.string(),
});
export type PendingScreen = z.infer<typeof pendingScreenSchema>;

/** What an output shows at this moment: its item, from which playlist. */
export const outputOnAirSchema = z.strictObject({
  itemId: z.string().nullable(),
  playlistId: z.string().nullable(),
});
export type OutputOnAir = z.infer<typeof outputOnAirSchema>;

/** The screens as the operator sees them. Pairing codes go to the operator only. */
export const screensStatusSchema = z.strictObject({
  pairing: z.boolean(),
  /** Where a screen's browser opens `/screen`, on the LAN address; null while pairing is off. */
  url: z.string().nullable(),
  pending: z.array(pendingScreenSchema),
  outputs: z.array(
    outputRecordSchema.extend({
      online: z.boolean(),
      /** What it shows now (its playlist's item, or the main show's), for its thumbnail. */
      onAir: outputOnAirSchema.nullable().optional(),
    }),
  ),
});
export type ScreensStatus = z.infer<typeof screensStatusSchema>;
