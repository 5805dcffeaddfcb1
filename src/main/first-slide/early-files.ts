// The files the early server sends before the core is up: the kept slide's media and the
// renderer's stylesheets and fonts, each with the headers the app's own route gives it, so a
// browser caches and revalidates them the same way before and after the hand-over.
import type { Stats } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream';
import { fileVersionTag } from '../content/version-tag';
import { SVG_CSP } from '../server/headers';
import { openAccepted } from '../server/open-file';
import { SECURITY_HEADERS } from './app-rules';
import type { KeptSlideMedia } from './record';

/** The renderer's files answered early: stylesheets and fonts, never its scripts. */
const ASSET_TYPES: Readonly<Record<string, string>> = {
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

/** A file directly in `assets/`: no folder, no dotfile, no `..`, nothing escaped. */
const ASSET_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

export type AssetKind = 'style-or-font' | 'script' | 'other';

/** What `/assets/<name>` is, by its name alone; `other` for anything but a plain file name. */
export function assetKind(name: string): AssetKind {
  if (!ASSET_NAME.test(name) || name.includes('..')) return 'other';
  const ext = path.extname(name);
  if (ext in ASSET_TYPES) return 'style-or-font';
  return ext === '.js' ? 'script' : 'other';
}

/** A plain file, opened with its own stat (what is compared is what is sent). */
const openFile = (file: string) => openAccepted(file, (info) => info.isFile());

/**
 * A range or a precondition is the app's to answer (`byte-range.ts`, If-Range): the early
 * server sends whole files only. A browser asks a picture, a stylesheet or a font whole.
 */
function wantsPart(request: IncomingMessage): boolean {
  const h = request.headers;
  return (
    h.range !== undefined || h['if-match'] !== undefined || h['if-unmodified-since'] !== undefined
  );
}

/**
 * The file, exactly the `size` bytes its Content-Length says, so a file growing while it is
 * read never sends more; the known end also lets the stream end with its last chunk, before a
 * client that has read it all hangs up.
 */
function sendWhole(
  response: ServerResponse,
  handle: FileHandle,
  size: number,
  headers: Record<string, string | number>,
  notModified: boolean,
): void {
  if (notModified || size === 0) {
    void handle.close();
    response.writeHead(notModified ? 304 : 200, headers);
    response.end();
    return;
  }
  response.writeHead(200, headers);
  const stream = handle.createReadStream({ start: 0, end: size - 1 });
  // pipeline, not pipe: a client gone mid-file closes the file too, and an error ends the reply.
  pipeline(stream, response, () => {});
}

/**
 * `media.url`'s file, if it is still the version the record was made with (same size and
 * mtime; else false and nothing is sent: the app decides). Headers as `registerMedia` in
 * server/media.ts sends the file itself: the type, no-cache (authors edit media during a show),
 * an ETag of the file's version, byte ranges offered, the SVG sandbox, 304 for a held version.
 */
export async function sendMedia(
  request: IncomingMessage,
  response: ServerResponse,
  media: KeptSlideMedia,
): Promise<boolean> {
  if (wantsPart(request)) return false;
  const opened = await openFile(media.file);
  if (!opened) return false;
  const { handle, info } = opened;
  if (info.size !== media.size || info.mtimeMs !== media.mtimeMs) {
    await handle.close();
    return false;
  }
  const etag = `"${fileVersionTag(info)}"`;
  const headers: Record<string, string | number> = {
    'Content-Type': media.contentType,
    'Cache-Control': 'no-cache',
    ETag: etag,
    'Accept-Ranges': 'bytes',
    ...SECURITY_HEADERS,
  };
  if (media.contentType === 'image/svg+xml') headers['Content-Security-Policy'] = SVG_CSP;
  // The app's own test: exactly the tag it would send.
  const notModified = request.headers['if-none-match'] === etag;
  if (!notModified) headers['Content-Length'] = info.size;
  sendWhole(response, handle, info.size, headers, notModified);
  return true;
}

/** @fastify/send's weak ETag: size and mtime in hex. */
const assetTag = (info: Stats): string =>
  `W/"${info.size.toString(16)}-${info.mtime.getTime().toString(16)}"`;

/** Whether `If-None-Match` names `etag` (weakly, as @fastify/send compares). */
function matchesTag(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === bare);
}

/**
 * `/assets/<name>` for a stylesheet or font directly in `assetsDir`, with the headers the
 * app's @fastify/static (`registerAssets`) gives it: `public, max-age=0`, Last-Modified, the
 * weak size-mtime ETag, byte ranges offered. False (nothing sent) when it is not there.
 */
export async function sendAsset(
  request: IncomingMessage,
  response: ServerResponse,
  assetsDir: string,
  name: string,
): Promise<boolean> {
  if (assetKind(name) !== 'style-or-font' || wantsPart(request)) return false;
  const opened = await openFile(path.join(assetsDir, name));
  if (!opened) return false;
  const { handle, info } = opened;
  const etag = assetTag(info);
  const headers: Record<string, string | number> = {
    'Accept-Ranges': 'bytes',
    'Cache-Control': 'public, max-age=0',
    'Last-Modified': info.mtime.toUTCString(),
    ETag: etag,
    ...SECURITY_HEADERS,
  };
  // A reload (Cache-Control: no-cache) always gets the file, as from @fastify/send.
  const reload = (request.headers['cache-control'] ?? '').includes('no-cache');
  const notModified = !reload && matchesTag(request.headers['if-none-match'], etag);
  if (!notModified) {
    headers['Content-Type'] = ASSET_TYPES[path.extname(name)]!;
    headers['Content-Length'] = info.size;
  }
  sendWhole(response, handle, info.size, headers, notModified);
  return true;
}
