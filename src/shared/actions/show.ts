import { always, type Action } from './action';

/*
 * The slides: what both the console and the kiosk drive. The kiosk (the app's own display
 * window) answers to fewer keys than the console: its `kioskKeys`.
 */

export const nextAction: Action = {
  name: 'next',
  labelKey: 'label.next',
  group: 'show',
  keys: ['ArrowRight', 'PageDown'],
  kioskKeys: ['ArrowRight', 'PageDown'],
  available: always,
  command: () => ({ name: 'next' }),
};

export const previousAction: Action = {
  name: 'previous',
  labelKey: 'label.previous',
  group: 'show',
  keys: ['ArrowLeft', 'PageUp'],
  kioskKeys: ['ArrowLeft', 'PageUp'],
  available: always,
  command: () => ({ name: 'previous' }),
};

/** Space pauses only between songs (during one it is "next line"); P always does. */
export const pauseAction: Action = {
  name: 'togglePause',
  labelKey: 'label.togglePause',
  group: 'show',
  keys: [' ', 'p', 'P'],
  kioskKeys: [' '],
  available: always,
  command: () => ({ name: 'togglePause' }),
};

/** '.' too: it is what a clicker's "blank screen" button sends. */
export const blackoutAction: Action = {
  name: 'blackout',
  labelKey: 'label.blackout',
  group: 'show',
  keys: ['b', 'B', '.'],
  kioskKeys: ['b', 'B'],
  available: always,
  command: (ctx) => ({ name: 'blackout', on: !ctx.show.blackout }),
};

export const safeModeAction: Action = {
  name: 'safeMode',
  labelKey: 'label.safeMode',
  group: 'show',
  keys: ['s', 'S'],
  kioskKeys: ['s', 'S'],
  available: always,
  command: (ctx) => ({ name: 'safeMode', on: !ctx.show.safeMode }),
};

export const goToAction: Action<string> = {
  name: 'goTo',
  labelKey: 'label.goTo',
  group: 'show',
  keys: [],
  available: always,
  command: (_ctx, itemId) => ({ name: 'goTo', itemId }),
};

export const setPlaylistAction: Action<string> = {
  name: 'setPlaylist',
  labelKey: 'label.setPlaylist',
  group: 'show',
  keys: [],
  available: always,
  command: (_ctx, playlistId) => ({ name: 'setPlaylist', playlistId }),
};
