import { z } from 'zod';
import {
  actionSchema,
  caseSchema,
  drawingSchema,
  eventSchema,
  packSchema,
  playlistSchema,
  songSchema,
  statementSchema,
} from '../content/schema';
import { commandSchema } from './commands';
import { role } from './roles';
import { showStateSchema } from './show-state';

export const PROTOCOL_VERSION = 1;

const source = { source: z.string() };
export const loadedItemSchema = z.discriminatedUnion('kind', [
  caseSchema.extend(source),
  songSchema.safeExtend(source),
  drawingSchema.extend(source),
  actionSchema.extend(source),
  eventSchema.extend(source),
  statementSchema.extend(source),
  playlistSchema.extend(source),
]);

export const contentErrorSchema = z.strictObject({
  file: z.string(),
  line: z.number().int().positive().optional(),
  field: z.string(),
  message: z.string(),
});

export const contentSnapshotSchema = z.strictObject({
  pack: packSchema,
  items: z.array(loadedItemSchema),
  errors: z.array(contentErrorSchema),
  revision: z.number().int().nonnegative(),
});

/** Messages from the core to a view. */
export const serverMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('welcome'),
    protocol: z.literal(PROTOCOL_VERSION),
    role,
    clientId: z.string(),
  }),
  z.strictObject({ type: z.literal('content'), content: contentSnapshotSchema }),
  z.strictObject({ type: z.literal('show'), show: showStateSchema }),
  z.strictObject({
    type: z.literal('result'),
    requestId: z.string(),
    ok: z.boolean(),
    /** Why the command was refused or failed; present exactly when `ok` is false. */
    error: z.string().optional(),
  }),
]);
export type ServerMessage = z.infer<typeof serverMessageSchema>;

/** Messages from a view to the core. */
export const clientMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('command'),
    requestId: z.string().min(1).max(64),
    command: commandSchema,
  }),
]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;

/** Where views connect: `ws://host:port/ws?role=display&token=…`. */
export const SOCKET_PATH = '/ws';
