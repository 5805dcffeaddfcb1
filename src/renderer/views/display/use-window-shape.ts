import { useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('resize', onChange);
  return () => window.removeEventListener('resize', onChange);
}

// A string snapshot: the same shape is the same value, so a resize that keeps it renders nothing.
const shapeOf = () => `${window.innerWidth}x${window.innerHeight}`;

/** The window's size, following resizes (a screen turned in its settings, a window moved). */
export function useWindowShape(): { width: number; height: number } {
  const shape = useSyncExternalStore(subscribe, shapeOf);
  const [width = 0, height = 0] = shape.split('x').map(Number);
  return { width, height };
}
