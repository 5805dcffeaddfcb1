import type { ComponentType } from 'react';
import { matchView, printView, views, type ViewRole, type View } from '../../shared/protocol';

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

export function matchRoute(pathname: string): Route | undefined {
  const view = matchView(pathname);
  if (view === printView) return printRoute;
  return view && routes.find((route) => route.path === view.path);
}
