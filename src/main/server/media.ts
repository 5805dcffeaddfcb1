import type { Stats } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { mediaWidthFor } from '../../shared/media/widths';
import type { ResolveResult } from '../content/paths';
import { sameVersion } from '../content/version-tag';
import { byteRange } from './byte-range';
import { openAccepted } from './open-file';
import { SVG_CSP } from './headers';
import type { MediaAccess } from './media-access';
import { fileVersionTag, type MediaScaler, type ScaledImage } from './media-scaling';

/** What a pack may serve. Anything else (YAML, Markdown, .git) is not media and 404s. */
export const mediaTypes: Readonly<Record<string, string>> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  // Videos and their subtitles (the loader has checked the bytes match the name).
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.vtt': 'text/vtt; charset=utf-8',
  '.srt': 'text/plain; charset=utf-8',
};

export type ResolveMedia = (relPath: string) => Promise<ResolveResult>;

/** The width a request asks for (`?w=1920`), as one of the fixed steps; null for the file itself. */
function requestedWidth(query: unknown): number | null {
  const raw = (query as { w?: unknown } | undefined)?.w;
  if (typeof raw !== 'string' || !/^\d{1,5}$/.test(raw)) return null;
  return mediaWidthFor(Number(raw));
}

/**
 * `GET /media/<path>`: a file of the pack. `resolve` is the single child-path check; every
 * refusal is the same bare 404, so a probe learns nothing about the disk.
 *
 * With `?w=<pixels>` and a `scaler`, a photo or drawing wider than the screen asks for comes
 * as a copy scaled to it: a 4000-pixel drawing decoded for every showing costs a projector's
 * computer more than the whole slide change. Each answer carries an ETag, so the browser's
 * revalidation (authors edit media during the show) costs a 304, not the file again.
 */
export function registerMedia(
  app: FastifyInstance,
  resolve: ResolveMedia,
  scaler?: MediaScaler,
  access?: MediaAccess,
): void {
  app.get('/media/*', async (request, reply) => {
    const rel = (request.params as { '*': string })['*'];
    if (access) {
      // Who may have this file now (a view's token; nothing withheld by consent or safe mode).
      const refused = await access((request.query as { token?: unknown }).token, rel);
      if (refused) {
        return reply
          .code(refused.status)
          .type('text/plain; charset=utf-8')
          .header('Cache-Control', 'no-store')
          .send(refused.text);
      }
    }
    const type = mediaTypes[path.extname(rel).toLowerCase()];
    if (!type) return notFound(reply);
    const resolved = await resolve(rel);
    if (!resolved.ok) return notFound(reply);
    // The version the loader checked: nothing else of this file is ever sent.
    const { info } = resolved;
    const width = scaler && type.startsWith('image/') ? requestedWidth(request.query) : null;
    let scaled: ScaledImage | null = null;
    if (scaler && width !== null) {
      try {
        scaled = await scaler.get(resolved.path, info, type, width);
      } catch {
        // Refused (too many pixels, a decode error) or rewritten since it was checked: the
        // original would cost a screen what the scaler would not risk, or be the broken file.
        return notFound(reply);
      }
    }
    const etag = `"${scaled ? scaled.tag : fileVersionTag(info)}"`;
    reply
      .header('Content-Type', type)
      .header('X-Content-Type-Options', 'nosniff')
      // Authors edit media while the show runs; revalidate instead of showing a stale file.
      .header('Cache-Control', 'no-cache')
      .header('ETag', etag)
      .header('Accept-Ranges', 'bytes');
    if (type === 'image/svg+xml') reply.header('Content-Security-Policy', SVG_CSP);
    // A browser holding the checked version keeps it, even while the file is being rewritten.
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    if (scaled) return reply.header('Content-Length', scaled.data.length).send(scaled.data);
    // A range of another version would splice two files: If-Range asks for the whole then.
    const ifRange = request.headers['if-range'];
    const range =
      ifRange === undefined || ifRange === etag
        ? byteRange(request.headers.range, info.size)
        : null;
    if (range === 'unsatisfiable') {
      return reply.code(416).header('Content-Range', `bytes */${info.size}`).send();
    }
    const file = await openCheckedVersion(resolved.path, info);
    if (!file) return notFound(reply);
    if (range) {
      return reply
        .code(206)
        .header('Content-Range', `bytes ${range.start}-${range.end}/${info.size}`)
        .header('Content-Length', range.end - range.start + 1)
        .send(file.createReadStream({ start: range.start, end: range.end }));
    }
    return reply.header('Content-Length', info.size).send(file.createReadStream());
  });
}

/**
 * The file, opened, if it is still the version that was checked. The check is on the open
 * file, so what is sent is what was compared; a file being saved (half written, or broken)
 * is not sent until the loader has checked it again.
 */
async function openCheckedVersion(file: string, checked: Stats): Promise<FileHandle | null> {
  return (await openAccepted(file, (info) => sameVersion(checked, info)))?.handle ?? null;
}

export function notFound(reply: import('fastify').FastifyReply) {
  return reply.code(404).type('text/plain; charset=utf-8').send('Not found\n');
}
