import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useStarted } from '../../../../../src/renderer/views/display/use-started';

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
