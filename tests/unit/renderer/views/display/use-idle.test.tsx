import { act, fireEvent, render, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useCursorIdle, useIdleTimeout } from '../../../../../src/renderer/views/display/use-idle';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('useIdleTimeout', () => {
  it('fires after the wait without activity, and every touch or key restarts it', () => {
    const onIdle = vi.fn();
    renderHook(() => useIdleTimeout(true, 5_000, onIdle));
    act(() => vi.advanceTimersByTime(4_000));
    fireEvent.pointerDown(window);
    act(() => vi.advanceTimersByTime(4_000));
    fireEvent.keyDown(window, { key: 'a' });
    act(() => vi.advanceTimersByTime(4_999));
    expect(onIdle).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(1));
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('does nothing while inactive', () => {
    const onIdle = vi.fn();
    const { rerender } = renderHook(({ active }) => useIdleTimeout(active, 5_000, onIdle), {
      initialProps: { active: false },
    });
    act(() => vi.advanceTimersByTime(60_000));
    expect(onIdle).not.toHaveBeenCalled();
    rerender({ active: true });
    act(() => vi.advanceTimersByTime(5_000));
    expect(onIdle).toHaveBeenCalledTimes(1);
  });
});

describe('useCursorIdle', () => {
  function Probe() {
    return <div data-testid="probe" data-idle={String(useCursorIdle(2_000))} />;
  }

  it('hides the cursor from the start, shows it on movement, hides it 2 s later', () => {
    const { getByTestId } = render(<Probe />);
    const idle = () => getByTestId('probe').getAttribute('data-idle');
    expect(idle()).toBe('true');
    fireEvent.mouseMove(window);
    expect(idle()).toBe('false');
    act(() => vi.advanceTimersByTime(1_999));
    expect(idle()).toBe('false');
    act(() => vi.advanceTimersByTime(1));
    expect(idle()).toBe('true');
  });
});
