import { z } from 'zod';
import { localizedText, languageCode } from './text';
import { hexColour, itemId, schemaProblem, timeZone } from './fields';
import { campaignTag } from './campaign-tag';

export const packSchema = z.strictObject({
  title: localizedText,
  /** The languages the pack is written in; the first is the original unless `defaultLanguage` says. */
  languages: z.array(languageCode).min(1, schemaProblem('schema.languagesEmpty')),
  defaultLanguage: languageCode,
  /**
   * The IANA zone (`Europe/Paris`) playlists' `from`/`until` times are read in; this machine's
   * zone when absent, which is the venue's when the laptop is there.
   */
  timeZone: timeZone.optional(),
  theme: z
    .strictObject({
      background: hexColour.default('#111111'),
      foreground: hexColour.default('#ffffff'),
      accent: hexColour.default('#e10600'),
    })
    .prefault({}),
  /** Query parameters added to links marked `tagLink`, so campaigns can count scans. */
  campaignTag: campaignTag.optional(),
  /** The playlist the show starts with. */
  defaultPlaylist: itemId.optional(),
  /** Case records: after how many days without a new `asOf` the facts count as old. */
  cases: z
    .strictObject({
      factsMaxAgeDays: z.number().int().min(1).max(3650).default(90),
    })
    .optional(),
  /** The neutral slide shown in safe mode. */
  safeSlide: itemId.optional(),
  display: z
    .strictObject({
      /** Show one language, or cycle through several, one per slide. */
      languages: z.array(languageCode).min(1).optional(),
      cycleLanguages: z.boolean().default(false),
      /**
       * Merch-table mode: a tap opens a browsable view of the cases and actions; after
       * `idleSeconds` without a touch the screen returns to the loop.
       */
      merchTable: z
        .strictObject({
          enabled: z.boolean().default(true),
          idleSeconds: z.number().int().min(5).max(3600).default(60),
        })
        .optional(),
    })
    .prefault({}),
});
export type Pack = z.infer<typeof packSchema>;
