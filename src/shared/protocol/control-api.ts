import { z } from 'zod';
import { API_PREFIX } from './content-api';
import { localizedTextSchema } from './localized-text';
import { obsConnectionState } from './obs';
import { showStateSchema } from './show-state';

/*
 * The control API (`/api/v1/state`, `/commands`, `/events`, `/control-tokens`): how a show
 * controller (Bitfocus Companion, a Stream Deck, a script) runs the show over HTTP. Commands
 * are the socket's commands, checked by the same permission table, with the role `control`.
 */

export const controlPaths = {
  state: `${API_PREFIX}/state`,
  commands: `${API_PREFIX}/commands`,
  events: `${API_PREFIX}/events`,
  tokens: `${API_PREFIX}/control-tokens`,
  token: (id: string) => `${API_PREFIX}/control-tokens/${encodeURIComponent(id)}`,
} as const;

/**
 * What a controller needs to show on its buttons. Picked from the show state, so a field
 * renamed there is renamed here; `nextItemId` and `obs` are added.
 */
export const controlStateSchema = showStateSchema
  .pick({
    itemId: true,
    playlistId: true,
    paused: true,
    blackout: true,
    safeMode: true,
    lyrics: true,
    setlist: true,
    outputLanguages: true,
    overlays: true,
    startedAt: true,
    durationMs: true,
    serverTime: true,
  })
  .extend({
    /** What the loop plays after the item on air, or null when nothing else can play. */
    nextItemId: z.string().nullable(),
    /** OBS's connection; `off` when this core runs without OBS. */
    obs: z.strictObject({ state: z.union([obsConnectionState, z.literal('off')]) }),
  });
export type ControlState = z.infer<typeof controlStateSchema>;

/**
 * `POST /api/v1/commands`: a command as the socket takes it, with its name under `command`
 * (`{ "command": "goTo", "itemId": "…" }`), which reads better in a Companion button.
 */
export const controlCommandBodySchema = z.looseObject({ command: z.string().min(1).max(64) });

/** Why a command was not run: the English words, and the catalog key to say it in another language. */
export const controlAnswerSchema = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true) }),
  z.strictObject({
    ok: z.literal(false),
    error: z.string(),
    key: localizedTextSchema.shape.key,
    params: localizedTextSchema.shape.params,
  }),
]);
export type ControlAnswer = z.infer<typeof controlAnswerSchema>;

/** A message on `/api/v1/events`: the state, on connect and after each change. */
export const controlEventSchema = z.strictObject({
  type: z.literal('state'),
  state: controlStateSchema,
});
export type ControlEvent = z.infer<typeof controlEventSchema>;

/** A named control token, as the console lists it. The token itself is never listed. */
export const controlTokenInfoSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  /** Epoch ms. */
  createdAt: z.number(),
  /** Epoch ms of the last request made with it, to the minute; null if never used. */
  lastUsedAt: z.number().nullable(),
});
export type ControlTokenInfo = z.infer<typeof controlTokenInfoSchema>;

export const CONTROL_TOKEN_NAME_MAX = 60;

export const controlTokenCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(CONTROL_TOKEN_NAME_MAX),
});

/** The answer to a create: the token, shown this once, and its listing. */
export const controlTokenCreatedSchema = z.strictObject({
  token: z.string(),
  info: controlTokenInfoSchema,
});
export const controlTokenListSchema = z.strictObject({ tokens: z.array(controlTokenInfoSchema) });
