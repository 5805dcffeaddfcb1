import { z } from 'zod';

/*
 * OBS as the operator sees it. Operator-only: never sent to displays, overlays or phones, and
 * never carrying the password (only whether one is set).
 */

export const obsConnectionState = z.enum([
  'disconnected',
  'connecting',
  'connected',
  'auth-failed',
  'error',
]);
export type ObsConnectionState = z.infer<typeof obsConnectionState>;

export const obsStatusSchema = z.strictObject({
  state: obsConnectionState,
  /** A sentence for the operator: what is wrong and what to do. */
  message: z.string(),
  obsVersion: z.string().nullable(),
  obsWebSocketVersion: z.string().nullable(),
  /** The configured address; null until OBS is set up here. */
  host: z.string().nullable(),
  port: z.number().int().nullable(),
  /** Whether a password is configured (the file, the app's store or the environment). */
  hasPassword: z.boolean(),
});

export const obsScenesSchema = z.strictObject({
  /** As OBS's Scenes dock lists them, top first. */
  scenes: z.array(z.string()),
  program: z.string().nullable(),
  /** Null unless studio mode is on. */
  preview: z.string().nullable(),
  studioMode: z.boolean(),
});

export const obsOutputsSchema = z.strictObject({
  stream: z.strictObject({
    active: z.boolean(),
    reconnecting: z.boolean(),
    timecode: z.string(),
    droppedFrames: z.number(),
    totalFrames: z.number(),
  }),
  record: z.strictObject({ active: z.boolean(), paused: z.boolean(), timecode: z.string() }),
});

const setupAction = z.enum(['created', 'updated', 'unchanged']);

/** What "Set up overlays in OBS" did the last time it was pressed. */
export const obsSetupReportSchema = z.strictObject({
  at: z.number(),
  ok: z.boolean(),
  /** Why it failed; null when it worked. */
  error: z.string().nullable(),
  scene: z.enum(['created', 'unchanged']).nullable(),
  mode: z.enum(['browser', 'native']).nullable(),
  inputs: z.array(z.strictObject({ name: z.string(), input: setupAction, item: setupAction })),
  /** The program scenes it was asked to add the overlay scene to. */
  scenes: z.array(
    z.strictObject({
      scene: z.string(),
      result: z.enum(['added', 'already-there', 'missing', 'skipped']),
    }),
  ),
});

export const obsInfoSchema = z.strictObject({
  status: obsStatusSchema,
  /** Null while not connected. */
  scenes: obsScenesSchema.nullable(),
  outputs: obsOutputsSchema.nullable(),
  setup: obsSetupReportSchema.nullable(),
});
export type ObsInfo = z.infer<typeof obsInfoSchema>;
export type ObsStatusInfo = z.infer<typeof obsStatusSchema>;
export type ObsScenes = z.infer<typeof obsScenesSchema>;
export type ObsOutputs = z.infer<typeof obsOutputsSchema>;
export type ObsSetupReportInfo = z.infer<typeof obsSetupReportSchema>;

/** Commands for OBS, operator only. */
export const obsCommandSchemas = [
  z.strictObject({
    name: z.literal('obsConfigure'),
    host: z.string().trim().min(1).max(253),
    port: z.number().int().min(1).max(65535),
    /** Left out: keep the stored one. '' removes it. */
    password: z.string().max(1024).optional(),
  }),
  z.strictObject({
    name: z.literal('obsSetup'),
    addToScenes: z.array(z.string().min(1).max(256)).max(50).optional(),
  }),
  z.strictObject({ name: z.literal('obsSwitchScene'), scene: z.string().min(1).max(256) }),
] as const;

export const obsCommandNames = ['obsConfigure', 'obsSetup', 'obsSwitchScene'] as const;
export type ObsCommandName = (typeof obsCommandNames)[number];
