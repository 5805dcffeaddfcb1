import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ResolveResult } from '../content/paths';
import { SVG_CSP } from './headers';

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

/**
 * `GET /media/<path>`: a file of the pack. `resolve` is the single child-path check; every
 * refusal is the same bare 404, so a probe learns nothing about the disk.
 */
export function registerMedia(app: FastifyInstance, resolve: ResolveMedia): void {
  app.get('/media/*', async (request, reply) => {
    const rel = (request.params as { '*': string })['*'];
    const type = mediaTypes[path.extname(rel).toLowerCase()];
    if (!type) return notFound(reply);
    const resolved = await resolve(rel);
    if (!resolved.ok) return notFound(reply);
    let size: number;
    try {
      size = (await stat(resolved.path)).size;
    } catch {
      return notFound(reply);
    }
    reply
      .header('Content-Type', type)
      .header('Content-Length', size)
      .header('X-Content-Type-Options', 'nosniff')
      // Authors edit media while the show runs; revalidate instead of showing a stale file.
      .header('Cache-Control', 'no-cache');
    if (type === 'image/svg+xml') reply.header('Content-Security-Policy', SVG_CSP);
    return reply.send(createReadStream(resolved.path));
  });
}

export function notFound(reply: import('fastify').FastifyReply) {
  return reply.code(404).type('text/plain; charset=utf-8').send('Not found\n');
}
