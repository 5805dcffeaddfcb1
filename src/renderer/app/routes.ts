import type { ComponentType } from 'react';
import {
  isScreenPage,
  matchView,
  printView,
  SCREEN_PAGE_PATH,
  views,
  type ViewRole,
  type View,
} from '../../shared/protocol';

export { roleForPath } from '../../shared/protocol';

export interface Route extends View {
  /**
   * Loaded on demand, so the display never downloads the operator console's code. Loaded
   * before the first render, not through React.lazy: React holds a revealed Suspense boundary
   * back by up to 300 ms, which a venue screen would spend blank on every start.
   */
  load: () => Promise<ComponentType>;
}

/** Each view's component, by the view's name (its role); the table of views is shared. */
const loaders: Record<ViewRole, () => Promise<ComponentType>> = {
  display: () => import('../views/display/DisplayView').then((m) => m.DisplayView),
  // The same display, started by the app on this machine: its keyboard sends the kiosk keys.
  kiosk: () => import('../views/display/DisplayView').then((m) => m.KioskView),
  operator: () => import('../views/operator/OperatorView').then((m) => m.OperatorView),
  overlay: () => import('../views/overlay/OverlayView').then((m) => m.OverlayView),
  remote: () => import('../views/remote/RemoteView').then((m) => m.RemoteView),
  stage: () => import('../views/stage/StageView').then((m) => m.StageView),
};

export const routes: readonly Route[] = views.map((view) => ({
  ...view,
  load: loaders[view.role],
}));

const printRoute: Route = {
  ...printView,
  load: () => import('../views/print/PrintView').then((m) => m.PrintView),
};

/**
 * A screen asking to join (`/screen`): it opens with no token and connects as a display only
 * once the operator approved it, with the token it was given.
 */
export const screenRoute: Route = {
  role: 'display',
  path: SCREEN_PAGE_PATH,
  title: 'Screen',
  purpose: 'a screen on the venue network asking to join the show',
  load: () => import('../views/display/pairing/ScreenView').then((m) => m.ScreenView),
};

export function matchRoute(pathname: string): Route | undefined {
  if (isScreenPage(pathname)) return screenRoute;
  const view = matchView(pathname);
  if (view === printView) return printRoute;
  return view && routes.find((route) => route.path === view.path);
}
