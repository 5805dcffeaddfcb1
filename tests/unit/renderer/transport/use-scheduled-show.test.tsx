import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ShowState } from '../../../../src/shared/protocol';
import { useScheduledShow } from '../../../../src/renderer/transport/use-scheduled-show';
import { showState } from '../fixtures';
import { FakeFrames } from './fake-frames';

/** A screen whose clock is 250 ms behind the core's, at page time `clock.now`. */
function screen(first: ShowState, gone: ReadonlySet<string> = new Set()) {
  const frames = new FakeFrames();
  const clock = { now: 10_000 };
  const isGone = (state: ShowState) => state.itemId !== null && gone.has(state.itemId);
  const hook = renderHook(
    ({ show }) => useScheduledShow(show, 250, isGone, frames, () => clock.now),
    { initialProps: { show: first as ShowState | null } },
  );
  return { frames, clock, hook };
}

describe('useScheduledShow', () => {
  const onAir = showState({ sequence: 1, showAt: 9_000 });
  // Due at 10_350 on the core's clock: 10_100 on this page's.
  const next = showState({ itemId: 'free-boris-site', position: 1, sequence: 2, showAt: 10_350 });

  it('keeps the slide on air until the frame at showAt, then switches in that frame', () => {
    const { frames, clock, hook } = screen(onAir);
    hook.rerender({ show: next });
    expect(hook.result.current).toBe(onAir);
    for (const time of [10_016, 10_033, 10_050, 10_066, 10_083]) {
      clock.now = time;
      act(() => frames.frame(time));
      expect(hook.result.current).toBe(onAir);
    }
    clock.now = 10_100;
    act(() => frames.frame(10_100));
    expect(hook.result.current).toBe(next);
  });

  it('shows a change that came late at once, without waiting for a frame', () => {
    const { frames, clock, hook } = screen(onAir);
    clock.now = 10_101;
    hook.rerender({ show: next });
    expect(hook.result.current).toBe(next);
    expect(frames.waiting).toBe(0);
  });

  it('hides at once for safe mode or a blackout, even with a change pending', () => {
    for (const safety of [{ safeMode: true }, { blackout: true }]) {
      const { frames, hook } = screen(onAir);
      hook.rerender({ show: next });
      const hidden = showState({ ...next, ...safety, sequence: 3, showAt: 10_350 });
      hook.rerender({ show: hidden });
      expect(hook.result.current).toBe(hidden);
      expect(frames.waiting).toBe(0);
    }
  });

  it('does not wait when the content no longer has the slide on screen: never blank', () => {
    // The file of the slide on air was deleted: the new content is already here, so keeping
    // the old state until showAt would show nothing.
    const { frames, hook } = screen(onAir, new Set([onAir.itemId!]));
    hook.rerender({ show: next });
    expect(hook.result.current).toBe(next);
    expect(frames.waiting).toBe(0);
  });
});
