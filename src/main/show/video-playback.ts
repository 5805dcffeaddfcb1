import type { ContentSnapshot } from '../../shared/content';
import {
  videoPositionAt,
  type VideoFault,
  type VideoFaultReason,
  type VideoPlayState,
} from '../../shared/protocol';

/** How many skipped videos the console lists; older ones drop off. */
export const MAX_VIDEO_FAULTS = 10;

/** What the engine tells this module about the item on air. */
export interface OnAir {
  itemId: string | null;
  /** The loop's transition counter: a new value is a new showing, even of the same video. */
  sequence: number;
  /** How long the item has been on air (paused time not counted). */
  elapsedMs: number;
  paused: boolean;
}

/**
 * The entry's range start in ms, read defensively: the show's timing for videos (engineer A's
 * `PlannedItem.playback`) may not be there yet; then 0.
 */
export function entryStartMs(planned: unknown): number {
  if (typeof planned !== 'object' || planned === null) return 0;
  const p = planned as { startMs?: unknown; start?: unknown; playback?: { startMs?: unknown } };
  if (typeof p.playback?.startMs === 'number' && p.playback.startMs >= 0) return p.playback.startMs;
  if (typeof p.startMs === 'number' && p.startMs >= 0) return p.startMs;
  if (typeof p.start === 'number' && p.start >= 0) return p.start * 1000;
  return 0;
}

/**
 * The play state of the video on air (see `VideoPlayState`) and the videos skipped because a
 * screen could not play them. The engine owns the loop's timer; this keeps the video's clock
 * in step with it: a new showing starts at the entry's start, pausing the show pauses it.
 */
export class VideoPlaybackState {
  private playback: VideoPlayState | null = null;
  private sequence = -1;
  private readonly faults: VideoFault[] = [];

  /** Brings the play state up to what is on air now, and returns it. */
  sync(
    content: ContentSnapshot,
    onAir: OnAir,
    startMs: number,
    now: number,
  ): VideoPlayState | null {
    const item =
      onAir.itemId === null ? undefined : content.items.find((i) => i.id === onAir.itemId);
    if (item?.kind !== 'video') {
      this.playback = null;
      this.sequence = onAir.sequence;
      return null;
    }
    if (this.playback?.itemId !== item.id || this.sequence !== onAir.sequence) {
      this.sequence = onAir.sequence;
      // Worked out from the loop, not from when this was first asked: the state may be read
      // for the first time seconds after the video went up.
      this.playback = {
        itemId: item.id,
        anchorAt: now,
        positionMs: startMs + Math.max(0, onAir.elapsedMs),
        paused: onAir.paused,
      };
    }
    // The show's pause (space bar, remote) holds the video too, and the other way round.
    if (this.playback.paused !== onAir.paused) this.hold(onAir.paused, now);
    return this.playback;
  }

  current(): VideoPlayState | null {
    return this.playback;
  }

  positionAt(now: number): number {
    return this.playback ? videoPositionAt(this.playback, now) : 0;
  }

  hold(paused: boolean, now: number): void {
    if (!this.playback || this.playback.paused === paused) return;
    this.playback = { ...this.playback, positionMs: this.positionAt(now), anchorAt: now, paused };
  }

  seek(ms: number, now: number): void {
    if (!this.playback) return;
    this.playback = { ...this.playback, positionMs: Math.max(0, ms), anchorAt: now };
  }

  /**
   * Whether a screen's fault report is about the showing on air now. Several screens report
   * the same failure; only the first skips, the rest name a showing that is already gone.
   */
  isOnAir(itemId: string, sequence: number | undefined): boolean {
    if (this.playback?.itemId !== itemId) return false;
    return sequence === undefined || sequence === this.sequence;
  }

  record(fault: VideoFault): void {
    this.faults.push(fault);
    if (this.faults.length > MAX_VIDEO_FAULTS) this.faults.shift();
  }

  recorded(): VideoFault[] {
    return [...this.faults];
  }
}

export type { VideoFaultReason };
