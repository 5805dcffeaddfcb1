import type { LoadedItem, PlaylistEntry } from '../../../shared/content';
import type { VideoFacts } from '../../../shared/content/video-facts';
import { problem, type LocalizedText } from '../../../shared/protocol/localized-text';

const VIDEO_OPTIONS = ['start', 'end', 'muted', 'loop'] as const;
// Container lengths are rounded to the millisecond: an `end` a hair past them is the end.
const LENGTH_TOLERANCE_S = 0.05;

export interface EntryProblem {
  /** The field inside the entry (`start`), or undefined for the entry as a whole. */
  option?: string;
  text: LocalizedText;
}

const seconds = (ms: number): number => Math.round(ms) / 1000;

/**
 * The problems of one playlist entry's video options: they belong to video entries only, the
 * range must lie inside the video (`start < end ≤ length`), and `loop` needs a time limit
 * (the entry's or the playlist's `duration`), or the loop would never move on.
 */
export function videoEntryProblems(
  entry: PlaylistEntry,
  target: LoadedItem,
  playlistDuration: number | undefined,
  facts: VideoFacts | undefined,
): EntryProblem[] {
  if (typeof entry === 'string') return [];
  const given = VIDEO_OPTIONS.filter((option) => entry[option] !== undefined);
  if (target.kind !== 'video') {
    return given.map((option) => ({
      option,
      text: problem('video.optionNotVideo', { option, kind: target.kind }),
    }));
  }
  const found: EntryProblem[] = [];
  const { start, end } = entry;
  if (start !== undefined && end !== undefined && start >= end) {
    found.push({ option: 'start', text: problem('video.startNotBeforeEnd', { start, end }) });
  }
  if (facts) {
    const length = facts.durationMs / 1000;
    for (const option of ['start', 'end'] as const) {
      const value = entry[option];
      const past =
        option === 'start'
          ? value !== undefined && value >= length
          : value !== undefined && value > length + LENGTH_TOLERANCE_S;
      if (past) {
        found.push({
          option,
          text: problem('video.rangePastEnd', {
            option,
            value: value!,
            length: seconds(facts.durationMs),
          }),
        });
      }
    }
  }
  if (entry.loop && entry.duration === undefined && playlistDuration === undefined) {
    found.push({ option: 'loop', text: problem('video.loopNeedsDuration') });
  }
  return found;
}
