import { useCallback, useEffect, useRef } from 'react';

/**
 * Unsaved edits are asked about before they could be lost: closing the window (the browser's
 * own question) and leaving the item for another (`confirmLeave`). Switching to the Show tab
 * never asks: the editor stays as it was, so the show is one click away mid-edit.
 */
export function useUnsavedGuard(dirty: boolean, question: string): () => boolean {
  const now = useRef({ dirty, question });
  useEffect(() => {
    now.current = { dirty, question };
  });
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older Chromium (and Electron) ask only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);
  return useCallback(() => !now.current.dirty || window.confirm(now.current.question), []);
}
