import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import {
  API_ITEM_ID,
  itemBodySchema,
  versionSchema,
  type Version,
} from '../../../shared/protocol/content-api';
import { coreText } from '../../../shared/protocol/localized-text';
import type { ContentEditor, WriteOutcome } from '../../content/edit/types';

/**
 * An item body is a few kilobytes of text; the loader refuses item files over 2 MiB, and a
 * body this size is already far past any real one.
 */
export const MAX_ITEM_BODY_BYTES = 512 * 1024;

/** The loader's id rule (`itemId`), with a length a file name can carry. */

type IdParams = { id: string };
type VersionParams = { id: string; version: string };

async function refuse(
  reply: FastifyReply,
  code: number,
  text: ReturnType<typeof coreText>,
): Promise<FastifyReply> {
  return reply.code(code).send({ error: text });
}

/** `If-Match: "<version>"`; absent is null, anything unreadable is undefined. */
function ifMatchOf(header: unknown): Version | null | undefined {
  if (header === undefined) return null;
  if (typeof header !== 'string') return undefined;
  const match = /^(?:W\/)?"([^"]*)"$/.exec(header.trim()) ?? /^([a-f0-9]+)$/.exec(header.trim());
  const parsed = versionSchema.safeParse(match?.[1]);
  return parsed.success ? parsed.data : undefined;
}

async function sendOutcome(
  reply: FastifyReply,
  id: string,
  outcome: WriteOutcome,
): Promise<FastifyReply> {
  switch (outcome.status) {
    case 'saved':
      return reply.header('ETag', `"${outcome.saved.version}"`).send(outcome.saved);
    case 'invalid':
      return reply.code(422).send({ errors: outcome.errors });
    case 'conflict':
      return reply.code(409).send(outcome.conflict);
    case 'not-found':
      return refuse(reply, 404, coreText('api.notFound', { id }));
  }
}

/** GET/PUT/DELETE `/items…` and the history routes: every write goes to the pack's one writer. */
export function registerItemRoutes(api: FastifyInstance, editor: ContentEditor): void {
  void api.register(async (items) => {
    // Fastify's own refusals (a body too big, JSON that does not parse) in the API's shape.
    items.setErrorHandler(async (error: FastifyError, _request, reply) => {
      const status = error.statusCode ?? 500;
      if (status === 413) {
        return refuse(reply, 413, coreText('api.tooLarge', { limit: MAX_ITEM_BODY_BYTES }));
      }
      if (status >= 400 && status < 500) {
        return refuse(reply, status, coreText('api.badBody', { detail: error.message }));
      }
      api.log.error(error);
      return refuse(reply, 500, coreText('api.failed'));
    });

    // After the token gate (a parent hook), before anything is read: an id is also a file name.
    items.addHook('preHandler', async (request, reply) => {
      const params = request.params as Partial<VersionParams> | undefined;
      if (params?.id !== undefined && !API_ITEM_ID.test(params.id)) {
        return refuse(reply, 400, coreText('api.badId'));
      }
      if (params?.version !== undefined && !versionSchema.safeParse(params.version).success) {
        return refuse(reply, 400, coreText('api.badVersion'));
      }
    });

    items.get('/items', async () => editor.list());

    items.get<{ Params: IdParams }>('/items/:id', async (request, reply) => {
      const record = await editor.read(request.params.id);
      if (!record) return refuse(reply, 404, coreText('api.notFound', { id: request.params.id }));
      return reply.header('ETag', `"${record.version}"`).send(record);
    });

    items.put<{ Params: IdParams }>(
      '/items/:id',
      { bodyLimit: MAX_ITEM_BODY_BYTES },
      async (request, reply) => {
        const ifMatch = ifMatchOf(request.headers['if-match']);
        if (ifMatch === undefined) return refuse(reply, 400, coreText('api.badVersion'));
        const body = itemBodySchema.safeParse(request.body);
        if (!body.success) {
          return refuse(reply, 400, coreText('api.badBody', { detail: 'expected a JSON object' }));
        }
        return sendOutcome(
          reply,
          request.params.id,
          await editor.write(request.params.id, body.data, ifMatch),
        );
      },
    );

    items.delete<{
      Params: IdParams;
      Querystring: { removeReferences?: string; forget?: string };
    }>('/items/:id', async (request, reply) => {
      const outcome = await editor.remove(request.params.id, {
        removeReferences: request.query.removeReferences === 'true',
        forget: request.query.forget === 'true',
      });
      if (outcome.status === 'not-found') {
        return refuse(reply, 404, coreText('api.notFound', { id: request.params.id }));
      }
      if (outcome.status === 'in-use') {
        return reply.code(409).send({ error: 'in-use', usedBy: outcome.usedBy });
      }
      if (outcome.status === 'forgotten') {
        return reply.send({
          id: request.params.id,
          forgotten: outcome.forgotten,
          removedFrom: outcome.removedFrom,
        });
      }
      return reply.send({
        id: request.params.id,
        trashed: outcome.trashed,
        removedFrom: outcome.removedFrom,
      });
    });

    items.get<{ Params: IdParams }>('/items/:id/history', async (request, reply) => {
      const entries = await editor.history(request.params.id);
      if (!entries) return refuse(reply, 404, coreText('api.notFound', { id: request.params.id }));
      return reply.send({ id: request.params.id, entries });
    });

    items.post<{ Params: VersionParams }>(
      '/items/:id/history/:version/restore',
      { bodyLimit: 1024 },
      async (request, reply) => {
        const ifMatch = ifMatchOf(request.headers['if-match']);
        if (ifMatch === undefined) return refuse(reply, 400, coreText('api.badVersion'));
        const { id, version } = request.params;
        return sendOutcome(reply, id, await editor.restore(id, version, ifMatch));
      },
    );
  });
}
