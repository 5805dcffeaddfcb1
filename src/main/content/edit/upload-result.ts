import { z } from 'zod';
import { uploadedSchema } from '../../../shared/protocol/content-api';
import { localizedTextSchema } from '../../../shared/protocol/localized-text';

/*
 * What cleaning an upload gives: the cleaned file, or a refusal. A schema of its own because it
 * crosses a process boundary: the desktop app cleans uploads in the scaling child
 * (server/child-scaling.ts), away from Electron's GLib. Both sides load it with the first
 * upload, not at start.
 */

/** Bytes as a Buffer or as the Uint8Array a process boundary turns it into. */
export const bytesSchema = z.custom<Uint8Array>((value) => value instanceof Uint8Array);

export const cleanedUploadSchema = z.strictObject({
  bytes: bytesSchema,
  type: uploadedSchema.shape.type,
  /** The extension the real type takes, without its dot (as `saveMedia` takes it): `jpg`, … */
  extension: z.enum(['jpg', 'png', 'webp', 'gif', 'svg']),
  /** Safe base name from the claimed name: lower-case ASCII, no path, no dot, ≤ 60 chars. */
  baseName: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  scaled: z.boolean(),
  metadataRemoved: z.boolean(),
  /** More than one frame, kept as an animation. */
  animated: z.boolean(),
});

/** Why an upload is refused: the HTTP status it answers and one sentence naming the file. */
export const uploadRefusalSchema = z.strictObject({
  status: z.union([z.literal(400), z.literal(413), z.literal(415)]),
  error: localizedTextSchema,
});

export const uploadResultSchema = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), upload: cleanedUploadSchema }),
  z.strictObject({ ok: z.literal(false), refusal: uploadRefusalSchema }),
]);

export type UploadType = z.infer<typeof cleanedUploadSchema>['type'];
export type CleanedUpload = Omit<z.infer<typeof cleanedUploadSchema>, 'bytes'> & { bytes: Buffer };
export type UploadRefusal = z.infer<typeof uploadRefusalSchema>;
export type UploadResult =
  { ok: true; upload: CleanedUpload } | { ok: false; refusal: UploadRefusal };

/*
 * The scaling child's side of it (server/child-scaling.ts, scale-worker.ts).
 */

/** An uploaded image to check and clean: its bytes and the name its sender gave. */
export const cleanRequestSchema = z.strictObject({
  id: z.number().int().nonnegative(),
  clean: z.strictObject({ bytes: bytesSchema, name: z.string() }),
});
export type CleanRequest = z.infer<typeof cleanRequestSchema>;

export const cleanReplySchema = z.discriminatedUnion('ok', [
  z.strictObject({ id: z.number().int(), ok: z.literal(true), cleaned: uploadResultSchema }),
  z.strictObject({ id: z.number().int(), ok: z.literal(false), error: z.string() }),
]);
export type CleanReply = z.infer<typeof cleanReplySchema>;

/** Turns an upload (its bytes and the name its sender gave) into a cleaned file or a refusal. */
export type CleanUpload = (bytes: Buffer, claimedName: string) => Promise<UploadResult>;
