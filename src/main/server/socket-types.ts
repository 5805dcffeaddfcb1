import type { FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import type { ContentSnapshot } from '../../shared/content';
import type {
  Command,
  ConnectedClient,
  Result,
  Role,
  ServerMessage,
  ShowState,
} from '../../shared/protocol';
import type { RateBucket } from './rate-limit';

/* The socket hub's contract (socket.ts): who may join, what it is given, what it offers. */

/** Which listener a socket came in on: the main one, or the phone remote's LAN one. */
export type Listener = 'main' | 'lan';

/** Whether a socket may stay, and as whom. A refusal closes it with `code` and `reason`. */
export type Admission =
  | { ok: true; role: Role; deviceId: string | null; outputId?: string | null }
  | { ok: false; code: number; reason: string };

export interface AdmissionRequest {
  listener: Listener;
  origin: string | undefined;
  role: unknown;
  token: unknown;
}

export interface SocketHubOptions {
  admit: (request: AdmissionRequest) => Admission;
  /**
   * Settles once `content` and `show` can be read (the pack has loaded). A socket admitted
   * before is held: greeted, listed and heard only then, never with an empty show.
   */
  ready?: Promise<void>;
  content: () => ContentSnapshot;
  show: () => ShowState;
  /**
   * What a paired screen (an output) shows, from the main show: its own playlist, languages
   * and so on. Left out: every screen shows the main show.
   */
  showFor?: (outputId: string, main: ShowState) => ShowState;
  /** Show commands answer at once; the remote's may wait for a listener to start. */
  execute: (command: Command) => Result | Promise<Result>;
  /** What an operator gets after its show state: connected clients, the remote, notices. */
  operatorGreeting: () => ServerMessage[];
  /**
   * A client came or went; `client` is the one that did. A newcomer that is an operator has
   * the list from its greeting already.
   */
  onClientsChanged: (client: ConnectedClient, joined: boolean) => void;
  now: () => number;
  /** A screen's `prepared` report (SCHEDULED_ROLES only), for the lead of `showAt`. */
  onPrepared?: (clientId: string, showAt: number, at: number) => void;
  /**
   * The machine's clock for the `pong` stamps: the one `showAt` is on. By default `now`; the
   * core's is without the show clock's offset.
   */
  machineNow?: () => number;
}

export interface Client {
  info: ConnectedClient;
  socket: WebSocket;
  alive: boolean;
  rate: RateBucket;
  /** The command this client sent and the core is running, if any. */
  running: number;
  /**
   * Set when the client was disconnected while its own command ran (a phone's "safe mode
   * on" turns the remote off under it): it has left the client list and hears nothing more,
   * but gets the answer to that command before the close, so it does not report a command
   * that worked as lost.
   */
  closeAfterReply: { code: number; reason: string } | null;
}

export interface SocketHub {
  /** Takes a socket from either listener: admits it or closes it with the reason. */
  accept(socket: WebSocket, request: FastifyRequest, listener: Listener): void;
  broadcastContent(content: ContentSnapshot): void;
  broadcastShow(show: ShowState): void;
  /** Sends each paired screen what it shows now (its own loop moved, or its job changed). */
  refreshOutputs(main: ShowState): void;
  /** For operator-only messages: clients, remote, notices. Never reaches another role. */
  sendToOperators(message: ServerMessage, exceptClientId?: string): void;
  clients(): ConnectedClient[];
  /** Paired phones with an open socket. */
  connectedDevices(): Set<string>;
  /** Paired screens (outputs) with an open socket. */
  connectedOutputs(): Set<string>;
  /**
   * Closes the matching sockets now: they leave the client list before this returns, their
   * close frame is on its way, and one that does not finish the close handshake is cut.
   */
  disconnect(match: (client: ConnectedClient) => boolean, code: number, reason: string): void;
  clientCount(): number;
  close(): void;
}
