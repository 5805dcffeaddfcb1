import type { AddressInfo } from 'node:net';
import fastifyWebsocket from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import {
  SOCKET_PATH,
  type Command,
  type ConnectedClient,
  type Result,
  type ViewRole,
  type ShowState,
  baseUrl,
  views,
  printView,
  type LocalizedText,
  type OutputRecord,
  type ScreensStatus,
  SCREEN_PAGE_PATH,
} from '../../shared/protocol';
import { systemClock, type Clock } from '../../shared/time';
import type { ContentEditor } from '../content/edit/types';
import type { CleanUpload } from '../content/edit/upload-result';
import type { ContentStore } from '../content/types';
import type { ObsService } from '../obs/service';
import type { LanListener, RemoteController } from '../remote/controller';
import { admit } from './admission';
import { registerApi } from './api';
import { registerControlApi } from './api/control-routes';
import { collectApiRoutes, registerOpenApiRoute } from './api/openapi';
import { controlStateOf } from './api/control-state';
import { hostsOf } from './host-check';
import { createQuietWatch } from './quiet';
import { appPage, createApp, hardenApp, registerAssets, sendHtml } from './http';
import { startLanListener } from './lan';
import { registerMedia, type ResolveMedia } from './media';
import { createMediaAccess } from './media-access';
import { createMediaScaler, type ScaleImage } from './media-scaling';
import { allowedOrigins, isLoopbackAddress, loopbackHosts } from './origin';
import { homePage } from './pages';
import { registerPairRoute } from './pair-route';
import { registerScreenPairRoutes, type ScreenPairing } from './screen-pair-route';
import { createSocketHub, type Listener } from './socket';
import { makeTokens } from '../settings/tokens';
import { openControlTokenStore, type ControlTokenStore } from '../settings/control-tokens';

/** Things the operator should know that are not content problems (see `Core.notices`). */
export interface NoticeBoard {
  list(): readonly LocalizedText[];
  subscribe(listener: () => void): () => void;
}

/** The show as the server carries it: what is on air, and every change of it. */
export interface ShowFeed {
  state(): ShowState;
  subscribe(listener: (state: ShowState) => void): () => void;
}

/**
 * Finished parts, built by `core/start.ts`: the server carries messages between them and the
 * views, and decides nothing about the show.
 */
export interface ServerOptions {
  store: ContentStore;
  show: ShowFeed;
  /**
   * Settles once `store` and `show` can be read. The server listens before: pages and their
   * assets are served at once, while sockets and media requests wait for it.
   */
  ready?: Promise<void>;
  /** Runs a command that passed its schema and its role check (`core/commands.ts` routes). */
  execute: (command: Command) => Result | Promise<Result>;
  /** The phone remote; the server admits its phones and hands it the LAN listener. */
  remote: RemoteController;
  /** Screens on the venue network (`screens/`): pairing, and admitting paired screens. */
  screens?: ServerScreens;
  /** The LAN listener's origin while it is open (shared by remote and screens); the remote's if left out. */
  lanOrigin?: () => string | null;
  /** What a paired screen shows (see `showForOutput`); left out: the main show. */
  showForOutput?: (outputId: string, main: ShowState) => ShowState;
  /** The built renderer: `index.html` and `assets/`. */
  rendererDir: string;
  /** 127.0.0.1 unless told: the show must not be reachable from the network by accident. */
  host?: string;
  /** 0 picks a free port. */
  port: number;
  tokens?: Partial<Record<ViewRole, string>>;
  /** How a `/media/` path becomes a file; by default the store's checked media, nothing else. */
  resolveMedia?: ResolveMedia;
  /** For connection times. */
  clock?: Clock;
  notices?: NoticeBoard;
  /** OBS for operators: the `obs` message. Left out: operators get none. */
  obs?: ObsService;
  /** How scaled media copies are made; sharp in this process when left out. */
  scaleImage?: ScaleImage;
  /** The pack's writer, behind the content API (`/api/v1`). Left out: no API. */
  editor?: ContentEditor;
  /** How uploads to the API are cleaned; sharp in this process when left out. */
  cleanUpload?: CleanUpload;
  /** The named tokens of the control API; in memory only when left out. */
  controlTokens?: ControlTokenStore;
}

/** What the server needs from the screens: their pairing, tokens and status. */
export interface ServerScreens extends ScreenPairing {
  authenticate(token: string): OutputRecord | null;
  status(): ScreensStatus;
  subscribe(listener: (status: ScreensStatus) => void): () => void;
  changed(): void;
}

/** What the phone remote needs from the sockets (see `RemoteControllerOptions`). */
export interface RemoteSockets {
  openLanListener(address: string, lastPort: number | null): Promise<LanListener>;
  disconnect(match: (client: ConnectedClient) => boolean, code: number, reason: string): void;
  connectedDevices(): ReadonlySet<string>;
  connectedOutputs(): ReadonlySet<string>;
  /** Sends each paired screen what it shows now. */
  refreshOutputs(): void;
}

export interface RunningServer {
  /** `http://127.0.0.1:PORT`, usable from this machine even when bound to every interface. */
  url: string;
  port: number;
  host: string;
  tokens: Record<ViewRole, string>;
  controlTokens: ControlTokenStore;
  /**
   * The `cli` control token `serve` prints on its `api` line: made at every start and never
   * stored, so the printed line works for this run only (the console lists and can revoke it).
   */
  cliControlToken: string;
  /** The `/api/v1` routes registered, `METHOD /path`: what the OpenAPI test holds the document to. */
  apiRoutes(): string[];
  sockets: RemoteSockets;
  /** Resolves once no request has arrived for `quietMs` (at most `maxMs`): `quiet.ts`. */
  settled(quietMs: number, maxMs: number): Promise<void>;
  close(): Promise<void>;
}

/** WebSocket messages from views are small commands; anything bigger is not one of ours. */
export const MAX_PAYLOAD_BYTES = 64 * 1024;

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::']);

const noNotices: NoticeBoard = { list: () => [], subscribe: () => () => {} };

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const tokens = makeTokens(options.tokens);
  const { store, show, remote, screens, rendererDir } = options;
  const clock = options.clock ?? systemClock;
  const notices = options.notices ?? noNotices;
  const resolveMedia = options.resolveMedia ?? ((rel: string) => store.media(rel));

  const app = createApp();
  const apiRoutes = collectApiRoutes(app);
  const quiet = createQuietWatch();
  app.addHook('onRequest', (_request, _reply, done) => {
    quiet.touch();
    done();
  });
  let port = options.port;
  let mainOrigins: Set<string> | null = null;
  let mainHosts: Set<string> | null = null;
  // Read per request, after listen: the port is known by then.
  hardenApp(app, () => (mainHosts ??= hostsOf(origins('main'))));

  const hub = createSocketHub({
    admit: (request) => admit({ tokens, allowedOrigins: origins, remote, screens }, request),
    ready: options.ready,
    content: () => store.snapshot(),
    show: () => show.state(),
    ...(options.showForOutput ? { showFor: options.showForOutput } : {}),
    execute: (command) => options.execute(command),
    operatorGreeting: () => [
      { type: 'clients', clients: hub.clients() },
      { type: 'remote', remote: remote.status() },
      ...(screens ? [{ type: 'screens' as const, screens: screens.status() }] : []),
      // Last: tests and views take it as the end of the greeting.
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
      if (client.outputId) screens?.changed();
    },
    now: () => clock.now(),
  });
  const sockets: RemoteSockets = {
    openLanListener: (address, lastPort) =>
      startLanListener({
        address,
        preferredPorts: lastPort === null ? [port] : [lastPort, port],
        rendererDir,
        hub,
        pair: (request) => remote.pair(request),
        screens,
        // On the LAN, only a paired screen's own token opens media: never a fixed role token.
        registerScreenMedia: screens
          ? (lanApp) => registerMediaOn(lanApp, {}, (token) => screens.authenticate(token) !== null)
          : undefined,
        remoteOn: () => remote.isOn(),
        maxPayload: MAX_PAYLOAD_BYTES,
      }),
    disconnect: (match, code, reason) => hub.disconnect(match, code, reason),
    connectedDevices: () => hub.connectedDevices(),
    connectedOutputs: () => hub.connectedOutputs(),
    refreshOutputs: () => hub.refreshOutputs(show.state()),
  };

  function origins(listener: Listener): Set<string> {
    if (listener === 'lan') {
      const origin = options.lanOrigin ? options.lanOrigin() : remote.lanOrigin();
      return new Set(origin ? [origin.toLowerCase()] : []);
    }
    return (mainOrigins ??= allowedOrigins(host, port));
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
  for (const view of [...views, printView]) app.get(view.path, serveApp);
  // Overlay sub-pages (lower third, ticker, …) are routes inside the same app.
  app.get('/overlay/*', serveApp);
  // A screen asks to join here too (a monitor on this machine; the tests), not only on the LAN.
  if (screens) app.get(SCREEN_PAGE_PATH, serveApp);
  await registerAssets(app, rendererDir);
  const ready = options.ready;
  const mediaScaler = createMediaScaler({ scale: options.scaleImage });
  /** Pack media on `target`, to whoever `pairedDevice` and `roleTokens` let in. */
  const registerMediaOn = (
    target: FastifyInstance,
    roleTokens: Partial<Record<ViewRole, string>>,
    pairedDevice: (token: string) => boolean,
  ): void => {
    if (ready) {
      // Whether a media file may be sent depends on the content and on safe mode: neither is
      // known before the pack has loaded.
      target.addHook('onRequest', async (request) => {
        if (request.url.startsWith('/media/')) await ready;
      });
    }
    registerMedia(
      target,
      resolveMedia,
      mediaScaler,
      createMediaAccess({
        tokens: roleTokens,
        pairedDevice,
        content: () => store.snapshot(),
        safeMode: () => show.state().safeMode,
        resolve: resolveMedia,
      }),
    );
  };
  registerMediaOn(
    app,
    tokens,
    (token) =>
      remote.authenticate(token) !== null || (screens?.authenticate(token) ?? null) !== null,
  );
  // Also here, not only on the LAN listener: a laptop at the show computer (and the tests)
  // pair without the LAN. It answers only while the remote is on, like the LAN one.
  registerPairRoute(app, {
    pair: (request) => remote.pair(request),
    origins: () => origins('main'),
  });
  if (screens) registerScreenPairRoutes(app, { screens, origins: () => origins('main') });

  const controlTokens = options.controlTokens ?? (await openControlTokenStore(null));
  // Only on this listener, never on the phones' LAN one: editing is the operator's.
  if (options.editor)
    await registerApi(app, {
      tokens,
      editor: options.editor,
      ready: options.ready,
      cleanUpload: options.cleanUpload,
      controlTokens,
    });

  await app.register(fastifyWebsocket, { options: { maxPayload: MAX_PAYLOAD_BYTES } });
  app.get(SOCKET_PATH, { websocket: true }, (socket, request) =>
    hub.accept(socket, request, 'main'),
  );
  // Only on this listener, never on the phones' LAN one, like the content API.
  const cliControlToken = controlTokens.create('cli', { persist: false }).token;
  const obs = options.obs;
  await registerControlApi(app, {
    tokens,
    controlTokens,
    state: () => controlStateOf(show.state(), obs ? obs.info().status.state : 'off'),
    subscribe: (listener) => {
      const unfollowShow = show.subscribe(listener);
      const unfollowObs = obs?.subscribe(listener) ?? (() => {});
      return () => {
        unfollowShow();
        unfollowObs();
      };
    },
    execute: (command) => options.execute(command),
    ready: options.ready,
  });
  registerOpenApiRoute(app);

  try {
    await app.listen({ host, port });
  } catch (error) {
    hub.close();
    await app.close();
    throw error;
  }
  port = (app.server.address() as AddressInfo).port;
  // The quiet time counts from here: a browser opened on the printed address asks next.
  quiet.touch();

  const unsubscribeContent = store.subscribe((content) => hub.broadcastContent(content));
  const unsubscribeShow = show.subscribe((state) => hub.broadcastShow(state));
  const unsubscribeRemote = remote.subscribe((status) =>
    hub.sendToOperators({ type: 'remote', remote: status }),
  );
  const unsubscribeScreens =
    screens?.subscribe((status) => hub.sendToOperators({ type: 'screens', screens: status })) ??
    (() => {});
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
    controlTokens,
    cliControlToken,
    apiRoutes,
    sockets,
    settled: (quietMs, maxMs) => quiet.settled(quietMs, maxMs),
    close: () =>
      (closing ??= (async () => {
        unsubscribeContent();
        unsubscribeShow();
        unsubscribeRemote();
        unsubscribeScreens();
        unsubscribeNotices();
        unsubscribeObs();
        hub.close();
        await app.close();
        // A token made or revoked just before the stop must be on disk.
        await controlTokens.flush();
      })()),
  };
}
