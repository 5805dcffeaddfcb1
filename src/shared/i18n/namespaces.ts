/**
 * One catalog file per room of the app, so the people translating (and the engineers adding a
 * screen) each work in one file: `locales/<language>/<namespace>.json`.
 */
export const NAMESPACES = [
  'common',
  'actions',
  'console',
  'remote',
  'merch',
  'display',
  'kiosk',
  'overlay',
  'problems',
  'core',
  'case',
  'editor',
  'print',
  'player',
  'stage',
  'screen',
] as const;
export type Namespace = (typeof NAMESPACES)[number];
