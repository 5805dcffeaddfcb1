import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { SECURITY_HEADERS, pageHeaders } from './headers';
import { refuseForeignHosts } from './host-check';
import { notFound } from './media';
import { briefError } from './brief-error';
import { RENDERER_MISSING, readRendererIndex } from './pages';
import { assetsNamedIn, readViewPreloads, withPreloads } from './view-preloads';
import { withPictureHints } from './picture-hints';
import type { EarlyListener } from './server-types';

/**
 * A listener's fastify. Errors the framework answers before any route or hook (a malformed
 * escape like `/media/%E0%A4%A`, a parameter over its length) would be its own JSON with
 * the path quoted back; they get the same plain refusal as every other bad request.
 */
/**
 * No route of ours has a JSON schema: messages and commands are checked with zod. Left to
 * itself, fastify loads and builds an ajv validator and a serializer compiler for every app it
 * starts, a good part of the time to listen. A schema added later fails at start-up, here.
 */
const noSchemaCompilers = {
  buildValidator: () => () => {
    throw new Error('route schemas are not compiled here: check the request with zod instead');
  },
  buildSerializer: () => () => {
    throw new Error('response schemas are not compiled here: send checked values instead');
  },
};

export function createApp(early?: EarlyListener): FastifyInstance {
  return Fastify({
    logger: false,
    // A server that already listens: fastify is given its requests once every route is
    // registered (`handOver` in server.ts), never its own.
    ...(early ? { serverFactory: () => early.server } : {}),
    schemaController: { compilersFactory: noSchemaCompilers },
    routerOptions: { ignoreTrailingSlash: true },
    frameworkErrors: (_error, _request, reply) => badRequest(reply),
  });
}

function badRequest(reply: FastifyReply) {
  return reply
    .code(400)
    .type('text/plain; charset=utf-8')
    .header('Cache-Control', 'no-store')
    .send('Bad request\n');
}

/**
 * What every listener does the same way: requests that do not name it by its own address
 * (`hosts`: `host:port` values) refused, a bare 404 for anything unknown or refused, no
 * internals in error replies, and the headers every response carries.
 */
export function hardenApp(app: FastifyInstance, hosts: () => Set<string>): void {
  refuseForeignHosts(app, hosts);
  app.setNotFoundHandler((_request, reply) => notFound(reply));
  app.setErrorHandler((error, _request, reply) => {
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    // A refused path (the static plugin says 403 for `..`) looks like any missing file.
    if (status === 403 || status === 404) return notFound(reply);
    if (status >= 400 && status < 500) {
      return reply.code(status).type('text/plain; charset=utf-8').send('Bad request\n');
    }
    // Messages of internal errors can carry file paths; the client gets none of it. The log
    // gets the error's first words, not the request (its URL may carry a token).
    console.error('request failed:', briefError(error));
    return reply.code(500).type('text/plain; charset=utf-8').send('Internal error\n');
  });
  app.addHook('onSend', async (_request, reply) => {
    reply.headers(SECURITY_HEADERS);
  });
}

/** Sends a page with the CSP; `fallbackHost` names the listener when the Host header is odd. */
export function sendHtml(
  request: FastifyRequest,
  reply: FastifyReply,
  html: string,
  fallbackHost: string,
) {
  return reply.headers(pageHeaders(request.headers.host, fallbackHost)).send(html);
}

function isOverlayPath(pathname: string): boolean {
  return pathname === '/overlay' || pathname.startsWith('/overlay/');
}

/**
 * OBS shows a browser source from its first paint. Marking the overlay page in the HTML itself
 * keeps it transparent before any script runs, so a reload never flashes a black frame on air.
 */
export function markOverlayPage(html: string): string {
  return html.replace(/<html(\s|>)/, '<html class="overlay-page"$1');
}

/** The pictures a page should fetch first, by its path and the token in its link. */
export type PictureHinter = (pathname: string, token: string | undefined) => string[];

/**
 * The single-page app's index for a view path; the path picks the view in the browser. The
 * page names its view's code too (`view-preloads.ts`); `onPage` hears every file it names.
 * `hints` names the pictures of the slide on air (`picture-hints.ts`).
 */
export function appPage(
  rendererDir: string,
  fallbackHost: () => string,
  onPage: (assets: string[]) => void = () => {},
  hints: PictureHinter = () => [],
) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const index = await readRendererIndex(rendererDir);
    if (index === null) {
      return reply.code(503).type('text/plain; charset=utf-8').send(RENDERER_MISSING);
    }
    const queryAt = request.url.indexOf('?');
    const pathname = queryAt < 0 ? request.url : request.url.slice(0, queryAt);
    // The token as the page's own script reads it from `location.search` (`socketTarget`).
    const search = queryAt < 0 ? '' : request.url.slice(queryAt + 1);
    const token = new URLSearchParams(search).get('token') ?? undefined;
    const html = withPictureHints(
      withPreloads(index, await readViewPreloads(rendererDir, pathname)),
      hints(pathname, token),
    );
    const page = isOverlayPath(pathname) ? markOverlayPage(html) : html;
    onPage(assetsNamedIn(page));
    return sendHtml(request, reply, page, fallbackHost());
  };
}

/** `/assets/*` from the built renderer, without listings or dotfiles. */
export async function registerAssets(app: FastifyInstance, rendererDir: string): Promise<void> {
  const assets = path.join(rendererDir, 'assets');
  if (!existsSync(assets)) return;
  await app.register(fastifyStatic, {
    root: assets,
    prefix: '/assets/',
    index: false,
    list: false,
    dotfiles: 'deny',
  });
}
