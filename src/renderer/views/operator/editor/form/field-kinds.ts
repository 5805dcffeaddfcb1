import type { z } from 'zod';
import {
  hexColour,
  isoDate,
  itemId,
  localDateTime,
  mediaPath,
  partialDate,
  releaseDate,
  seconds,
  timeZone,
  webUrl,
} from '../../../../../shared/content/fields';
import { languageCode, localizedText } from '../../../../../shared/content/text';

/**
 * What a shared field schema means, known by identity: `partialDate` is a string to zod, but a
 * date as precise as the facts to a person. The one place the editor maps schemas to meanings.
 */
export type FieldKind =
  | 'localized'
  | 'date'
  | 'dateTime'
  | 'partialDate'
  | 'url'
  | 'media'
  | 'itemId'
  | 'timeZone'
  | 'languageCode'
  | 'hexColour'
  | 'seconds';

const fieldKinds = new Map<z.core.$ZodType, FieldKind>([
  [localizedText, 'localized'],
  [isoDate, 'date'],
  [localDateTime, 'dateTime'],
  [partialDate, 'partialDate'],
  [releaseDate, 'partialDate'],
  [webUrl, 'url'],
  [mediaPath, 'media'],
  [itemId, 'itemId'],
  [timeZone, 'timeZone'],
  [languageCode, 'languageCode'],
  [hexColour, 'hexColour'],
  [seconds, 'seconds'],
]);

export function fieldKindOf(schema: z.core.$ZodType): FieldKind | undefined {
  return fieldKinds.get(schema);
}

/** Long texts: a box of several lines, not one line. */
export const MULTILINE_KEYS: ReadonlySet<string> = new Set([
  'summary',
  'body',
  'text',
  'description',
  'caption',
  'note',
  'lrc',
]);

/** Fields holding other items' ids, and of which kinds (none: any kind). */
export const ITEM_REF_KINDS: Readonly<Record<string, readonly string[]>> = {
  songs: ['song'],
  interlude: ['playlist'],
};
