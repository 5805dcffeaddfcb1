import type { Translate } from '../i18n';
import { renderText } from '../protocol/localized-text';
import type { ContentItem, Pack } from './schema';
import type { VideoFacts } from './video-facts';

/** One problem with the content, always naming the file (relative to the pack folder). */
export interface ContentError {
  file: string;
  /** 1-based line, where the parser or the field's position gives one. */
  line?: number;
  /** The field path as the author reads it (`displayFieldPath`: `sections.1.lines.3`, counted from 1), or "" for the whole file. */
  field: string;
  /** What is wrong and what to do, in English (logs, the CLI's default). */
  message: string;
  /** The same as a `problems:` catalog key with its parameters, for the reader's language. */
  key?: string;
  params?: Record<string, string | number>;
}

/**
 * `cases/boris.yaml:7 arrested: expected a date like 2023-07-25, got "July"`: in English,
 * or in the language of `t` (a `problems` translator) when one is given.
 */
export function formatContentError(error: ContentError, t?: Translate): string {
  const where = error.line ? `${error.file}:${error.line}` : error.file;
  const message = t ? renderText(t, error) : error.message;
  return error.field ? `${where} ${error.field}: ${message}` : `${where}: ${message}`;
}

/** An item as loaded, with the file it came from (for error reports and the watcher). */
export type LoadedItem = ContentItem & { source: string };

/** What the core sends to every view: the whole pack, ready to render. */
export interface ContentSnapshot {
  pack: Pack;
  items: LoadedItem[];
  errors: ContentError[];
  /**
   * The checked version of each media file the items use (pack path → tag). Views put it in
   * the image's URL: a file fixed during the show is a new URL, taken at once; a broken one
   * keeps its last good version, and so its URL.
   */
  media?: Record<string, string>;
  /**
   * What the loader read from each video file's bytes (pack path → facts): the core plans a
   * video's time on air from its real length, and views never guess a codec from a name.
   */
  videos?: Record<string, VideoFacts>;
  /**
   * Things that load but a screen cannot show right (characters the bundled fonts lack): the
   * core finds them, as it alone can read the font files.
   */
  warnings?: ContentError[];
  /** Increases with every reload, so views can tell a new snapshot from a repeat. */
  revision: number;
}
