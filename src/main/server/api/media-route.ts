import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  mediaFolderSchema,
  packImagesSchema,
  uploadedSchema,
  type MediaFolder,
} from '../../../shared/protocol/content-api';
import { coreText } from '../../../shared/protocol/localized-text';
import type { CleanUpload } from '../../content/edit/upload-result';
import type { ContentEditor } from '../../content/edit/types';
import { acceptRawBodies, refuse } from './raw-body';

/** The largest upload read: a phone's biggest photo fits; more is refused before it is held. */
export const MEDIA_BODY_LIMIT = 40 * 1024 * 1024;

// The cleaner and sharp load with the first upload, not on the way to listening. The desktop
// app passes one that runs in the scaling child instead (sharp must stay out of Electron's main).
const cleanInProcess: CleanUpload = async (bytes, claimedName) => {
  const { cleanUpload } = await import('../../content/edit/media-upload');
  return cleanUpload(bytes, claimedName);
};

const DEFAULT_FOLDER: MediaFolder = 'images';
const DEFAULT_NAME = 'image';
const MAX_NAME_LENGTH = 1024;

/** The sender's file name from `X-Filename` (percent-encoded UTF-8), or null when malformed. */
function claimedName(request: FastifyRequest): string | null {
  const header = request.headers['x-filename'];
  if (header === undefined || header === '') return DEFAULT_NAME;
  if (typeof header !== 'string' || header.length > MAX_NAME_LENGTH) return null;
  try {
    return decodeURIComponent(header);
  } catch {
    return null;
  }
}

/** `?folder=`: one of the media folders, `images` when left out, null for anything else. */
function folderOf(
  request: FastifyRequest,
): { ok: true; folder: MediaFolder } | { ok: false; given: string } {
  const given = (request.query as Record<string, unknown> | undefined)?.folder;
  if (given === undefined) return { ok: true, folder: DEFAULT_FOLDER };
  const parsed = mediaFolderSchema.safeParse(given);
  if (parsed.success) return { ok: true, folder: parsed.data };
  return {
    ok: false,
    // Echoed in the refusal: printable ASCII only, so it cannot garble or reorder the sentence.
    given: (Array.isArray(given) ? given.join(',') : String(given))
      .slice(0, 40)
      .replace(/[^\x20-\x7e]/g, '?'),
  };
}

/**
 * GET `/media`: the pack's images, each with the items that use it, so the editor can put one
 * already in the pack into another item instead of uploading it again.
 */
export function registerImageListRoute(api: FastifyInstance, editor: ContentEditor): void {
  api.get('/media', async () => packImagesSchema.parse(await editor.listImages()));
}

/**
 * POST `/media`: one image as the raw request body (`application/octet-stream` or `image/*`),
 * its name in `X-Filename`, its folder in `?folder=`. The bytes are checked and cleaned
 * (media-upload.ts), then written by the pack's one writer; the answer is the pack path.
 */
export function registerMediaRoute(
  api: FastifyInstance,
  editor: ContentEditor,
  clean: CleanUpload = cleanInProcess,
): void {
  void api.register(async (scope) => {
    // Raw bodies only here: no other route of the API takes bytes.
    acceptRawBodies(scope, ['application/octet-stream', /^image\/[\w.+-]+$/i], MEDIA_BODY_LIMIT, {
      tooLarge: coreText('api.media.tooLarge', { limit: MEDIA_BODY_LIMIT / 2 ** 20 }),
      wrongType: coreText('api.media.notAnImage', { name: DEFAULT_NAME }),
    });

    scope.post('/media', { bodyLimit: MEDIA_BODY_LIMIT }, async (request, reply) => {
      const folder = folderOf(request);
      if (!folder.ok)
        return refuse(reply, 400, coreText('api.media.badFolder', { folder: folder.given }));
      const name = claimedName(request);
      if (name === null) return refuse(reply, 400, coreText('api.media.badName'));
      const body = request.body;
      if (body === undefined || body === null || (Buffer.isBuffer(body) && body.length === 0)) {
        return refuse(reply, 400, coreText('api.media.empty', { name }));
      }
      // A JSON or text body went through another parser: it is not an image's bytes.
      if (!Buffer.isBuffer(body))
        return refuse(reply, 415, coreText('api.media.notAnImage', { name }));

      const result = await clean(body, name);
      if (!result.ok) return refuse(reply, result.refusal.status, result.refusal.error);
      const { upload } = result;
      const path = await editor.saveMedia(
        folder.folder,
        upload.baseName,
        upload.extension,
        upload.bytes,
      );
      return reply.code(201).send(
        uploadedSchema.parse({
          path,
          type: upload.type,
          width: upload.width,
          height: upload.height,
          scaled: upload.scaled,
          metadataRemoved: upload.metadataRemoved,
        }),
      );
    });
  });
}
