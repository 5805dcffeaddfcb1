import { readFile } from 'node:fs/promises';
import type { ContentError } from '../../../shared/content';
import type { ProblemKey } from '../../../shared/i18n';
import { problem, type LocalizedText } from '../../../shared/protocol/localized-text';
import { parseSubtitles, subtitleFormatOf } from '../../../shared/subtitles';

// A feature film's subtitles are about 100 KiB; anything far larger is not subtitles.
export const MAX_SUBTITLE_BYTES = 2 * 1024 * 1024;

export type SubtitleCheck =
  | { ok: true }
  | { ok: false; error: LocalizedText }
  /** Problems inside the file: each names the subtitle file and its line. */
  | { ok: false; fileErrors: ContentError[] };

/**
 * Checks that `file` is a WebVTT or SubRip file the views can read, cue by cue. `shown` is the
 * pack path; problems inside the file name it and their line, as an author opens that file.
 */
export async function checkSubtitles(
  file: string,
  shown: string,
  size: number,
): Promise<SubtitleCheck> {
  const format = subtitleFormatOf(shown);
  if (!format) {
    const ext = /\.[^./\\]+$/.exec(shown)?.[0] ?? '—';
    return { ok: false, error: problem('video.subtitleType', { path: shown, ext }) };
  }
  if (size > MAX_SUBTITLE_BYTES) {
    return { ok: false, error: problem('video.subtitleTooBig', { path: shown, size }) };
  }
  const text = (await readFile(file)).toString('utf8');
  const { problems } = parseSubtitles(text, format);
  if (problems.length === 0) return { ok: true };
  return {
    ok: false,
    fileErrors: problems.map((p) => ({
      file: shown,
      line: p.line,
      field: '',
      ...problem(`subtitles.${p.code}` as ProblemKey, p.params),
    })),
  };
}
