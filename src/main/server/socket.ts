import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { RawData, WebSocket } from 'ws';
import {
  PROTOCOL_VERSION,
  SCHEDULED_ROLES,
  clientMessageSchema,
  type ServerMessage,
  type ShowState,
} from '../../shared/protocol';
import { coreText, type Result } from '../../shared/protocol';
import { briefError } from './brief-error';
import { runCommand } from './run-command';
import { describeAgent } from './user-agent';
import { describeInvalidMessage, parseMessage, parseQuietly, requestIdOf } from './bad-message';
import type { Client, Listener, SocketHub, SocketHubOptions } from './socket-types';
import { CLOSE_FLOODING, fullBucket, isFlooding, withinRate } from './rate-limit';

/** Past this much unsent data a client is too slow to keep up; it reconnects and resyncs. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;
/** Dead Wi-Fi clients never say goodbye; a ping nobody answers finds them. */
const HEARTBEAT_MS = 30_000;

export type {
  Admission,
  AdmissionRequest,
  Listener,
  SocketHub,
  SocketHubOptions,
} from './socket-types';

/** How long a closed client may take to answer the close frame before it is cut off. */
const CLOSE_GRACE_MS = 1_000;

function send(socket: WebSocket, message: ServerMessage): void {
  sendRaw(socket, JSON.stringify(message));
}

function sendRaw(socket: WebSocket, data: string): void {
  if (socket.readyState !== socket.OPEN) return;
  if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
    socket.terminate();
    return;
  }
  socket.send(data);
}

export function createSocketHub(options: SocketHubOptions): SocketHub {
  const clients = new Set<Client>();
  const machineNow = options.machineNow ?? options.now;
  const ready = options.ready ?? Promise.resolve();
  // Set first on `ready`, so held greetings (queued after it) find it set.
  let isReady = options.ready === undefined;
  ready.then(
    () => (isReady = true),
    () => {},
  );

  const showOf = (client: Client, main: ShowState): ShowState => {
    const outputId = client.info.outputId;
    return outputId && options.showFor ? options.showFor(outputId, main) : main;
  };

  /** Drops a client once; says whether it was still listed. */
  const forget = (client: Client): boolean => {
    if (!clients.delete(client)) return false;
    options.onClientsChanged(client.info, false);
    return true;
  };

  const accept = (socket: WebSocket, request: FastifyRequest, listener: Listener): void => {
    // Refuse by close code, not by HTTP status: a browser hides the status of a failed
    // handshake, but shows the view the close code and reason, so it can say what is wrong.
    const query = request.query as Record<string, unknown>;
    const admission = options.admit({
      listener,
      origin: request.headers.origin,
      role: query.role,
      token: query.token,
    });
    if (!admission.ok) {
      socket.close(admission.code, admission.reason);
      return;
    }

    const address = request.socket.remoteAddress ?? '';
    const client: Client = {
      info: {
        id: randomUUID(),
        role: admission.role,
        address: address.startsWith('::ffff:') ? address.slice(7) : address,
        agent: describeAgent(request.headers['user-agent']),
        connectedAt: options.now(),
        deviceId: admission.deviceId,
        ...(admission.outputId ? { outputId: admission.outputId } : {}),
      },
      socket,
      alive: true,
      rate: fullBucket(options.now()),
      running: 0,
      closeAfterReply: null,
    };
    const greet = (): void => {
      // Gone while held: it never joined.
      if (socket.readyState !== socket.OPEN) return;
      clients.add(client);
      send(socket, {
        type: 'welcome',
        protocol: PROTOCOL_VERSION,
        role: client.info.role,
        clientId: client.info.id,
      });
      send(socket, { type: 'content', content: options.content() });
      send(socket, { type: 'show', show: showOf(client, options.show()) });
      if (client.info.role === 'operator') {
        for (const message of options.operatorGreeting()) send(socket, message);
      }
      options.onClientsChanged(client.info, true);
    };
    if (isReady) greet();
    else ready.then(greet, () => {});

    socket.on('pong', () => {
      client.alive = true;
    });
    socket.on('close', () => forget(client));
    socket.on('error', () => forget(client));
    socket.on('message', (data, isBinary) => {
      // Stamped on arrival, before any wait: a ping's t1 is when the core heard it.
      const receivedAt = machineNow();
      // A rejection here would be unhandled, and Node ends the process on one: a bug in
      // handling one view's message must cost that message, not the show.
      handleMessage(client, data, isBinary, receivedAt).catch((error: unknown) => {
        console.error('a message could not be handled:', briefError(error));
        reply(client, '', { ok: false, error: coreText('command.notHandled') });
      });
    });
  };

  /** Sends the close frame; one that does not finish the close handshake is cut. */
  const closeNow = (client: Client, code: number, reason: string): void => {
    if (client.socket.readyState !== client.socket.OPEN) return;
    client.socket.close(code, reason);
    const cut = setTimeout(() => client.socket.terminate(), CLOSE_GRACE_MS);
    cut.unref();
    client.socket.once('close', () => clearTimeout(cut));
  };

  const reply = (client: Client, requestId: string, result: Result): void => {
    send(
      client.socket,
      result.ok
        ? { type: 'result', requestId, ok: true }
        : { type: 'result', requestId, ok: false, error: result.error },
    );
  };

  const handleMessage = async (
    client: Client,
    data: RawData,
    isBinary: boolean,
    receivedAt: number,
  ) => {
    // Sent while held: heard after the greeting, which was queued on `ready` before this.
    if (!isReady) await ready;
    if (!clients.has(client)) return;
    if (!withinRate(client.rate, options.now())) {
      if (isFlooding(client.rate)) {
        closeNow(client, CLOSE_FLOODING, 'too many commands; disconnected');
        forget(client);
        return;
      }
      reply(client, requestIdOf(parseQuietly(data, isBinary)), {
        ok: false,
        error: coreText('command.tooMany'),
      });
      return;
    }
    if (isBinary) {
      reply(client, '', { ok: false, error: coreText('command.binary') });
      return;
    }
    const message = parseMessage(data);
    if (!message.ok) {
      reply(client, '', {
        ok: false,
        error: coreText('command.unreadable', { detail: message.error }),
      });
      return;
    }
    const json = message.value;
    const parsed = clientMessageSchema.safeParse(json);
    if (!parsed.success) {
      reply(client, requestIdOf(json), {
        ok: false,
        error: coreText('command.invalidMessage', { detail: describeInvalidMessage(json) }),
      });
      return;
    }
    if (parsed.data.type === 'ping') {
      // Any admitted role may ask the time (every screen keeps time with the core); the rate
      // limit above counts pings like any message.
      const { t0 } = parsed.data;
      send(client.socket, { type: 'pong', t0, t1: receivedAt, t2: machineNow() });
      return;
    }
    if (parsed.data.type === 'prepared') {
      // Unanswered, like a pong's echo: a report is not a command.
      if (SCHEDULED_ROLES.has(client.info.role)) {
        options.onPrepared?.(client.info.id, parsed.data.showAt, parsed.data.at);
      }
      return;
    }
    const { requestId, command } = parsed.data;
    let result: Result;
    client.running += 1;
    try {
      // A show command's answer goes out in the same turn as its effects: a phone whose
      // "safe mode on" closed the remote hears "ok" before the listener that carries it stops.
      const outcome = runCommand(client.info.role, command, options.execute);
      result = outcome instanceof Promise ? await outcome : outcome;
    } finally {
      client.running -= 1;
    }
    reply(client, requestId, result);
    const pendingClose = client.closeAfterReply;
    if (pendingClose && client.running === 0) {
      client.closeAfterReply = null;
      closeNow(client, pendingClose.code, pendingClose.reason);
    }
  };

  const heartbeat = setInterval(() => {
    for (const client of clients) {
      if (!client.alive) {
        client.socket.terminate();
        forget(client);
        continue;
      }
      client.alive = false;
      client.socket.ping();
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();

  const broadcast = (message: ServerMessage, to: (client: Client) => boolean = () => true) => {
    const data = JSON.stringify(message);
    for (const client of clients) if (to(client)) sendRaw(client.socket, data);
  };

  const isOutput = (client: Client): boolean => Boolean(client.info.outputId);
  const sendOutputs = (main: ShowState): void => {
    for (const client of clients) {
      if (isOutput(client)) send(client.socket, { type: 'show', show: showOf(client, main) });
    }
  };

  return {
    accept,
    broadcastContent: (content) => broadcast({ type: 'content', content }),
    broadcastShow: (show) => {
      broadcast({ type: 'show', show }, (c) => !isOutput(c) || !options.showFor);
      if (options.showFor) sendOutputs(show);
    },
    refreshOutputs: (main) => {
      if (options.showFor) sendOutputs(main);
    },
    sendToOperators: (message, exceptClientId) =>
      broadcast(message, (c) => c.info.role === 'operator' && c.info.id !== exceptClientId),
    clients: () => [...clients].map((c) => ({ ...c.info })),
    connectedDevices: () =>
      new Set([...clients].flatMap((c) => (c.info.deviceId === null ? [] : [c.info.deviceId]))),
    connectedOutputs: () =>
      new Set([...clients].flatMap((c) => (c.info.outputId ? [c.info.outputId] : []))),
    disconnect: (match, code, reason) => {
      for (const client of [...clients]) {
        if (!match(client.info)) continue;
        if (client.running > 0) {
          client.closeAfterReply = { code, reason };
          // The answer is due at once; should it not come, the close does.
          const late = setTimeout(() => closeNow(client, code, reason), CLOSE_GRACE_MS);
          late.unref();
          client.socket.once('close', () => clearTimeout(late));
        } else {
          closeNow(client, code, reason);
        }
        forget(client);
      }
    },
    clientCount: () => clients.size,
    close: () => {
      clearInterval(heartbeat);
      for (const client of clients) client.socket.close(1001, 'Solidarity Screens is stopping');
      clients.clear();
    },
  };
}
