import { readFile } from 'node:fs/promises';
import type { ProblemKey } from '../../../shared/i18n';
import { coreText, problem, type LocalizedText } from '../../../shared/protocol/localized-text';
import { parseSubtitles, type SubtitleFormat } from '../../../shared/subtitles';
import type { StreamCheck } from './streamed-upload';

/** One subtitle file's cap: a feature film's subtitles are about 100 KiB. */
export const SUBTITLE_UPLOAD_LIMIT = 1024 * 1024;

export interface SubtitleRefusal {
  status: 415 | 422;
  error: LocalizedText;
  /** Each problem inside the file with its 1-based line. */
  problems: { line: number; message: LocalizedText }[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Judges an uploaded subtitle file with the shared parser the screens use: UTF-8 (with or
 * without a BOM), and every cue readable. A file with any problem is refused whole, each
 * problem with its line, so what is stored is what validate passes.
 */
export async function checkUploadedSubtitles(
  temp: string,
  shownName: string,
  format: SubtitleFormat,
  language: string,
): Promise<StreamCheck<{ format: SubtitleFormat; cues: number }, SubtitleRefusal>> {
  let text: string;
  try {
    text = utf8.decode(await readFile(temp));
  } catch {
    return {
      keep: false,
      refusal: {
        status: 415,
        error: coreText('api.media.notUtf8', { name: shownName }),
        problems: [],
      },
    };
  }
  const { cues, problems } = parseSubtitles(text, format);
  if (problems.length > 0) {
    return {
      keep: false,
      refusal: {
        status: 422,
        error: coreText('api.media.subtitleProblems', { name: shownName }),
        problems: problems.map((p) => ({
          line: p.line,
          message: problem(`subtitles.${p.code}` as ProblemKey, p.params),
        })),
      },
    };
  }
  return { keep: true, extension: `${language}.${format}`, facts: { format, cues: cues.length } };
}
