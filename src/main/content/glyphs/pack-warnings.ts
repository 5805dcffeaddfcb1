import {
  missingGlyphProblem,
  missingGlyphs,
  type ContentError,
  type LoadedItem,
  type Pack,
} from '../../../shared/content';
import { slideGlyphCoverage } from './coverage';

/**
 * The glyph warnings the console lists with the pack's problems. A reload must never fail on
 * them: if the font files cannot be read (a broken install), the show goes on without the
 * check, and `validate` (which does not catch) says why.
 */
export function glyphWarnings(pack: Pack | null, items: readonly LoadedItem[]): ContentError[] {
  try {
    return missingGlyphs(pack, items, slideGlyphCoverage()).map(missingGlyphProblem);
  } catch {
    return [];
  }
}
