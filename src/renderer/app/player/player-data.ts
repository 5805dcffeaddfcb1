import { z } from 'zod';
import type { ContentSnapshot } from '../../../shared/content';

/**
 * The export wrote this file from a pack the loader checked, so only its outline is checked
 * here: a folder copied by hand, half-written or mixed with another version must say so on
 * screen instead of rendering nothing.
 */
const playerDataSchema = z.object({
  format: z.literal('solidarity-player'),
  version: z.literal(1),
  snapshot: z.looseObject({
    pack: z.looseObject({ defaultLanguage: z.string(), languages: z.array(z.string()) }),
    items: z.array(z.looseObject({ id: z.string(), kind: z.string() })),
  }),
});

export type PlayerData = { format: 'solidarity-player'; version: 1; snapshot: ContentSnapshot };

export function readPlayerData(value: unknown): PlayerData | { error: string } {
  const parsed = playerDataSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { error: `pack-data.js: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? ''}` };
  }
  return value as PlayerData;
}
