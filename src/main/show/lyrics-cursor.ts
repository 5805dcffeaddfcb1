import type { LyricPosition } from '../../shared/lyrics';

export type LyricsMove = 'next' | 'previous' | 'nextStanza' | 'previousStanza';

/**
 * Where the cursor goes for a move, over `lyricPositions(song)`. Clamped at both ends, never
 * wrapping: a clicker pressed once too often at the last line must not jump to the first.
 */
export function moveLine(
  positions: readonly LyricPosition[],
  line: number,
  move: LyricsMove,
): number {
  const last = positions.length - 1;
  if (last < 0) return 0;
  const here = Math.min(Math.max(0, line), last);
  switch (move) {
    case 'next':
      return Math.min(here + 1, last);
    case 'previous':
      return Math.max(here - 1, 0);
    case 'nextStanza': {
      const section = positions[here]!.section;
      const next = positions.find((p) => p.section > section);
      return next ? next.index : here;
    }
    case 'previousStanza': {
      const start = sectionStart(positions, positions[here]!.section);
      // Like a music player's "previous": back to the top of this verse first, then the one before.
      if (here > start) return start;
      const before = positions[start - 1];
      return before ? sectionStart(positions, before.section) : start;
    }
  }
}

function sectionStart(positions: readonly LyricPosition[], section: number): number {
  return positions.find((p) => p.section === section)?.index ?? 0;
}
