import type { ComponentType } from 'react';
import { NAMESPACES, type Namespace } from '../../shared/i18n/namespaces';
// The table itself, not the protocol's index: this module is in the page's first script, and
// the index would bring zod into it.
import { matchView, views, type View } from '../../shared/protocol/views';
import type { Role } from '../../shared/protocol/roles';

export { roleForPath } from '../../shared/protocol/views';

export interface Route extends View {
  /**
   * Loaded on demand, so the display never downloads the operator console's code. Loaded
   * before the first render, not through React.lazy: React holds a revealed Suspense boundary
   * back by up to 300 ms, which a venue screen would spend blank on every start.
   */
  load: () => Promise<ComponentType>;
  /**
   * The catalogs the page's own words come from (in the reader's language), fetched before the
   * first render; `common` first, the default. The words audience screens add in the slide's
   * language are fetched by the view (`useAudienceWords`). The console and the phone take
   * every room: they show words from all of them, and they are not what a venue waits for.
   */
  namespaces: readonly Namespace[];
}

/** Each view's component, by the view's name (its role); the table of views is shared. */
const loaders: Record<Role, () => Promise<ComponentType>> = {
  display: () => import('../views/display/DisplayView').then((m) => m.DisplayView),
  // The same display, started by the app on this machine: its keyboard sends the kiosk keys.
  kiosk: () => import('../views/display/DisplayView').then((m) => m.KioskView),
  operator: () => import('../views/operator/OperatorView').then((m) => m.OperatorView),
  overlay: () => import('../views/overlay/OverlayView').then((m) => m.OverlayView),
  remote: () => import('../views/remote/RemoteView').then((m) => m.RemoteView),
};

const DISPLAY_NAMESPACES: readonly Namespace[] = ['common', 'display'];
const namespaces: Record<Role, readonly Namespace[]> = {
  display: DISPLAY_NAMESPACES,
  kiosk: DISPLAY_NAMESPACES,
  operator: NAMESPACES,
  overlay: ['common', 'overlay'],
  remote: NAMESPACES,
};

/** A page no route matches (the list of addresses) speaks only `common`. */
export const NOT_FOUND_NAMESPACES: readonly Namespace[] = ['common'];

export const routes: readonly Route[] = views.map((view) => ({
  ...view,
  load: loaders[view.role],
  namespaces: namespaces[view.role],
}));

export function matchRoute(pathname: string): Route | undefined {
  const view = matchView(pathname);
  return view && routes.find((route) => route.path === view.path);
}
