import { useLayoutEffect, useRef, type RefObject } from 'react';

/**
 * A ref to the value of the last commit, for handlers that outlive a render (keys, answers
 * that arrive later). Set in a layout effect, before the browser can deliver an event to what
 * was just committed: a passive effect runs after paint, which a busy page can put off past
 * the next key or click, and that handler then acts on the state before (a "take theirs" that
 * saw no conflict, a key judged against the slide before).
 */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
