import { z } from 'zod';
import { commandSchema } from '../../../shared/protocol';
import {
  apiErrorSchema,
  conflictSchema,
  deletedSchema,
  historySchema,
  inUseSchema,
  invalidSchema,
  itemBodySchema,
  itemListSchema,
  itemRecordSchema,
  packImportedSchema,
  packRefusedSchema,
  savedSchema,
  subtitlesRefusedSchema,
  subtitlesUploadedSchema,
  uploadedSchema,
  videoUploadedSchema,
} from '../../../shared/protocol/content-api';
import {
  controlAnswerSchema,
  controlEventSchema,
  controlStateSchema,
  controlTokenCreatedSchema,
  controlTokenCreateSchema,
  controlTokenListSchema,
} from '../../../shared/protocol/control-api';

/*
 * The table of every `/api/v1` route the OpenAPI document describes (`openapi.ts` builds the
 * document from it). A test keeps this table equal to the routes the real server registers.
 */

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
/** Who may call a route: the operator's token, a control token, or nobody needs one. */
export type Access = 'operator' | 'operator-or-control' | 'public';

export interface Body {
  schema?: z.ZodType;
  /** `application/json` unless said. */
  type?: string;
  description: string;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  description: string;
  required?: boolean;
  schema?: Record<string, unknown>;
}

export interface ApiRoute {
  method: Method;
  /** Fastify's form, under `/api/v1`: `/items/:id`. */
  path: string;
  access: Access;
  summary: string;
  parameters?: Parameter[];
  request?: Body;
  responses: Record<number, Body>;
  /** A WebSocket upgrade, not a plain GET. */
  websocket?: boolean;
}

/**
 * `POST /commands` takes a command with its name under `command`: one variant per command of
 * the console's own union, so a command added there is described here.
 */
export function controlCommandBodyVariants(): z.ZodType[] {
  return commandSchema.options.map((variant) => {
    const { name, ...fields } = (variant as z.ZodObject).shape;
    return z.strictObject({ command: name as z.ZodType, ...fields });
  });
}
const controlCommandBody = z.union(controlCommandBodyVariants() as [z.ZodType, ...z.ZodType[]]);

const id: Parameter = { name: 'id', in: 'path', description: 'An item id.', required: true };
const error = (description: string): Body => ({ schema: apiErrorSchema, description });
const unauthorized = error('No token, or a token that is nobody’s.');
const forbidden = error('A token of a role that may not do this.');
const badId = error('The id is not a pack id.');
const notFound = error('No such item.');
const ifMatch: Parameter = {
  name: 'If-Match',
  in: 'header',
  description: 'The version the edit started from (the ETag of the GET); optional.',
};

/** Every `/api/v1` route of the main listener. */
export const apiRoutes: readonly ApiRoute[] = [
  {
    method: 'GET',
    path: '/openapi.json',
    access: 'public',
    summary: 'This description. It holds no token and nothing of the pack.',
    responses: { 200: { description: 'The OpenAPI 3.1 document.' } },
  },
  // The content API (issue 14).
  {
    method: 'GET',
    path: '/items',
    access: 'operator',
    summary: 'Every item file of the pack, broken ones included.',
    responses: {
      200: { schema: itemListSchema, description: 'The items.' },
      401: unauthorized,
      403: forbidden,
    },
  },
  {
    method: 'GET',
    path: '/items/:id',
    access: 'operator',
    summary: 'One item as its file says it; its version in the ETag.',
    parameters: [id],
    responses: {
      200: { schema: itemRecordSchema, description: 'The item.' },
      400: badId,
      401: unauthorized,
      403: forbidden,
      404: notFound,
    },
  },
  {
    method: 'PUT',
    path: '/items/:id',
    access: 'operator',
    summary: 'Create or replace an item, checked by the loader’s rules.',
    parameters: [id, ifMatch],
    request: { schema: itemBodySchema, description: 'The item as JSON, shaped like its YAML.' },
    responses: {
      200: { schema: savedSchema, description: 'Saved.' },
      400: badId,
      401: unauthorized,
      403: forbidden,
      409: { schema: conflictSchema, description: 'The file changed since that version.' },
      422: { schema: invalidSchema, description: 'Every problem; nothing was written.' },
    },
  },
  {
    method: 'DELETE',
    path: '/items/:id',
    access: 'operator',
    summary: 'Move an item to the trash (or forget it).',
    parameters: [
      id,
      { name: 'removeReferences', in: 'query', description: '`true`: take it out of lists.' },
      { name: 'forget', in: 'query', description: '`true`: unlink it and its history.' },
    ],
    responses: {
      200: { schema: deletedSchema, description: 'Deleted.' },
      400: badId,
      401: unauthorized,
      403: forbidden,
      404: notFound,
      409: { schema: inUseSchema, description: 'Playlists or setlists still use it.' },
    },
  },
  {
    method: 'GET',
    path: '/items/:id/history',
    access: 'operator',
    summary: 'The versions an item’s saves replaced.',
    parameters: [id],
    responses: {
      200: { schema: historySchema, description: 'Its history.' },
      400: badId,
      401: unauthorized,
      403: forbidden,
      404: notFound,
    },
  },
  {
    method: 'POST',
    path: '/items/:id/history/:version/restore',
    access: 'operator',
    summary: 'Put an earlier version back (the current one goes to the history).',
    parameters: [
      id,
      { name: 'version', in: 'path', description: 'A history version.', required: true },
      ifMatch,
    ],
    responses: {
      200: { schema: savedSchema, description: 'Restored.' },
      400: badId,
      401: unauthorized,
      403: forbidden,
      404: notFound,
      409: { schema: conflictSchema, description: 'The file changed since that version.' },
      422: { schema: invalidSchema, description: 'That version no longer loads.' },
    },
  },
  {
    method: 'POST',
    path: '/media',
    access: 'operator',
    summary: 'Upload an image: checked, cleaned of metadata, scaled to fit 4096 px.',
    parameters: [
      { name: 'folder', in: 'query', description: '`images` (default), `photos` or `drawings`.' },
      { name: 'X-Filename', in: 'header', description: 'The file’s name.', required: true },
    ],
    request: { type: 'application/octet-stream', description: 'The image’s bytes.' },
    responses: {
      201: { schema: uploadedSchema, description: 'Stored.' },
      400: error('A bad folder or file name.'),
      401: unauthorized,
      403: forbidden,
      413: error('Too large.'),
      415: error('Not an image this app takes.'),
    },
  },
  {
    method: 'POST',
    path: '/media/video',
    access: 'operator',
    summary:
      'Upload a video (MP4 H.264/AAC or WebM VP9/Opus, judged by its bytes), streamed to disk, at most 2 GiB.',
    parameters: [
      { name: 'X-Filename', in: 'header', description: 'The file’s name.', required: true },
    ],
    request: { type: 'application/octet-stream', description: 'The video’s bytes.' },
    responses: {
      201: { schema: videoUploadedSchema, description: 'Stored under media/videos/.' },
      400: error('A bad file name.'),
      401: unauthorized,
      403: forbidden,
      413: error('Too large; nothing was kept.'),
      415: error('Not a video the screens play, and why.'),
    },
  },
  {
    method: 'POST',
    path: '/media/subtitles',
    access: 'operator',
    summary: 'Upload one language’s subtitles (.vtt or .srt, UTF-8, at most 1 MiB), parsed first.',
    parameters: [
      {
        name: 'lang',
        in: 'query',
        description: 'The subtitles’ language: `en`, `pt-BR`.',
        required: true,
      },
      { name: 'X-Filename', in: 'header', description: 'The file’s name.', required: true },
    ],
    request: { type: 'text/plain', description: 'The subtitle file’s bytes.' },
    responses: {
      201: { schema: subtitlesUploadedSchema, description: 'Stored under media/subtitles/.' },
      400: error('A bad language or file name.'),
      401: unauthorized,
      403: forbidden,
      413: error('Too large.'),
      415: error('Not .vtt or .srt, or not UTF-8.'),
      422: {
        schema: subtitlesRefusedSchema,
        description: 'Problems, each with its line; nothing kept.',
      },
    },
  },
  // Event packs (issue 15).
  {
    method: 'GET',
    path: '/pack/export',
    access: 'operator',
    summary: 'The pack (or some playlists of it) as a zip; sizes per kind in `X-Pack-Sizes`.',
    parameters: [
      { name: 'playlist', in: 'query', description: 'A playlist to export; repeatable.' },
      { name: 'force', in: 'query', description: '`true`: export past the size warning.' },
    ],
    responses: {
      200: { type: 'application/zip', description: 'The zip.' },
      401: unauthorized,
      403: forbidden,
      422: { schema: packRefusedSchema, description: 'Why the pack was not exported.' },
    },
  },
  {
    method: 'POST',
    path: '/pack/import',
    access: 'operator',
    summary: 'Replace the pack with an exported zip (the old one is kept).',
    parameters: [{ name: 'dryRun', in: 'query', description: '`true`: check, change nothing.' }],
    request: { type: 'application/zip', description: 'The zip’s bytes.' },
    responses: {
      200: { schema: packImportedSchema, description: 'Imported (or checked).' },
      401: unauthorized,
      403: forbidden,
      413: error('Too large.'),
      415: error('Not a zip.'),
      422: { schema: packRefusedSchema, description: 'Why the pack was refused.' },
    },
  },
  // The control API (issue 16 §4).
  {
    method: 'GET',
    path: '/state',
    access: 'operator-or-control',
    summary: 'What is on air, next, the song and line, the setlist, blackout, safe mode, OBS.',
    responses: {
      200: { schema: controlStateSchema, description: 'The state.' },
      401: unauthorized,
      403: forbidden,
    },
  },
  {
    method: 'POST',
    path: '/commands',
    access: 'operator-or-control',
    summary: 'Run one command, with the same checks as the console.',
    request: { schema: controlCommandBody, description: '`{ "command": "next" }` and its fields.' },
    responses: {
      200: { schema: controlAnswerSchema, description: '`{ "ok": true }`.' },
      400: { schema: controlAnswerSchema, description: 'Not a command.' },
      401: unauthorized,
      403: { schema: controlAnswerSchema, description: 'The role may not (safe mode off).' },
      409: { schema: controlAnswerSchema, description: 'Refused by the show (no such item).' },
    },
  },
  {
    method: 'GET',
    path: '/events',
    access: 'operator-or-control',
    websocket: true,
    summary: 'WebSocket: the state on connect and after each change. Token in `?token=`.',
    parameters: [{ name: 'token', in: 'query', description: 'The bearer token.' }],
    responses: {
      101: { schema: controlEventSchema, description: 'Each message is one of these.' },
      401: unauthorized,
      403: forbidden,
    },
  },
  {
    method: 'GET',
    path: '/control-tokens',
    access: 'operator',
    summary: 'The named control tokens (never the tokens themselves).',
    responses: {
      200: { schema: controlTokenListSchema, description: 'The tokens.' },
      401: unauthorized,
      403: forbidden,
    },
  },
  {
    method: 'POST',
    path: '/control-tokens',
    access: 'operator',
    summary: 'Make a control token; the answer is the only time it is shown.',
    request: { schema: controlTokenCreateSchema, description: 'Its name.' },
    responses: {
      201: { schema: controlTokenCreatedSchema, description: 'The token, shown this once.' },
      400: { schema: controlAnswerSchema, description: 'No name, or too long.' },
      401: unauthorized,
      403: forbidden,
    },
  },
  {
    method: 'DELETE',
    path: '/control-tokens/:id',
    access: 'operator',
    summary: 'Revoke a control token: its requests get 401, its sockets close.',
    parameters: [{ name: 'id', in: 'path', description: 'The token’s id.', required: true }],
    responses: {
      200: { schema: controlAnswerSchema, description: 'Revoked.' },
      401: unauthorized,
      403: forbidden,
      404: { schema: controlAnswerSchema, description: 'No such token.' },
    },
  },
];
