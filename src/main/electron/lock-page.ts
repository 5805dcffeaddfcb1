import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';

/**
 * The PIN prompt is its own small page, built by electron-vite from
 * src/renderer/views/kiosk-lock/ and served from disk under a private scheme: the core's
 * server and the display's routing table stay untouched, and the prompt never depends on the
 * show's server being healthy. Electron's checklist prefers a custom protocol to `file://`,
 * which would open the whole disk to the page.
 */
export const LOCK_SCHEME = 'app';
export const LOCK_HOST = 'kiosk-lock';
export const LOCK_ORIGIN = `${LOCK_SCHEME}://${LOCK_HOST}`;
export const LOCK_PAGE_URL = `${LOCK_ORIGIN}/`;
/** Where the build puts the page, relative to out/renderer. */
export const LOCK_HTML = 'views/kiosk-lock/index.html';

export const LOCK_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

const ASSET_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

/**
 * The file for a request to the lock scheme, or null. Only the page itself and flat names
 * in the build's assets folder: no folders, no dot files, no `..`, nothing else on disk.
 */
export function lockPageFile(requestUrl: string, rendererDir: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${LOCK_SCHEME}:` || url.host !== LOCK_HOST) return null;
  if (url.pathname === '/' || url.pathname === '/index.html') {
    return path.join(rendererDir, ...LOCK_HTML.split('/'));
  }
  const match = /^\/assets\/([^/]+)$/.exec(url.pathname);
  if (!match) return null;
  let name: string;
  try {
    name = decodeURIComponent(match[1] as string);
  } catch {
    return null;
  }
  if (!ASSET_NAME.test(name) || name.includes('..')) return null;
  if (!(path.extname(name) in TYPES)) return null;
  return path.join(rendererDir, 'assets', name);
}

export function contentTypeOf(file: string): string {
  return TYPES[path.extname(file)] ?? 'application/octet-stream';
}

/** Must run before the app is ready: a scheme's privileges are fixed at start. */
export function registerLockScheme(): void {
  protocol.registerSchemesAsPrivileged([
    // standard: real origins and relative URLs; secure: a secure context. The page's module
    // script is fetched in CORS mode, which a custom scheme only passes with the last two.
    {
      scheme: LOCK_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
    },
  ]);
}

export function serveLockPage(rendererDir: string): void {
  protocol.handle(LOCK_SCHEME, async (request) => {
    const file = lockPageFile(request.url, rendererDir);
    const body = file ? await readFile(file).catch(() => null) : null;
    if (!file || !body) {
      return new Response('Not found\n', {
        status: 404,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
      });
    }
    return new Response(new Uint8Array(body), {
      headers: {
        'content-type': contentTypeOf(file),
        'content-security-policy': LOCK_CSP,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      },
    });
  });
}
