import type { ContentSnapshot } from '../../shared/content';
import { mediaHref } from '../../shared/media/media-href';
import { picturesOf } from '../../shared/media/pictures';
import { matchView, type ShowState, type ViewRole } from '../../shared/protocol';
import { chooseScreen } from '../../shared/show';
import { tokenMatches } from '../settings/tokens';
import { escapeHtml, withHeadTags } from './pages';

/**
 * A display opened on a running show (reloaded, a second screen, a restarted kiosk) learns what
 * is on air only from its socket, once its scripts have run; its picture was then fetched and
 * decoded after that, the longest step of its first slide. The core knows the slide already: it
 * names the slide's pictures in the page's head, so the browser fetches them with the scripts,
 * and the display decodes them before the show arrives (`hintedImages` in the display's
 * `preload.ts`). Before the pack has been read, there is nothing to name.
 */

/** The views that open on the stage's current slide. */
const STAGE_ROLES: ReadonlySet<ViewRole> = new Set(['display', 'kiosk']);

export interface PictureHintSource {
  tokens: Record<ViewRole, string>;
  content: () => ContentSnapshot;
  show: () => ShowState;
}

/**
 * The addresses of the pictures of the slide on air, as the display at `pathname` asks for its
 * first slide (the file as it is, its version, the page's own token). Only for a display or
 * kiosk page whose token is that view's: anyone else learns nothing from the page.
 */
export function pictureHints(
  source: PictureHintSource,
  pathname: string,
  token: string | undefined,
): string[] {
  const view = matchView(pathname);
  if (!view || !STAGE_ROLES.has(view.role) || !token) return [];
  if (!tokenMatches(source.tokens[view.role], token)) return [];
  const content = source.content();
  const screen = chooseScreen(content, source.show());
  if (screen.kind !== 'slide') return [];
  return picturesOf(screen.item).map((file) =>
    mediaHref(file, { width: null, version: content.media?.[file], token }),
  );
}

/** The page with `hrefs` named in its head as images to fetch first. */
export function withPictureHints(html: string, hrefs: readonly string[]): string {
  return withHeadTags(
    html,
    hrefs.map(
      (href) => `<link rel="preload" as="image" fetchpriority="high" href="${escapeHtml(href)}">`,
    ),
  );
}
