import {
  CLOSE_FORBIDDEN_ORIGIN,
  CLOSE_UNAUTHORIZED,
  coreText,
  type Command,
  type Role,
  type Result,
} from '../../shared/protocol';
import {
  applySyncOffset,
  connectionAttempting,
  connectionLost,
  connectionStopped,
  defaultStores,
  remoteRefused,
  type Stores,
} from '../stores';
import { DEFAULT_BACKOFF, backoffDelay } from '../../shared/time';
import { createClockSync, pageClock, type ClockSync } from './clock-sync';
import { createCommandSender } from './commands';
import { createMessageHandler, parseServerMessage } from './messages';

/** The part of the browser's WebSocket this module uses, so tests can hand it a fake. */
export interface SocketLike {
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}
export type SocketFactory = (url: string) => SocketLike;

const OPEN = 1;

export interface SocketClientOptions {
  url: string;
  /** The role we asked for; a welcome naming another role is logged, not trusted. */
  role?: Role;
  stores?: Stores;
  createSocket?: SocketFactory;
  commandTimeoutMs?: number;
  /** How long to wait for the core's welcome before giving up on an attempt. */
  handshakeTimeoutMs?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** Retry interval after the core refused us (wrong token, foreign page): retrying fast cannot help. */
  refusedRetryMs?: number;
  random?: () => number;
  /** This page's clock, for the gap between `prepared` reports. */
  now?: () => number;
  /** Clock pings for `showAt` (by default on); tests of other things turn them off. */
  clockSync?: ClockSync | false;
  warn?: (...args: unknown[]) => void;
}

export interface SocketClient {
  start(): void;
  stop(): void;
  sendCommand(command: Command, timeoutMs?: number): Promise<Result>;
  /**
   * Tells the core when a change was ready (the `prepared` message). Dropped when the socket
   * is not open, or within PREPARED_GAP_MS of the last: a held key's thirty changes a second
   * must not spend the rate limit the page's pings and commands need.
   */
  reportPrepared(showAt: number, at: number): void;
}

/** The least time between two `prepared` reports of one page. */
export const PREPARED_GAP_MS = 100;

export function createSocketClient(options: SocketClientOptions): SocketClient {
  const stores = options.stores ?? defaultStores;
  const createSocket: SocketFactory =
    options.createSocket ?? ((url) => new WebSocket(url) as unknown as SocketLike);
  const commandTimeoutMs = options.commandTimeoutMs ?? 5_000;
  const handshakeTimeoutMs = options.handshakeTimeoutMs ?? 10_000;
  const random = options.random ?? Math.random;
  const warn = options.warn ?? ((...args: unknown[]) => console.warn(...args));

  let socket: SocketLike | null = null;
  let running = false;
  let failures = 0;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let handshakeTimer: ReturnType<typeof setTimeout> | null = null;
  /** The socket, once the core has welcomed us on it; null before and after. */
  const welcomed = (): SocketLike | null =>
    socket && socket.readyState === OPEN && stores.connection.getState().status === 'open'
      ? socket
      : null;
  const commands = createCommandSender(welcomed);
  const now = options.now ?? pageClock;
  let lastPreparedAt = -Infinity;
  const clockSync =
    options.clockSync === false
      ? null
      : (options.clockSync ??
        createClockSync({
          send: (data) => {
            if (!socket || socket.readyState !== OPEN) return false;
            socket.send(data);
            return true;
          },
          onOffset: (offsetMs) => applySyncOffset(offsetMs, stores.show),
        }));
  const messages = createMessageHandler({
    stores,
    role: options.role,
    warn,
    onWelcome: () => {
      if (handshakeTimer) clearTimeout(handshakeTimer);
      handshakeTimer = null;
      failures = 0;
      clockSync?.start();
    },
    onResult: commands.answer,
    onPong: (stamps) => clockSync?.pong(stamps),
  });

  function clearTimers() {
    if (retryTimer) clearTimeout(retryTimer);
    if (handshakeTimer) clearTimeout(handshakeTimer);
    retryTimer = null;
    handshakeTimer = null;
  }

  function scheduleRetry(refused = false) {
    if (!running || retryTimer) return;
    // A refused link is retried slowly rather than never: the core may come back with the
    // tokens this page has (the Electron shell keeps them across restarts).
    const delay = refused
      ? (options.refusedRetryMs ?? 30_000)
      : backoffDelay(
          failures,
          {
            baseMs: options.backoffBaseMs ?? DEFAULT_BACKOFF.baseMs,
            maxMs: options.backoffMaxMs ?? DEFAULT_BACKOFF.maxMs,
          },
          random,
        );
    failures += 1;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      open();
    }, delay);
  }

  function open() {
    if (!running) return;
    connectionAttempting(stores.connection);
    let ws: SocketLike;
    try {
      ws = createSocket(options.url);
    } catch (error) {
      warn('[socket] could not create a WebSocket', error);
      connectionLost(null, stores.connection);
      scheduleRetry();
      return;
    }
    socket = ws;
    // A connection that hangs half-open (a dropped Wi-Fi, a sleeping laptop) never closes
    // by itself; without this the display would wait forever.
    handshakeTimer = setTimeout(() => {
      handshakeTimer = null;
      if (socket === ws) ws.close(4000, 'no welcome from the core');
      dropped(ws, 'no welcome from the core');
    }, handshakeTimeoutMs);

    ws.onmessage = (event) => {
      if (socket !== ws) return;
      const message = parseServerMessage(event.data);
      if (!message) {
        warn('[socket] dropped an invalid message from the core', event.data);
        return;
      }
      messages.handle(message);
    };
    ws.onclose = (event) =>
      dropped(
        ws,
        event.reason || null,
        event.code === CLOSE_UNAUTHORIZED || event.code === CLOSE_FORBIDDEN_ORIGIN,
        event.code,
      );
    // An error is always followed by a close; the close does the work.
    ws.onerror = () => {};
  }

  function dropped(
    ws: SocketLike,
    reason: string | null,
    refused = false,
    code: number | null = null,
  ) {
    if (socket !== ws) return;
    socket = null;
    ws.onmessage = null;
    ws.onclose = null;
    ws.onerror = null;
    if (handshakeTimer) clearTimeout(handshakeTimer);
    handshakeTimer = null;
    clockSync?.stop();
    // We cannot know whether the core ran these; say so rather than guess.
    commands.settleAll(coreText('command.connectionLost'));
    if (!running) return;
    connectionLost(reason, stores.connection, code);
    // A phone's token that the core refuses was revoked: the remote view goes back to pairing.
    if (refused && options.role === 'remote') remoteRefused(reason, stores.remote);
    scheduleRetry(refused);
  }

  return {
    start() {
      if (running) return;
      running = true;
      open();
    },
    stop() {
      running = false;
      clearTimers();
      const ws = socket;
      if (ws) {
        dropped(ws, null);
        ws.close(1000, 'client stopped');
      }
      commands.settleAll(coreText('command.connectionClosed'));
      connectionStopped(stores.connection);
    },
    sendCommand(command, timeoutMs = commandTimeoutMs) {
      return commands.send(command, timeoutMs);
    },
    reportPrepared(showAt, at) {
      const open = welcomed();
      if (!open || now() - lastPreparedAt < PREPARED_GAP_MS) return;
      lastPreparedAt = now();
      open.send(JSON.stringify({ type: 'prepared', showAt, at }));
    },
  };
}
