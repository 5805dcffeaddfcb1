import { createReadStream } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { mediaWidthFor } from '../../shared/media/widths';
import type { ResolveResult } from '../content/paths';
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
    // The resolver's stat, taken after it resolved the path: the file checked is the file sent.
    const { info } = resolved;
    const width = scaler ? requestedWidth(request.query) : null;
    let scaled: ScaledImage | null = null;
    if (scaler && width !== null) {
      try {
        scaled = await scaler.get(resolved.path, info, type, width);
      } catch {
        // An image the scaler cannot read is served as it is; the loader has reported it.
        scaled = null;
      }
    }
    const etag = `"${scaled ? scaled.tag : fileVersionTag(info)}"`;
    reply
      .header('Content-Type', type)
      .header('X-Content-Type-Options', 'nosniff')
      // Authors edit media while the show runs; revalidate instead of showing a stale file.
      .header('Cache-Control', 'no-cache')
      .header('ETag', etag);
    if (type === 'image/svg+xml') reply.header('Content-Security-Policy', SVG_CSP);
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    if (scaled) return reply.header('Content-Length', scaled.data.length).send(scaled.data);
    return reply.header('Content-Length', info.size).send(createReadStream(resolved.path));
  });
}

export function notFound(reply: import('fastify').FastifyReply) {
  return reply.code(404).type('text/plain; charset=utf-8').send('Not found\n');
}
