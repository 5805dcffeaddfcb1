/** Photos the core scales down to a screen's width; SVG is drawn at any size, a GIF may move. */
const SCALABLE = /\.(jpe?g|png|webp)$/i;

export interface MediaHrefOptions {
  /** The screen's width step (`widths.ts`), or null for the file as it is. */
  width: number | null;
  /** The version the core checked (`ContentSnapshot.media`), if it has one. */
  version?: string;
  /** The view's token: the core serves pack media only to a view with one. */
  token?: string | null;
}

/**
 * A relative file path (`media/drawings/raised fist.svg`) as a URL path: each part escaped,
 * the slashes kept.
 */
export function encodePathParts(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/**
 * The address of a pack file on the core, `/media/…` with the width, version and token in
 * that order. One builder for the page and for the core naming a picture in a page's head:
 * the browser reuses a fetch only for the very same address.
 */
export function mediaHref(path: string, options: MediaHrefOptions): string {
  const escaped = encodePathParts(path);
  const query = new URLSearchParams();
  if (options.width !== null && SCALABLE.test(path)) query.set('w', String(options.width));
  if (options.version) query.set('v', options.version);
  if (options.token) query.set('token', options.token);
  const search = query.toString();
  return search ? `/media/${escaped}?${search}` : `/media/${escaped}`;
}
