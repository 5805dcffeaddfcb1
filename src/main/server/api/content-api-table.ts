import {
  conflictSchema,
  deletedSchema,
  historySchema,
  inUseSchema,
  invalidSchema,
  itemBodySchema,
  itemListSchema,
  itemRecordSchema,
  packImagesSchema,
  savedSchema,
  subtitlesRefusedSchema,
  subtitlesUploadedSchema,
  uploadedSchema,
  videoUploadedSchema,
} from '../../../shared/protocol/content-api';
import { denied, error, type ApiRoute, type Parameter } from './api-route-types';

/** The content API's routes (issue 14): items, their history, and media uploads. */

const id: Parameter = { name: 'id', in: 'path', description: 'An item id.', required: true };
const badId = error('The id is not a pack id.');
const notFound = error('No such item.');
const ifMatch: Parameter = {
  name: 'If-Match',
  in: 'header',
  description: 'The version the edit started from (the ETag of the GET); optional.',
};

export const contentRoutes: readonly ApiRoute[] = [
  {
    method: 'GET',
    path: '/items',
    access: 'operator',
    summary: 'Every item file of the pack, broken ones included.',
    responses: {
      200: { schema: itemListSchema, description: 'The items.' },
      ...denied,
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
      ...denied,
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
      ...denied,
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
      ...denied,
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
      ...denied,
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
      ...denied,
      404: notFound,
      409: { schema: conflictSchema, description: 'The file changed since that version.' },
      422: { schema: invalidSchema, description: 'That version no longer loads.' },
    },
  },
  {
    method: 'GET',
    path: '/media',
    access: 'operator',
    summary: 'The images under media/, each with the items that name it: to reuse one.',
    responses: {
      200: { schema: packImagesSchema, description: 'The images, by pack path.' },
      ...denied,
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
      ...denied,
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
      ...denied,
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
      ...denied,
      413: error('Too large.'),
      415: error('Not .vtt or .srt, or not UTF-8.'),
      422: {
        schema: subtitlesRefusedSchema,
        description: 'Problems, each with its line; nothing kept.',
      },
    },
  },
];
