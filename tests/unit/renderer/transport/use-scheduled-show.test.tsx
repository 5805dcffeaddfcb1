import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ShowState } from '../../../../src/shared/protocol';
import {
  PREPARED_WAIT_FRAMES,
  useScheduledShow,
} from '../../../../src/renderer/transport/use-scheduled-show';
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
  const prepared: Array<{ showAt: number; at: number }> = [];
  const onPrepared = (showAt: number, at: number) => prepared.push({ showAt, at });
  const hook = renderHook(
    ({ show, offset }) =>
      useScheduledShow(show, offset, {
        isGone,
        flip,
        frames,
        now: () => clock.now,
        onPrepared,
      }),
    { initialProps: { show: first as ShowState | null, offset: 250 as number | null } },
  );
  return { frames, clock, hook, prepared };
}

describe('useScheduledShow', () => {
  const onAir = showState({ sequence: 1, showAt: 9_000 });
  // Due at 10_350 on the core's clock: 10_100 on this page's.
  const next = showState({ itemId: 'free-boris-site', position: 1, sequence: 2, showAt: 10_350 });

  it('keeps the slide on air until the frame at showAt, then switches in that frame', () => {
    const { frames, clock, hook } = screen(onAir);
    hook.rerender({ offset: 250, show: next });
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

  it('tells the core when each change was in, on its clock: scheduled or late, not the greeting', () => {
    const { frames, clock, hook, prepared } = screen(onAir);
    // The first state is the page's greeting, not a change it was sent.
    expect(prepared).toEqual([]);
    hook.rerender({ offset: 250, show: next });
    // Rendered, but not painted until the next frame: that is when it is in.
    expect(prepared).toEqual([]);
    clock.now = 10_004;
    act(() => frames.frame(10_004));
    // 10_004 on this page, 10_254 on the core's clock: 96 ms before it is due.
    expect(prepared).toEqual([{ showAt: 10_350, at: 10_254 }]);
    // The same change again (a reconnect's state, a new item elsewhere): said once.
    hook.rerender({ offset: 250, show: { ...next } });
    act(() => frames.frame(10_020));
    expect(prepared).toHaveLength(1);
    // Heard after it was due: up at once, and said at once; the core most needs to hear it.
    const late = showState({ itemId: 'a', position: 0, sequence: 3, showAt: 10_300 });
    clock.now = 10_120;
    hook.rerender({ offset: 250, show: late });
    expect(prepared).toEqual([
      { showAt: 10_350, at: 10_254 },
      { showAt: 10_300, at: 10_370 },
    ]);
  });

  it('waits for the screen to say it could put the change up, and gives up after a while', () => {
    let built = false;
    const frames = new FakeFrames();
    const clock = { now: 10_000 };
    const prepared: number[] = [];
    const hook = renderHook(
      ({ show }) =>
        useScheduledShow(show, 250, {
          frames,
          now: () => clock.now,
          isPrepared: (state) => built && state === next,
          onPrepared: (_showAt, at) => prepared.push(at),
        }),
      { initialProps: { show: onAir } },
    );
    hook.rerender({ show: next });
    for (const time of [10_016, 10_033]) {
      clock.now = time;
      act(() => frames.frame(time));
    }
    // Its frame is still being built: not ready, not said.
    expect(prepared).toEqual([]);
    built = true;
    clock.now = 10_050;
    act(() => frames.frame(10_050));
    expect(prepared).toEqual([10_300]);

    // A screen that never can: said after PREPARED_WAIT_FRAMES, with the time it gave up.
    built = false;
    const other = showState({ itemId: 'a', position: 0, sequence: 3, showAt: 11_000 });
    hook.rerender({ show: other });
    for (let n = 1; n <= PREPARED_WAIT_FRAMES; n++) {
      clock.now = 10_050 + n * 16;
      act(() => frames.frame(clock.now));
      // (The change itself goes up at its due time, 10_750: from then on it is in.)
      if (clock.now >= 10_750) break;
    }
    expect(prepared).toEqual([10_300, 10_050 + PREPARED_WAIT_FRAMES * 16 + 250]);
  });

  it('goes on waiting through a newer state of the same change, and says it once', () => {
    const { frames, clock, hook, prepared } = screen(onAir);
    const change = showState({
      itemId: 'free-boris-site',
      position: 1,
      sequence: 2,
      showAt: 10_350,
    });
    hook.rerender({ offset: 250, show: change });
    // Before the frame, the core sends the same change again (something else moved): the
    // report is not lost, and the new offset estimate does not restart the wait either.
    hook.rerender({ offset: 251, show: { ...change } });
    clock.now = 10_010;
    act(() => frames.frame(10_010));
    expect(prepared).toEqual([{ showAt: 10_350, at: 10_261 }]);
    act(() => frames.frame(10_026));
    expect(prepared).toHaveLength(1);
  });

  it('says nothing it cannot time: no offset measured yet, or a state without showAt', () => {
    const { hook, prepared } = screen(onAir);
    hook.rerender({ offset: null, show: next });
    const unstamped = showState({ itemId: 'a', position: 0, sequence: 3 });
    hook.rerender({ offset: 250, show: unstamped });
    expect(prepared).toEqual([]);
  });

  it('shows a change that came late at once, without waiting for a frame', () => {
    const { frames, clock, hook } = screen(onAir);
    clock.now = 10_101;
    hook.rerender({ offset: 250, show: next });
    expect(hook.result.current).toBe(next);
    expect(frames.waiting).toBe(0);
  });

  it('hides at once for safe mode or a blackout, even with a change pending', () => {
    for (const safety of [{ safeMode: true }, { blackout: true }]) {
      const { frames, hook } = screen(onAir);
      hook.rerender({ offset: 250, show: next });
      const hidden = showState({ ...next, ...safety, sequence: 3, showAt: 10_350 });
      hook.rerender({ offset: 250, show: hidden });
      expect(hook.result.current).toBe(hidden);
      expect(frames.waiting).toBe(0);
    }
  });

  it('does not wait when the content no longer has the slide on screen: never blank', () => {
    // The file of the slide on air was deleted: the new content is already here, so keeping
    // the old state until showAt would show nothing.
    const { frames, hook } = screen(onAir, new Set([onAir.itemId!]));
    hook.rerender({ offset: 250, show: next });
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
    hook.rerender({ offset: 250, show: next });
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
    hook.rerender({ offset: 250, show: next });
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
    hook.rerender({ offset: 250, show: next });
    clock.now = 10_100;
    const later = showState({ itemId: 'azat-miftakhov', position: 2, sequence: 3, showAt: 10_300 });
    act(() => frames.frame(10_100));
    // Heard before React got to the flipped state, already past its showAt: up at once.
    clock.now = 10_200;
    act(() => hook.rerender({ offset: 250, show: later }));
    expect(hook.result.current).toBe(later);
    // The flipped state's render comes after, and does not take the screen back.
    await act(async () => frames.frame(10_216));
    expect(hook.result.current).toBe(later);
  });
});
