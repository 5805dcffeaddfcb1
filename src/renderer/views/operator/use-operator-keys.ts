import { useEffect } from 'react';
import { operatorActionForKey } from '../../../shared/actions';
import { useRunner } from '../../controls/run';
import { useLatest } from '../../controls/use-latest';

/**
 * Inputs that take no typing: a key press there is the show's, except the keys that activate
 * them. Every other type (text, date, datetime-local, month, range, and any type a browser adds
 * later) edits its value with letters, digits or arrows, so its keys belong to it.
 */
const ACTIVATED_INPUTS = new Set([
  'button',
  'submit',
  'reset',
  'checkbox',
  'image',
  'file',
  'color',
]);
const ACTIVATION_KEYS = new Set([' ', 'Enter']);
const ARROWS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End']);
/** ARIA widgets that take typing (a code editor, an autocomplete) own every key. */
const TYPING_ROLES = new Set(['textbox', 'searchbox', 'combobox']);
/** ARIA widgets moved with the arrows own those, and the activation keys. */
const ARROW_ROLES = new Set(['slider', 'spinbutton', 'radio', 'listbox', 'option', 'menuitem']);

/** Editable text, also where the DOM has no `isContentEditable` (jsdom, some embedded editors). */
function isEditable(element: Partial<HTMLElement>): boolean {
  if (element.isContentEditable) return true;
  const editable = element.closest?.('[contenteditable]');
  return !!editable && editable.getAttribute('contenteditable') !== 'false';
}

/**
 * Whether a key press belongs to the element that has focus rather than to the show: while
 * someone types in a field (the editor's forms, a search box), or when Space/Enter activates
 * the focused button or checkbox. When in doubt it is the field's: a "b" typed into a title
 * must never black out the room.
 */
export function keyBelongsToFocus(target: EventTarget | null, key: string): boolean {
  const element = target as Partial<HTMLElement> | null;
  if (!element || typeof element.tagName !== 'string') return false;
  if (isEditable(element)) return true;
  const tag = element.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  const role = element.getAttribute?.('role') ?? '';
  if (TYPING_ROLES.has(role)) return true;
  if (ARROW_ROLES.has(role) && (ARROWS.has(key) || ACTIVATION_KEYS.has(key))) return true;
  if (tag === 'INPUT') {
    const type = ((element as HTMLInputElement).type || 'text').toLowerCase();
    if (type === 'radio') return ARROWS.has(key) || ACTIVATION_KEYS.has(key);
    return ACTIVATED_INPUTS.has(type) ? ACTIVATION_KEYS.has(key) : true;
  }
  if (tag === 'BUTTON' || tag === 'A' || role === 'button') return ACTIVATION_KEYS.has(key);
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
  const latest = useLatest({ handlers, run, context });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // A key composing a character (an input method) is the field's whatever it is.
      if (event.defaultPrevented || event.isComposing) return;
      if (keyBelongsToFocus(event.target, event.key)) return;
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
  }, [latest]);
}
