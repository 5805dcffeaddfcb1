import type { FastifyReply, FastifyRequest } from 'fastify';
import { coreText, type ViewRole } from '../../../shared/protocol';
import type { ControlTokenStore } from '../../settings/control-tokens';
import { roleOfToken } from './bearer';

/** Who called the control API: a named control token (its id), or the operator. */
export type ControlCaller = { role: 'control'; tokenId: string } | { role: 'operator' };

const TOKEN = /^[A-Za-z0-9._~-]{1,256}$/;

/**
 * The token of a control API request: `Authorization: Bearer`, or, for the events socket
 * only, `?token=` (a browser's WebSocket cannot set headers).
 */
function givenToken(request: FastifyRequest, queryAllowed: boolean): string | null {
  const header = request.headers.authorization;
  if (typeof header === 'string') {
    const match = /^Bearer (\S+)$/.exec(header.trim());
    return match?.[1] && TOKEN.test(match[1]) ? match[1] : null;
  }
  if (!queryAllowed) return null;
  const token = (request.query as Record<string, unknown> | undefined)?.token;
  return typeof token === 'string' && TOKEN.test(token) ? token : null;
}

const callers = new WeakMap<FastifyRequest, ControlCaller>();

export function callerOf(request: FastifyRequest): ControlCaller {
  const caller = callers.get(request);
  // The hook below runs before every control route; a route without it is a bug.
  if (!caller) throw new Error('control API route without its token check');
  return caller;
}

/**
 * An onRequest hook: a control token or the operator's passes (and is remembered for the
 * route), none or a wrong one is 401, another role's token is 403. Runs before any body is read.
 */
export function requireController(
  tokens: Readonly<Record<ViewRole, string>>,
  controlTokens: ControlTokenStore,
  options: { queryToken?: boolean } = {},
) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const token = givenToken(request, options.queryToken ?? false);
    const named = token === null ? null : controlTokens.authenticate(token);
    if (named) {
      callers.set(request, { role: 'control', tokenId: named.id });
      return;
    }
    const role = token === null ? null : roleOfToken(token, tokens);
    if (role === 'operator') {
      callers.set(request, { role: 'operator' });
      return;
    }
    if (role === null) {
      await reply
        .code(401)
        .header('WWW-Authenticate', 'Bearer')
        .header('Cache-Control', 'no-store')
        .send({ ok: false, ...flat(coreText('control.unauthorized')) });
      return;
    }
    await reply
      .code(403)
      .header('Cache-Control', 'no-store')
      .send({ ok: false, ...flat(coreText('control.forbidden', { role })) });
  };
}

/** A refusal as the control API answers it: the English words, the key and its parameters. */
export function flat(text: {
  message: string;
  key?: string;
  params?: Record<string, string | number>;
}) {
  return {
    error: text.message,
    ...(text.key ? { key: text.key } : {}),
    ...(text.params ? { params: text.params } : {}),
  };
}
