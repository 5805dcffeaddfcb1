import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { ShowState } from '../../shared/protocol';
import { pageClock } from './clock-sync';
import { reportPrepared } from './socket';
import { usePreparedReport } from './use-prepared-report';
import {
  ChangeScheduler,
  animationFrames,
  dueOnPageClock,
  isLate,
  type FrameSource,
} from './change-scheduler';

export { PREPARED_WAIT_FRAMES } from './use-prepared-report';

export interface ScheduledShowOptions {
  /**
   * Whether the content no longer has what `state` puts on air (its file was deleted, or
   * broke with no good version). Content reaches the screen at once; a slide change that
   * waited for its frame would leave the screen blank meanwhile, so it goes up at once too.
   */
  isGone?: (state: ShowState) => boolean;
  /**
   * Puts `state` on screen in its frame by itself, without a render, and says whether it did
   * (the display's prepared slide: views/display/stage-flip.ts). React then renders the same
   * state after the frame; otherwise it renders it in the frame.
   */
  flip?: (state: ShowState) => boolean;
  frames?: FrameSource;
  now?: () => number;
  /**
   * Whether this screen has `state` ready to put up in a frame (the display: its frame built
   * hidden). Reported at the frame after: painted. Left out: once it is rendered.
   */
  isPrepared?: (state: ShowState) => boolean;
  /**
   * Tells the core when a change was ready to go up (core's clock): it learns how far ahead to
   * stamp the next ones from every screen's reports. By default over this page's socket.
   */
  onPrepared?: (showAt: number, at: number) => void;
}

const preparedOnRender = () => true;

const notGone = () => false;

/**
 * The show as this screen should show it now: the core's latest state once its `showAt` has
 * come on this page's clock (corrected by the measured offset), so screens on the same
 * playlist switch on the same frame. The slide after the current one is already built hidden
 * (SlideStage's upcoming frame), so the switch in that frame is a flip, not a build.
 */
export function useScheduledShow(
  show: ShowState | null,
  syncOffsetMs: number | null,
  {
    isGone = notGone,
    flip,
    frames = animationFrames,
    now = pageClock,
    isPrepared = preparedOnRender,
    onPrepared = reportPrepared,
  }: ScheduledShowOptions = {},
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

  const flipRef = useRef(flip);
  const currentRef = useRef(current);
  useLayoutEffect(() => {
    flipRef.current = flip;
    currentRef.current = current;
  });
  /** A state flipped onto the screen that React has not rendered yet: not scheduled again. */
  const flippedRef = useRef<ShowState | null>(null);
  const schedulerRef = useRef<ChangeScheduler<ShowState> | null>(null);
  useLayoutEffect(() => {
    const scheduler = new ChangeScheduler<ShowState>(frames, (value) => {
      // Flipped in the frame: React renders the same state once the next frame has begun,
      // so its render (a few ms) never competes with the flipped frame's own rendering, or on
      // a machine driving several screens, with theirs. Unless something else went up
      // meanwhile (a late change, safe mode): that one stays.
      if (flipRef.current?.(value)) {
        flippedRef.current = value;
        const before = currentRef.current;
        frames.request(() => setShown((shownNow) => (shownNow === before ? value : shownNow)));
      }
      // Else in the frame's own callback: rendered and committed before that frame paints.
      else flushSync(() => setShown(value));
    });
    schedulerRef.current = scheduler;
    return () => scheduler.cancel();
  }, [frames]);
  useLayoutEffect(() => {
    const scheduler = schedulerRef.current;
    if (flippedRef.current === current) flippedRef.current = null;
    if (!scheduler || show === null || current === show || flippedRef.current === show) return;
    const due = isGone(current!) ? null : dueOnPageClock(show, current, syncOffsetMs);
    scheduler.schedule(show, due ?? -Infinity);
    return () => scheduler.cancel();
  }, [show, current, syncOffsetMs, isGone, frames]);

  // Once a change is in, the core hears when (use-prepared-report.ts).
  const isUp = useCallback(
    (state: ShowState) => currentRef.current === state || flippedRef.current === state,
    [],
  );
  usePreparedReport(show, syncOffsetMs, { isUp, isPrepared, onPrepared, frames, now });

  return current;
}
