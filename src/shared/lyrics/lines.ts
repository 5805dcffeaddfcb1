import type { SongItem } from '../content/schema';

/** A lyric line with where it sits: the operator jumps by flat index, stanzas by section. */
export interface LyricPosition {
  section: number;
  line: number;
  /** Index over all lines of the song, in order. */
  index: number;
}

export function lyricPositions(song: Pick<SongItem, 'sections'>): LyricPosition[] {
  const out: LyricPosition[] = [];
  song.sections.forEach((section, s) =>
    section.lines.forEach((_, l) => out.push({ section: s, line: l, index: out.length })),
  );
  return out;
}

/** The original text of every line, in order (the song's own language first). */
export function originalLines(song: Pick<SongItem, 'sections' | 'language'>): string[] {
  return song.sections.flatMap((section) =>
    section.lines.map(
      (line) => (song.language ? line[song.language] : undefined) ?? Object.values(line)[0] ?? '',
    ),
  );
}
