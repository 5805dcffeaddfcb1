import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPreloader } from '../../../../../src/renderer/views/display/preload';
import { useAfterStart, useStarted } from '../../../../../src/renderer/views/display/use-started';

describe('useStarted', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('turns true the given time after there is something to show, and stays true', () => {
    const { result, rerender } = renderHook(({ ready }) => useStarted(ready, 1_000), {
      initialProps: { ready: false },
    });
    act(() => vi.advanceTimersByTime(5_000));
    expect(result.current).toBe(false);
    rerender({ ready: true });
    act(() => vi.advanceTimersByTime(999));
    expect(result.current).toBe(false);
    act(() => vi.advanceTimersByTime(1));
    expect(result.current).toBe(true);
    // A blackout later does not start it over.
    rerender({ ready: false });
    expect(result.current).toBe(true);
  });
});

describe('useAfterStart', () => {
  it('prepares the next slide and calls onStarted only once started, and onStarted only once', () => {
    const load = vi.fn(() => Promise.resolve());
    const preloader = createPreloader(load);
    const first = vi.fn();
    const later = vi.fn();
    const { rerender } = renderHook(
      ({ started, next, onStarted }) => useAfterStart(started, next, preloader, onStarted),
      { initialProps: { started: false, next: ['/media/a.jpg'], onStarted: first } },
    );
    expect(load).not.toHaveBeenCalled();
    expect(first).not.toHaveBeenCalled();
    rerender({ started: true, next: ['/media/a.jpg'], onStarted: first });
    expect(load.mock.calls).toEqual([['/media/a.jpg']]);
    expect(first).toHaveBeenCalledTimes(1);
    // A new callback or a new next slide later does not start anything over.
    rerender({ started: true, next: ['/media/b.jpg'], onStarted: later });
    expect(load.mock.calls).toEqual([['/media/a.jpg'], ['/media/b.jpg']]);
    expect(first).toHaveBeenCalledTimes(1);
    expect(later).not.toHaveBeenCalled();
  });
});
