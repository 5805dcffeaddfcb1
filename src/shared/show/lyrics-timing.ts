import type { SongItem } from '../content';
import { alignCues, originalLines, parseLrc } from '../lyrics';
import type { LyricsCursor } from '../protocol';

/** When each lyric line starts, in song time (ms); null for a line the LRC does not time. */
export type LineTimes = readonly (number | null)[];

export type Timing = NonNullable<LyricsCursor['timed']>;

/** The song's line times from its LRC, or null when it has none (manual lyrics only). */
export function lineTimes(song: Pick<SongItem, 'lrc' | 'sections' | 'language'>): LineTimes | null {
  if (song.lrc === undefined) return null;
  const { cues } = parseLrc(song.lrc);
  if (cues.length === 0) return null;
  return alignCues(originalLines(song), cues);
}

/** Song time at `now`: frozen while paused. */
export function songTime(timing: Timing, now: number): number {
  return timing.running ? now - timing.anchorAt : (timing.pausedAtMs ?? 0);
}

/** The line being sung at song time `ms`: the last one that has started; the first before any. */
export function lineAt(times: LineTimes, ms: number): number {
  let line = 0;
  times.forEach((t, index) => {
    if (t !== null && t <= ms) line = index;
  });
  return line;
}

/** The song time at which the line after `line` starts, or null at the last timed line. */
export function nextLineTime(times: LineTimes, line: number): number | null {
  for (let index = line + 1; index < times.length; index++) {
    const t = times[index];
    if (t !== null && t !== undefined) return t;
  }
  return null;
}

/** The start cue: song time 0 is now. */
export function startTiming(now: number): Timing {
  return { running: true, anchorAt: now, pausedAtMs: null };
}

export function pauseTiming(timing: Timing, now: number): Timing {
  if (!timing.running) return timing;
  return {
    running: false,
    anchorAt: timing.anchorAt,
    pausedAtMs: Math.max(0, now - timing.anchorAt),
  };
}

/** Re-anchors so the song goes on from where it was paused. */
export function resumeTiming(timing: Timing, now: number): Timing {
  if (timing.running) return timing;
  return { running: true, anchorAt: now - (timing.pausedAtMs ?? 0), pausedAtMs: null };
}

/**
 * The band is ahead (`ms` > 0) or behind (`ms` < 0) of the file: song time moves by `ms`, so
 * +500 brings every coming line 500 ms sooner.
 */
export function nudgeTiming(timing: Timing, ms: number): Timing {
  return timing.running
    ? { ...timing, anchorAt: timing.anchorAt - ms }
    : { ...timing, pausedAtMs: Math.max(0, (timing.pausedAtMs ?? 0) + ms) };
}

/**
 * Manual override while timed: the operator's line is "now" and timing goes on from there,
 * so the next line follows its own LRC distance from this one. A line the LRC does not time
 * leaves the anchor alone.
 */
export function anchorAtLine(timing: Timing, times: LineTimes, line: number, now: number): Timing {
  const at = times[line];
  if (at === null || at === undefined) return timing;
  return timing.running
    ? { running: true, anchorAt: now - at, pausedAtMs: null }
    : { running: false, anchorAt: timing.anchorAt, pausedAtMs: at };
}
