import { z } from 'zod';
import {
  actionSchema,
  caseSchema,
  drawingSchema,
  eventSchema,
  packSchema,
  playlistSchema,
  setlistSchema,
  songSchema,
  statementSchema,
  videoSchema,
} from '../content/schema';
import { commandSchema } from './commands';
import { obsInfoSchema } from './obs';
import { localizedTextSchema } from './localized-text';
import { commandResultSchema } from './result';
import { role } from './roles';
import { screensStatusSchema } from './screens';
import { showStateSchema } from './show-state';
import { videoFactsSchema } from '../content/video-facts';

export const PROTOCOL_VERSION = 1;

const source = { source: z.string() };
export const loadedItemSchema = z.discriminatedUnion('kind', [
  caseSchema.safeExtend(source),
  songSchema.safeExtend(source),
  drawingSchema.extend(source),
  actionSchema.extend(source),
  eventSchema.extend(source),
  statementSchema.extend(source),
  videoSchema.extend(source),
  playlistSchema.extend(source),
  setlistSchema.extend(source),
]);

export const contentErrorSchema = z.strictObject({
  file: z.string(),
  line: z.number().int().positive().optional(),
  field: z.string(),
  message: z.string(),
  key: localizedTextSchema.shape.key,
  params: localizedTextSchema.shape.params,
});

export const contentSnapshotSchema = z.strictObject({
  pack: packSchema,
  items: z.array(loadedItemSchema),
  errors: z.array(contentErrorSchema),
  media: z.record(z.string(), z.string()).optional(),
  warnings: z.array(contentErrorSchema).optional(),
  videos: z.record(z.string(), videoFactsSchema).optional(),
  revision: z.number().int().nonnegative(),
});

/** A view connected to the core, as the operator's "outputs" list shows it. */
export const connectedClientSchema = z.strictObject({
  id: z.string(),
  role,
  /** Remote address as the server saw it, e.g. 127.0.0.1 or a phone's LAN address. */
  address: z.string(),
  /** A short description from the User-Agent (e.g. "Chrome on Android"), if any. */
  agent: z.string().nullable(),
  connectedAt: z.number(),
  /** For paired phones: the device id the operator can revoke. */
  deviceId: z.string().nullable(),
  /** For paired screens: the output it is (`screens.ts`). */
  outputId: z.string().nullable().optional(),
});
export type ConnectedClient = z.infer<typeof connectedClientSchema>;

/** The phone remote as the operator sees it. Pairing secrets go to the operator only. */
export const remoteStatusSchema = z.strictObject({
  enabled: z.boolean(),
  /** Where phones open the remote, on the LAN address; null while off. */
  url: z.string().nullable(),
  /** The 6-digit pairing PIN shown on the console; null while off. */
  pin: z
    .string()
    .regex(/^\d{6}$/)
    .nullable(),
  /** Server clock until which pairing is locked after 5 wrong PINs; null when not locked. */
  lockedUntil: z.number().nullable(),
  devices: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      pairedAt: z.number(),
      connected: z.boolean(),
    }),
  ),
  /** Why the remote could not start (no LAN address, port taken), if it could not. */
  error: localizedTextSchema.nullable(),
});
export type RemoteStatus = z.infer<typeof remoteStatusSchema>;

/** The answer to one command: its `Result` on the wire, with the request it answers. */
const answering = { type: z.literal('result'), requestId: z.string() };
const resultMessageSchema = z.discriminatedUnion('ok', [
  commandResultSchema.options[0].extend(answering),
  commandResultSchema.options[1].extend(answering),
]);

/**
 * A clock stamp on the wire: epoch ms, bounded so a hostile number cannot reach the math
 * (year 2286 is far enough; fractions allowed, a view's clock has them).
 */
const clockStamp = z.number().finite().nonnegative().max(1e13);

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
  // Operator-only messages: never sent to displays, overlays or phones.
  z.strictObject({ type: z.literal('clients'), clients: z.array(connectedClientSchema) }),
  z.strictObject({ type: z.literal('remote'), remote: remoteStatusSchema }),
  z.strictObject({ type: z.literal('screens'), screens: screensStatusSchema }),
  z.strictObject({ type: z.literal('notices'), notices: z.array(localizedTextSchema) }),
  z.strictObject({ type: z.literal('obs'), obs: obsInfoSchema }),
  resultMessageSchema,
  // The answer to a view's `ping`: when the core heard it (t1) and answered (t2), for the
  // view's clock offset (src/shared/time/clock-offset.ts).
  z.strictObject({ type: z.literal('pong'), t0: clockStamp, t1: clockStamp, t2: clockStamp }),
]);
export type ServerMessage = z.infer<typeof serverMessageSchema>;

/** Messages from a view to the core. */
export const clientMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('command'),
    requestId: z.string().min(1).max(64),
    command: commandSchema,
  }),
  // A view measuring its clock against the core's: `t0` is its own clock when it sent this.
  z.strictObject({ type: z.literal('ping'), t0: clockStamp }),
  // A screen had the change stamped `showAt` ready to go up (heard, built, scheduled) at `at`,
  // on the core's machine clock by its offset: the core learns its lead from these
  // (src/main/show/change-lead.ts). No answer; from a role that shows no changes, ignored.
  z.strictObject({ type: z.literal('prepared'), showAt: clockStamp, at: clockStamp }),
]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;

/** Where views connect: `ws://host:port/ws?role=display&token=…`. */
export const SOCKET_PATH = '/ws';
