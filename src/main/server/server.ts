import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import type { Role } from '../../shared/protocol';
import { resolveInsidePack } from '../content/paths';
import type { ContentStore } from '../content/types';
import type { ShowEngine } from '../show/engine';
import { htmlCsp } from './headers';
import { notFound, registerMedia, type ResolveMedia } from './media';
import { allowedOrigins, isLoopbackAddress, loopbackHosts } from './origin';
import { RENDERER_MISSING, homePage, readRendererIndex } from './pages';
import { registerSocket } from './socket';
import { makeTokens } from './tokens';
import { baseUrl, views } from './views';

export interface ServerOptions {
  store: ContentStore;
  engine: ShowEngine;
  /** The built renderer: `index.html` and `assets/`. */
  rendererDir: string;
  /** 127.0.0.1 unless told: the show must not be reachable from the network by accident. */
  host?: string;
  /** 0 picks a free port. */
  port: number;
  tokens?: Partial<Record<Role, string>>;
  /** How a `/media/` path becomes a file; defaults to the pack's child-path check. */
  resolveMedia?: ResolveMedia;
}

export interface RunningServer {
  /** `http://127.0.0.1:PORT`, usable from this machine even when bound to every interface. */
  url: string;
  port: number;
  host: string;
  tokens: Record<Role, string>;
  close(): Promise<void>;
}

/** WebSocket messages from views are small commands; anything bigger is not one of ours. */
export const MAX_PAYLOAD_BYTES = 64 * 1024;

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::']);

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const tokens = makeTokens(options.tokens);
  const { store, engine, rendererDir } = options;
  const resolveMedia =
    options.resolveMedia ?? ((rel: string) => resolveInsidePack(store.packDir, rel));

  const app = Fastify({ logger: false, routerOptions: { ignoreTrailingSlash: true } });
  let port = options.port;
  let origins: Set<string> | null = null;

  app.setNotFoundHandler((_request, reply) => notFound(reply));
  app.setErrorHandler((error, _request, reply) => {
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    // A refused path (the static plugin says 403 for `..`) looks like any missing file.
    if (status === 403 || status === 404) return notFound(reply);
    if (status >= 400 && status < 500) {
      return reply.code(status).type('text/plain; charset=utf-8').send('Bad request\n');
    }
    // Messages of internal errors can carry file paths; the client gets none of it.
    console.error('request failed:', error);
    return reply.code(500).type('text/plain; charset=utf-8').send('Internal error\n');
  });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
  });

  const sendHtml = (request: FastifyRequest, reply: FastifyReply, html: string) =>
    reply
      .type('text/html; charset=utf-8')
      .header('Content-Security-Policy', htmlCsp(request.headers.host, `127.0.0.1:${port}`))
      // The home page holds tokens, and the app must pick up a rebuild.
      .header('Cache-Control', 'no-store')
      .send(html);

  app.get('/', async (request, reply) => {
    const local =
      isLoopbackAddress(request.socket.remoteAddress) &&
      loopbackHosts(port).has((request.headers.host ?? '').toLowerCase());
    return sendHtml(request, reply, homePage(baseUrl('127.0.0.1', port), local ? tokens : null));
  });

  const serveApp = async (request: FastifyRequest, reply: FastifyReply) => {
    const html = await readRendererIndex(rendererDir);
    if (html === null) {
      return reply.code(503).type('text/plain; charset=utf-8').send(RENDERER_MISSING);
    }
    return sendHtml(request, reply, html);
  };
  for (const view of views) app.get(view.path, serveApp);
  // Overlay sub-pages (lower third, ticker, …) are routes inside the same app.
  app.get('/overlay/*', serveApp);

  const assets = path.join(rendererDir, 'assets');
  if (existsSync(assets)) {
    await app.register(fastifyStatic, {
      root: assets,
      prefix: '/assets/',
      index: false,
      list: false,
      dotfiles: 'deny',
    });
  }

  registerMedia(app, resolveMedia);

  await app.register(fastifyWebsocket, { options: { maxPayload: MAX_PAYLOAD_BYTES } });
  const hub = registerSocket(app, {
    tokens,
    allowedOrigins: () => (origins ??= allowedOrigins(host, port)),
    content: () => store.snapshot(),
    show: () => engine.state(),
    execute: (command) => engine.execute(command),
  });

  try {
    await app.listen({ host, port });
  } catch (error) {
    hub.close();
    await app.close();
    throw error;
  }
  port = (app.server.address() as AddressInfo).port;

  const unsubscribeContent = store.subscribe((content) => hub.broadcastContent(content));
  const unsubscribeShow = engine.subscribe((show) => hub.broadcastShow(show));

  let closing: Promise<void> | null = null;
  return {
    url: baseUrl(WILDCARD_HOSTS.has(host) ? '127.0.0.1' : host, port),
    port,
    host,
    tokens,
    close: () =>
      (closing ??= (async () => {
        unsubscribeContent();
        unsubscribeShow();
        hub.close();
        await app.close();
      })()),
  };
}
