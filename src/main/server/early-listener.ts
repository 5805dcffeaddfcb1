import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import send from '@fastify/send';
import { printView, views } from '../../shared/protocol/views';
import { FOREIGN_HOST_HEADERS, FOREIGN_HOST_TEXT, SECURITY_HEADERS, htmlHeaders } from './headers';
import { hostsOf } from './host-check';
import { allowedOrigins } from './origin';
import { readAppPage } from './pages';
import { createQuietWatch } from './quiet';

/** What Node's HTTP server hands each request; fastify's handler has this shape. */
export type RequestHandler = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * The show's one HTTP server, listening before the app behind it is built. Node's bare server
 * listens in a fraction of the time the bundled fastify app takes to load and register its
 * routes; meanwhile a browser opened on the printed address gets its page and its scripts.
 */
export interface EarlyListener {
  /** The server fastify is given (`serverFactory`): the same socket from start to stop. */
  server: Server;
  port: number;
  /**
   * From now on every request goes to `handler`, those held so far first; socket handshakes
   * held so far go to the app's own `upgrade` listener, registered by then.
   */
  handOver(handler: RequestHandler): void;
  /** Resolves once no request has arrived for `quietMs` (at most `maxMs`): `quiet.ts`. */
  settled(quietMs: number, maxMs: number): Promise<void>;
  close(): Promise<void>;
}

export interface EarlyListenerOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** The built renderer: `index.html` and `assets/`. */
  rendererDir: string;
}

/** fastify's default (`keepAliveTimeout`), so a reply says the same before and after the hand-over. */
const KEEP_ALIVE_MS = 72_000;

const PAGE_PATHS = new Set([...views, printView].map((view) => view.path));

function pathnameOf(url: string): string {
  const pathname = url.split('?')[0] ?? '';
  // The app ignores a trailing slash; so does this.
  return pathname.length > 1 ? pathname.replace(/\/$/, '') : pathname;
}

function isPagePath(pathname: string): boolean {
  return PAGE_PATHS.has(pathname) || pathname.startsWith('/overlay/');
}

/**
 * Listens at once and answers, until `handOver`, only what a view's first load needs: its
 * page and the renderer's hashed assets, with the headers and the host check the app applies
 * (the same functions make them). No content, no media, no tokens checked or handed out: a
 * page is the same for everyone, and everything else is held for the app, socket handshakes
 * too (refused, the page would wait its retry's back-off, half a second at least).
 */
export async function listenEarly(options: EarlyListenerOptions): Promise<EarlyListener> {
  const assetsDir = path.join(options.rendererDir, 'assets');
  let handler: RequestHandler | null = null;
  const held: [IncomingMessage, ServerResponse][] = [];
  const heldUpgrades: [IncomingMessage, Socket, Buffer][] = [];
  const quiet = createQuietWatch();
  let hosts: Set<string> | null = null;

  const hold = (request: IncomingMessage, response: ServerResponse) => {
    if (handler) handler(request, response);
    else held.push([request, response]);
  };

  const answer = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const host = request.headers.host;
    hosts ??= hostsOf(allowedOrigins(options.host, port));
    if (typeof host !== 'string' || !hosts.has(host.toLowerCase())) {
      response.writeHead(421, {
        ...FOREIGN_HOST_HEADERS,
        ...SECURITY_HEADERS,
        'Content-Length': Buffer.byteLength(FOREIGN_HOST_TEXT),
      });
      response.end(FOREIGN_HOST_TEXT);
      return;
    }
    if (request.method !== 'GET') return hold(request, response);
    const pathname = pathnameOf(request.url ?? '/');
    if (isPagePath(pathname)) {
      const page = await readAppPage(options.rendererDir, request.url ?? '/');
      if (page === null) return hold(request, response);
      response.writeHead(200, {
        ...htmlHeaders(host, `127.0.0.1:${port}`),
        ...SECURITY_HEADERS,
        'Content-Length': Buffer.byteLength(page),
      });
      response.end(page);
      return;
    }
    if (pathname.startsWith('/assets/')) {
      // The static plugin's own file sender, with its options: the same headers, ranges and
      // refusals (dotfiles, `..`). A miss is left to the app, which answers it its way.
      const sent = await send(request, pathname.slice('/assets'.length), {
        root: assetsDir,
        index: false,
        dotfiles: 'deny',
      });
      if (sent.type !== 'file') return hold(request, response);
      response.writeHead(sent.statusCode, { ...sent.headers, ...SECURITY_HEADERS });
      sent.stream.pipe(response);
      return;
    }
    hold(request, response);
  };

  const server = createServer((request, response) => {
    if (handler) return handler(request, response);
    quiet.touch();
    answer(request, response).catch(() => {
      if (!response.headersSent) hold(request, response);
      else response.destroy();
    });
  });
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  // Held whatever their host: the app checks it (and the token, the origin) once it is up.
  const holdUpgrade = (request: IncomingMessage, socket: Socket, head: Buffer) => {
    quiet.touch();
    heldUpgrades.push([request, socket, head]);
  };
  server.on('upgrade', holdUpgrade);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: options.host, port: options.port }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  return {
    server,
    port,
    handOver: (next) => {
      handler = next;
      server.off('upgrade', holdUpgrade);
      for (const [request, response] of held.splice(0)) next(request, response);
      for (const [request, socket, head] of heldUpgrades.splice(0)) {
        if (server.listenerCount('upgrade') > 0) server.emit('upgrade', request, socket, head);
        else socket.destroy();
      }
    },
    settled: (quietMs, maxMs) => quiet.settled(quietMs, maxMs),
    close: () =>
      new Promise<void>((resolve) => {
        for (const [, response] of held.splice(0)) response.destroy();
        for (const [, socket] of heldUpgrades.splice(0)) socket.destroy();
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
