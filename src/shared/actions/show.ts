import type { Command } from '../protocol/commands';
import type { ShowState } from '../protocol/show-state';

/**
 * A command as a registered object (excalidraw's actions): its name, the keys that trigger
 * it and how it turns the current state into a command. Keyboards, buttons, the phone remote
 * and tests all go through the same objects, so a key and its button can never disagree.
 */
export interface ShowAction {
  name: string;
  /** Shown on buttons and in the shortcut sheet. */
  label: string;
  /** `KeyboardEvent.key` values. Presentation clickers send PageDown/PageUp. */
  keys: readonly string[];
  /** The command to send, given what is on air now. */
  command: (state: ShowState) => Command;
}

export const nextAction: ShowAction = {
  name: 'next',
  label: 'Next',
  keys: ['ArrowRight', 'PageDown'],
  command: () => ({ name: 'next' }),
};

export const previousAction: ShowAction = {
  name: 'previous',
  label: 'Previous',
  keys: ['ArrowLeft', 'PageUp'],
  command: () => ({ name: 'previous' }),
};

export const pauseAction: ShowAction = {
  name: 'togglePause',
  label: 'Pause / resume',
  keys: [' '],
  command: () => ({ name: 'togglePause' }),
};

export const blackoutAction: ShowAction = {
  name: 'blackout',
  label: 'Blackout',
  keys: ['b', 'B'],
  command: (state) => ({ name: 'blackout', on: !state.blackout }),
};

export const safeModeAction: ShowAction = {
  name: 'safeMode',
  label: 'Safe mode',
  keys: ['s', 'S'],
  command: (state) => ({ name: 'safeMode', on: !state.safeMode }),
};

/** The kiosk keys: what a display started on this machine answers to. */
export const kioskActions: readonly ShowAction[] = [
  nextAction,
  previousAction,
  pauseAction,
  blackoutAction,
  safeModeAction,
];

/** The action a key press triggers, if any. Keys with modifiers are left to the browser. */
export function actionForKey(
  actions: readonly ShowAction[],
  event: { key: string; ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean },
): ShowAction | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
  return actions.find((action) => action.keys.includes(event.key));
}
