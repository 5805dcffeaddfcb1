import type { AddressInfo } from 'node:net';
import fastifyWebsocket from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import { SOCKET_PATH } from '../../shared/protocol';
import type { LanListener, PairOutcome, PairRequest } from '../remote/controller';
import { hostsOf } from './host-check';
import { appPage, createApp, hardenApp, registerAssets } from './http';
import { registerPairRoute } from './pair-route';
import { registerScreenPairRoutes, type ScreenPairing } from './screen-pair-route';
import type { SocketHub } from './socket';
import { baseUrl } from '../../shared/protocol';

export interface LanListenerOptions {
  address: string;
  /**
   * Tried in order before any free port: the port it had when last on (a paired phone's page
   * is still open there), then the main one, so the phone's URL stays the same.
   */
  preferredPorts: readonly number[];
  rendererDir: string;
  hub: SocketHub;
  pair: (request: PairRequest) => Promise<PairOutcome>;
  /** Screens on the venue network: their page and their pairing, here too. */
  screens?: ScreenPairing;
  /**
   * Pack media for paired screens, checked by their own tokens only (see `media-access.ts`):
   * a screen on the LAN shows pictures like the kiosk does.
   */
  registerScreenMedia?: (app: FastifyInstance) => void;
  /** Whether the phone remote is on: its page is served only then. */
  remoteOn: () => boolean;
  maxPayload: number;
}

/**
 * The listener on the LAN address, shared by the phone remote and the paired screens (see
 * `SharedLanListener`). It serves the remote's page (while the remote is on), the screens'
 * page, the assets, both pairings, the paired screens' media and the sockets, and nothing
 * else: no other view, no home page with tokens; the socket's admission decides who stays.
 * Stopping it refuses new connections before `stop` returns.
 */
export async function startLanListener(options: LanListenerOptions): Promise<LanListener> {
  for (const port of options.preferredPorts) {
    try {
      return await listenOn(options, port);
    } catch (error) {
      // The main listener may hold the port on every interface, or another program does.
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    }
  }
  return listenOn(options, 0);
}

async function listenOn(options: LanListenerOptions, port: number): Promise<LanListener> {
  const { address, hub } = options;
  const app = createApp();
  let origin = new Set<string>();
  let host = baseUrl(address, port).slice('http://'.length);
  hardenApp(app, () => hostsOf(origin));
  const remotePage = appPage(options.rendererDir, () => host);
  // Open for the screens alone, the listener has no remote page to give out.
  app.get('/remote', (request, reply) =>
    options.remoteOn() ? remotePage(request, reply) : reply.callNotFound(),
  );
  if (options.screens) {
    app.get(
      '/screen',
      appPage(options.rendererDir, () => host),
    );
    registerScreenPairRoutes(app, { screens: options.screens, origins: () => origin });
    options.registerScreenMedia?.(app);
  }
  await registerAssets(app, options.rendererDir);
  registerPairRoute(app, { pair: options.pair, origins: () => origin });
  await app.register(fastifyWebsocket, { options: { maxPayload: options.maxPayload } });
  app.get(SOCKET_PATH, { websocket: true }, (socket, request) =>
    hub.accept(socket, request, 'lan'),
  );
  try {
    await app.listen({ host: address, port });
  } catch (error) {
    await app.close();
    throw error;
  }
  const bound = (app.server.address() as AddressInfo).port;
  host = baseUrl(address, bound).slice('http://'.length);
  origin = new Set([`http://${host}`.toLowerCase()]);
  return { address, port: bound, stop: () => stopNow(app) };
}

function stopNow(app: FastifyInstance): Promise<void> {
  // Synchronously: no new connection from here on, and idle keep-alive ones are dropped.
  // fastify's own close comes after and finds the server already stopped.
  app.server.close();
  app.server.closeAllConnections();
  return app.close();
}
