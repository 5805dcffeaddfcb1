import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RawData, WebSocket } from 'ws';
import type { ContentSnapshot } from '../../shared/content';
import {
  CLOSE_FORBIDDEN_ORIGIN,
  CLOSE_UNAUTHORIZED,
  PROTOCOL_VERSION,
  SOCKET_PATH,
  clientMessageSchema,
  commandSchema,
  refusal,
  role as roleSchema,
  roles,
  type Command,
  type Role,
  type ServerMessage,
  type ShowState,
} from '../../shared/protocol';
import type { CommandResult } from '../show/engine';
import { originAllowed } from './origin';
import { tokenMatches } from './tokens';

/** Past this much unsent data a client is too slow to keep up; it reconnects and resyncs. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;
/** Dead Wi-Fi clients never say goodbye; a ping nobody answers finds them. */
const HEARTBEAT_MS = 30_000;

export interface SocketHubOptions {
  tokens: Record<Role, string>;
  /** Computed after listen, when the port is known. */
  allowedOrigins: () => Set<string>;
  content: () => ContentSnapshot;
  show: () => ShowState;
  execute: (command: Command) => CommandResult;
}

interface Client {
  id: string;
  role: Role;
  socket: WebSocket;
  alive: boolean;
}

export interface SocketHub {
  broadcastContent(content: ContentSnapshot): void;
  broadcastShow(show: ShowState): void;
  clientCount(): number;
  close(): void;
}

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

function rawText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}

/** Quotes a client's value in an error, cut short so a huge value cannot bloat the reply. */
function quote(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** A reply the sender can act on, naming the first thing wrong with its message. */
export function describeInvalidMessage(json: unknown): string {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return 'a message must be a JSON object like {"type":"command","requestId":"1","command":{"name":"next"}}';
  }
  const message = json as Record<string, unknown>;
  if (message.type !== 'command') {
    return message.type === undefined
      ? 'the message has no "type"; expected "command"'
      : `unknown message type ${quote(message.type)}; expected "command"`;
  }
  if (
    typeof message.requestId !== 'string' ||
    message.requestId.length === 0 ||
    message.requestId.length > 64
  ) {
    return 'a command needs a "requestId": a string of 1 to 64 characters';
  }
  const command = message.command;
  if (typeof command !== 'object' || command === null || Array.isArray(command)) {
    return 'a command message needs a "command" object like {"name":"next"}';
  }
  const name = (command as Record<string, unknown>).name;
  const known = commandSchema.options.map((o) => o.shape.name.value);
  if (typeof name !== 'string' || !(known as string[]).includes(name)) {
    return `unknown command ${quote(name)}; expected one of ${known.join(', ')}`;
  }
  const parsed = clientMessageSchema.safeParse(json);
  const issue = parsed.success ? undefined : parsed.error.issues[0];
  if (!issue) return 'the message is not valid';
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return `invalid ${name} command: ${where}${issue.message}`;
}

function requestIdOf(json: unknown): string {
  if (typeof json !== 'object' || json === null) return '';
  const id = (json as Record<string, unknown>).requestId;
  return typeof id === 'string' && id.length <= 64 ? id : '';
}

export function registerSocket(app: FastifyInstance, options: SocketHubOptions): SocketHub {
  const clients = new Set<Client>();

  const onConnection = (socket: WebSocket, request: FastifyRequest): void => {
    // Refuse by close code, not by HTTP status: a browser hides the status of a failed
    // handshake, but shows the view the close code and reason, so it can say what is wrong.
    if (!originAllowed(request.headers.origin, options.allowedOrigins())) {
      socket.close(CLOSE_FORBIDDEN_ORIGIN, 'this page is not served by Solidarity Screens');
      return;
    }
    const query = request.query as Record<string, unknown>;
    const role = roleSchema.safeParse(query.role);
    if (!role.success) {
      socket.close(CLOSE_UNAUTHORIZED, `unknown role; use one of ${roles.join(', ')}`);
      return;
    }
    const token = typeof query.token === 'string' ? query.token : undefined;
    if (!tokenMatches(options.tokens[role.data], token)) {
      socket.close(
        CLOSE_UNAUTHORIZED,
        token ? `wrong token for the ${role.data} role` : `missing token for the ${role.data} role`,
      );
      return;
    }

    const client: Client = { id: randomUUID(), role: role.data, socket, alive: true };
    send(socket, {
      type: 'welcome',
      protocol: PROTOCOL_VERSION,
      role: client.role,
      clientId: client.id,
    });
    send(socket, { type: 'content', content: options.content() });
    send(socket, { type: 'show', show: options.show() });
    clients.add(client);

    socket.on('pong', () => {
      client.alive = true;
    });
    socket.on('close', () => clients.delete(client));
    socket.on('error', () => clients.delete(client));
    socket.on('message', (data, isBinary) => handleMessage(client, data, isBinary));
  };

  const reply = (client: Client, requestId: string, result: CommandResult): void => {
    send(
      client.socket,
      result.ok
        ? { type: 'result', requestId, ok: true }
        : { type: 'result', requestId, ok: false, error: result.error },
    );
  };

  const handleMessage = (client: Client, data: RawData, isBinary: boolean): void => {
    if (isBinary) {
      reply(client, '', { ok: false, error: 'binary messages are not understood; send JSON text' });
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(rawText(data));
    } catch {
      reply(client, '', { ok: false, error: 'the message is not valid JSON' });
      return;
    }
    const parsed = clientMessageSchema.safeParse(json);
    if (!parsed.success) {
      reply(client, requestIdOf(json), { ok: false, error: describeInvalidMessage(json) });
      return;
    }
    const { requestId, command } = parsed.data;
    const refused = refusal(client.role, command);
    if (refused) {
      reply(client, requestId, { ok: false, error: refused });
      return;
    }
    let result: CommandResult;
    try {
      result = options.execute(command);
    } catch (error) {
      // A bug in one command must not take the server down with it.
      console.error(`command ${command.name} failed:`, error);
      result = { ok: false, error: `${command.name} failed inside the core; see its log` };
    }
    reply(client, requestId, result);
  };

  app.get(SOCKET_PATH, { websocket: true }, onConnection);

  const heartbeat = setInterval(() => {
    for (const client of clients) {
      if (!client.alive) {
        client.socket.terminate();
        clients.delete(client);
        continue;
      }
      client.alive = false;
      client.socket.ping();
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();

  const broadcast = (message: ServerMessage): void => {
    const data = JSON.stringify(message);
    for (const client of clients) sendRaw(client.socket, data);
  };

  return {
    broadcastContent: (content) => broadcast({ type: 'content', content }),
    broadcastShow: (show) => broadcast({ type: 'show', show }),
    clientCount: () => clients.size,
    close: () => {
      clearInterval(heartbeat);
      for (const client of clients) client.socket.close(1001, 'Solidarity Screens is stopping');
      clients.clear();
    },
  };
}
