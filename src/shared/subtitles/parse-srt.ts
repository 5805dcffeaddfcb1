import type { SubtitleCue } from './cue';
import { parseCueBlock } from './parse-cues';
import { ProblemList, type SubtitleProblem } from './problems';
import { textBlocks, textLines } from './text-lines';

/** A SubRip (.srt) file's cues, with what was wrong in it. */
export function parseSrt(text: string): { cues: SubtitleCue[]; problems: SubtitleProblem[] } {
  const problems = new ProblemList();
  const cues: SubtitleCue[] = [];
  for (const block of textBlocks(textLines(text))) {
    const cue = parseCueBlock(block, problems);
    if (cue) cues.push(cue);
  }
  return { cues, problems: problems.done() };
}
