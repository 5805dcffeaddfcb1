import { KEPT_SLIDE_ID } from '../../shared/protocol/views';
import { escapeHtml, readRendererIndex } from '../server/pages';
import { withPictureHints } from '../server/picture-hints';
import { readViewPreloads, withPreloads } from '../server/view-preloads';

/** What the server-side render of the slide on air gives (`renderer/first-slide/render-on-air.tsx`). */
export interface OnAirMarkup {
  itemId: string;
  html: string;
  /** Its pictures: each pack file and its `/media/…` address, as in `html`. */
  pictures: { file: string; url: string }[];
  lang: string;
}

/**
 * The display's page as the core serves it (its stylesheets, its entry script, its picture
 * named first), with the finished slide over the app's root. The view's module preloads are
 * left out: the kept page is answered before the core is loaded, its scripts are held until
 * then, and six held preloads would take every connection the browser opens to the host, the
 * picture's too. Null when the renderer is not built.
 */
export async function keptDisplayPage(
  rendererDir: string,
  markup: OnAirMarkup,
): Promise<string | null> {
  const index = await readRendererIndex(rendererDir);
  if (index === null) return null;
  const preloads = await readViewPreloads(rendererDir, '/display');
  const page = withPictureHints(
    withPreloads(index, { ...preloads, scripts: [] }),
    markup.pictures.map((picture) => picture.url),
  )
    .replace(/\s*<link rel="modulepreload"[^>]*>/g, '')
    .replace(/<html lang="[^"]*"/, () => `<html lang="${escapeHtml(markup.lang)}"`);
  const slide = `<div id="${KEPT_SLIDE_ID}" style="position:fixed;inset:0;z-index:1">${markup.html}</div>`;
  // A function, so nothing in the slide's text is read as a replacement pattern (`$&`).
  const kept = page.replace('<div id="root"></div>', () => `<div id="root"></div>${slide}`);
  return kept === page ? null : kept;
}
