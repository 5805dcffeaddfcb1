import type { Clock } from '../../shared/time';
import { ConnectTimeout } from './obs-status';
import type { OBSEventTypes, OBSRequestTypes, OBSResponseTypes } from 'obs-websocket-js/json';

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

type Listener = (payload: unknown) => void;

/**
 * obs-websocket-js, loaded on the first connect rather than when the core starts: the server
 * must listen (and the first slide go up) without waiting for a library most shows never
 * reach. Listeners added before the library is there are handed to it when it is.
 */
export function createRealSocket(): ObsSocket {
  type Library = InstanceType<typeof import('obs-websocket-js/json').OBSWebSocket>;
  let socket: Library | null = null;
  let pending: [string, Listener][] = [];
  const loaded = async (): Promise<Library> => {
    if (socket) return socket;
    const { OBSWebSocket } = await import('obs-websocket-js/json');
    socket ??= new OBSWebSocket();
    for (const [event, listener] of pending) socket.on(event as never, listener as never);
    pending = [];
    return socket;
  };
  return {
    connect: async (url, password, identification) =>
      (await loaded()).connect(url, password, identification),
    disconnect: async () => {
      await socket?.disconnect();
    },
    call: async (requestType, requestData) => {
      // Never connected: the library itself would refuse the same way.
      if (!socket) throw new Error('Not connected');
      return (await socket.call(requestType as ObsRequestType, requestData as never)) as unknown;
    },
    on: (event, listener) => {
      if (socket) socket.on(event as never, listener as never);
      else pending.push([event, listener]);
    },
    removeAllListeners: () => {
      pending = [];
      socket?.removeAllListeners();
    },
  };
}

/** A host for a ws:// URL: an IPv6 address goes in brackets. */
export function formatHost(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

/** The connection's promise, or a ConnectTimeout after `ms`: the library has no timeout. */
export function connectWithin<T>(clock: Clock, ms: number, promise: Promise<T>): Promise<T> {
  // The library's promise may still settle after we gave up on it; never leave it unhandled.
  promise.catch(() => {});
  return new Promise<T>((resolve, reject) => {
    const timer = clock.setTimeout(() => reject(new ConnectTimeout(ms)), ms);
    promise.then(
      (value) => {
        clock.clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clock.clearTimeout(timer);
        reject(error);
      },
    );
  });
}
