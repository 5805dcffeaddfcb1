import type { FastifyInstance } from 'fastify';
import type { ViewRole } from '../../../shared/protocol';
import { API_PREFIX } from '../../../shared/protocol/content-api';
import type { ContentEditor } from '../../content/edit/types';
import type { CleanUpload } from '../../content/edit/upload-result';
import type { ControlTokenStore } from '../../settings/control-tokens';
import { requireRole } from './bearer';
import { registerItemRoutes } from './items-routes';
import { registerImageListRoute, registerMediaRoute } from './media-route';
import { registerPackRoutes } from './pack-routes';
import {
  DEFAULT_STREAMED_LIMITS,
  registerStreamedMediaRoutes,
  type StreamedLimits,
} from './streamed-media-routes';

export interface ApiOptions {
  tokens: Readonly<Record<ViewRole, string>>;
  /** The pack's one writer. */
  editor: ContentEditor;
  /** Settles once the pack has loaded: API requests wait for it, like media requests. */
  ready?: Promise<void>;
  /** How uploads are cleaned; sharp in this process when left out (the app uses its child). */
  cleanUpload?: CleanUpload;
  /** Caps of the streamed uploads (video, subtitles); the tests make them small. */
  streamedLimits?: StreamedLimits;
  /** The named control tokens: one of them is refused with 403 (a known caller), not 401. */
  controlTokens?: Pick<ControlTokenStore, 'authenticate'>;
}

/**
 * `/api/v1`: the content API (issue 14). Every route sits behind the operator's bearer token;
 * answers are JSON and never cached.
 */
export async function registerApi(app: FastifyInstance, options: ApiOptions): Promise<void> {
  await app.register(
    async (api) => {
      // onRequest, before any body is read: an upload without the token is not held in memory.
      const isControlToken = (token: string) => options.controlTokens?.authenticate(token) != null;
      api.addHook('onRequest', requireRole(options.tokens, ['operator'], isControlToken));
      const ready = options.ready;
      if (ready) api.addHook('preHandler', async () => ready);
      api.addHook('onSend', async (_request, reply) => {
        reply.header('Cache-Control', 'no-store');
      });
      registerItemRoutes(api, options.editor);
      registerImageListRoute(api, options.editor);
      registerMediaRoute(api, options.editor, options.cleanUpload);
      registerStreamedMediaRoutes(
        api,
        options.editor,
        options.streamedLimits ?? DEFAULT_STREAMED_LIMITS,
      );
      registerPackRoutes(api, options.editor);
    },
    { prefix: API_PREFIX },
  );
}
