import type { Command } from '../protocol/commands';
import type { Action, ActionContext, KeyEvent } from './action';
import { consoleKeyActions } from './registry';

/**
 * The chord a key press stands for. Shift is part of it only for named keys (`Shift+ArrowRight`):
 * for a character, the shifted character is already in `key` ('?', 'B', '+').
 */
export function keyChord(event: KeyEvent): string {
  return event.shiftKey && event.key.length > 1 ? `Shift+${event.key}` : event.key;
}

/** The console action a key press runs now, if any. Keys with Ctrl, Alt or Meta are the browser's. */
export function operatorActionForKey(
  ctx: ActionContext,
  event: KeyEvent,
  actions: readonly Action[] = consoleKeyActions,
): Action | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
  const chord = keyChord(event);
  return actions.find((action) => action.keys.includes(chord) && action.available(ctx));
}

/** The command a key press on the console sends now, or null. */
export function operatorCommandForKey(ctx: ActionContext, event: KeyEvent): Command | null {
  return operatorActionForKey(ctx, event)?.command(ctx) ?? null;
}

/** The action a key press on the kiosk triggers, if any. Keys with modifiers are the browser's. */
export function actionForKey(
  actions: readonly Action[],
  event: Pick<KeyEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>,
): Action | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
  return actions.find((action) => action.kioskKeys?.includes(event.key));
}

/** Keys whose keycap carries a word: the word is a `common:keycap.*` message per language. */
export type KeycapName = 'space' | 'pageDown' | 'pageUp' | 'escape' | 'shift' | 'ctrl';

const namedKeys: Record<string, KeycapName> = {
  ' ': 'space',
  PageDown: 'pageDown',
  PageUp: 'pageUp',
  Escape: 'escape',
};

const arrows: Record<string, string> = {
  ArrowRight: '→',
  ArrowLeft: '←',
  ArrowUp: '↑',
  ArrowDown: '↓',
};

/** The English keycaps, for code with no catalog at hand (and the tests). */
export const ENGLISH_KEYCAPS: Record<KeycapName, string> = {
  space: 'Space',
  pageDown: 'PgDn',
  pageUp: 'PgUp',
  escape: 'Esc',
  shift: 'Shift',
  ctrl: 'Ctrl',
};

const english = (name: KeycapName) => ENGLISH_KEYCAPS[name];

/**
 * A key as people read it on a keycap: 'Space', '→', 'Shift+→', 'B'. `name` words the keycaps
 * that carry a word in the reader's language (a French keyboard says « Espace », « Échap »).
 */
export function keyLabel(key: string, name: (keycap: KeycapName) => string = english): string {
  const shifted = key.startsWith('Shift+');
  const bare = shifted ? key.slice('Shift+'.length) : key;
  const named = namedKeys[bare];
  const label = named
    ? name(named)
    : (arrows[bare] ?? (bare.length === 1 ? bare.toUpperCase() : bare));
  return shifted ? `${name('shift')}+${label}` : label;
}

/** An action's keys as shown, without duplicates ('b' and 'B' are one keycap). */
export function keyLabels(
  keys: readonly string[],
  name: (keycap: KeycapName) => string = english,
): string[] {
  return [...new Set(keys.map((key) => keyLabel(key, name)))];
}
