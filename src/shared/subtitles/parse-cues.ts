import type { SubtitleCue } from './cue';
import { plainCueLines } from './cue-text';
import type { ProblemList } from './problems';
import type { TextBlock } from './text-lines';
import { parseTimingLine } from './timestamp';

const MAX_QUOTED = 40;

function quoted(text: string): string {
  return text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}…` : text;
}

/**
 * One cue block of either format: an optional identifier line (SubRip's number, WebVTT's
 * name), the timing line, then the text. Returns null (and notes why) for a block without a
 * usable timing; a block whose text is all tags gives no cue and no problem.
 */
export function parseCueBlock(block: TextBlock, problems: ProblemList): SubtitleCue | null {
  const timingIndex = block.lines.findIndex((line, i) => i < 2 && line.includes('-->'));
  if (timingIndex < 0) {
    problems.add(block.firstLine, 'noTiming', { got: quoted(block.lines[0]!.trim()) });
    return null;
  }
  const line = block.firstLine + timingIndex;
  const result = parseTimingLine(block.lines[timingIndex]!);
  if (!result.ok) {
    if (result.which === 'order')
      problems.add(line, 'endNotAfterStart', { got: quoted(result.got) });
    else problems.add(line, 'badTimestamp', { which: result.which, got: quoted(result.got) });
    return null;
  }
  const lines = plainCueLines(block.lines.slice(timingIndex + 1));
  if (lines.length === 0) return null;
  return { ...result.timing, lines };
}
