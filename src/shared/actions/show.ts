import { always, type Action } from './action';

/*
 * The slides: what both the console and the kiosk drive. The kiosk (the app's own display
 * window) answers to fewer keys than the console: its `kioskKeys`.
 */

export const nextAction: Action = {
  name: 'next',
  label: 'Next slide',
  group: 'show',
  keys: ['ArrowRight', 'PageDown'],
  kioskKeys: ['ArrowRight', 'PageDown'],
  available: always,
  command: () => ({ name: 'next' }),
};

export const previousAction: Action = {
  name: 'previous',
  label: 'Previous slide',
  group: 'show',
  keys: ['ArrowLeft', 'PageUp'],
  kioskKeys: ['ArrowLeft', 'PageUp'],
  available: always,
  command: () => ({ name: 'previous' }),
};

/** Space pauses only between songs (during one it is "next line"); P always does. */
export const pauseAction: Action = {
  name: 'togglePause',
  label: 'Pause / resume',
  group: 'show',
  keys: [' ', 'p', 'P'],
  kioskKeys: [' '],
  available: always,
  command: () => ({ name: 'togglePause' }),
};

/** '.' too: it is what a clicker's "blank screen" button sends. */
export const blackoutAction: Action = {
  name: 'blackout',
  label: 'Blackout',
  group: 'show',
  keys: ['b', 'B', '.'],
  kioskKeys: ['b', 'B'],
  available: always,
  command: (ctx) => ({ name: 'blackout', on: !ctx.show.blackout }),
};

export const safeModeAction: Action = {
  name: 'safeMode',
  label: 'Safe mode',
  group: 'show',
  keys: ['s', 'S'],
  kioskKeys: ['s', 'S'],
  available: always,
  command: (ctx) => ({ name: 'safeMode', on: !ctx.show.safeMode }),
};

export const goToAction: Action<string> = {
  name: 'goTo',
  label: 'Show this item now',
  group: 'show',
  keys: [],
  available: always,
  command: (_ctx, itemId) => ({ name: 'goTo', itemId }),
};

export const setPlaylistAction: Action<string> = {
  name: 'setPlaylist',
  label: 'Switch playlist',
  group: 'show',
  keys: [],
  available: always,
  command: (_ctx, playlistId) => ({ name: 'setPlaylist', playlistId }),
};
