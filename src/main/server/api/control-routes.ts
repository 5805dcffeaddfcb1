import type { FastifyInstance, FastifyReply } from 'fastify';
import type { WebSocket } from 'ws';
import {
  commandSchema,
  controlCommandBodySchema,
  controlTokenCreateSchema,
  coreText,
  type Command,
  type ControlEvent,
  type ControlState,
  type Result,
  type ViewRole,
} from '../../../shared/protocol';
import { API_PREFIX } from '../../../shared/protocol/content-api';
import type { ControlTokenStore } from '../../settings/control-tokens';
import { runCommand } from '../run-command';
import { callerOf, flat, requireController } from './control-auth';

/** A command body is a few dozen bytes. */
const MAX_COMMAND_BODY_BYTES = 4 * 1024;
/** A burst of changes (a song start moves item, lyrics and setlist) goes out as one message. */
export const EVENTS_DEBOUNCE_MS = 50;
/** Past this much unsent data a controller is too slow to keep up; it reconnects. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

export interface ControlApiOptions {
  tokens: Readonly<Record<ViewRole, string>>;
  controlTokens: ControlTokenStore;
  state: () => ControlState;
  /** Called on every change of what `state` returns. */
  subscribe: (listener: () => void) => () => void;
  /** The core's command entry: the same one the sockets use. */
  execute: (command: Command) => Result | Promise<Result>;
  ready?: Promise<void>;
}

async function answer(reply: FastifyReply, code: number, result: Result): Promise<FastifyReply> {
  return reply.code(code).send(result.ok ? { ok: true } : { ok: false, ...flat(result.error) });
}

/** The zod issue, short: which field and what is wrong. */
function issueOf(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const where = issue.path.map(String).join('.');
  return where ? `${where}: ${issue.message}` : issue.message;
}

/**
 * The control API (issue 16 §4): the show's state, its commands and a socket of changes, for
 * Companion and other controllers. A control token runs with the role `control`; the
 * operator's token with the operator's. Must be registered after @fastify/websocket.
 */
export async function registerControlApi(
  app: FastifyInstance,
  options: ControlApiOptions,
): Promise<void> {
  await app.register(
    async (api) => {
      const ready = options.ready;
      if (ready) api.addHook('preHandler', async () => ready);
      api.addHook('onSend', async (_request, reply) => {
        reply.header('Cache-Control', 'no-store');
      });
      const controller = requireController(options.tokens, options.controlTokens);

      api.get('/state', { onRequest: controller }, async () => options.state());

      api.post(
        '/commands',
        { onRequest: controller, bodyLimit: MAX_COMMAND_BODY_BYTES },
        async (request, reply) => {
          const body = controlCommandBodySchema.safeParse(request.body);
          if (!body.success) {
            return answer(reply, 400, {
              ok: false,
              error: coreText('control.badBody', { detail: issueOf(body.error) }),
            });
          }
          const { command: name, ...params } = body.data;
          const command = commandSchema.safeParse({ ...params, name });
          if (!command.success) {
            return answer(reply, 400, {
              ok: false,
              error: coreText('command.invalidCommand', { detail: issueOf(command.error) }),
            });
          }
          const caller = callerOf(request);
          const outcome = runCommand(caller.role, command.data, options.execute);
          const result = outcome instanceof Promise ? await outcome : outcome;
          if (result.ok) return answer(reply, 200, result);
          // Refused by the role's permissions, or by the show (no such item, safe mode).
          const forbidden =
            result.error.key === 'core:command.roleMayNot' ||
            result.error.key === 'core:command.safeModeOffOperatorOnly';
          return answer(reply, forbidden ? 403 : 409, result);
        },
      );

      const sockets = new Map<WebSocket, string | null>();
      const unfollowRevoke = options.controlTokens.onRevoke((id) => {
        for (const [socket, tokenId] of sockets) {
          if (tokenId === id) socket.close(4401, 'this control token was revoked');
        }
      });
      let timer: NodeJS.Timeout | null = null;
      const push = (): void => {
        timer = null;
        const data = JSON.stringify({
          type: 'state',
          state: options.state(),
        } satisfies ControlEvent);
        for (const socket of sockets.keys()) send(socket, data);
      };
      const unsubscribe = options.subscribe(() => {
        if (sockets.size > 0) timer ??= setTimeout(push, EVENTS_DEBOUNCE_MS);
      });
      api.addHook('onClose', async () => {
        if (timer) clearTimeout(timer);
        unsubscribe();
        unfollowRevoke();
        for (const socket of sockets.keys()) socket.close(1001, 'Solidarity Screens is stopping');
      });

      api.get(
        '/events',
        {
          websocket: true,
          onRequest: requireController(options.tokens, options.controlTokens, { queryToken: true }),
        },
        (socket, request) => {
          const caller = callerOf(request);
          sockets.set(socket, caller.role === 'control' ? caller.tokenId : null);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => sockets.delete(socket));
          // A controller only listens here; it sends commands with POST /commands.
          socket.on('message', () =>
            socket.close(1003, 'send commands with POST /api/v1/commands'),
          );
          send(
            socket,
            JSON.stringify({ type: 'state', state: options.state() } satisfies ControlEvent),
          );
        },
      );

      // Tokens are made and revoked by the operator only (the console's Control API panel).
      const operator = async (request: Parameters<typeof controller>[0], reply: FastifyReply) => {
        await controller(request, reply);
        if (reply.sent) return;
        if (callerOf(request).role !== 'operator') {
          await reply
            .code(403)
            .send({ ok: false, ...flat(coreText('control.forbidden', { role: 'control' })) });
        }
      };
      api.get('/control-tokens', { onRequest: operator }, async () => ({
        tokens: options.controlTokens.list(),
      }));
      api.post(
        '/control-tokens',
        { onRequest: operator, bodyLimit: 1024 },
        async (request, reply) => {
          const body = controlTokenCreateSchema.safeParse(request.body);
          if (!body.success) {
            return answer(reply, 400, {
              ok: false,
              error: coreText('control.badBody', { detail: issueOf(body.error) }),
            });
          }
          return reply.code(201).send(options.controlTokens.create(body.data.name));
        },
      );
      api.delete<{ Params: { id: string } }>(
        '/control-tokens/:id',
        { onRequest: operator },
        async (request, reply) => {
          if (!options.controlTokens.revoke(request.params.id)) {
            return answer(reply, 404, {
              ok: false,
              error: coreText('control.tokenNotFound', { id: request.params.id.slice(0, 64) }),
            });
          }
          return answer(reply, 200, { ok: true });
        },
      );
    },
    { prefix: API_PREFIX },
  );
}

function send(socket: WebSocket, data: string): void {
  if (socket.readyState !== socket.OPEN) return;
  if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
    socket.terminate();
    return;
  }
  socket.send(data);
}
