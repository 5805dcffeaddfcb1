import { lazy, type ComponentType } from 'react';
import type { Role } from '../../shared/protocol';

export interface Route {
  path: string;
  role: Role;
  /** Loaded on demand, so the display never downloads the operator console's code. */
  View: ComponentType;
}

// Every page the core serves, in one place: the socket reads the role from here and
// main.tsx picks the view from here, so the two can never disagree.
export const routes: readonly Route[] = [
  {
    path: '/display',
    role: 'display',
    View: lazy(() =>
      import('../views/display/DisplayView').then((m) => ({ default: m.DisplayView })),
    ),
  },
  {
    // The same display, started by the app on this machine: its keyboard sends the kiosk keys.
    path: '/kiosk',
    role: 'kiosk',
    View: lazy(() =>
      import('../views/display/DisplayView').then((m) => ({ default: m.KioskView })),
    ),
  },
  {
    path: '/operator',
    role: 'operator',
    View: lazy(() =>
      import('../views/operator/OperatorView').then((m) => ({ default: m.OperatorView })),
    ),
  },
  {
    path: '/overlay',
    role: 'overlay',
    View: lazy(() =>
      import('../views/overlay/OverlayView').then((m) => ({ default: m.OverlayView })),
    ),
  },
  {
    path: '/remote',
    role: 'remote',
    View: lazy(() => import('../views/remote/RemoteView').then((m) => ({ default: m.RemoteView }))),
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
