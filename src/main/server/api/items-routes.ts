import type { FastifyInstance } from 'fastify';
import type { ContentEditor } from '../../content/edit/types';

/** GET/PUT/DELETE `/items…` and the history routes. (Stub: the api-items work fills it in.) */
export function registerItemRoutes(_api: FastifyInstance, _editor: ContentEditor): void {}
