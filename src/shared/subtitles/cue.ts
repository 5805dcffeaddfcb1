/**
 * One subtitle cue, as both formats (WebVTT and SubRip) come to after parsing: times in
 * milliseconds from the start of the video, and plain text lines (styling tags removed). Cues
 * may overlap; a viewer shows every cue whose time contains the moment.
 */
export interface SubtitleCue {
  startMs: number;
  endMs: number;
  /** The cue's lines, tags stripped, entities decoded; never empty. */
  lines: string[];
}

export type SubtitleFormat = 'vtt' | 'srt';
