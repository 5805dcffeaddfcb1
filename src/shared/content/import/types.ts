import type { LocalizedText as ContentText } from '../text';
import type { LocalizedText, TextParams } from '../../protocol/localized-text';

/*
 * What every song importer (paste, OpenLyrics, ChordPro, LRC) gives back: a new song shaped
 * like its YAML, and what the person should know about how it was read. Pure: no DOM, no Node.
 */

/** One lyric line: the original and its translations, by language. */
export type ImportedLine = Record<string, string>;

export interface ImportedSection {
  label?: ContentText;
  lines: ImportedLine[];
}

/** A song item as the pack writes it (`songSchema`), not yet saved. */
export interface ImportedSong {
  kind: 'song';
  id: string;
  title: ContentText;
  artist: ContentText;
  /** The sung original: the first line of each pair. */
  language: string;
  sections: ImportedSection[];
  credits?: ContentText;
  /** LRC text, timed to the original lines. */
  lrc?: string;
}

export interface ImportResult {
  song: ImportedSong;
  /** In the `editor` catalog (`editor:import.warning.*`), with the English for logs. */
  warnings: LocalizedText[];
}

/** What the person chose around the text: the languages, and a title or artist of their own. */
export interface ImportOptions {
  /** The language of the original lines (and of a file that does not say). */
  language: string;
  /** The language of the translation lines, for a paste; none: the paste has one language. */
  translationLanguage?: string;
  title?: string;
  artist?: string;
}

/** Larger than any song; a bigger input is refused before it is parsed. */
export const MAX_IMPORT_BYTES = 1024 * 1024;

export type ImportWarningKey =
  | 'linesMismatch'
  | 'stanzasMismatch'
  | 'translationUnused'
  | 'lrcPartial'
  | 'titleFromFirstLine'
  | 'artistMissing'
  | 'verseMissing'
  | 'verseNotInOrder'
  | 'skippedBlock'
  | 'translitSkipped'
  | 'verseLinesMismatch'
  | 'untimedSkipped';

export type ImportErrorKey =
  | 'tooLarge'
  | 'empty'
  | 'noLyrics'
  | 'notXml'
  | 'notXmlAt'
  | 'notOpenLyrics'
  | 'doctype'
  | 'unknownFormat'
  | 'sameLanguage';

/** Why an input could not become a song: a key of `editor:import.error.*` and its params. */
export class ImportError extends Error {
  constructor(
    readonly key: ImportErrorKey,
    readonly params: TextParams = {},
  ) {
    super(`import.error.${key}`);
    this.name = 'ImportError';
  }
}

export type { TextParams };
