import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ShowState } from '../../../../src/shared/protocol';
import { useScheduledShow } from '../../../../src/renderer/transport/use-scheduled-show';
import { showState } from '../fixtures';
import { FakeFrames } from './fake-frames';

/** A screen whose clock is 250 ms behind the core's, at page time `clock.now`. */
function screen(
  first: ShowState,
  gone: ReadonlySet<string> = new Set(),
  flip?: (state: ShowState) => boolean,
) {
  const frames = new FakeFrames();
  const clock = { now: 10_000 };
  const isGone = (state: ShowState) => state.itemId !== null && gone.has(state.itemId);
  const hook = renderHook(
    ({ show }) => useScheduledShow(show, 250, { isGone, flip, frames, now: () => clock.now }),
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

  it('lets the display flip a prepared slide in its frame, and renders it after that frame', async () => {
    const flipped: ShowState[] = [];
    let seenInFrame: ShowState | null = null;
    const flip = (state: ShowState) => {
      flipped.push(state);
      return true;
    };
    const { frames, clock, hook } = screen(onAir, new Set(), flip);
    hook.rerender({ show: next });
    clock.now = 10_100;
    act(() => {
      frames.frame(10_100);
      // Inside the frame nothing was rendered: the flip did the switch.
      seenInFrame = hook.result.current;
    });
    expect(flipped).toEqual([next]);
    expect(seenInFrame).toBe(onAir);
    // Not rendered in the task after the flipped frame either: that frame's rendering, and the
    // other screens' on the same machine, go first.
    await act(async () => {});
    expect(hook.result.current).toBe(onAir);
    // Once the next frame has begun, React has the same state as the screen.
    await act(async () => frames.frame(10_116));
    expect(hook.result.current).toBe(next);
    // Flipped once: nothing left waiting for a frame.
    expect(flipped).toEqual([next]);
    expect(frames.waiting).toBe(0);
  });

  it('renders the change in its frame when the display cannot flip it', () => {
    const { frames, clock, hook } = screen(onAir, new Set(), () => false);
    hook.rerender({ show: next });
    clock.now = 10_100;
    let seenInFrame: ShowState | null = null;
    act(() => {
      frames.frame(10_100);
      seenInFrame = hook.result.current;
    });
    expect(seenInFrame).toBe(next);
  });

  it('keeps the order of changes: one heard late after a flip is the one that stays', async () => {
    const { frames, clock, hook } = screen(onAir, new Set(), () => true);
    hook.rerender({ show: next });
    clock.now = 10_100;
    const later = showState({ itemId: 'azat-miftakhov', position: 2, sequence: 3, showAt: 10_300 });
    act(() => frames.frame(10_100));
    // Heard before React got to the flipped state, already past its showAt: up at once.
    clock.now = 10_200;
    act(() => hook.rerender({ show: later }));
    expect(hook.result.current).toBe(later);
    // The flipped state's render comes after, and does not take the screen back.
    await act(async () => frames.frame(10_216));
    expect(hook.result.current).toBe(later);
  });
});
