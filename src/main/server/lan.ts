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
  maxPayload: number;
}

/**
 * The phone remote's listener on the LAN address. It serves the remote page and its assets,
 * pairing and the remote's socket, and nothing else: no other view, no media, no home page
 * with tokens. Stopping it refuses new connections before `stop` returns.
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
  app.get(
    '/remote',
    appPage(options.rendererDir, () => host),
  );
  if (options.screens) {
    app.get(
      '/screen',
      appPage(options.rendererDir, () => host),
    );
    registerScreenPairRoutes(app, { screens: options.screens, origins: () => origin });
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
