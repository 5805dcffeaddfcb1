import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ViewRole } from '../../shared/protocol';
import { views, viewUrl } from '../../shared/protocol';

/** Text made safe for HTML, in an element or a quoted attribute. */
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The page at `/`. With tokens only for someone at this machine; anyone else is told where
 * to look instead of being handed the keys.
 */
export function homePage(base: string, tokens: Record<ViewRole, string> | null): string {
  const items = views
    .map((view) => {
      // Relative links keep whatever host name the visitor used.
      const href = viewUrl('', view, tokens ? tokens[view.role] : undefined);
      return `<li><a href="${escapeHtml(href)}">${escapeHtml(view.title)}</a> — ${escapeHtml(view.purpose)}</li>`;
    })
    .join('\n');
  const note = tokens
    ? '<p>Each link carries the access token for its view. Share a link only with the screen or person it is for.</p>'
    : `<p>These links need an access token. Open <code>${escapeHtml(base)}/</code> on the computer that runs Solidarity Screens, or use the links it printed when it started.</p>`;
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Solidarity Screens</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}li{margin:.75rem 0}code{font-size:.85em;word-break:break-all}</style>
</head>
<body>
<h1>Solidarity Screens</h1>
${note}
<ul>
${items}
</ul>
</body>
</html>
`;
}

/** The page with `tags` (links, each already escaped) at the end of its head. */
export function withHeadTags(html: string, tags: readonly string[]): string {
  if (tags.length === 0) return html;
  // A function, so nothing in a tag is read as a replacement pattern (`$&`).
  return html.replace('</head>', () => `    ${tags.join('\n    ')}\n  </head>`);
}

export const RENDERER_MISSING =
  'The renderer is not built, so there is no page to show.\nRun `npm run build` (or `npm run serve`, which builds first) and reload.\n';

/**
 * electron-vite builds the renderer with relative asset links (`./assets/…`) whatever `base`
 * says. Views live at nested paths such as /overlay/qr, where a relative link would point
 * into a folder that does not exist; the page's CSP (`base-uri 'none'`) rules out a <base>
 * tag, so the links are made absolute here.
 */
export function absoluteAssetLinks(html: string): string {
  return html.replace(/(\s(?:src|href)=["'])\.\/assets\//g, '$1/assets/');
}

/** The single-page app's index.html, read per request so a rebuild shows up without a restart. */
export async function readRendererIndex(rendererDir: string): Promise<string | null> {
  try {
    return absoluteAssetLinks(await readFile(path.join(rendererDir, 'index.html'), 'utf8'));
  } catch {
    return null;
  }
}
