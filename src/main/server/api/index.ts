import type { FastifyInstance } from 'fastify';
import type { ViewRole } from '../../../shared/protocol';
import { API_PREFIX } from '../../../shared/protocol/content-api';
import type { ContentEditor } from '../../content/edit/types';
import type { CleanUpload } from '../../content/edit/upload-result';
import { requireRole } from './bearer';
import { registerItemRoutes } from './items-routes';
import { registerMediaRoute } from './media-route';
import { registerPackRoutes } from './pack-routes';

export interface ApiOptions {
  tokens: Readonly<Record<ViewRole, string>>;
  /** The pack's one writer. */
  editor: ContentEditor;
  /** Settles once the pack has loaded: API requests wait for it, like media requests. */
  ready?: Promise<void>;
  /** How uploads are cleaned; sharp in this process when left out (the app uses its child). */
  cleanUpload?: CleanUpload;
}

/**
 * `/api/v1`: the content API (issue 14). Every route sits behind the operator's bearer token;
 * answers are JSON and never cached.
 */
export async function registerApi(app: FastifyInstance, options: ApiOptions): Promise<void> {
  await app.register(
    async (api) => {
      // onRequest, before any body is read: an upload without the token is not held in memory.
      api.addHook('onRequest', requireRole(options.tokens, ['operator']));
      const ready = options.ready;
      if (ready) api.addHook('preHandler', async () => ready);
      api.addHook('onSend', async (_request, reply) => {
        reply.header('Cache-Control', 'no-store');
      });
      registerItemRoutes(api, options.editor);
      registerMediaRoute(api, options.editor, options.cleanUpload);
      registerPackRoutes(api, options.editor);
    },
    { prefix: API_PREFIX },
  );
}
