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

/**
 * Where "Play on stream" puts the media source: a scene of its own, switched to and back
 * (the default: the stream shows the film alone, with its subtitles over it), or under the
 * overlays in the overlay scene, so every scene that holds the overlays shows the film without
 * a scene switch.
 */
export const videoPlacementSchema = z.enum(['own-scene', 'overlay-scene']);
export type VideoPlacement = z.infer<typeof videoPlacementSchema>;

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
  /**
   * The password comes from SOLIDARITY_OBS_PASSWORD, which wins over one typed in the console:
   * the console says so instead of asking for a password that would not be used.
   */
  passwordFromEnv: z.boolean(),
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

/** `unavailable`: this OBS cannot show it (an image source for OBS on another computer). */
const setupAction = z.enum(['created', 'updated', 'unchanged', 'unavailable']);

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
  /** What the operator must know about this setup (OBS on another computer, for one). */
  warnings: z.array(z.string()),
});

/** The ways what OBS holds can differ from what the console says is on the stream. */
export const obsDriftKind = z.enum([
  /** The overlay scene is not in OBS (never set up, or deleted there). */
  'scene-missing',
  /** One of the app's sources is not in the overlay scene (deleted, or removed from it). */
  'source-missing',
  /** One of the app's sources was renamed in OBS: the app no longer updates it. */
  'source-renamed',
  /** A source with the app's name is of another kind than the app feeds. */
  'wrong-kind',
  /** Hidden in OBS (its eye) while the console has it on the stream. */
  'hidden-in-obs',
  /** Shown in OBS while the console has it off. */
  'shown-in-obs',
  /** A band moved in front of the text it sits behind: it covers the text. */
  'band-in-front',
  /** OBS is on another computer: image sources there cannot open this computer's files. */
  'images-unreachable',
  /** OBS is on another computer and the overlay pages' address is this computer's loopback. */
  'pages-unreachable',
]);
export type ObsDriftKind = z.infer<typeof obsDriftKind>;

export const obsDriftSchema = z.strictObject({
  kind: obsDriftKind,
  /** The app's name for the source; null for the scene or the whole connection. */
  source: z.string().nullable(),
  /** A sentence for the operator: what differs, what the stream shows, and what to do. */
  message: z.string(),
  /** Whether "Repair" (the setup button) puts it right. */
  repairable: z.boolean(),
});

export const obsStreamElement = z.enum(['lyrics', 'lowerThird', 'qr', 'drawing', 'nowPlaying']);

/** The overlay scene as OBS holds it, checked on connect, on OBS's events and while polling. */
export const obsOverlayHealthSchema = z.strictObject({
  at: z.number(),
  sceneExists: z.boolean(),
  /** How the app's sources are made in this OBS; null when there are none. */
  mode: z.enum(['browser', 'native']).nullable(),
  /** OBS was reached at an address that is not this computer's. */
  remote: z.boolean(),
  /** Empty when OBS holds what the console says. */
  drift: z.array(obsDriftSchema),
  /**
   * Each element as OBS really has it: `console` is what the show wants on the stream, `obs`
   * whether OBS shows it (null where OBS has no source of the app's for it).
   */
  elements: z.array(
    z.strictObject({
      element: obsStreamElement,
      console: z.boolean(),
      obs: z.boolean().nullable(),
    }),
  ),
});

/** "Play on stream": the OBS media source's state, read from OBS while a video plays. */
export const obsVideoStatusSchema = z.strictObject({
  itemId: z.string(),
  state: z.enum(['opening', 'playing', 'paused', 'ended', 'stopped', 'error']),
  cursorMs: z.number().nullable(),
  durationMs: z.number().nullable(),
});
export type ObsVideoStatus = z.infer<typeof obsVideoStatusSchema>;

export const obsInfoSchema = z.strictObject({
  status: obsStatusSchema,
  /** Null while not connected. */
  scenes: obsScenesSchema.nullable(),
  outputs: obsOutputsSchema.nullable(),
  setup: obsSetupReportSchema.nullable(),
  /** Null until checked (not connected yet). */
  overlay: obsOverlayHealthSchema.nullable(),
  /** The video on the stream; absent or null when none has played. */
  video: obsVideoStatusSchema.nullable().optional(),
  /** Where the next "Play on stream" puts the video (`obs-video.json`); absent: the default. */
  videoPlacement: videoPlacementSchema.optional(),
});
export type ObsInfo = z.infer<typeof obsInfoSchema>;
export type ObsStatusInfo = z.infer<typeof obsStatusSchema>;
export type ObsScenes = z.infer<typeof obsScenesSchema>;
export type ObsOutputs = z.infer<typeof obsOutputsSchema>;
export type ObsSetupReportInfo = z.infer<typeof obsSetupReportSchema>;
export type ObsOverlayHealth = z.infer<typeof obsOverlayHealthSchema>;
export type ObsDrift = z.infer<typeof obsDriftSchema>;

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
  /** Plays a video item on the stream through OBS; again while paused, resumes it. */
  z.strictObject({ name: z.literal('obsVideoPlay'), itemId: z.string().min(1).max(256) }),
  z.strictObject({ name: z.literal('obsVideoPause') }),
  z.strictObject({ name: z.literal('obsVideoStop') }),
  /** Where the next video on the stream goes; saved on this machine. */
  z.strictObject({ name: z.literal('obsVideoPlacement'), placement: videoPlacementSchema }),
] as const;

export const obsCommandNames = [
  'obsConfigure',
  'obsSetup',
  'obsSwitchScene',
  'obsVideoPlay',
  'obsVideoPause',
  'obsVideoStop',
  'obsVideoPlacement',
] as const;
export type ObsCommandName = (typeof obsCommandNames)[number];
