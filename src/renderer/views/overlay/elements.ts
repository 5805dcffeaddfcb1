/**
 * The single-element pages OBS browser sources open: `/overlay/<slug>`. The slugs are the ones
 * `elementSlugs` in src/main/obs/overlay-elements.ts writes into the sources' URLs; the renderer
 * may not import src/main, so they are repeated here (a unit test pins them).
 */
export const overlaySlugs = ['lower-third', 'lyrics', 'qr', 'drawing', 'now-playing'] as const;
export type OverlaySlug = (typeof overlaySlugs)[number];

export type OverlayTarget =
  /** `/overlay`: every element, for one canvas-sized source (or a browser to look at). */
  { kind: 'all' } | { kind: 'one'; element: OverlaySlug } | { kind: 'unknown'; name: string };

const isSlug = (name: string): name is OverlaySlug =>
  (overlaySlugs as readonly string[]).includes(name);

/** Which element(s) a page shows, from its path. */
export function parseOverlayPath(pathname: string): OverlayTarget {
  const path = pathname.replace(/\/+$/, '');
  if (path === '/overlay' || path === '') return { kind: 'all' };
  const rest = path.startsWith('/overlay/') ? path.slice('/overlay/'.length) : path;
  let name: string;
  try {
    name = decodeURIComponent(rest);
  } catch {
    name = rest;
  }
  // Someone typing the URL into OBS by hand may capitalise it; nothing else is forgiven.
  const slug = name.toLowerCase();
  return isSlug(slug) ? { kind: 'one', element: slug } : { kind: 'unknown', name };
}
