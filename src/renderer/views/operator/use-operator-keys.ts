import { useEffect, useRef } from 'react';
import { operatorActionForKey } from '../../../shared/actions';
import { useRunner } from '../../controls/run';

const TEXT_INPUTS = new Set([
  'text',
  'search',
  'email',
  'number',
  'password',
  'tel',
  'url',
  'date',
  'time',
]);

/**
 * Whether a key press belongs to the element that has focus rather than to the show: while
 * someone types in a field, or when Space/Enter activates the focused button or checkbox.
 */
export function keyBelongsToFocus(target: EventTarget | null, key: string): boolean {
  const element = target as Partial<HTMLElement> | null;
  if (!element || typeof element.tagName !== 'string') return false;
  if (element.isContentEditable) return true;
  const tag = element.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = ((element as HTMLInputElement).type || 'text').toLowerCase();
    if (TEXT_INPUTS.has(type)) return true;
    return key === ' ' || key === 'Enter';
  }
  if (tag === 'BUTTON' || tag === 'A' || element.getAttribute?.('role') === 'button') {
    return key === ' ' || key === 'Enter';
  }
  return false;
}

export interface OperatorKeyHandlers {
  /** `?`: show or hide the shortcut sheet. */
  onHelp: () => void;
  /** Escape: close whatever is open. */
  onEscape: () => void;
}

/** The console's keyboard (and a clicker's keys): every press goes through the registered actions. */
export function useOperatorKeys(handlers: OperatorKeyHandlers): void {
  const { run, context } = useRunner();
  const latest = useRef({ handlers, run, context });
  useEffect(() => {
    latest.current = { handlers, run, context };
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || keyBelongsToFocus(event.target, event.key)) return;
      const { handlers: now, run: runNow, context: contextNow } = latest.current;
      if (event.key === '?' && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        now.onHelp();
        return;
      }
      if (event.key === 'Escape') {
        now.onEscape();
        return;
      }
      const ctx = contextNow();
      if (!ctx) return;
      const action = operatorActionForKey(ctx, event);
      if (!action) return;
      // Space would scroll and PageDown would page: the key is the show's now.
      event.preventDefault();
      // A held key would race through the song or the playlist.
      if (event.repeat) return;
      void runNow(action, undefined);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
