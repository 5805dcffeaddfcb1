/*
 * The glyph check's font reading lives in src/main/content/glyphs/; the i18n glyph test reads
 * the same faces and files through it.
 */
export { charactersOf } from '../../src/main/content/glyphs/cmap';
export {
  fontFacesOf,
  inRanges,
  parseFontStack,
  parseUnicodeRange,
  type FontFace,
} from '../../src/main/content/glyphs/font-faces';
export {
  bundledFaces,
  missingCharacters,
  slideFontVariants,
  type FontVariant,
} from '../../src/main/content/glyphs/coverage';
