import type { AddressInfo } from 'node:net';
import fastifyWebsocket from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import {
  SOCKET_PATH,
  type ViewRole,
  baseUrl,
  localUrl,
  views,
  printView,
  SCREEN_PAGE_PATH,
} from '../../shared/protocol';
import { systemClock } from '../../shared/time';
import { admit } from './admission';
import { registerApi } from './api';
import { registerControlApi } from './api/control-routes';
import { collectApiRoutes, registerOpenApiRoute } from './api/openapi';
import { controlStateOf } from './api/control-state';
import { hostsOf } from './host-check';
import { createQuietWatch, wantsContent } from './quiet';
import { appPage, createApp, hardenApp, registerAssets, sendHtml } from './http';
import { pictureHints } from './picture-hints';
import { startLanListener } from './lan';
import { registerMedia } from './media';
import { createMediaAccess } from './media-access';
import { createMediaScaler, widthsAsked } from './media-scaling';
import { allowedOrigins, isLoopbackAddress, loopbackHosts } from './origin';
import { homePage } from './pages';
import { registerPairRoute } from './pair-route';
import { registerScreenPairRoutes } from './screen-pair-route';
import type { NoticeBoard, RemoteSockets, RunningServer, ServerOptions } from './server-types';
import { createSocketHub, type Listener } from './socket';
import { makeTokens } from '../settings/tokens';
import { openControlTokenStore } from '../settings/control-tokens';

export type {
  NoticeBoard,
  RemoteSockets,
  RunningServer,
  ServerOptions,
  ServerScreens,
  ShowFeed,
} from './server-types';

/** WebSocket messages from views are small commands; anything bigger is not one of ours. */
export const MAX_PAYLOAD_BYTES = 64 * 1024;

const noNotices: NoticeBoard = { list: () => [], subscribe: () => () => {} };

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const tokens = makeTokens(options.tokens);
  const { store, show, remote, screens, rendererDir } = options;
  const clock = options.clock ?? systemClock;
  const notices = options.notices ?? noNotices;
  const resolveMedia = options.resolveMedia ?? ((rel: string) => store.media(rel));

  const { early } = options;
  const app = createApp(early);
  const apiRoutes = collectApiRoutes(app);
  const quiet = createQuietWatch();
  app.addHook('onRequest', (request, _reply, done) => {
    quiet.touch();
    if (wantsContent(request.url)) quiet.wanted();
    done();
  });
  app.addHook('onResponse', (request, _reply, done) => {
    quiet.answered(request.url);
    done();
  });
  let port = early?.port ?? options.port;
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
    onPrepared: (clientId, showAt, at) => options.changeLead?.prepared(clientId, showAt, at),
    onClientsChanged: (client, joined) => {
      if (!joined) options.changeLead?.forget(client.id);
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
  // The show exists once the pack has been read (`core/late-show.ts`): a page served before
  // names no picture.
  let showLoaded = options.ready === undefined;
  options.ready?.then(
    () => (showLoaded = true),
    () => {},
  );
  const hintSource = { tokens, content: () => store.snapshot(), show: () => show.state() };
  const serveApp = appPage(
    rendererDir,
    fallbackHost,
    (assets) => quiet.expect(assets),
    (pathname, token) => (showLoaded ? pictureHints(hintSource, pathname, token) : []),
  );
  for (const view of [...views, printView]) app.get(view.path, serveApp);
  // Overlay sub-pages (lower third, ticker, …) are routes inside the same app.
  app.get('/overlay/*', serveApp);
  // A screen asks to join here too (a monitor on this machine; the tests), not only on the LAN.
  if (screens) app.get(SCREEN_PAGE_PATH, serveApp);
  await registerAssets(app, rendererDir);
  const ready = options.ready;
  const mediaScaler = widthsAsked(createMediaScaler({ scale: options.scaleImage }));
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
  const cliControlToken = controlTokens.create('cli', {
    persist: false,
    ...(options.cliControlToken ? { token: options.cliControlToken } : {}),
  }).token;
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
    if (early) {
      await app.ready();
      early.handOver((request, response) => app.routing(request, response));
    } else {
      await app.listen({ host, port });
    }
  } catch (error) {
    hub.close();
    await app.close();
    await early?.close();
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
    url: localUrl(host, port),
    port,
    host,
    tokens,
    controlTokens,
    cliControlToken,
    apiRoutes,
    sockets,
    settled: (quietMs, maxMs) => quiet.settled(quietMs, maxMs),
    widestMediaWidth: () => mediaScaler.widest(),
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
        // fastify closes only a server it made listen itself.
        await early?.close();
        // A token made or revoked just before the stop must be on disk.
        await controlTokens.flush();
      })()),
  };
}
