import { useLayoutEffect, useRef } from 'react';
import type { ShowState } from '../../shared/protocol';
import type { FrameSource } from './change-scheduler';

/**
 * Frames a change is watched for `isPrepared` before it is reported anyway: a screen not
 * ready by then is slow, and says so with the time it gave up at.
 */
export const PREPARED_WAIT_FRAMES = 30;

export interface PreparedReportOptions {
  /** Whether `state` is on the screen already (it came late, or was flipped up). */
  isUp: (state: ShowState) => boolean;
  /** Whether the screen has `state` built, ready to put up in a frame. */
  isPrepared: (state: ShowState) => boolean;
  /** Sends the report: the change stamped `showAt` was in at `at`, on the core's clock. */
  onPrepared: (showAt: number, at: number) => void;
  frames: FrameSource;
  /** This page's clock. */
  now: () => number;
}

/**
 * Tells the core when each change was in on this screen, so it learns how far ahead to stamp
 * the next ones (src/main/show/change-lead.ts).
 */
export function usePreparedReport(
  show: ShowState | null,
  syncOffsetMs: number | null,
  { isUp, isPrepared, onPrepared, frames, now }: PreparedReportOptions,
): void {
  // Once a change is in (painted hidden and ready to flip, or up if it came late): say when,
  // on the core's clock, at the first frame that finds it so. Not the first state a page
  // hears: that is its greeting, not a change it was sent.
  const reportedRef = useRef<number | null>(null);
  const isPreparedRef = useRef(isPrepared);
  const isUpRef = useRef(isUp);
  // Read when the report goes: a newer estimate (pings go on) must not cancel a wait, nor a
  // newer state of the same change (the core sends one for any change of the show): the
  // wait goes on, and asks about the state the screen has now.
  const offsetRef = useRef(syncOffsetMs);
  const showRef = useRef(show);
  const waitRef = useRef<unknown>(null);
  const checkRef = useRef<(() => void) | null>(null);
  useLayoutEffect(() => {
    isPreparedRef.current = isPrepared;
    isUpRef.current = isUp;
    offsetRef.current = syncOffsetMs;
    showRef.current = show;
  });
  useLayoutEffect(() => {
    if (show?.showAt === undefined || offsetRef.current === null) return;
    if (show.showAt === reportedRef.current) {
      // A newer state of the change waited for, up at once (safe mode, a slide gone): in.
      if (waitRef.current !== null && isUpRef.current(show)) {
        frames.cancel(waitRef.current);
        checkRef.current?.();
      }
      return;
    }
    const first = reportedRef.current === null;
    reportedRef.current = show.showAt;
    if (waitRef.current !== null) frames.cancel(waitRef.current);
    waitRef.current = null;
    if (first) return;
    const { showAt } = show;
    let waited = 0;
    const check = () => {
      waitRef.current = null;
      const latest = showRef.current;
      const ready = latest !== null && (isUpRef.current(latest) || isPreparedRef.current(latest));
      if (ready || ++waited >= PREPARED_WAIT_FRAMES) {
        onPrepared(showAt, now() + (offsetRef.current ?? 0));
      } else waitRef.current = frames.request(check);
    };
    checkRef.current = check;
    // Up already (it came late, or could not wait): now. Else not before the next frame:
    // what this commit built is painted only then.
    if (isUpRef.current(show)) check();
    else waitRef.current = frames.request(check);
  }, [show, now, onPrepared, frames]);
  useLayoutEffect(
    () => () => {
      if (waitRef.current !== null) frames.cancel(waitRef.current);
      waitRef.current = null;
    },
    [frames],
  );
}
