import type { AddressInfo } from 'node:net';
import fastifyWebsocket from '@fastify/websocket';
import {
  CLOSE_REMOTE_OFF,
  CLOSE_UNAUTHORIZED,
  SOCKET_PATH,
  type Command,
  type Role,
} from '../../shared/protocol';
import type { ContentStore } from '../content/types';
import { isObsCommand, type ObsService } from '../obs/service';
import { RemoteController } from '../remote/controller';
import { openDeviceStore } from '../remote/devices';
import { lanAddresses as findLanAddresses } from '../remote/lan-address';
import { systemClock, type Clock } from '../../shared/time';
import type { ShowEngine } from '../show/engine';
import { fail, ok, type Result } from '../../shared/protocol';
import { admit } from './admission';
import { hostsOf } from './host-check';
import { appPage, createApp, hardenApp, registerAssets, sendHtml } from './http';
import { startLanListener } from './lan';
import { registerMedia, type ResolveMedia } from './media';
import { createMediaAccess } from './media-access';
import { createMediaScaler, type ScaleImage } from './media-scaling';
import { allowedOrigins, isLoopbackAddress, loopbackHosts } from './origin';
import { homePage } from './pages';
import { registerPairRoute } from './pair-route';
import { createSocketHub, type Listener } from './socket';
import { makeTokens } from '../settings/tokens';
import { baseUrl, views } from './views';

/** Things the operator should know that are not content problems (see `Core.notices`). */
export interface NoticeBoard {
  list(): readonly string[];
  subscribe(listener: () => void): () => void;
}

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
  /** How a `/media/` path becomes a file; by default the store's checked media, nothing else. */
  resolveMedia?: ResolveMedia;
  /** Where paired phones are kept (`remote-devices.json`); null or left out: in memory only. */
  dataDir?: string | null;
  /**
   * The addresses the phone remote may listen on, best first; this machine's LAN IPv4
   * addresses by default. Tests give a loopback address, so nothing leaves the machine.
   */
  lanAddresses?: () => string[];
  /** For pairing lockouts and connection times. */
  clock?: Clock;
  notices?: NoticeBoard;
  /** Where problems of the server's own files go (a devices file set aside). */
  notice?: (message: string) => void;
  /** OBS for operators: the `obs` message and the obs* commands. Left out: they are refused. */
  obs?: ObsService;
  /** How scaled media copies are made; sharp in this process when left out. */
  scaleImage?: ScaleImage;
}

export interface RunningServer {
  /** `http://127.0.0.1:PORT`, usable from this machine even when bound to every interface. */
  url: string;
  port: number;
  host: string;
  tokens: Record<Role, string>;
  remote: RemoteController;
  close(): Promise<void>;
}

/** WebSocket messages from views are small commands; anything bigger is not one of ours. */
export const MAX_PAYLOAD_BYTES = 64 * 1024;

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::']);

const noNotices: NoticeBoard = { list: () => [], subscribe: () => () => {} };

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const tokens = makeTokens(options.tokens);
  const { store, engine, rendererDir } = options;
  const clock = options.clock ?? systemClock;
  const notices = options.notices ?? noNotices;
  const resolveMedia = options.resolveMedia ?? ((rel: string) => store.media(rel));

  const app = createApp();
  let port = options.port;
  let mainOrigins: Set<string> | null = null;
  let mainHosts: Set<string> | null = null;
  // Read per request, after listen: the port is known by then.
  hardenApp(app, () => (mainHosts ??= hostsOf(origins('main'))));

  const devices = await openDeviceStore(
    options.dataDir ?? null,
    options.notice ?? ((message) => console.error(message)),
  );
  // The hub and the remote need each other; the hub is made first and the remote reaches it
  // through these functions once both exist.
  const hub = createSocketHub({
    admit: (request) => admit({ tokens, allowedOrigins: origins, remote }, request),
    content: () => store.snapshot(),
    show: () => engine.state(),
    execute: (command) => execute(command),
    operatorGreeting: () => [
      { type: 'clients', clients: hub.clients() },
      { type: 'remote', remote: remote.status() },
      { type: 'notices', notices: [...notices.list()] },
      ...(options.obs ? [{ type: 'obs' as const, obs: options.obs.info() }] : []),
    ],
    onClientsChanged: (client, joined) => {
      options.obs?.setOperatorCount(hub.clients().filter((c) => c.role === 'operator').length);
      hub.sendToOperators(
        { type: 'clients', clients: hub.clients() },
        joined && client.role === 'operator' ? client.id : undefined,
      );
      if (client.deviceId !== null) remote.changed();
    },
    now: () => clock.now(),
  });
  const remote: RemoteController = new RemoteController({
    devices,
    lanAddresses: options.lanAddresses ?? (() => findLanAddresses()),
    openListener: (address, lastPort) =>
      startLanListener({
        address,
        preferredPorts: lastPort === null ? [port] : [lastPort, port],
        rendererDir,
        hub,
        pair: (request) => remote.pair(request),
        maxPayload: MAX_PAYLOAD_BYTES,
      }),
    disconnectAll: (reason) => hub.disconnect((c) => c.role === 'remote', CLOSE_REMOTE_OFF, reason),
    disconnectDevice: (deviceId) =>
      hub.disconnect(
        (c) => c.deviceId === deviceId,
        CLOSE_UNAUTHORIZED,
        'the operator unpaired it',
      ),
    connectedDevices: () => hub.connectedDevices(),
    safeModeOn: () => engine.state().safeMode,
    clock,
  });

  function origins(listener: Listener): Set<string> {
    if (listener === 'lan') {
      const origin = remote.lanOrigin();
      return new Set(origin ? [origin.toLowerCase()] : []);
    }
    return (mainOrigins ??= allowedOrigins(host, port));
  }

  /** The remote's commands go to the server's remote, OBS's to OBS; every other one to the show. */
  function execute(command: Command): Result | Promise<Result> {
    switch (command.name) {
      case 'remoteEnable':
        if (command.on) return remote.enable();
        remote.disable('the operator turned the phone remote off');
        return ok;
      case 'remoteRevoke':
        return remote.revoke(command.deviceId);
      case 'obsConfigure':
      case 'obsSetup':
      case 'obsSwitchScene':
        if (!options.obs || !isObsCommand(command)) return fail('OBS is not available here');
        return options.obs.execute(command);
      default:
        return engine.execute(command);
    }
  }

  const fallbackHost = () => `127.0.0.1:${port}`;
  app.get('/', async (request, reply) => {
    const local =
      isLoopbackAddress(request.socket.remoteAddress) &&
      loopbackHosts(port).has((request.headers.host ?? '').toLowerCase());
    return sendHtml(
      request,
      reply,
      homePage(baseUrl('127.0.0.1', port), local ? tokens : null),
      fallbackHost(),
    );
  });
  const serveApp = appPage(rendererDir, fallbackHost);
  for (const view of views) app.get(view.path, serveApp);
  // Overlay sub-pages (lower third, ticker, …) are routes inside the same app.
  app.get('/overlay/*', serveApp);
  await registerAssets(app, rendererDir);
  registerMedia(
    app,
    resolveMedia,
    createMediaScaler({ scale: options.scaleImage }),
    createMediaAccess({
      tokens,
      pairedDevice: (token) => remote.authenticate(token) !== null,
      content: () => store.snapshot(),
      safeMode: () => engine.state().safeMode,
      resolve: resolveMedia,
    }),
  );
  // Also here, not only on the LAN listener: a laptop at the show computer (and the tests)
  // pair without the LAN. It answers only while the remote is on, like the LAN one.
  registerPairRoute(app, {
    pair: (request) => remote.pair(request),
    origins: () => origins('main'),
  });

  await app.register(fastifyWebsocket, { options: { maxPayload: MAX_PAYLOAD_BYTES } });
  app.get(SOCKET_PATH, { websocket: true }, (socket, request) =>
    hub.accept(socket, request, 'main'),
  );

  try {
    await app.listen({ host, port });
  } catch (error) {
    hub.close();
    await app.close();
    throw error;
  }
  port = (app.server.address() as AddressInfo).port;

  const unsubscribeContent = store.subscribe((content) => hub.broadcastContent(content));
  const unsubscribeShow = engine.subscribe((show) => {
    hub.broadcastShow(show);
    // Safe mode protects people: whoever is on the venue's Wi-Fi loses the show at once.
    if (show.safeMode && remote.isOn()) {
      remote.disable('safe mode is on, so the phone remote is off');
    }
  });
  const unsubscribeRemote = remote.subscribe((status) =>
    hub.sendToOperators({ type: 'remote', remote: status }),
  );
  const unsubscribeNotices = notices.subscribe(() =>
    hub.sendToOperators({ type: 'notices', notices: [...notices.list()] }),
  );
  const unsubscribeObs =
    options.obs?.subscribe((obs) => hub.sendToOperators({ type: 'obs', obs })) ?? (() => {});

  let closing: Promise<void> | null = null;
  return {
    url: baseUrl(WILDCARD_HOSTS.has(host) ? '127.0.0.1' : host, port),
    port,
    host,
    tokens,
    remote,
    close: () =>
      (closing ??= (async () => {
        unsubscribeContent();
        unsubscribeShow();
        unsubscribeRemote();
        unsubscribeNotices();
        unsubscribeObs();
        await remote.close();
        hub.close();
        await app.close();
      })()),
  };
}
