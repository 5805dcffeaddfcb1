import { useLayoutEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import type { ShowState } from '../../shared/protocol';
import { pageClock } from './clock-sync';
import {
  ChangeScheduler,
  animationFrames,
  dueOnPageClock,
  isLate,
  type FrameSource,
} from './change-scheduler';

/**
 * The show as this screen should show it now: the core's latest state once its `showAt` has
 * come on this page's clock (corrected by the measured offset), so screens on the same
 * playlist switch on the same frame. The slide after the current one is already built hidden
 * (SlideStage's upcoming frame), so the switch in that frame is a flip, not a build.
 */
export function useScheduledShow(
  show: ShowState | null,
  syncOffsetMs: number | null,
  /**
   * Whether the content no longer has what `state` puts on air (its file was deleted, or
   * broke with no good version). Content reaches the screen at once; a slide change that
   * waited for its frame would leave the screen blank meanwhile, so it goes up at once too.
   */
  isGone: (state: ShowState) => boolean = () => false,
  frames: FrameSource = animationFrames,
  now: () => number = pageClock,
): ShowState | null {
  const [shown, setShown] = useState(show);
  const [seen, setSeen] = useState(show);
  let current = shown;
  // Decided while rendering (React's "adjust state while rendering"): a late change, safe
  // mode or blackout reach the DOM in the same commit as the message, not a frame later.
  if (show !== seen) {
    setSeen(show);
    const due =
      show === null || (shown !== null && isGone(shown))
        ? null
        : dueOnPageClock(show, shown, syncOffsetMs);
    if (isLate(due, now())) {
      setShown(show);
      current = show;
    }
  }

  const [scheduler] = useState(
    () =>
      new ChangeScheduler<ShowState>(frames, (value) =>
        // In the frame's own callback: rendered and committed before that frame paints.
        flushSync(() => setShown(value)),
      ),
  );
  useLayoutEffect(() => {
    if (show === null || current === show) return;
    const due = isGone(current!) ? null : dueOnPageClock(show, current, syncOffsetMs);
    scheduler.schedule(show, due ?? -Infinity);
    return () => scheduler.cancel();
  }, [show, current, syncOffsetMs, scheduler, isGone]);

  return current;
}
