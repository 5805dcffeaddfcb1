import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ScreenPoll, ScreenRequestOutcome } from '../screens/pending-screens';
import { originAllowed } from './origin';
import { describeAgent } from './user-agent';

export const SCREEN_PAIR_PATH = '/api/screen/pair';
export const SCREEN_PAIR_STATUS_PATH = '/api/screen/pair/status';
const BODY_LIMIT = 1024;

export interface ScreenPairing {
  request(address: string, agent: string): ScreenRequestOutcome | { ok: false; reason: 'off' };
  poll(secret: string): ScreenPoll;
}

const statusBody = z.strictObject({ secret: z.string().min(1).max(100) });

/**
 * `POST /api/screen/pair {}` → `{secret, code, expiresAt}`: the screen shows the code and asks
 * with the secret. 403 while adding screens is off, 429 (with Retry-After) over the limits.
 * `POST /api/screen/pair/status {secret}` → 202 `{status:"waiting", code, expiresAt}`, 200
 * `{status:"approved", token, outputId}` once (the token is never handed out again), 404 for a
 * request that expired, was never made, or was dropped when adding screens turned off.
 */
export function registerScreenPairRoutes(
  app: FastifyInstance,
  options: { screens: ScreenPairing; origins: () => Set<string> },
): void {
  app.post(SCREEN_PAIR_PATH, { bodyLimit: BODY_LIMIT }, async (request, reply) => {
    reply.header('Cache-Control', 'no-store');
    if (!originAllowed(request.headers.origin, options.origins())) {
      return reply.code(403).send({ error: 'this page is not served by Solidarity Screens' });
    }
    const address = (request.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
    const agent = describeAgent(request.headers['user-agent']) || 'Browser';
    const outcome = options.screens.request(address, agent);
    if (outcome.ok) {
      const { secret, code, expiresAt } = outcome;
      return reply.code(200).send({ secret, code, expiresAt });
    }
    if (outcome.reason === 'off') {
      return reply.code(403).send({ error: 'adding screens is off', reason: 'off' });
    }
    reply.header('Retry-After', String(outcome.retryAfterSeconds));
    return reply.code(429).send({
      error: 'too many screens are asking; wait and try again',
      reason: outcome.reason,
      retryAfterSeconds: outcome.retryAfterSeconds,
    });
  });

  app.post(SCREEN_PAIR_STATUS_PATH, { bodyLimit: BODY_LIMIT }, async (request, reply) => {
    reply.header('Cache-Control', 'no-store');
    if (!originAllowed(request.headers.origin, options.origins())) {
      return reply.code(403).send({ error: 'this page is not served by Solidarity Screens' });
    }
    const parsed = statusBody.safeParse(request.body);
    if (!parsed.success) {
      return reply.code(400).send({ error: 'body: send {"secret":"…"}' });
    }
    const poll = options.screens.poll(parsed.data.secret);
    if (poll.status === 'unknown') {
      return reply.code(404).send({ status: 'unknown', error: 'no such request; ask again' });
    }
    return reply.code(poll.status === 'waiting' ? 202 : 200).send(poll);
  });
}
