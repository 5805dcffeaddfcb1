import { z } from 'zod';
import { commandSchema } from '../../../shared/protocol';
import { packImportedSchema, packRefusedSchema } from '../../../shared/protocol/content-api';
import {
  controlAnswerSchema,
  controlEventSchema,
  controlStateSchema,
  controlTokenCreatedSchema,
  controlTokenCreateSchema,
  controlTokenListSchema,
} from '../../../shared/protocol/control-api';
import { denied, error, type ApiRoute } from './api-route-types';

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

/** Event packs' routes (issue 15): the pack out as a zip, and a zip in. */
export const packRoutes: readonly ApiRoute[] = [
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
      ...denied,
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
      ...denied,
      413: error('Too large.'),
      415: error('Not a zip.'),
      422: { schema: packRefusedSchema, description: 'Why the pack was refused.' },
    },
  },
];

/** The control API's routes (issue 16 §4): the state, commands, events and control tokens. */
export const controlRoutes: readonly ApiRoute[] = [
  {
    method: 'GET',
    path: '/state',
    access: 'operator-or-control',
    summary: 'What is on air, next, the song and line, the setlist, blackout, safe mode, OBS.',
    responses: {
      200: { schema: controlStateSchema, description: 'The state.' },
      ...denied,
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
      401: denied[401],
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
      ...denied,
    },
  },
  {
    method: 'GET',
    path: '/control-tokens',
    access: 'operator',
    summary: 'The named control tokens (never the tokens themselves).',
    responses: {
      200: { schema: controlTokenListSchema, description: 'The tokens.' },
      ...denied,
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
      ...denied,
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
      ...denied,
      404: { schema: controlAnswerSchema, description: 'No such token.' },
    },
  },
];
