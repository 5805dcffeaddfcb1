import { z } from 'zod';

/**
 * Who a connected client is. Each role has its own token and its own commands.
 * `kiosk` is a display that the app itself started on this machine (the Electron window, or
 * the Chromium kiosk `npm start` opens): it shows the same as `display`, and its keyboard may
 * also send the kiosk keys. A `display` from anywhere else only shows.
 * `control` is a show controller (Bitfocus Companion, a Stream Deck, a script) on the HTTP
 * control API: it has no page and no socket, and its tokens are named and revocable.
 * `stage` is the performers' monitor: it only shows, and is never an output of the stream.
 */
export const role = z.enum([
  'display',
  'kiosk',
  'operator',
  'overlay',
  'remote',
  'stage',
  'control',
]);
export type Role = z.infer<typeof role>;
export const roles = role.options;

/** The roles with a page of their own and one fixed token each (`tokens.json`). */
export type ViewRole = Exclude<Role, 'control'>;
export const viewRoles = roles.filter((r): r is ViewRole => r !== 'control');

/**
 * The roles whose pages put changes up at their `showAt` (transport/use-scheduled-show.ts), and
 * so report when they had one ready (the `prepared` message): the lead is learned from them.
 */
export const SCHEDULED_ROLES: ReadonlySet<Role> = new Set<Role>([
  'display',
  'kiosk',
  'overlay',
  'stage',
]);
