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

const keyNames: Record<string, string> = {
  ' ': 'Space',
  ArrowRight: '→',
  ArrowLeft: '←',
  ArrowUp: '↑',
  ArrowDown: '↓',
  PageDown: 'PgDn',
  PageUp: 'PgUp',
  Escape: 'Esc',
};

/** A key as people read it on a keycap: 'Space', '→', 'Shift+→', 'B'. */
export function keyLabel(key: string): string {
  const shifted = key.startsWith('Shift+');
  const bare = shifted ? key.slice('Shift+'.length) : key;
  const name = keyNames[bare] ?? (bare.length === 1 ? bare.toUpperCase() : bare);
  return shifted ? `Shift+${name}` : name;
}

/** An action's keys as shown, without duplicates ('b' and 'B' are one keycap). */
export function keyLabels(keys: readonly string[]): string[] {
  return [...new Set(keys.map(keyLabel))];
}
