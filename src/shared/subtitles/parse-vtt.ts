import type { SubtitleCue } from './cue';
import { parseCueBlock } from './parse-cues';
import { ProblemList, type SubtitleProblem } from './problems';
import { textBlocks, textLines } from './text-lines';

const SIGNATURE = /^WEBVTT(?:[ \t].*)?$/;
// NOTE, STYLE and REGION blocks carry comments and styling the views do not use.
const SKIPPED_BLOCK = /^(?:NOTE|STYLE|REGION)(?:[ \t].*)?$/;

/** A WebVTT file's cues (https://www.w3.org/TR/webvtt1/), with what was wrong in it. */
export function parseVtt(text: string): { cues: SubtitleCue[]; problems: SubtitleProblem[] } {
  const lines = textLines(text);
  const problems = new ProblemList();
  if (!SIGNATURE.test(lines[0] ?? '')) problems.add(1, 'notWebvtt', {});
  const cues: SubtitleCue[] = [];
  const blocks = textBlocks(lines);
  blocks.forEach((block, index) => {
    // The header block (WEBVTT and its metadata lines) is not a cue.
    if (index === 0 && block.firstLine === 1 && SIGNATURE.test(block.lines[0]!)) return;
    if (SKIPPED_BLOCK.test(block.lines[0]!)) return;
    const cue = parseCueBlock(block, problems);
    if (cue) cues.push(cue);
  });
  return { cues, problems: problems.done() };
}
