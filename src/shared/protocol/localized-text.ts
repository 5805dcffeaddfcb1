import { z } from 'zod';

/**
 * Words the core sends a person (a content problem, a notice, a refusal): a catalog key with
 * its parameters, so each view shows them in its reader's language, and the English text for
 * logs, the CLI and a view too old to know the key.
 */
export const localizedTextSchema = z.strictObject({
  message: z.string(),
  /** `namespace:path.to.key`, looked up in the reader's catalog. */
  key: z
    .string()
    .regex(/^[a-z]+:[A-Za-z0-9_.]+$/)
    .optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;
