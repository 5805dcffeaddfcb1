import type { FastifyInstance, FastifyReply } from 'fastify';
import type { LocalizedText } from '../../../shared/protocol/localized-text';

/** An API refusal: its status and `{ error }` in the core's words. */
export function refuse(reply: FastifyReply, status: number, error: LocalizedText) {
  return reply.code(status).send({ error });
}

/**
 * Takes `types` as raw bytes in this scope only, at most `limitBytes` (counted while it is
 * read, before it is held whole): a bigger body is 413 and a type not taken 415, each in the
 * scope's own words. Any other error is the app's to answer, without internals.
 */
export function acceptRawBodies(
  scope: FastifyInstance,
  types: readonly (string | RegExp)[],
  limitBytes: number,
  refusals: { tooLarge: LocalizedText; wrongType: LocalizedText },
): void {
  for (const type of types) {
    scope.addContentTypeParser(
      type,
      { parseAs: 'buffer', bodyLimit: limitBytes },
      (_request, body, done) => done(null, body),
    );
  }
  scope.setErrorHandler((error, _request, reply) => {
    const code = (error as { code?: string }).code;
    if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') return refuse(reply, 413, refusals.tooLarge);
    if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return refuse(reply, 415, refusals.wrongType);
    throw error;
  });
}
