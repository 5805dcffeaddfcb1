import { createHash } from 'node:crypto';
import { encodePathParts } from '../../../shared/media/media-href';

/** The service worker's file name; the player registers it (renderer/app/player/register-sw.ts). */
export const SERVICE_WORKER_FILE = 'sw.js';
export const WEB_MANIFEST_FILE = 'manifest.webmanifest';

/**
 * What the service worker stores for offline use: every file of the folder (itself aside,
 * the browser keeps it) and the folder's own address, so a reload with no network plays.
 */
export function precacheList(files: readonly string[]): string[] {
  const listed = files
    .filter((file) => file !== SERVICE_WORKER_FILE)
    .map((file) => `./${encodePathParts(file)}`)
    .sort();
  return ['./', ...listed];
}

/**
 * The worker: precaches the list on install, answers from the cache first, and never asks
 * another origin (anything not in the folder goes to the network as the page asked, which the
 * player never does). The cache is named after the export's contents, so a new export
 * replaces the old copy instead of mixing with it.
 */
export function serviceWorkerSource(list: readonly string[], contentHash: string): string {
  const cacheName = `solidarity-player-${contentHash.slice(0, 16)}`;
  return `// Written by \`npm run export -- player\`. The folder, kept for offline use.
const CACHE = ${JSON.stringify(cacheName)};
const FILES = ${JSON.stringify(list, null, 2)};

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(event.request, { ignoreSearch: true }))
      .then((hit) => hit || fetch(event.request)),
  );
});
`;
}

/** A hash over every file's path and bytes: the cache's name changes with the contents. */
export function contentHash(files: readonly { path: string; bytes: Uint8Array }[]): string {
  const hash = createHash('sha256');
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    hash.update(file.path).update('\0').update(file.bytes).update('\0');
  }
  return hash.digest('hex');
}

/**
 * The PNG sizes beside the SVG: Android's install prompt wants 192 and 512 as PNG, and iOS
 * takes only a PNG for the home screen (apple-touch-icon).
 */
export const PLAYER_ICON_SIZES = [192, 512] as const;
export const playerIconFile = (size: number) => `icon-${size}.png`;

/** The installable web app's manifest: the pack's name and colours, the folder's icon. */
export function webManifest(options: {
  name: string;
  background: string;
  foreground: string;
  language: string;
}): string {
  return `${JSON.stringify(
    {
      name: options.name,
      short_name: options.name.slice(0, 30),
      lang: options.language,
      start_url: './',
      scope: './',
      display: 'fullscreen',
      background_color: options.background,
      theme_color: options.background,
      icons: [
        { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ...PLAYER_ICON_SIZES.map((size) => ({
          src: playerIconFile(size),
          sizes: `${size}x${size}`,
          type: 'image/png',
          purpose: 'any',
        })),
      ],
    },
    null,
    2,
  )}\n`;
}

/** A plain icon in the pack's colours: no logo file is needed to install the player. */
export function iconSvg(background: string, foreground: string, letter: string): string {
  const escaped = letter.replace(/[<>&"']/g, '');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><rect width="512" height="512" rx="96" fill="${background}"/><text x="256" y="340" font-family="sans-serif" font-size="260" font-weight="700" text-anchor="middle" fill="${foreground}">${escaped}</text></svg>\n`;
}
