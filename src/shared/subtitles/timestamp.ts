/**
 * A cue timestamp in milliseconds, or null when it is not one. WebVTT writes `mm:ss.ttt` or
 * `hh:mm:ss.ttt` (hours may have more digits); SubRip writes `hh:mm:ss,ttt`, and real files
 * also carry the other separator or a one-digit hour, which players accept, so we do too.
 */
const TIMESTAMP = /^(?:(\d{1,}):)?(\d{2}):(\d{2})[.,](\d{3})$/;

export function parseTimestamp(text: string): number | null {
  const match = TIMESTAMP.exec(text.trim());
  if (!match) return null;
  const [, hours, minutes, seconds, millis] = match;
  const m = Number(minutes);
  const s = Number(seconds);
  if (m > 59 || s > 59) return null;
  return ((Number(hours ?? 0) * 60 + m) * 60 + s) * 1000 + Number(millis);
}

export interface CueTiming {
  startMs: number;
  endMs: number;
}

export type TimingResult =
  | { ok: true; timing: CueTiming }
  | { ok: false; which: 'start' | 'end'; got: string }
  | { ok: false; which: 'order'; got: string };

/** `00:01.000 --> 00:04.000 line:0` (settings after the end are ignored: the views place cues). */
export function parseTimingLine(line: string): TimingResult {
  const [left = '', right = ''] = line.split('-->');
  const startText = left.trim();
  const endText = right.trim().split(/\s+/)[0] ?? '';
  const startMs = parseTimestamp(startText);
  if (startMs === null) return { ok: false, which: 'start', got: startText };
  const endMs = parseTimestamp(endText);
  if (endMs === null) return { ok: false, which: 'end', got: endText };
  if (endMs <= startMs) return { ok: false, which: 'order', got: `${startText} --> ${endText}` };
  return { ok: true, timing: { startMs, endMs } };
}
