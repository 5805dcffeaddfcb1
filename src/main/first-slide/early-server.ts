// The server that listens on a restart before the core is loaded, and answers the display's page
// (and the kiosk's, the same view) with the slide the previous run kept (`record.ts`), its picture and its stylesheets. The core
// (fastify, zod, the pack loader) is loaded once that picture has gone out (`wake`) and then
// takes the same server over (`handOver`). On the way to listening: Node builtins and small
// local modules only (see tests/unit/main/first-slide/imports.test.ts).
import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import { views } from '../../shared/protocol/views';
import type { ViewRole } from '../../shared/protocol/roles';
import { FOREIGN_HOST_TEXT } from '../server/host-check';
import { FOREIGN_HOST_HEADERS, KEEP_ALIVE_MS, allowedHosts, pageHeaders } from './app-rules';
import { assetKind, sendAsset, sendMedia } from './early-files';
import type { KeptSlideMedia, KeptSlideRecord } from './record';

/** What Node's HTTP server hands each request; fastify's `routing` has this shape. */
export type RequestHandler = (request: IncomingMessage, response: ServerResponse) => void;

export interface EarlyServer {
  server: Server;
  port: number;
  /**
   * Resolves when the core should be loaded: the kept page and all its media have been sent
   * plus `settleMs`; or a request arrived that only the core can answer (anything held, but
   * the kept page's own scripts: they are to wait for the picture); or, once a kept page was
   * asked for, `idleMs` with nothing more asked with its token (its media never were); or
   * `maxWaitMs` after listening, whatever else (nobody came: a browser may take seconds to
   * start, at boot or `npm start`'s kiosk window). Never resolves once `close()` is called first.
   */
  wake: Promise<void>;
  /** From now on every request goes to `handler`, held ones first (in order); held upgrade requests are re-emitted as 'upgrade' on the server for the app's own listener (destroyed if none). */
  handOver(handler: RequestHandler): void;
  close(): Promise<void>;
}

export interface EarlyServerOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  record: KeptSlideRecord;
  /** The built renderer: its `assets/` folder holds the stylesheets and fonts. */
  rendererDir: string;
  /** After the last of the slide's media has gone out; 300 ms by default. */
  settleMs?: number;
  /** After a kept page's first answer, unasked for this long, the core is loaded anyway; 1000 ms by default. */
  idleMs?: number;
  /** The core is loaded this long after the call at the latest, whatever comes; 3000 ms by default. */
  maxWaitMs?: number;
}

/**
 * The views the kept page is: the display, and the kiosk (the same view with the kiosk's keys,
 * which `npm start` opens on this machine's own screen). Each only with its own token.
 */
const KEPT_PAGE_ROLES: readonly ViewRole[] = ['display', 'kiosk'];

/** Page path (with and without the trailing slash the routes allow) → that view's token. */
function keptPageTokens(tokens: Record<string, string>): Map<string, string> {
  const byPath = new Map<string, string>();
  for (const view of views) {
    const token = tokens[view.role];
    if (!KEPT_PAGE_ROLES.includes(view.role) || typeof token !== 'string') continue;
    byPath.set(view.path, token);
    byPath.set(`${view.path}/`, token);
  }
  return byPath;
}

/** Constant time, so a client cannot learn a token a character at a time (`tokenMatches`). */
function tokenEquals(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Whether a query string is exactly one `token` parameter equal to `token`. Decoded as the
 * page's own script reads it (URLSearchParams), but with nothing else beside it: the kept page
 * is one exact answer, and any other request for the display is the app's to judge.
 */
function isOnlyToken(query: string | null, token: string): boolean {
  if (query === null || query.includes('&') || !query.startsWith('token=')) return false;
  const entries = [...new URLSearchParams(query)];
  return entries.length === 1 && entries[0]![0] === 'token' && tokenEquals(token, entries[0]![1]);
}

/** Whether a media URL of the record carries the display's token (and no other). */
function carriesToken(url: string, token: string): boolean {
  const at = url.indexOf('?');
  if (at < 0) return false;
  const given = new URLSearchParams(url.slice(at + 1)).getAll('token');
  return given.length === 1 && tokenEquals(token, given[0]!);
}

export async function listenWithKeptSlide(options: EarlyServerOptions): Promise<EarlyServer> {
  const { record } = options;
  const displayToken = record.tokens.display;
  if (typeof displayToken !== 'string') throw new Error('the kept slide has no display token');
  const settleMs = options.settleMs ?? 300;
  const idleMs = options.idleMs ?? 1000;
  const maxWaitMs = options.maxWaitMs ?? 3000;
  const pageTokens = keptPageTokens(record.tokens);
  const page = Buffer.from(record.page);
  const assetsDir = path.join(options.rendererDir, 'assets');
  // Media only for the display's token: the record cannot open a file to anyone else.
  const media = new Map<string, KeptSlideMedia>();
  for (const entry of record.media) {
    if (carriesToken(entry.url, displayToken)) media.set(entry.url, entry);
  }

  let handler: RequestHandler | null = null;
  const held: [IncomingMessage, ServerResponse][] = [];
  const heldUpgrades: {
    request: IncomingMessage;
    socket: Socket;
    head: Buffer;
    onError: () => void;
  }[] = [];
  let hosts: Set<string> | null = null;

  // When to wake the core: see `wake` above.
  let port = 0;
  let woke = false;
  let wakeUp!: () => void;
  const wake = new Promise<void>((resolve) => (wakeUp = resolve));
  let idleTimer: NodeJS.Timeout | undefined;
  let settleTimer: NodeJS.Timeout | undefined;
  let pageAsked = false;
  let pageSent = false;
  const mediaSent = new Set<string>();
  let inFlight = 0;
  const wakeNow = () => {
    if (woke) return;
    woke = true;
    clearTimeout(idleTimer);
    clearTimeout(settleTimer);
    clearTimeout(maxTimer);
    wakeUp();
  };
  const maxTimer = setTimeout(wakeNow, maxWaitMs).unref();
  // Started by the first answer with a token (a kept page, its media) and restarted by every
  // other: unasked for `idleMs` (the page came but not all of its media), the core is loaded
  // anyway. Before that, nobody has come yet, and a browser still starting (at boot, or the
  // kiosk window `npm start` opens) is given up to `maxWaitMs`: a request only the core can
  // answer wakes it at once anyway. Stylesheets and fonts need no token, so they do not put it
  // off; nothing puts it off past `maxWaitMs` (a display reloading in a loop, several
  // displays one after another).
  const restartIdle = () => {
    clearTimeout(idleTimer);
    if (!woke) idleTimer = setTimeout(wakeNow, idleMs).unref();
  };
  const maybeSettle = () => {
    if (woke || !pageSent || inFlight > 0 || mediaSent.size < media.size) return;
    clearTimeout(settleTimer);
    settleTimer = setTimeout(wakeNow, settleMs).unref();
  };
  /**
   * Counts an answer in flight until its response finishes or closes; `onSent` if all of it
   * was given to the connection by then. Either event may come first, or only 'close': a
   * client that has read the whole reply may hang up before the server hears its last write
   * done, and then 'finish' never comes. The function returned takes it back when the answer
   * is the app's after all.
   */
  const answering = (
    response: ServerResponse,
    onSent: () => void,
    withToken: boolean,
  ): (() => void) => {
    inFlight++;
    clearTimeout(settleTimer);
    if (withToken) restartIdle();
    let open = true;
    const end = () => {
      if (!open) return;
      open = false;
      inFlight--;
      if (response.writableEnded) onSent();
      if (withToken) restartIdle();
      maybeSettle();
    };
    response.once('finish', end);
    response.once('close', end);
    return () => {
      response.off('finish', end);
      response.off('close', end);
      if (open) inFlight--;
      open = false;
    };
  };

  const hold = (request: IncomingMessage, response: ServerResponse, wakes = true) => {
    if (handler) return handler(request, response);
    held.push([request, response]);
    if (wakes) wakeNow();
  };

  const answer = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const host = request.headers.host;
    hosts ??= allowedHosts(options.host, port);
    if (typeof host !== 'string' || !hosts.has(host.toLowerCase())) {
      // DNS rebinding: refused as the app refuses it (`refuseForeignHosts`), not held.
      response.writeHead(421, {
        ...FOREIGN_HOST_HEADERS,
        'Content-Length': Buffer.byteLength(FOREIGN_HOST_TEXT),
      });
      response.end(FOREIGN_HOST_TEXT);
      return;
    }
    if (request.method !== 'GET') return hold(request, response);
    const url = request.url ?? '/';
    const at = url.indexOf('?');
    const pathname = at < 0 ? url : url.slice(0, at);
    const query = at < 0 ? null : url.slice(at + 1);
    const pageToken = pageTokens.get(pathname);
    if (pageToken !== undefined) {
      if (!isOnlyToken(query, pageToken)) return hold(request, response);
      pageAsked = true;
      answering(
        response,
        () => {
          pageSent = true;
        },
        true,
      );
      response.writeHead(200, {
        ...pageHeaders(host, `127.0.0.1:${port}`),
        'Content-Length': page.length,
      });
      response.end(page);
      return;
    }
    const file = media.get(url);
    if (file) {
      const takeBack = answering(response, () => mediaSent.add(url), true);
      if (await sendMedia(request, response, file)) return;
      // Changed since the record was made: what to send (if anything) is the app's call.
      takeBack();
      return hold(request, response);
    }
    if (pathname.startsWith('/assets/') && query === null) {
      const name = pathname.slice('/assets/'.length);
      const kind = assetKind(name);
      if (kind === 'style-or-font') {
        const takeBack = answering(response, () => {}, false);
        if (await sendAsset(request, response, assetsDir, name)) return;
        takeBack();
      } else if (kind === 'script' && pageAsked) {
        // The kept page's own scripts wait for the core, and do not call it early: the picture
        // goes out first, and the core wakes on the media and settle time (or `idleMs`).
        return hold(request, response, false);
      }
    }
    hold(request, response);
  };

  const server = createServer((request, response) => {
    if (handler) return handler(request, response);
    answer(request, response).catch(() => {
      if (!response.headersSent) hold(request, response);
      else response.destroy();
    });
  });
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  // Held whatever their host: the app checks it (and the token, the origin) once it is up.
  const holdUpgrade = (request: IncomingMessage, socket: Socket, head: Buffer) => {
    // Another listener is the app's own (registered before the hand-over): it has this one.
    if (handler || server.listenerCount('upgrade') > 1) return;
    // Node's server stops minding the socket once it is an upgrade: a reset must not throw.
    const onError = () => socket.destroy();
    socket.on('error', onError);
    heldUpgrades.push({ request, socket, head, onError });
    wakeNow();
  };
  server.on('upgrade', holdUpgrade);
  await new Promise<void>((resolve, reject) => {
    const refused = (error: Error) => {
      clearTimeout(maxTimer);
      reject(error);
    };
    server.once('error', refused);
    server.listen({ host: options.host, port: options.port }, () => {
      server.off('error', refused);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    server,
    port,
    wake,
    handOver: (next) => {
      handler = next;
      wakeNow();
      server.off('upgrade', holdUpgrade);
      for (const [request, response] of held.splice(0)) next(request, response);
      for (const { request, socket, head, onError } of heldUpgrades.splice(0)) {
        socket.off('error', onError);
        if (!socket.destroyed && server.listenerCount('upgrade') > 0) {
          server.emit('upgrade', request, socket, head);
        } else {
          socket.destroy();
        }
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        clearTimeout(idleTimer);
        clearTimeout(settleTimer);
        clearTimeout(maxTimer);
        woke = true;
        for (const [, response] of held.splice(0)) response.destroy();
        for (const { socket } of heldUpgrades.splice(0)) socket.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
