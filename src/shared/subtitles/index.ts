import type { SubtitleCue, SubtitleFormat } from './cue';
import { parseSrt } from './parse-srt';
import { parseVtt } from './parse-vtt';
import type { SubtitleProblem } from './problems';

export type { SubtitleCue, SubtitleFormat } from './cue';
export type { SubtitleProblem, SubtitleProblemCode } from './problems';
export { MAX_SUBTITLE_PROBLEMS } from './problems';

export interface ParsedSubtitles {
  /** Sorted by start time (a stable sort: cues starting together keep the file's order). */
  cues: SubtitleCue[];
  /** Each with its 1-based line; a file with problems may still give cues. */
  problems: SubtitleProblem[];
}

/** The format a subtitle file's name says (`.vtt` or `.srt`), or null. */
export function subtitleFormatOf(fileName: string): SubtitleFormat | null {
  const ext = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  return ext === 'vtt' || ext === 'srt' ? ext : null;
}

export function parseSubtitles(text: string, format: SubtitleFormat): ParsedSubtitles {
  const parsed = format === 'vtt' ? parseVtt(text) : parseSrt(text);
  const cues = [...parsed.cues].sort((a, b) => a.startMs - b.startMs);
  const problems = [...parsed.problems];
  if (cues.length === 0 && problems.length === 0)
    problems.push({ line: 1, code: 'noCues', params: {} });
  return { cues, problems };
}

/**
 * The cues on screen at `ms` (start inclusive, end exclusive), earliest first: overlapping
 * cues are all shown, as players do.
 */
export function cuesAt(cues: readonly SubtitleCue[], ms: number): SubtitleCue[] {
  return cues.filter((cue) => cue.startMs <= ms && ms < cue.endMs);
}
