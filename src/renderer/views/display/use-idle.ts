import { useEffect, useRef, useState } from 'react';

/** What counts as someone using the screen: a touch, a click, a key, a scroll. */
export const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Calls `onIdle` once `ms` pass without activity, while `active`. Every activity restarts the
 * wait. The merch table uses it to fall back to the loop when people walk away.
 */
export function useIdleTimeout(active: boolean, ms: number, onIdle: () => void): void {
  const callback = useRef(onIdle);
  useEffect(() => {
    callback.current = onIdle;
  });
  useEffect(() => {
    if (!active) return;
    let timer = setTimeout(() => callback.current(), ms);
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(() => callback.current(), ms);
    };
    for (const type of ACTIVITY_EVENTS) {
      window.addEventListener(type, restart, { capture: true, passive: true });
    }
    return () => {
      clearTimeout(timer);
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, restart, true);
    };
  }, [active, ms]);
}

/**
 * True once the mouse has been still for `ms` (and before it first moves): a pointer parked in
 * the middle of a slide is the first thing the audience would notice.
 */
export function useCursorIdle(ms = 2_000): boolean {
  const [idle, setIdle] = useState(true);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const moved = () => {
      setIdle(false);
      clearTimeout(timer);
      timer = setTimeout(() => setIdle(true), ms);
    };
    window.addEventListener('mousemove', moved, { passive: true });
    return () => {
      clearTimeout(timer);
      window.removeEventListener('mousemove', moved);
    };
  }, [ms]);
  return idle;
}
