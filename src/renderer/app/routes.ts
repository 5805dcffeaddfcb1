import type { ComponentType } from 'react';
import type { Role } from '../../shared/protocol';

export interface Route {
  path: string;
  role: Role;
  /**
   * Loaded on demand, so the display never downloads the operator console's code. Loaded
   * before the first render, not through React.lazy: React holds a revealed Suspense boundary
   * back by up to 300 ms, which a venue screen would spend blank on every start.
   */
  load: () => Promise<ComponentType>;
}

// Every page the core serves, in one place: the socket reads the role from here and
// main.tsx picks the view from here, so the two can never disagree.
export const routes: readonly Route[] = [
  {
    path: '/display',
    role: 'display',
    load: () => import('../views/display/DisplayView').then((m) => m.DisplayView),
  },
  {
    // The same display, started by the app on this machine: its keyboard sends the kiosk keys.
    path: '/kiosk',
    role: 'kiosk',
    load: () => import('../views/display/DisplayView').then((m) => m.KioskView),
  },
  {
    path: '/operator',
    role: 'operator',
    load: () => import('../views/operator/OperatorView').then((m) => m.OperatorView),
  },
  {
    path: '/overlay',
    role: 'overlay',
    load: () => import('../views/overlay/OverlayView').then((m) => m.OverlayView),
  },
  {
    path: '/remote',
    role: 'remote',
    load: () => import('../views/remote/RemoteView').then((m) => m.RemoteView),
  },
];

export function matchRoute(pathname: string): Route | undefined {
  // A trailing slash (`/display/`) is what people type from memory.
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  // OBS browser sources open one overlay element each at /overlay/<name>; the view reads it.
  return routes.find(
    (route) => route.path === path || (route.path === '/overlay' && path.startsWith('/overlay/')),
  );
}

export function roleForPath(pathname: string): Role | null {
  return matchRoute(pathname)?.role ?? null;
}
