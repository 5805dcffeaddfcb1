import { z } from 'zod';
import { localizedTextSchema, type LocalizedText } from './localized-text';

/**
 * Why something could not be done, in words the person who asked can act on: a `core`
 * catalog key with its parameters (`coreText`), so each view says it in its reader's language.
 */
export type Failure = { ok: false; error: LocalizedText };
export type Success<T> = { ok: true; value: T };

/**
 * What a command or a core operation did. One shape for the core (engine, remote, OBS), the
 * wire (`result` messages) and the views: a result with nothing to say carries no `value`.
 */
export type Result<T = void> =
  ([T] extends [void] ? { ok: true; value?: undefined } : Success<T>) | Failure;

export const ok: Result = { ok: true };
export const fail = (error: LocalizedText): Failure => ({ ok: false, error });

/** A command's result as it travels in a `result` message (a command answers no value). */
export const commandResultSchema = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true) }),
  z.strictObject({ ok: z.literal(false), error: localizedTextSchema }),
]);
