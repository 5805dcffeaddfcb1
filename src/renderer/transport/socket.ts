import type { ContentSnapshot } from '../../shared/content';
import {
  CLOSE_FORBIDDEN_ORIGIN,
  CLOSE_UNAUTHORIZED,
  SOCKET_PATH,
  clientMessageSchema,
  serverMessageSchema,
  type Command,
  type Result,
  type Role,
  type ServerMessage,
} from '../../shared/protocol';
import { roleForPath } from '../../shared/protocol';
import { DEFAULT_BACKOFF, backoffDelay } from '../../shared/time';
import {
  applyContent,
  applyShow,
  connectionAttempting,
  connectionLost,
  connectionStopped,
  connectionWelcomed,
  defaultStores,
  type Stores,
} from '../stores';
import { applyClients, applyNotices, applyRemote } from '../stores/operator';
import { applyObs } from '../views/operator/obs/obs-store';
import { readRemoteToken, remoteRefused } from '../stores/remote';
import { setMediaToken } from '../slides/context';

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
  warn?: (...args: unknown[]) => void;
}

export interface SocketClient {
  start(): void;
  stop(): void;
  sendCommand(command: Command, timeoutMs?: number): Promise<Result>;
}

/** Parses one frame from the core; anything that is not a valid message is null. */
export function parseServerMessage(data: unknown): ServerMessage | null {
  if (typeof data !== 'string') return null;
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return null;
  }
  const parsed = serverMessageSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

let requestCounter = 0;
function newRequestId(): string {
  // Not crypto.randomUUID: it only exists in secure contexts, and a phone on the venue
  // LAN reaches us over plain http.
  requestCounter += 1;
  return `r${requestCounter.toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** How long a pack that drops the item on air waits for the core's next `show`. */
export const HOLD_CONTENT_MS = 250;

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
  const pending = new Map<
    string,
    { resolve: (result: Result) => void; timer: ReturnType<typeof setTimeout> }
  >();

  function settleAll(error: string) {
    for (const [id, entry] of pending) {
      clearTimeout(entry.timer);
      entry.resolve({ ok: false, error });
      pending.delete(id);
    }
  }

  function clearTimers() {
    if (retryTimer) clearTimeout(retryTimer);
    if (handshakeTimer) clearTimeout(handshakeTimer);
    retryTimer = null;
    handshakeTimer = null;
  }

  /**
   * A pack without the item on air: the core moves the show on and says so in the next
   * message. Applied alone, it would put the neutral screen up for the moment in between (a
   * blank flash on every screen); held until that `show` (or HOLD_CONTENT_MS), the two change
   * the screens together, and the withdrawn slide still leaves at once.
   */
  let heldContent: { content: ContentSnapshot; timer: ReturnType<typeof setTimeout> } | null = null;
  function applyHeldContent() {
    if (!heldContent) return;
    const { content, timer } = heldContent;
    heldContent = null;
    clearTimeout(timer);
    applyContent(content, stores.content);
  }

  function handle(message: ServerMessage) {
    if (message.type !== 'show' && message.type !== 'content') applyHeldContent();
    switch (message.type) {
      case 'welcome':
        if (handshakeTimer) clearTimeout(handshakeTimer);
        handshakeTimer = null;
        failures = 0;
        if (options.role && message.role !== options.role) {
          warn(`[socket] asked for role ${options.role}, the core says ${message.role}`);
        }
        connectionWelcomed(message, stores.connection);
        break;
      case 'content': {
        applyHeldContent();
        const onAir = stores.show.getState().show?.itemId;
        if (onAir && !message.content.items.some((item) => item.id === onAir)) {
          heldContent = {
            content: message.content,
            timer: setTimeout(applyHeldContent, HOLD_CONTENT_MS),
          };
        } else {
          applyContent(message.content, stores.content);
        }
        break;
      }
      case 'show':
        // In the same task, so the views render both in one go.
        applyShow(message.show, stores.show);
        applyHeldContent();
        break;
      // Operator-only: the core sends these to the console and nobody else.
      case 'clients':
        applyClients(message.clients);
        break;
      case 'remote':
        applyRemote(message.remote);
        break;
      case 'notices':
        applyNotices(message.notices);
        break;
      case 'obs':
        applyObs(message.obs);
        break;
      case 'result': {
        const entry = pending.get(message.requestId);
        if (!entry) return;
        clearTimeout(entry.timer);
        pending.delete(message.requestId);
        entry.resolve(
          message.ok ? { ok: true } : { ok: false, error: message.error ?? 'refused by the core' },
        );
        break;
      }
    }
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
      handle(message);
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
    // We cannot know whether the core ran these; say so rather than guess.
    settleAll('connection lost before the core answered');
    if (!running) return;
    connectionLost(reason, stores.connection, code);
    // A phone's token that the core refuses was revoked: the remote view goes back to pairing.
    if (refused && options.role === 'remote') remoteRefused(reason);
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
      settleAll('connection closed');
      connectionStopped(stores.connection);
    },
    sendCommand(command, timeoutMs = commandTimeoutMs) {
      const requestId = newRequestId();
      const message = clientMessageSchema.safeParse({ type: 'command', requestId, command });
      if (!message.success) {
        return Promise.resolve({ ok: false, error: `invalid command: ${message.error.message}` });
      }
      const ws = socket;
      if (!ws || ws.readyState !== OPEN || stores.connection.getState().status !== 'open') {
        return Promise.resolve({ ok: false, error: 'not connected to the core' });
      }
      return new Promise<Result>((resolve) => {
        const timer = setTimeout(() => {
          pending.delete(requestId);
          resolve({ ok: false, error: `no answer from the core within ${timeoutMs} ms` });
        }, timeoutMs);
        pending.set(requestId, { resolve, timer });
        try {
          ws.send(JSON.stringify(message.data));
        } catch (error) {
          clearTimeout(timer);
          pending.delete(requestId);
          resolve({ ok: false, error: `could not send: ${String(error)}` });
        }
      });
    },
  };
}

export interface LocationLike {
  protocol: string;
  host: string;
  pathname: string;
  search: string;
}

/** Where this page's socket goes: same host, the role of the route, the token of the link. */
export function socketTarget(loc: LocationLike): { role: Role; token: string; url: string } | null {
  const role = roleForPath(loc.pathname);
  // A paired phone keeps its token in storage, not in a link it could share.
  const token =
    new URLSearchParams(loc.search).get('token') ?? (role === 'remote' ? readRemoteToken() : null);
  if (!role || !token) return null;
  const scheme = loc.protocol === 'https:' ? 'wss' : 'ws';
  const query = new URLSearchParams({ role, token });
  return { role, token, url: `${scheme}://${loc.host}${SOCKET_PATH}?${query.toString()}` };
}

let pageClient: SocketClient | null = null;

/** Opens this page's one socket. Returns false when the link has no route or no token. */
export function connect(loc: LocationLike = window.location): boolean {
  if (pageClient) return true;
  const target = socketTarget(loc);
  if (!target) return false;
  setMediaToken(target.token);
  pageClient = createSocketClient({ url: target.url, role: target.role });
  pageClient.start();
  return true;
}

export function disconnect() {
  pageClient?.stop();
  pageClient = null;
}

export function sendCommand(command: Command, timeoutMs?: number): Promise<Result> {
  if (!pageClient) return Promise.resolve({ ok: false, error: 'not connected to the core' });
  return pageClient.sendCommand(command, timeoutMs);
}
