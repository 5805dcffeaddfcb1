import type { FastifyInstance } from 'fastify';
import type { ContentEditor } from '../../content/edit/types';

/** POST `/media`. (Stub: the api-media work fills it in.) */
export function registerMediaRoute(_api: FastifyInstance, _editor: ContentEditor): void {}
