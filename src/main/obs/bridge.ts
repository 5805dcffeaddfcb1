import {
  DEFAULT_BACKOFF,
  backoffDelay,
  systemClock,
  type BackoffOptions,
  type Clock,
} from '../../shared/time';
import type { OBSEventTypes } from 'obs-websocket-js/json';
import {
  connectWithin,
  createRealSocket,
  formatHost,
  type ObsConnectionConfig,
  type ObsEventType,
  type ObsRequestData,
  type ObsRequestType,
  type ObsResponseData,
  type ObsSocket,
} from './obs-socket';
import { PendingCalls } from './pending-calls';
import {
  classifyClose,
  classifyConnectError,
  NOT_CONFIGURED,
  ObsCallError,
  type ObsProblem,
  type ObsStatus,
} from './obs-status';

// The bridge's contract, where its users have always found it.
export {
  createRealSocket,
  type ObsConnectionConfig,
  type ObsEventType,
  type ObsRequestData,
  type ObsRequestType,
  type ObsResponseData,
  type ObsSocket,
} from './obs-socket';
export { ObsCallError, type ObsCallErrorKind, type ObsProblem, type ObsStatus } from './obs-status';

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
  private readonly calls: PendingCalls;
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
    this.calls = new PendingCalls(this.clock, this.redact);
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
    this.calls.rejectAll('not-connected', 'the app disconnected from OBS');
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
    const timeoutMs = options.timeoutMs ?? this.callTimeoutMs;
    return this.calls.send(socket, requestType, requestData as object | undefined, timeoutMs);
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
      hello = await connectWithin(
        this.clock,
        this.connectTimeoutMs,
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

  private onClosed(socket: ObsSocket, generation: number, error: unknown): void {
    try {
      // Before identification, connect() rejects and attempt() handles it.
      if (generation !== this.generation || this.live !== socket) return;
      this.live = null;
      this.socket = null;
      const code = (error as { code?: unknown })?.code;
      const problem = classifyClose(typeof code === 'number' ? code : -1, this.address() ?? '');
      this.calls.rejectAll('closed', 'the connection to OBS closed');
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
