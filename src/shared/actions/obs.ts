import type { ObsInfo } from '../protocol/obs';
import { always, type Action, type KeyEvent } from './action';

/*
 * OBS from the operator console, as registered actions: the panel's buttons and the keys both
 * go through these. The overlay toggles are the console's own overlay actions (1–4): OBS
 * follows `show.overlays`, so the same key shows or hides the element on the stream whichever
 * way OBS shows it (SetSceneItemEnabled for native sources, the overlay page for a browser
 * source). Scenes are Ctrl+1…9, in the order the panel (and OBS's Scenes dock) lists them:
 * modifier chords, so they never meet the console's plain keys.
 */

export const obsConfigureAction: Action<{
  host: string;
  port: number;
  password?: string;
}> = {
  name: 'obsConfigure',
  labelKey: 'label.obsConfigure',
  group: 'obs',
  keys: [],
  available: always,
  command: (_ctx, { host, port, password }) => ({
    name: 'obsConfigure',
    host,
    port,
    ...(password !== undefined ? { password } : {}),
  }),
};

export const obsSetupAction: Action<{ addToScenes?: string[] }> = {
  name: 'obsSetup',
  labelKey: 'label.obsSetup',
  group: 'obs',
  keys: [],
  available: always,
  command: (_ctx, { addToScenes }) => ({
    name: 'obsSetup',
    ...(addToScenes && addToScenes.length > 0 ? { addToScenes } : {}),
  }),
};

export const obsSwitchSceneAction: Action<string> = {
  name: 'obsSwitchScene',
  labelKey: 'label.obsSwitchScene',
  group: 'obs',
  keys: [],
  available: always,
  command: (_ctx, scene) => ({ name: 'obsSwitchScene', scene }),
};

export const OBS_SCENE_KEYS = 9;

/** The keys, as the shortcut sheet lists them (`labelKey` in the `actions` catalog). */
export const obsKeyList: readonly { labelKey: string; keys: readonly string[] }[] = [
  {
    labelKey: 'obsKeys.scenes',
    keys: Array.from({ length: OBS_SCENE_KEYS }, (_, i) => `Ctrl+${i + 1}`),
  },
];

/**
 * The scene a key press switches to, or null. Ctrl+N (⌘+N on a Mac) is the Nth scene in the
 * list OBS sent; `code` makes it work whatever the keyboard layout puts on the digit keys.
 */
export function obsSceneForKey(obs: ObsInfo | null, event: KeyEvent): string | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return null;
  const digit = /^Digit([1-9])$/.exec(event.code ?? '')?.[1] ?? /^[1-9]$/.exec(event.key)?.[0];
  if (!digit || !obs?.scenes || obs.status.state !== 'connected') return null;
  return obs.scenes.scenes[Number(digit) - 1] ?? null;
}
