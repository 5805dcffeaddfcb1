/*
 * How long OBS takes to show a subtitle change, learned from the changes already made, so the
 * stream's text can be sent that much before its cue's edge and land on it. Showing a line
 * after a gap (enable the source, fit its band) takes several round trips; swapping the text of
 * a line already shown takes one or two: each kind keeps its own estimate.
 */

export type SubtitleChangeKind = 'appear' | 'change' | 'clear';

/** The most a change is sent ahead: a slow moment must not put a line up long before its time. */
export const MAX_SUBTITLE_LEAD_MS = 200;

/** Whether a change puts a line up after none, swaps one line for another, or clears it. */
export function subtitleChangeKind(fromLine: string, toLine: string): SubtitleChangeKind {
  if (toLine === '') return 'clear';
  return fromLine === '' ? 'appear' : 'change';
}

/**
 * How far a read may trail a cue edge the text was already flipped to and still keep the new
 * text: the flip's moment is an estimate, and a read just before it must not flip the text back.
 * Farther back is a seek or a restart, and the read decides again.
 */
export const FLIP_TRAIL_MS = 300;

/** The moment whose text a read shows: the edge flipped to while the read trails it a little. */
export function textMoment(cursorMs: number, flippedTo: number | null): number {
  const trails =
    flippedTo !== null && cursorMs < flippedTo && flippedTo - cursorMs <= FLIP_TRAIL_MS;
  return trails ? flippedTo : cursorMs;
}

export class SubtitleLead {
  private readonly estimates = new Map<SubtitleChangeKind, number>();

  /** Learns from one change that took `ms`; a smoothed estimate, so one hiccup does not rule. */
  record(kind: SubtitleChangeKind, ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) return;
    const before = this.estimates.get(kind);
    this.estimates.set(kind, before === undefined ? ms : (before + ms) / 2);
  }

  /** How long before its moment a change of this kind is sent: 0 until one has been seen. */
  leadMs(kind: SubtitleChangeKind): number {
    return Math.min(MAX_SUBTITLE_LEAD_MS, this.estimates.get(kind) ?? 0);
  }
}
