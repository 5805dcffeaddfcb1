import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Role, ViewRole } from '../../../shared/protocol';
import { coreText } from '../../../shared/protocol/localized-text';
import { tokenMatches } from '../../settings/tokens';

/** The role a request's `Authorization: Bearer` token belongs to, or null for none or a wrong one. */
export function bearerRole(
  request: FastifyRequest,
  tokens: Readonly<Record<ViewRole, string>>,
): Role | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^Bearer ([A-Za-z0-9._~-]{1,256})$/.exec(header.trim());
  if (!match?.[1]) return null;
  return roleOfToken(match[1], tokens);
}

function controlBearer(
  request: FastifyRequest,
  isControlToken: (token: string) => boolean,
): boolean {
  const match = /^Bearer ([A-Za-z0-9._~-]{1,256})$/.exec(
    request.headers.authorization?.trim() ?? '',
  );
  return match?.[1] !== undefined && isControlToken(match[1]);
}

/** The role `given` is the token of, or null. */
export function roleOfToken(
  given: string,
  tokens: Readonly<Record<ViewRole, string>>,
): ViewRole | null {
  // Every role is compared, so the time taken does not tell which one nearly matched.
  let found: ViewRole | null = null;
  for (const [role, token] of Object.entries(tokens) as [ViewRole, string][]) {
    if (tokenMatches(token, given)) found = role;
  }
  return found;
}

/**
 * A preHandler that lets through only requests carrying one of `allowed` roles' tokens:
 * 401 without a usable token, 403 with another role's. Nothing is read or changed before it.
 */
export function requireRole(
  tokens: Readonly<Record<ViewRole, string>>,
  allowed: readonly Role[],
  /** Whether a token is a named control token: such a caller is known, and gets 403, not 401. */
  isControlToken: (token: string) => boolean = () => false,
) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const role =
      bearerRole(request, tokens) ?? (controlBearer(request, isControlToken) ? 'control' : null);
    if (role === null) {
      await reply
        .code(401)
        .header('WWW-Authenticate', 'Bearer')
        .header('Cache-Control', 'no-store')
        .send({ error: coreText('api.unauthorized') });
      return;
    }
    if (!allowed.includes(role)) {
      await reply
        .code(403)
        .header('Cache-Control', 'no-store')
        .send({ error: coreText('api.forbidden', { role }) });
    }
  };
}
