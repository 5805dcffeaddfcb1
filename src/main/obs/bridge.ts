import { OBSWebSocket } from 'obs-websocket-js/json';
import type { OBSEventTypes, OBSRequestTypes, OBSResponseTypes } from 'obs-websocket-js/json';
import {
  DEFAULT_BACKOFF,
  backoffDelay,
  systemClock,
  type BackoffOptions,
  type Clock,
} from '../../shared/time';

export type ObsRequestType = keyof OBSRequestTypes;
export type ObsRequestData<R extends ObsRequestType> = OBSRequestTypes[R];
export type ObsResponseData<R extends ObsRequestType> = OBSResponseTypes[R];
export type ObsEventType = keyof OBSEventTypes;

export interface ObsConnectionConfig {
  host: string;
  port: number;
  /** Empty or undefined when OBS's server has authentication off. */
  password?: string;
}

/** Why the bridge is not connected, so the operator console can pick an icon and a fix. */
export type ObsProblem =
  'auth' | 'refused' | 'lost' | 'timeout' | 'unreachable' | 'not-obs' | 'rpc-version' | 'other';

export type ObsStatus =
  | { state: 'disconnected'; message: string }
  | {
      state: 'connecting';
      message: string;
      /** 1 for the first try after a (re)configure or a lost connection. */
      attempt: number;
      /** The problem that made the previous attempt fail, if any. */
      problem?: ObsProblem;
    }
  | {
      state: 'connected';
      message: string;
      obsVersion: string;
      obsWebSocketVersion: string;
      rpcVersion: number;
      platform?: string;
    }
  | { state: 'auth-failed'; message: string; problem: 'auth' }
  | {
      state: 'error';
      message: string;
      problem: ObsProblem;
      /** When the next attempt starts. */
      retryInMs: number;
      attempt: number;
    };

export type ObsCallErrorKind = 'timeout' | 'closed' | 'not-connected' | 'obs';

/** Every way a call can fail. `code` is OBS's request status code when OBS said no. */
export class ObsCallError extends Error {
  constructor(
    readonly kind: ObsCallErrorKind,
    readonly requestType: string,
    message: string,
    readonly code?: number,
  ) {
    super(message);
    this.name = 'ObsCallError';
  }
}

/** What the bridge needs from obs-websocket-js, so unit tests can hand it a fake. */
export interface ObsSocket {
  connect(
    url: string,
    password: string | undefined,
    identification: { rpcVersion: number },
  ): Promise<{ obsWebSocketVersion: string; negotiatedRpcVersion: number }>;
  disconnect(): Promise<void>;
  call(requestType: string, requestData?: object): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): unknown;
  removeAllListeners(): unknown;
}

export function createRealSocket(): ObsSocket {
  const socket = new OBSWebSocket();
  return {
    connect: (url, password, identification) => socket.connect(url, password, identification),
    disconnect: () => socket.disconnect(),
    call: (requestType, requestData) =>
      socket.call(requestType as ObsRequestType, requestData as never) as Promise<unknown>,
    on: (event, listener) => socket.on(event as never, listener as never),
    removeAllListeners: () => socket.removeAllListeners(),
  };
}

export interface ObsBridgeOptions {
  clock?: Clock;
  random?: () => number;
  createSocket?: () => ObsSocket;
  /** Per-call timeout unless a call says otherwise. */
  callTimeoutMs?: number;
  /** How long one connection attempt may take, handshake included. */
  connectTimeoutMs?: number;
  backoff?: BackoffOptions;
  /** Diagnostics; never receives the password. */
  log?: (message: string) => void;
}

interface Pending {
  requestType: string;
  reject(error: ObsCallError): void;
}

const NOT_CONFIGURED = 'OBS is not connected. Set the host, port and password in the OBS settings.';

/**
 * One connection to OBS over obs-websocket v5. obs-websocket-js has no reconnect, and a call in
 * flight when OBS dies never settles; this class owns both: every call has a timeout and is
 * rejected the moment the socket closes, and a lost connection is retried with backoff. Nothing
 * here throws out of an event handler: failures become a status or a rejected call.
 */
export class ObsBridge {
  // A private field: util.inspect and JSON.stringify never show it, so neither can a log line.
  #password: string | undefined;
  private target: { host: string; port: number } | null = null;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly createSocket: () => ObsSocket;
  private readonly callTimeoutMs: number;
  private readonly connectTimeoutMs: number;
  private readonly backoff: BackoffOptions;
  private readonly log: (message: string) => void;

  /** Bumped on every attempt and on disconnect: handlers of older sockets see it and do nothing. */
  private generation = 0;
  private socket: ObsSocket | null = null;
  /** Set once the socket is identified; calls go only through this. */
  private live: ObsSocket | null = null;
  private failures = 0;
  private retryTimer: unknown = null;
  private current: ObsStatus = { state: 'disconnected', message: NOT_CONFIGURED };
  private nextCallId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly statusListeners = new Set<(status: ObsStatus) => void>();
  private readonly eventListeners = new Map<string, Set<(payload: unknown) => void>>();

  constructor(options: ObsBridgeOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.createSocket = options.createSocket ?? createRealSocket;
    this.callTimeoutMs = options.callTimeoutMs ?? 3_000;
    this.connectTimeoutMs = options.connectTimeoutMs ?? 5_000;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.log = options.log ?? (() => {});
  }

  status(): ObsStatus {
    return this.current;
  }

  /** The address in use, without the password. */
  address(): string | null {
    return this.target ? `${this.target.host}:${this.target.port}` : null;
  }

  onStatus(listener: (status: ObsStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** Subscribes to an OBS event; the subscription survives reconnects. */
  on<E extends ObsEventType>(event: E, listener: (payload: OBSEventTypes[E]) => void): () => void {
    let listeners = this.eventListeners.get(event);
    if (!listeners) {
      listeners = new Set();
      this.eventListeners.set(event, listeners);
      if (this.socket) this.forwardEvent(this.socket, this.generation, event);
    }
    const untyped = listener as (payload: unknown) => void;
    listeners.add(untyped);
    return () => listeners.delete(untyped);
  }

  /**
   * Connects (or reconnects with new settings) and resolves with the outcome of the first
   * attempt. Never rejects: a failure is a status, and retries go on in the background
   * unless OBS refused the password.
   */
  async connect(config: ObsConnectionConfig): Promise<ObsStatus> {
    await this.disconnect();
    this.target = { host: config.host, port: config.port };
    this.#password = config.password || undefined;
    this.failures = 0;
    await this.attempt(undefined);
    return this.current;
  }

  /** Closes the connection and stops retrying. Calls in flight are rejected. */
  async disconnect(): Promise<void> {
    this.generation += 1;
    this.clearRetry();
    const socket = this.socket;
    this.socket = null;
    this.live = null;
    this.rejectPending('not-connected', 'the app disconnected from OBS');
    if (socket) await this.closeQuietly(socket);
    if (this.current.state !== 'disconnected') {
      this.setStatus({ state: 'disconnected', message: 'Disconnected from OBS.' });
    }
  }

  /**
   * Sends one request. Rejects with an ObsCallError when not connected, when OBS says no,
   * when no answer comes within the timeout, and at once when the connection closes.
   */
  call<R extends ObsRequestType>(
    requestType: R,
    requestData?: ObsRequestData<R>,
    options: { timeoutMs?: number } = {},
  ): Promise<ObsResponseData<R>> {
    const socket = this.live;
    if (!socket) {
      return Promise.reject(
        new ObsCallError(
          'not-connected',
          requestType,
          `Cannot send ${requestType}: not connected to OBS. ${this.current.message}`,
        ),
      );
    }
    const id = this.nextCallId++;
    const timeoutMs = options.timeoutMs ?? this.callTimeoutMs;
    return new Promise<ObsResponseData<R>>((resolve, reject) => {
      let settled = false;
      const finish = (settle: () => void) => {
        if (settled) return;
        settled = true;
        this.clock.clearTimeout(timer);
        this.pending.delete(id);
        settle();
      };
      const timer = this.clock.setTimeout(() => {
        finish(() =>
          reject(
            new ObsCallError(
              'timeout',
              requestType,
              `OBS did not answer ${requestType} within ${formatSeconds(timeoutMs)}.`,
            ),
          ),
        );
      }, timeoutMs);
      this.pending.set(id, { requestType, reject: (error) => finish(() => reject(error)) });
      let sent: Promise<unknown>;
      try {
        sent = socket.call(requestType, requestData as object | undefined);
      } catch (error) {
        sent = Promise.reject(error);
      }
      sent.then(
        (value) => finish(() => resolve(value as ObsResponseData<R>)),
        (error: unknown) => finish(() => reject(this.callError(requestType, error))),
      );
    });
  }

  private callError(requestType: string, error: unknown): ObsCallError {
    const code = (error as { code?: unknown })?.code;
    const text = this.redact(error instanceof Error ? error.message : String(error));
    // Request status codes start at 100; -1 and close codes mean the socket went away.
    if (typeof code === 'number' && code >= 100 && code < 1000) {
      return new ObsCallError('obs', requestType, `OBS refused ${requestType}: ${text}`, code);
    }
    return new ObsCallError('closed', requestType, `${requestType} failed: ${text}`);
  }

  private rejectPending(kind: ObsCallErrorKind, why: string): void {
    const all = [...this.pending.values()];
    this.pending.clear();
    for (const entry of all) {
      entry.reject(
        new ObsCallError(kind, entry.requestType, `${entry.requestType} got no answer: ${why}.`),
      );
    }
  }

  private async attempt(previous: ObsProblem | undefined): Promise<void> {
    if (!this.target) return;
    const generation = ++this.generation;
    const address = this.address();
    let socket: ObsSocket;
    try {
      socket = this.createSocket();
    } catch (error) {
      this.failed({ problem: 'other', message: `Could not start a connection to OBS: ${error}` });
      return;
    }
    this.socket = socket;
    this.setStatus({
      state: 'connecting',
      message: `Connecting to OBS at ${address}…`,
      attempt: this.failures + 1,
      ...(previous ? { problem: previous } : {}),
    });
    socket.on('ConnectionClosed', (error) => this.onClosed(socket, generation, error));
    for (const event of this.eventListeners.keys()) this.forwardEvent(socket, generation, event);

    let hello: { obsWebSocketVersion: string; negotiatedRpcVersion: number };
    try {
      hello = await this.withConnectTimeout(
        socket.connect(`ws://${formatHost(this.target.host)}:${this.target.port}`, this.#password, {
          rpcVersion: 1,
        }),
      );
    } catch (error) {
      if (generation !== this.generation) return;
      this.socket = null;
      void this.closeQuietly(socket);
      this.failed(classifyConnectError(error, address ?? '', Boolean(this.#password), this.redact));
      return;
    }
    if (generation !== this.generation) {
      void this.closeQuietly(socket);
      return;
    }
    this.live = socket;
    this.failures = 0;
    let version: ObsResponseData<'GetVersion'> | undefined;
    try {
      version = await this.call('GetVersion');
    } catch {
      // Versions are nice to show, not needed: stay connected without them.
    }
    if (generation !== this.generation || this.live !== socket) return;
    const obsVersion = version?.obsVersion ?? 'unknown';
    const obsWebSocketVersion = version?.obsWebSocketVersion ?? hello.obsWebSocketVersion;
    this.setStatus({
      state: 'connected',
      message: `Connected to OBS ${obsVersion} (obs-websocket ${obsWebSocketVersion}) at ${address}.`,
      obsVersion,
      obsWebSocketVersion,
      rpcVersion: hello.negotiatedRpcVersion,
      ...(version?.platform ? { platform: version.platform } : {}),
    });
  }

  private withConnectTimeout<T>(promise: Promise<T>): Promise<T> {
    // The library's promise may still settle after we gave up on it; never leave it unhandled.
    promise.catch(() => {});
    return new Promise<T>((resolve, reject) => {
      const timer = this.clock.setTimeout(
        () => reject(new ConnectTimeout(this.connectTimeoutMs)),
        this.connectTimeoutMs,
      );
      promise.then(
        (value) => {
          this.clock.clearTimeout(timer);
          resolve(value);
        },
        (error: unknown) => {
          this.clock.clearTimeout(timer);
          reject(error);
        },
      );
    });
  }

  private onClosed(socket: ObsSocket, generation: number, error: unknown): void {
    try {
      // Before identification, connect() rejects and attempt() handles it.
      if (generation !== this.generation || this.live !== socket) return;
      this.live = null;
      this.socket = null;
      const code = (error as { code?: unknown })?.code;
      const problem = classifyClose(typeof code === 'number' ? code : -1, this.address() ?? '');
      this.rejectPending('closed', 'the connection to OBS closed');
      socket.removeAllListeners();
      this.failed(problem);
    } catch (unexpected) {
      this.log(`obs: error while handling a closed connection: ${String(unexpected)}`);
    }
  }

  private failed(problem: { problem: ObsProblem; message: string }): void {
    if (problem.problem === 'auth') {
      // Retrying a wrong password only fills OBS's log; wait for new settings.
      this.setStatus({ state: 'auth-failed', problem: 'auth', message: problem.message });
      return;
    }
    const delay = backoffDelay(this.failures, this.backoff, this.random);
    this.failures += 1;
    const generation = this.generation;
    this.setStatus({
      state: 'error',
      problem: problem.problem,
      message: problem.message,
      retryInMs: delay,
      attempt: this.failures,
    });
    this.clearRetry();
    this.retryTimer = this.clock.setTimeout(() => {
      this.retryTimer = null;
      if (generation !== this.generation) return;
      this.attempt(problem.problem).catch((error: unknown) =>
        this.log(`obs: reconnect attempt failed unexpectedly: ${String(error)}`),
      );
    }, delay);
  }

  private clearRetry(): void {
    if (this.retryTimer !== null) this.clock.clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private async closeQuietly(socket: ObsSocket): Promise<void> {
    try {
      socket.removeAllListeners();
    } catch {
      // A broken fake or library must not stop the disconnect.
    }
    // The library's disconnect waits for a close event that a half-dead socket may never send.
    await new Promise<void>((resolve) => {
      const timer = this.clock.setTimeout(resolve, 1_000);
      let closing: Promise<void>;
      try {
        closing = socket.disconnect();
      } catch {
        closing = Promise.resolve();
      }
      closing
        .catch(() => {})
        .finally(() => {
          this.clock.clearTimeout(timer);
          resolve();
        });
    });
  }

  private forwardEvent(socket: ObsSocket, generation: number, event: string): void {
    socket.on(event, (payload) => {
      if (generation !== this.generation) return;
      for (const listener of this.eventListeners.get(event) ?? []) {
        try {
          listener(payload);
        } catch (error) {
          this.log(`obs: a ${event} listener threw: ${String(error)}`);
        }
      }
    });
  }

  private setStatus(status: ObsStatus): void {
    const safe = { ...status, message: this.redact(status.message) } as ObsStatus;
    this.current = safe;
    this.log(`obs: ${safe.state}: ${safe.message}`);
    for (const listener of this.statusListeners) {
      try {
        listener(safe);
      } catch (error) {
        this.log(`obs: a status listener threw: ${String(error)}`);
      }
    }
  }

  /** Defence in depth: no text that leaves the bridge may contain the password. */
  private readonly redact = (text: string): string => {
    const password = this.#password;
    if (!password || password.length < 3) return text;
    return text.split(password).join('•••');
  };
}

class ConnectTimeout extends Error {
  constructor(readonly ms: number) {
    super(`no answer within ${ms} ms`);
  }
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

function formatHost(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

const RECONNECTING = 'Reconnecting…';

function classifyConnectError(
  error: unknown,
  address: string,
  hasPassword: boolean,
  redact: (text: string) => string,
): { problem: ObsProblem; message: string } {
  if (error instanceof ConnectTimeout) {
    return {
      problem: 'timeout',
      message: `OBS at ${address} did not answer within ${formatSeconds(error.ms)}. Check the host and port, and that no firewall is in the way. Retrying…`,
    };
  }
  const code = (error as { code?: unknown })?.code;
  const text = redact(error instanceof Error ? error.message : String(error));
  if (code === 4009) {
    return {
      problem: 'auth',
      message: hasPassword
        ? 'OBS refused the password (close code 4009). Copy it again from OBS: Tools → WebSocket Server Settings → Show Connect Info, and save it here. The app will not retry until the settings change.'
        : 'OBS asks for a password and none is set here (close code 4009). Copy it from OBS: Tools → WebSocket Server Settings → Show Connect Info, and save it here.',
    };
  }
  if (code === 4010) {
    return {
      problem: 'rpc-version',
      message:
        "This OBS's WebSocket server speaks a protocol version the app does not know. Update OBS to version 28 or later. Retrying…",
    };
  }
  if (/ECONNREFUSED/.test(text)) {
    return {
      problem: 'refused',
      message: `OBS is not running or its WebSocket server is off (Tools → WebSocket Server Settings → Enable WebSocket server). Nothing answers at ${address}; check the port there too. Retrying…`,
    };
  }
  if (/ENOTFOUND|EAI_AGAIN/.test(text)) {
    return {
      problem: 'unreachable',
      message: `The host name in ${address} could not be found. Check the OBS host setting. Retrying…`,
    };
  }
  if (/EHOSTUNREACH|ENETUNREACH|ETIMEDOUT|EHOSTDOWN/.test(text)) {
    return {
      problem: 'unreachable',
      message: `The computer at ${address} cannot be reached on the network. Retrying…`,
    };
  }
  if (/subprotocol|Unexpected server response|Invalid WebSocket frame|non-101/i.test(text)) {
    return {
      problem: 'not-obs',
      message: `Something answers at ${address}, but it is not obs-websocket 5. OBS 28 or later has it built in; older plugins (version 4, usually port 4444) do not work. Retrying…`,
    };
  }
  if (typeof code === 'number' && code >= 1000) return classifyClose(code, address);
  return {
    problem: 'other',
    message: `Could not connect to OBS at ${address}: ${text}. Retrying…`,
  };
}

function classifyClose(code: number, address: string): { problem: ObsProblem; message: string } {
  if (code === 4009) {
    return {
      problem: 'auth',
      message:
        'OBS refused the password (close code 4009). Copy it again from OBS: Tools → WebSocket Server Settings → Show Connect Info.',
    };
  }
  if (code === 4011) {
    return {
      problem: 'lost',
      message: `OBS ended this session (someone disconnected the app in OBS, or its WebSocket server restarted). ${RECONNECTING}`,
    };
  }
  if (code === 1000 || code === 1001) {
    return {
      problem: 'lost',
      message: `OBS closed the connection: OBS is quitting, or its WebSocket server was turned off. ${RECONNECTING}`,
    };
  }
  return {
    problem: 'lost',
    message: `The connection to OBS at ${address} was lost (OBS quit or crashed, or the network dropped; close code ${code}). ${RECONNECTING}`,
  };
}
