import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CoreKey } from '../../../shared/i18n';
import { latinSlug } from '../../../shared/content/latin-slug';
import {
  PACK_IMPORT_LIMIT,
  PACK_SIZES_HEADER,
  packImportedSchema,
  type PackRefused,
} from '../../../shared/protocol/content-api';
import { coreText } from '../../../shared/protocol/localized-text';
import type { ContentError } from '../../../shared/content';
import type { ContentEditor } from '../../content/edit/types';
import type { PackProblem } from '../../packs/problem';
import { acceptRawBodies, refuse } from './raw-body';

const ZIP_TYPES = ['application/zip', 'application/x-zip-compressed'];

/** 422: the same refusal the CLI prints, in the API's shape. Nothing was changed. */
function refused(reply: FastifyReply, problem: PackProblem, errors: ContentError[]) {
  const body: PackRefused = { error: coreText(problem.key as CoreKey, problem.params), errors };
  return reply.code(422).send(body);
}

/** `?name=a&name=b` and `?name=a` alike, as a list of strings. */
function listParam(request: FastifyRequest, name: string): string[] {
  const value = (request.query as Record<string, unknown> | undefined)?.[name];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}

function flag(request: FastifyRequest, name: string): boolean {
  return (request.query as Record<string, unknown> | undefined)?.[name] === 'true';
}

/** `<pack>-<date>.zip`, ASCII only: the header cannot carry anything else safely. */
export function packFileName(title: string, now: Date): string {
  return `${latinSlug(title, 60, 'event-pack')}-${now.toISOString().slice(0, 10)}.zip`;
}

/**
 * GET `/pack/export` and POST `/pack/import` (issue 15): the CLI's `pack export|import` over
 * the content API, with the same checks (the pack modules are shared, not copied). Both run
 * inside the writer's `exclusive`, so no item save is ever split by the folder being swapped.
 */
export function registerPackRoutes(api: FastifyInstance, editor: ContentEditor): void {
  void api.register(async (scope) => {
    // The zip as raw bytes, only here; size-checked while it is read, before it is held whole.
    acceptRawBodies(scope, ZIP_TYPES, PACK_IMPORT_LIMIT, {
      tooLarge: coreText('api.pack.tooLarge', { limit: PACK_IMPORT_LIMIT / 2 ** 20 }),
      wrongType: coreText('api.pack.notZip'),
    });

    scope.get('/pack/export', async (request, reply) => {
      const { packBytes } = await import('../../packs/export-pack');
      const now = new Date();
      const result = await editor.exclusive((packDir) =>
        packBytes({
          contentDir: packDir,
          playlists: listParam(request, 'playlist'),
          force: flag(request, 'force'),
          now,
        }),
      );
      if (!result.ok) return refused(reply, result.problem, result.errors);
      return reply
        .header('Content-Type', 'application/zip')
        .header('Content-Disposition', `attachment; filename="${packFileName(result.title, now)}"`)
        .header(PACK_SIZES_HEADER, JSON.stringify(result.sizes))
        .send(Buffer.from(result.zip));
    });

    scope.post('/pack/import', { bodyLimit: PACK_IMPORT_LIMIT }, async (request, reply) => {
      const body = request.body;
      // JSON or text went through another parser: not a zip's bytes.
      if (!Buffer.isBuffer(body)) return refuse(reply, 415, coreText('api.pack.notZip'));
      if (body.length === 0) return refuse(reply, 400, coreText('api.pack.empty'));
      const { importPackBytes } = await import('../../packs/import-pack');
      const dryRun = flag(request, 'dryRun');
      const result = await editor.exclusive((packDir) =>
        importPackBytes(body, { to: packDir, dryRun }),
      );
      if (!result.ok) return refused(reply, result.problem, result.errors);
      return reply.send(
        packImportedSchema.parse({
          dryRun: result.dryRun,
          items: result.items,
          totalSize: result.manifest.totalSize,
          appVersion: result.manifest.appVersion,
          createdAt: result.manifest.createdAt,
          playlists: result.manifest.playlists,
          previous: result.previous,
        }),
      );
    });
  });
}
