import { Lrc } from 'lrc-kit';

/** One timed line of an LRC file: when it starts, and its text. */
export interface LrcCue {
  ms: number;
  text: string;
}

export interface ParsedLrc {
  /** Sorted by time, with the file's `[offset:]` already applied. */
  cues: LrcCue[];
  /** ID tags such as `ti`, `ar`, `al`, `by`. */
  tags: Record<string, string>;
  offsetMs: number;
}

/**
 * Parses LRC text (what karaoke tools and music players write): `[mm:ss.xx]` line tags, several
 * tags on one line for a repeated chorus, optional fractions, ID tags, word tags of the enhanced
 * format (dropped: we show whole lines), Windows line ends and a byte-order mark.
 */
export function parseLrc(text: string): ParsedLrc {
  const lrc = Lrc.parse(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
  const tags = Object.fromEntries(
    Object.entries(lrc.info as Record<string, string>).map(([k, v]) => [k, v.trim()]),
  );
  // LRC's offset: a positive value makes the lyrics appear sooner.
  const offsetMs = Number.parseInt(tags.offset ?? '0', 10) || 0;
  const cues = lrc.lyrics
    .map((line) => ({
      ms: Math.max(0, Math.round(line.timestamp * 1000) - offsetMs),
      text: line.content
        .replace(/<\d+:\d+(?:\.\d+)?>/g, '')
        .replace(/\s+/g, ' ')
        .trim(),
    }))
    .filter((cue) => cue.text.length > 0)
    .sort((a, b) => a.ms - b.ms);
  return { cues, tags, offsetMs };
}

/** Folds case, punctuation and spacing so a cue matches its line despite small differences. */
function normalise(text: string): string {
  return text
    .toLocaleLowerCase()
    .normalize('NFC')
    .replace(/[\p{P}\p{S}]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Gives each lyric line (the original text, in song order) its start time from the cues.
 * A line takes the earliest unused cue with the same text after the previous line's time, so
 * a chorus timed once with several tags lands on each of its repeats. When the texts do not
 * match (an LRC typed from a recording), lines take the remaining cues in order.
 */
export function alignCues(lines: readonly string[], cues: readonly LrcCue[]): (number | null)[] {
  const used = new Set<number>();
  const times: (number | null)[] = [];
  let after = -1;
  for (const line of lines) {
    const wanted = normalise(line);
    let found = cues.findIndex(
      (c, i) => !used.has(i) && c.ms > after && normalise(c.text) === wanted,
    );
    if (found === -1) found = cues.findIndex((c, i) => !used.has(i) && c.ms > after);
    if (found === -1) {
      times.push(null);
      continue;
    }
    used.add(found);
    after = cues[found]!.ms;
    times.push(after);
  }
  return times;
}
