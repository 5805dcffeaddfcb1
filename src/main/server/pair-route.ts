import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { PairOutcome, PairRequest } from '../remote/controller';
import { originAllowed } from './origin';
import { describeAgent } from './user-agent';

export const PAIR_PATH = '/api/pair';

/** A PIN and a name: anything bigger is not a pairing request. */
export const PAIR_BODY_LIMIT = 1024;

const pairBody = z.strictObject({
  pin: z.string().regex(/^\d{6}$/, 'the PIN is six digits'),
  name: z.string().max(40, 'a name of at most 40 characters').optional(),
});

/**
 * `POST /api/pair {pin, name?}` → `{token, deviceId}`; 401 for a wrong PIN, 429 while locked
 * (with Retry-After), 403 while the remote is off, 400 for a body that is not a PIN. Every
 * refusal is `{error}` in words the phone can show.
 */
export function registerPairRoute(
  app: FastifyInstance,
  options: { pair: (request: PairRequest) => Promise<PairOutcome>; origins: () => Set<string> },
): void {
  app.post(PAIR_PATH, { bodyLimit: PAIR_BODY_LIMIT }, async (request, reply) => {
    reply.header('Cache-Control', 'no-store');
    // A page from elsewhere must not spend the venue's five tries (browsers send Origin on POST).
    if (!originAllowed(request.headers.origin, options.origins())) {
      return reply.code(403).send({ error: 'this page is not served by Solidarity Screens' });
    }
    const parsed = pairBody.safeParse(request.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join('.') || 'body';
      return reply.code(400).send({
        error: `${field}: ${issue?.message ?? 'invalid'}; send {"pin":"123456","name":"…"}`,
      });
    }
    const name =
      parsed.data.name?.trim() || describeAgent(request.headers['user-agent']) || 'Phone';
    const outcome = await options.pair({ pin: parsed.data.pin, name });
    if (outcome.status === 429 && outcome.retryAfterSeconds !== undefined) {
      reply.header('Retry-After', String(outcome.retryAfterSeconds));
    }
    return reply.code(outcome.status).send(outcome.body);
  });
}
