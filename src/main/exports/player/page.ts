import type { ContentSnapshot } from '../../../shared/content';
import { PLAYER_DATA_GLOBAL } from '../../../shared/player/folder';
import { playerIconFile, WEB_MANIFEST_FILE } from './offline-files';

/** The pack as a classic script: a page opened from file:// may not fetch a JSON file. */
export const PLAYER_DATA_FILE = 'pack-data.js';

/** JSON that is safe inside a <script>: no `</script>`, no HTML comment, no line separators. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function playerDataScript(snapshot: ContentSnapshot): string {
  const data = { format: 'solidarity-player', version: 1, snapshot };
  return `window.${PLAYER_DATA_GLOBAL} = ${scriptJson(data)};\n`;
}

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/**
 * Classic scripts only (Chromium runs no module script from file://), relative URLs only, and
 * a policy that lets the page reach nothing but its own folder. `pictures` are the first
 * slide's (their addresses in the folder): named in the head, they are fetched with the
 * scripts, and the player decodes them before its show has even started.
 */
export function playerIndexHtml(options: {
  title: string;
  language: string;
  background: string;
  pictures?: readonly string[];
}): string {
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const pictureLinks = (options.pictures ?? [])
    .map(
      (href) =>
        `    <link rel="preload" as="image" fetchpriority="high" href="${escapeHtml(href)}" />\n`,
    )
    .join('');
  return `<!doctype html>
<html lang="${escapeHtml(options.language)}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
    <meta http-equiv="Content-Security-Policy" content="${csp}" />
    <meta name="referrer" content="no-referrer" />
    <meta name="theme-color" content="${escapeHtml(options.background)}" />
    <meta name="mobile-web-app-capable" content="yes" />
    <meta name="apple-mobile-web-app-capable" content="yes" />
    <title>${escapeHtml(options.title)}</title>
    <link rel="manifest" href="${WEB_MANIFEST_FILE}" />
    <link rel="icon" href="icon.svg" />
    <link rel="apple-touch-icon" href="${playerIconFile(192)}" />
${pictureLinks}    <link rel="stylesheet" href="player.css" />
    <script src="${PLAYER_DATA_FILE}"></script>
    <script src="player.js" defer></script>
  </head>
  <body style="margin:0;background:${escapeHtml(options.background)}">
    <div id="root"></div>
  </body>
</html>
`;
}
