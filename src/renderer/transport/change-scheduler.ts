import type { ShowState } from '../../shared/protocol';

/**
 * The browser's animation frames, as the scheduler sees them: a callback gets the frame's
 * time on this page's clock (epoch ms). Tests hand it fake frames.
 */
export interface FrameSource {
  request(callback: (frameTime: number) => void): unknown;
  cancel(handle: unknown): void;
}

export const animationFrames: FrameSource = {
  request: (callback) =>
    requestAnimationFrame((timestamp) => callback(performance.timeOrigin + timestamp)),
  cancel: (handle) => cancelAnimationFrame(handle as number),
};

/**
 * When `next` should go up on this page's clock, or null for at once: no stamp, no measured
 * offset yet (we cannot time it, so we do not wait), or a change that must not wait. Safe
 * mode and blackout are safety: a screen hides what it must the moment it hears, whatever the
 * others do.
 */
export function dueOnPageClock(
  next: ShowState,
  shown: ShowState | null,
  syncOffsetMs: number | null,
): number | null {
  if (next.showAt === undefined || syncOffsetMs === null || shown === null) return null;
  if (next.safeMode !== shown.safeMode || next.blackout !== shown.blackout) return null;
  return next.showAt - syncOffsetMs;
}

/** Whether a change due at `due` (page clock) is late: it goes up at once. */
export const isLate = (due: number | null, now: number): boolean => due === null || now >= due;

/**
 * Holds the one change waiting for its frame, and applies it in the first animation frame
 * whose time is at or after its due time: every screen with the same due time, the same
 * vsync and a good offset switches in the same frame. A newer change replaces a waiting one
 * (each state is the whole show, so the newer one has it all).
 */
export class ChangeScheduler<T> {
  private pending: { value: T; due: number } | null = null;
  private handle: unknown = null;

  constructor(
    private readonly frames: FrameSource,
    private readonly apply: (value: T) => void,
  ) {}

  schedule(value: T, due: number): void {
    this.cancel();
    this.pending = { value, due };
    this.handle = this.frames.request(this.tick);
  }

  cancel(): void {
    if (this.handle !== null) this.frames.cancel(this.handle);
    this.handle = null;
    this.pending = null;
  }

  private readonly tick = (frameTime: number): void => {
    this.handle = null;
    const pending = this.pending;
    if (!pending) return;
    if (frameTime >= pending.due) {
      this.pending = null;
      this.apply(pending.value);
    } else {
      this.handle = this.frames.request(this.tick);
    }
  };
}
