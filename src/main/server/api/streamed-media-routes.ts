import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { languageCode } from '../../../shared/content/text';
import { subtitlesUploadedSchema, videoUploadedSchema } from '../../../shared/protocol/content-api';
import { coreText, problem, type LocalizedText } from '../../../shared/protocol/localized-text';
import { subtitleFormatOf } from '../../../shared/subtitles';
import { printable } from '../../content/issues';
import type { ContentEditor } from '../../content/edit/types';
import {
  checkUploadedSubtitles,
  SUBTITLE_UPLOAD_LIMIT,
} from '../../content/edit/uploaded-subtitles';
import { checkUploadedVideo } from '../../content/edit/uploaded-video';
import { safeUploadName } from '../../content/edit/upload-name';

/** The largest video taken: a long film at a screen's quality; the file is never held in memory. */
export const VIDEO_UPLOAD_LIMIT = 2 * 1024 ** 3;

export interface StreamedLimits {
  videoBytes: number;
  subtitleBytes: number;
}

const MAX_NAME_LENGTH = 1024;

function refuse(reply: FastifyReply, status: number, error: LocalizedText) {
  return reply.code(status).send({ error });
}

/** `X-Filename` decoded (percent-encoded UTF-8), `fallback` when absent, null when malformed. */
function claimedName(request: FastifyRequest, fallback: string): string | null {
  const header = request.headers['x-filename'];
  if (header === undefined || header === '') return fallback;
  if (typeof header !== 'string' || header.length > MAX_NAME_LENGTH) return null;
  try {
    const name = decodeURIComponent(header);
    // A NUL or other control character is no file name anyone chose.
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    return /[\u0000-\u001f\u007f]/.test(name) ? null : name;
  } catch {
    return null;
  }
}

/** The claimed name as messages quote it: its last path part, control and bidi characters written out. */
function shown(name: string): string {
  return printable((name.split(/[/\\]/).pop() ?? '').trim() || 'upload');
}

/** Refused as soon as the sender says it is too big, before a byte of it is read. */
function declaredTooBig(request: FastifyRequest, limit: number): boolean {
  const declared = Number(request.headers['content-length']);
  return Number.isFinite(declared) && declared > limit;
}

/** The body as the stream this scope's parsers leave it; null when none came. */
function bodyStream(request: FastifyRequest): Readable | null {
  const body = request.body as { pipe?: unknown } | null | undefined;
  return body && typeof body.pipe === 'function' ? (body as Readable) : null;
}

/** A 413 that closes the connection: the rest of the body is not read. */
function tooLarge(reply: FastifyReply, error: LocalizedText) {
  return reply.code(413).header('Connection', 'close').send({ error });
}

/**
 * POST `/media/video` and `/media/subtitles?lang=`: a video or a subtitle file as the raw
 * body, its name in `X-Filename`. The body is streamed to a temporary file in the pack's media
 * folder, counted as it comes (past the cap it is cut and deleted), judged whole from its bytes,
 * and only then given a free name (never replacing a file). Behind the operator's token, checked
 * before any of the body is read (`registerApi`).
 */
export function registerStreamedMediaRoutes(
  api: FastifyInstance,
  editor: ContentEditor,
  limits: StreamedLimits,
): void {
  void api.register(async (scope) => {
    // The body stays a stream: nothing here buffers it. Fastify's own text/plain parser reads
    // the whole body into a string, so it goes first in this scope.
    scope.removeContentTypeParser(['text/plain', 'application/json']);
    for (const type of [
      'application/octet-stream',
      'text/plain',
      /^video\/[\w.+-]+$/i,
      /^text\/[\w.+-]+$/i,
    ]) {
      scope.addContentTypeParser(type, (_request, payload, done) => done(null, payload));
    }
    scope.setErrorHandler((error, _request, reply) => {
      if ((error as { code?: string }).code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
        return refuse(reply, 415, problem('video.unknownBytes', { path: 'upload' }));
      }
      throw error;
    });

    scope.post('/media/video', async (request, reply) => {
      const name = claimedName(request, 'video');
      if (name === null) return refuse(reply, 400, coreText('api.media.badName'));
      const tooBig = coreText('api.media.videoTooLarge', {
        name: shown(name),
        limit: limits.videoBytes / 2 ** 20,
      });
      if (declaredTooBig(request, limits.videoBytes)) return tooLarge(reply, tooBig);
      const body = bodyStream(request);
      if (!body) return refuse(reply, 400, coreText('api.media.empty', { name: shown(name) }));
      const saved = await editor.saveStreamedMedia('videos', body, {
        name: safeUploadName(name, 'video'),
        maxBytes: limits.videoBytes,
        check: (temp) => checkUploadedVideo(temp, shown(name)),
      });
      if (saved.status === 'tooLarge') return tooLarge(reply, tooBig);
      if (saved.status === 'refused') return refuse(reply, 415, saved.refusal);
      return reply
        .code(201)
        .send(videoUploadedSchema.parse({ path: saved.path, facts: saved.facts }));
    });

    scope.post('/media/subtitles', async (request, reply) => {
      const name = claimedName(request, 'upload.vtt');
      if (name === null) return refuse(reply, 400, coreText('api.media.badName'));
      const lang = (request.query as Record<string, unknown> | undefined)?.lang;
      const language = languageCode.safeParse(lang);
      if (!language.success) return refuse(reply, 400, coreText('api.media.badLanguage'));
      const format = subtitleFormatOf(name);
      if (!format) {
        const ext = /\.[^./\\]+$/.exec(name)?.[0] ?? '—';
        return refuse(
          reply,
          415,
          problem('video.subtitleType', { path: shown(name), ext: printable(ext) }),
        );
      }
      const tooBig = problem('video.subtitleTooBig', {
        path: shown(name),
        size: Number(request.headers['content-length']) || limits.subtitleBytes + 1,
      });
      if (declaredTooBig(request, limits.subtitleBytes)) return tooLarge(reply, tooBig);
      const lang2 = language.data.toLowerCase();
      const body = bodyStream(request);
      if (!body) return refuse(reply, 400, coreText('api.media.empty', { name: shown(name) }));
      const saved = await editor.saveStreamedMedia('subtitles', body, {
        // The language goes in the name (`talk.en.vtt`), so the stem loses a trailing one.
        name: safeUploadName(
          name.replace(/\.[a-z]{2,3}(?:-[a-z0-9]{2,8})?(?=\.[^.]+$)/i, ''),
          'subtitles',
        ),
        maxBytes: limits.subtitleBytes,
        check: (temp) => checkUploadedSubtitles(temp, shown(name), format, lang2),
      });
      if (saved.status === 'tooLarge') return tooLarge(reply, tooBig);
      if (saved.status === 'refused') {
        const { status, error, problems } = saved.refusal;
        return reply.code(status).send({ error, problems });
      }
      return reply.code(201).send(
        subtitlesUploadedSchema.parse({
          path: saved.path,
          language: language.data,
          format: saved.facts.format,
          cues: saved.facts.cues,
        }),
      );
    });
  });
}

export const DEFAULT_STREAMED_LIMITS: StreamedLimits = {
  videoBytes: VIDEO_UPLOAD_LIMIT,
  subtitleBytes: SUBTITLE_UPLOAD_LIMIT,
};
