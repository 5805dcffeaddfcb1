/**
 * What can be wrong in a subtitle file, as `problems:subtitles.*` keys with their 1-based line:
 * shared code carries no words, the loader turns these into content errors naming the file.
 */
export type SubtitleProblemCode =
  'notWebvtt' | 'badTimestamp' | 'endNotAfterStart' | 'noTiming' | 'noCues' | 'moreProblems';

export interface SubtitleProblem {
  /** 1-based line in the file (1 for the file as a whole). */
  line: number;
  code: SubtitleProblemCode;
  params: Record<string, string | number>;
}

/** Past this many, one `moreProblems` stands for the rest: a wrong file should not flood the list. */
export const MAX_SUBTITLE_PROBLEMS = 20;

export class ProblemList {
  readonly problems: SubtitleProblem[] = [];
  private dropped = 0;

  add(line: number, code: SubtitleProblemCode, params: Record<string, string | number> = {}): void {
    if (this.problems.length < MAX_SUBTITLE_PROBLEMS) this.problems.push({ line, code, params });
    else this.dropped += 1;
  }

  done(): SubtitleProblem[] {
    if (this.dropped === 0) return this.problems;
    const last = this.problems[this.problems.length - 1]!;
    return [
      ...this.problems,
      { line: last.line, code: 'moreProblems', params: { count: this.dropped } },
    ];
  }
}
