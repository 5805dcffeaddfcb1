import type { Role, ViewRole } from './roles';

/**
 * The page a screen's browser opens to ask to join; it needs no token. Here, not with the
 * screens' schemas: this file imports no zod, so the CLI can print the views' addresses
 * before any library is loaded (`first-slide/`).
 */
export const SCREEN_PAGE_PATH = '/screen';

/**
 * The element a restart's display page carries its kept first slide in, over the app's root:
 * the core writes it (`main/first-slide/kept-page.ts`), the display removes it.
 */
export const KEPT_SLIDE_ID = 'kept-first-slide';

export interface View {
  role: ViewRole;
  /** The page path; the page connects with this role's token. */
  path: string;
  title: string;
  purpose: string;
}

/** Every page the core serves; the renderer's routes are this table with a loader per view. */
export const views: readonly View[] = [
  {
    role: 'display',
    path: '/display',
    title: 'Display',
    purpose: 'the venue screen, full screen or kiosk',
  },
  {
    role: 'kiosk',
    path: '/kiosk',
    title: 'Kiosk display',
    purpose: "this machine's own screen: a display whose keyboard runs the show",
  },
  {
    role: 'operator',
    path: '/operator',
    title: 'Operator',
    purpose: 'the console that runs the show',
  },
  {
    role: 'overlay',
    path: '/overlay',
    title: 'Overlay',
    purpose: 'an OBS browser source for the livestream',
  },
  {
    role: 'remote',
    path: '/remote',
    title: 'Remote',
    purpose: 'a phone remote on the venue network',
  },
  {
    role: 'stage',
    path: '/stage',
    title: 'Stage',
    purpose: "the performers' monitor: lyric line, setlist, clock, the operator's message",
  },
];

/**
 * Posters, flyers and table tents (`npm run print`, and the console's print link): a page of
 * the operator's, opened with the operator's token; not one of the show's screens.
 */
export const printView: View = {
  role: 'operator',
  path: '/print',
  title: 'Print',
  purpose: 'posters, flyers and table tents for the print shop',
};

/** The views printed when the server starts; the phone remote is opt-in and not printed. */
export const printedRoles: readonly ViewRole[] = [
  'display',
  'kiosk',
  'operator',
  'overlay',
  'stage',
];

/** `http://127.0.0.1:8080` for a host and port; IPv6 addresses get their brackets. */
export function baseUrl(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** The address this machine opens a server on `host` at: a wildcard listens on loopback too. */
export function localUrl(host: string, port: number): string {
  return baseUrl(host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host, port);
}

export function viewUrl(base: string, view: View, token?: string): string {
  return token === undefined
    ? `${base}${view.path}`
    : `${base}${view.path}?token=${encodeURIComponent(token)}`;
}

/** The views for `roles`, each with its URL carrying the role's token. */
export function viewUrls(
  base: string,
  tokens: Record<ViewRole, string>,
  roles: readonly ViewRole[] = printedRoles,
): { view: View; url: string }[] {
  return views
    .filter((v) => roles.includes(v.role))
    .map((view) => ({ view, url: viewUrl(base, view, tokens[view.role]) }));
}

/** A page path as the routes know it: a trailing slash (`/display/`) is typed from memory. */
const trimmed = (pathname: string): string =>
  pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;

/** Whether a page path is the one a screen on the venue network asks to join on. */
export function isScreenPage(pathname: string): boolean {
  return trimmed(pathname) === SCREEN_PAGE_PATH;
}

/** The view a page path opens, if any. */
export function matchView(pathname: string): View | undefined {
  const path = trimmed(pathname);
  // OBS browser sources open one overlay element each at /overlay/<name>; the view reads it.
  if (path === printView.path) return printView;
  return views.find(
    (view) => view.path === path || (view.path === '/overlay' && path.startsWith('/overlay/')),
  );
}

export function roleForPath(pathname: string): Role | null {
  return matchView(pathname)?.role ?? null;
}
