import { problem } from '../protocol/localized-text';
import { displayFieldPath } from './field-path';
import { itemSchemas, lyricLine, packSchema, type Pack } from './schema';
import type { ContentError, LoadedItem } from './snapshot';
import { walkSchema, type FieldPath } from './schema-walk';
import { localizedText } from './text';

/**
 * A character of a text the bundled fonts cannot draw: the venue's screen would show a box, or
 * a system font that may not be there at all on the next computer.
 */
export interface MissingGlyph {
  /** The file, relative to the pack. */
  file: string;
  /** The item's id; undefined for pack.yaml. */
  item?: string;
  /** The field as the author reads it (`sections.2.lines.3`), counted from 1. */
  field: string;
  /** The language of the text (`fr`); undefined for one text shown in every language. */
  language?: string;
  character: string;
  /** `U+10D0`. */
  codePoint: string;
}

/** Whether the bundled fonts draw a character (built in main from the font files). */
export type DrawsCharacter = (character: string) => boolean;

/**
 * Plain-string fields a slide draws as they are: an event's address, the link printed under a
 * QR code, a drawing's licence and date. Ids, file names, URLs behind a QR code, dates the
 * app formats itself and the LRC timing text (its lines are the lyric lines) are never drawn.
 */
const DRAWN_STRINGS = new Set(['address', 'shortUrl', 'licence', 'made']);

interface DrawnText {
  path: FieldPath;
  language?: string;
  text: string;
}

/** Every text of `value` a slide draws, walking its schema: localized texts and lyric lines. */
function drawnTexts(schema: unknown, value: unknown): DrawnText[] {
  const found: DrawnText[] = [];
  walkSchema(schema, value, (fieldSchema, fieldValue, path) => {
    if (fieldSchema === localizedText || fieldSchema === lyricLine) {
      if (typeof fieldValue === 'string') found.push({ path, text: fieldValue });
      else if (typeof fieldValue === 'object') {
        for (const [language, text] of Object.entries(fieldValue as Record<string, unknown>)) {
          if (typeof text === 'string') found.push({ path, language, text });
        }
      }
      return true;
    }
    const key = path.at(-1);
    if (typeof key === 'string' && DRAWN_STRINGS.has(key) && typeof fieldValue === 'string') {
      found.push({ path, text: fieldValue });
      return true;
    }
    return false;
  });
  return found;
}

export const codePointLabel = (character: string) =>
  `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Not drawn, so never missing: line breaks, tabs and other controls, and format marks. */
const NOT_DRAWN = /[\p{Cc}\p{Cf}]/u;

function missingIn(
  file: string,
  item: string | undefined,
  schema: unknown,
  value: unknown,
  draws: DrawsCharacter,
): MissingGlyph[] {
  const texts = drawnTexts(schema, value);
  const missing: MissingGlyph[] = [];
  for (const { path, language, text } of texts) {
    const seen = new Set<string>();
    // By code point, so an emoji or a CJK extension character is one character, not two halves.
    for (const character of text) {
      if (seen.has(character) || NOT_DRAWN.test(character) || draws(character)) continue;
      seen.add(character);
      missing.push({
        file,
        ...(item === undefined ? {} : { item }),
        field: displayFieldPath(path),
        ...(language === undefined ? {} : { language }),
        character,
        codePoint: codePointLabel(character),
      });
    }
  }
  return missing;
}

/**
 * Every character of every text a slide draws, in every language, that `draws` refuses: one
 * per character, field and language, in the files' order. Emoji count as missing: the slides
 * bundle no emoji font, so each screen would draw whatever its system has, or a box.
 */
export function missingGlyphs(
  pack: Partial<Pack> | null,
  items: readonly LoadedItem[],
  draws: DrawsCharacter,
  packFile = 'pack.yaml',
): MissingGlyph[] {
  const missing = pack ? missingIn(packFile, undefined, packSchema, pack, draws) : [];
  for (const item of items) {
    missing.push(...missingIn(item.source, item.id, itemSchemas[item.kind], item, draws));
  }
  return missing;
}

/** The warning as a content problem, for `validate`, the export's refusal and the console. */
export function missingGlyphProblem(glyph: MissingGlyph): ContentError {
  const params = { character: glyph.character, codePoint: glyph.codePoint };
  return {
    file: glyph.file,
    field: glyph.field,
    ...(glyph.language === undefined
      ? problem('warning.missingGlyph', params)
      : problem('warning.missingGlyphIn', { ...params, language: glyph.language })),
  };
}
